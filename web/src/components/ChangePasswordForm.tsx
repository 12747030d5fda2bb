/** Current password and the new one twice; confirmed at once on success. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fieldError } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { TextField } from './Fields.tsx';
import { ErrorBanner, SuccessBanner } from './Messages.tsx';

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [next2, setNext2] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: () => api.post('/me/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setNext2('');
      onDone?.();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== next2) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    mutation.mutate();
  };
  const err = mutation.error;
  return (
    <>
      {mutation.isSuccess && <SuccessBanner>{t('password.changed')}</SuccessBanner>}
      <ErrorBanner error={err ?? undefined} />
      <form onSubmit={submit} noValidate className="form narrow-form">
        <TextField id="currentPassword" label={t('password.current')} type="password" value={current} onChange={setCurrent} autoComplete="current-password" required autoFocus error={fieldError(err, 'currentPassword')} />
        <TextField id="newPassword" label={t('password.new')} type="password" hint={t('password.rule')} value={next} onChange={setNext} autoComplete="new-password" required error={fieldError(err, 'newPassword')} />
        <TextField id="newPassword2" label={t('password.repeat')} type="password" value={next2} onChange={setNext2} autoComplete="new-password" required error={mismatch ? t('password.mismatch') : undefined} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={mutation.isPending || !current || !next}>
            {t('password.changeSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}
