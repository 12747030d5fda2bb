/** /reset-password?token=… — choose a new password with the link from the e-mail. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, fieldError, isApiError } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: () => api.post<{ login: string }>('/password/reset', { token, newPassword: password }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== password2) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    mutation.mutate();
  };
  const err = mutation.error;
  const linkProblem = isApiError(err) && (err.code === 'auth.reset_link_invalid' || err.code === 'auth.reset_link_expired');

  if (!token) {
    return (
      <AuthLayout title={t('reset.title')}>
        <ErrorBanner>{t('reset.noToken')}</ErrorBanner>
        <p>
          <Link to="/forgot-password">{t('reset.askNew')}</Link>
        </p>
      </AuthLayout>
    );
  }
  if (mutation.isSuccess) {
    return (
      <AuthLayout title={t('reset.title')}>
        <SuccessBanner>{t('reset.done', { login: mutation.data.login })}</SuccessBanner>
        <p>
          <Link to="/login" state={{ login: mutation.data.login }}>
            {t('reset.toLogin')}
          </Link>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('reset.title')}>
      <ErrorBanner error={err ?? undefined} />
      {linkProblem ? (
        <p>
          <Link to="/forgot-password">{t('reset.askNew')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField id="newPassword" label={t('password.new')} type="password" hint={t('password.rule')} value={password} onChange={setPassword} autoComplete="new-password" autoFocus required error={fieldError(err, 'newPassword')} />
          <TextField id="newPassword2" label={t('password.repeat')} type="password" value={password2} onChange={setPassword2} autoComplete="new-password" required error={mismatch ? t('password.mismatch') : undefined} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={mutation.isPending || !password}>
              {t('reset.submit')}
            </button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}
