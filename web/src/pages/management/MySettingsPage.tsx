/** Management → My settings: display name, e-mail address (needed to reset a forgotten password), language. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fieldError, type Language, type User } from '../../api.ts';
import { LANGUAGE_NAMES } from '../../app/AppShell.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LANGUAGES, useT } from '../../i18n/index.tsx';
import { useSessionActions, useUser } from '../../session.tsx';
import { useShortcuts } from '../../shortcuts.tsx';

export default function MySettingsPage() {
  const t = useT();
  const user = useUser();
  const { updateUser } = useSessionActions();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [language, setLanguage] = useState<Language>(user.language);
  const mutation = useMutation({
    mutationFn: () => api.patch<User>('/me', { displayName, email: email.trim() || null, language }),
    onSuccess: (saved) => updateUser(saved),
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    mutation.mutate();
  };
  useShortcuts([{ keys: ['Ctrl+S'], description: 'shortcuts.save', run: () => submit() }], { group: 'menu.mySettings' });
  const err = mutation.error;
  return (
    <div className="page">
      <h1>{t('menu.mySettings')}</h1>
      {mutation.isSuccess && <SuccessBanner>{t('common.saved')}</SuccessBanner>}
      <ErrorBanner error={err ?? undefined} />
      <form onSubmit={submit} noValidate className="form narrow-form">
        <TextField id="login" label={t('login.login')} value={user.login} onChange={() => undefined} readOnly />
        <TextField id="displayName" label={t('user.displayName')} value={displayName} onChange={setDisplayName} autoComplete="name" error={fieldError(err, 'displayName')} />
        <TextField id="email" label={t('user.email')} type="email" value={email} onChange={setEmail} autoComplete="email" hint={t('user.emailHint')} error={fieldError(err, 'email')} />
        <SelectField id="language" label={t('shell.language')} value={language} onChange={setLanguage} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
