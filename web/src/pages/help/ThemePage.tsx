/** Help → Change theme: colour scheme and font size, applied at once and saved for the user. */
import { useMutation } from '@tanstack/react-query';
import { api, type FontSize, type Theme, type User } from '../../api.ts';
import { RadioGroup } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSessionActions, useUser } from '../../session.tsx';
import { FONT_SIZES, THEMES } from '../../theme.ts';

export default function ThemePage() {
  const t = useT();
  const user = useUser();
  const { updateUser } = useSessionActions();
  const mutation = useMutation({
    mutationFn: (change: { theme?: Theme; fontSize?: FontSize }) => api.patch<User>('/me', change),
    onMutate: (change) => updateUser({ ...user, ...change }),
    onSuccess: (saved) => updateUser(saved),
  });
  return (
    <div className="page">
      <h1>{t('menu.theme')}</h1>
      <p className="muted">{t('theme.intro')}</p>
      <ErrorBanner error={mutation.error ?? undefined} />
      <div className="theme-options">
        <RadioGroup
          legend={t('theme.scheme')}
          name="theme"
          value={user.theme}
          onChange={(theme) => mutation.mutate({ theme })}
          options={THEMES.map((value) => ({ value, label: t(`theme.${value}`) }))}
        />
        <RadioGroup
          legend={t('theme.fontSize')}
          name="fontSize"
          value={user.fontSize}
          onChange={(fontSize) => mutation.mutate({ fontSize })}
          options={FONT_SIZES.map((value) => ({ value, label: t(`theme.size.${value}`) }))}
        />
      </div>
      {mutation.isSuccess && <SuccessBanner>{t('theme.saved')}</SuccessBanner>}
      <section className="theme-sample" aria-label={t('theme.sample')}>
        <h2>{t('theme.sample')}</h2>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('theme.sampleAccount')}</th>
              <th scope="col">{t('theme.sampleName')}</th>
              <th scope="col" className="num">
                {t('theme.sampleDebit')}
              </th>
              <th scope="col" className="num">
                {t('theme.sampleCredit')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>550000</td>
              <td>{t('theme.sampleBank')}</td>
              <td className="num">1.210,00</td>
              <td className="num" />
            </tr>
            <tr className="current">
              <td>400000</td>
              <td>{t('theme.sampleCustomers')}</td>
              <td className="num" />
              <td className="num">1.210,00</td>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
