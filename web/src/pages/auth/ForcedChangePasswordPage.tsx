/** A user whose password was set by someone else chooses a new one before anything else. */
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { SESSION_KEY, useSession, useSessionActions } from '../../session.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function ForcedChangePasswordPage() {
  const t = useT();
  const { data } = useSession();
  const client = useQueryClient();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  if (data?.user && !data.user.mustChangePassword) return <Navigate to="/dossiers" replace />;
  return (
    <AuthLayout title={t('password.changeTitle')}>
      <p className="banner info">{t('password.mustChange')}</p>
      <ChangePasswordForm
        onDone={async () => {
          await client.invalidateQueries({ queryKey: SESSION_KEY });
          navigate('/dossiers', { replace: true, state: { notice: 'password-changed' } });
        }}
      />
      <p>
        <button
          type="button"
          className="link-button"
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {t('shell.logout')}
        </button>
      </p>
    </AuthLayout>
  );
}
