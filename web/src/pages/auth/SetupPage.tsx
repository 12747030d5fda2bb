/** First run: create the office and its administrator; the answer logs in. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, fieldError, type Session } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner } from '../../components/Messages.tsx';
import { useLanguage, useT } from '../../i18n/index.tsx';
import { useSession, useSessionActions } from '../../session.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function SetupPage() {
  const t = useT();
  const [language] = useLanguage();
  const { data: session, isPending } = useSession();
  const { loggedIn } = useSessionActions();
  const navigate = useNavigate();
  const [form, setForm] = useState({ officeName: '', login: '', displayName: '', email: '', password: '', password2: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const mutation = useMutation({
    mutationFn: () =>
      api.post<Omit<Session, 'setupNeeded'>>('/setup', {
        officeName: form.officeName,
        login: form.login,
        displayName: form.displayName || undefined,
        email: form.email || null,
        password: form.password,
        language,
      }),
    onSuccess: (result) => {
      loggedIn(result);
      navigate('/dossiers', { replace: true });
    },
  });

  if (isPending) return <Loading />;
  if (session && !session.setupNeeded && !mutation.isSuccess) return <Navigate to={session.user ? '/dossiers' : '/login'} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.password2) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    mutation.mutate();
  };
  const err = mutation.error;

  return (
    <AuthLayout title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <ErrorBanner error={err ?? undefined} />
      <form onSubmit={submit} noValidate>
        <TextField id="officeName" label={t('setup.officeName')} hint={t('setup.officeNameHint')} value={form.officeName} onChange={set('officeName')} required autoFocus error={fieldError(err, 'officeName')} />
        <TextField id="login" label={t('setup.login')} hint={t('user.loginHint')} value={form.login} onChange={set('login')} autoComplete="username" required error={fieldError(err, 'login')} />
        <TextField id="displayName" label={t('user.displayName')} value={form.displayName} onChange={set('displayName')} autoComplete="name" />
        <TextField id="email" label={t('user.email')} type="email" hint={t('user.emailHint')} value={form.email} onChange={set('email')} autoComplete="email" error={fieldError(err, 'email')} />
        <TextField id="password" label={t('password.new')} type="password" hint={t('password.rule')} value={form.password} onChange={set('password')} autoComplete="new-password" required error={fieldError(err, 'password')} />
        <TextField id="password2" label={t('password.repeat')} type="password" value={form.password2} onChange={set('password2')} autoComplete="new-password" required error={mismatch ? t('password.mismatch') : undefined} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
