/** Management → Change password: current password, the new one twice; confirmed at once. */
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { useT } from '../../i18n/index.tsx';

export default function ChangePasswordPage() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('password.changeTitle')}</h1>
      <p className="muted">{t('password.changeIntro')}</p>
      <ChangePasswordForm />
    </div>
  );
}
