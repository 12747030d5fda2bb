/** Forgot password: a link by e-mail (valid one hour), or the advice to ask the office's administrator. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function ForgotPasswordPage() {
  const t = useT();
  const location = useLocation();
  const [login, setLogin] = useState((location.state as { login?: string } | null)?.login ?? '');
  const mutation = useMutation({ mutationFn: () => api.post<{ outcome: 'mailed' | 'no_email' }>('/password/forgot', { login }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const outcome = mutation.data?.outcome;
  return (
    <AuthLayout title={t('forgot.title')}>
      {!outcome && <p>{t('forgot.intro')}</p>}
      <ErrorBanner error={mutation.error ?? undefined} />
      {outcome === 'mailed' && <SuccessBanner>{t('forgot.mailed')}</SuccessBanner>}
      {outcome === 'no_email' && (
        <div className="banner warning" role="status" data-testid="no-email-message">
          {t('forgot.noEmail')}
        </div>
      )}
      {!outcome && (
        <form onSubmit={submit} noValidate>
          <TextField id="login" label={t('login.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus required />
          <div className="button-row">
            <button type="submit" className="primary" disabled={mutation.isPending || !login.trim()}>
              {t('forgot.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/login" state={{ login }}>
          {t('forgot.backToLogin')}
        </Link>
      </p>
    </AuthLayout>
  );
}
