/** Help → About: version and where the API is documented. */
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

export default function AboutPage() {
  const t = useT();
  const { data } = useSession();
  return (
    <div className="page">
      <h1>{t('menu.about')}</h1>
      <p>{t('about.intro')}</p>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="app-version">{__APP_VERSION__}</dd>
        {data?.office && (
          <>
            <dt>{t('about.office')}</dt>
            <dd>{data.office.name}</dd>
          </>
        )}
        <dt>{t('about.api')}</dt>
        <dd>
          <a href="/api/docs" target="_blank" rel="noopener">
            /api/docs
          </a>{' '}
          ({t('about.apiSpec')}{' '}
          <a href="/api/openapi.json" target="_blank" rel="noopener">
            /api/openapi.json
          </a>
          )
        </dd>
      </dl>
      <p className="muted">{t('about.licence')}</p>
    </div>
  );
}
