import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, type Language, type Session, type User } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession, useSessionActions } from '../../session.tsx';
import { AuthLayout } from './AuthLayout.tsx';

/** Where to go after login: the page asked for (only paths inside the app). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dossiers';
}

export function LoginPage() {
  const t = useT();
  const { data: session, isPending } = useSession();
  const { loggedIn, updateUser } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [login, setLogin] = useState((location.state as { login?: string } | null)?.login ?? '');
  const [password, setPassword] = useState('');
  const chosenLanguage = useRef<Language | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: () => api.post<Omit<Session, 'setupNeeded'>>('/session', { login, password }),
    onSuccess: async (result) => {
      loggedIn(result);
      // A language chosen on this page becomes the user's language.
      if (chosenLanguage.current && result.user && chosenLanguage.current !== result.user.language) {
        try {
          updateUser(await api.patch<User>('/me', { language: chosenLanguage.current }));
        } catch {
          /* keep the saved language */
        }
      }
      navigate(result.user?.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    },
    onError: () => {
      setPassword('');
      passwordRef.current?.focus();
    },
  });

  if (isPending) return <Loading />;
  if (session?.setupNeeded) return <Navigate to="/setup" replace />;
  if (session?.user && !mutation.isPending && !mutation.isSuccess) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const notice = (location.state as { notice?: string } | null)?.notice;

  return (
    <AuthLayout title={t('login.title')} onLanguage={(lang) => (chosenLanguage.current = lang)}>
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <ErrorBanner error={mutation.error ?? undefined} />
      <form onSubmit={submit} noValidate>
        <TextField id="login" label={t('login.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus={!login} required />
        <TextField
          id="password"
          label={t('login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          inputRef={passwordRef}
          autoFocus={Boolean(login)}
          required
        />
        <div className="button-row">
          <button type="submit" className="primary" disabled={mutation.isPending || !login.trim() || !password}>
            {mutation.isPending ? t('login.busy') : t('login.submit')}
          </button>
          <Link to="/forgot-password" state={{ login }}>
            {t('login.forgot')}
          </Link>
        </div>
      </form>
    </AuthLayout>
  );
}
