/** `const confirm = useConfirm(); if (await confirm({...})) …` — a modal yes/no question. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

type ConfirmFn = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<ConfirmFn>(async () => false);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const confirm = useCallback<ConfirmFn>((options) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })), []);
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && (
        <Dialog title={pending.title} onClose={() => close(false)} role="alertdialog" testId="confirm-dialog">
          <div className="confirm-message">{pending.message}</div>
          <div className="dialog-buttons">
            <button type="button" className={pending.danger ? 'danger' : 'primary'} onClick={() => close(true)}>
              {pending.confirmLabel}
            </button>
            <button type="button" onClick={() => close(false)} data-autofocus>
              {pending.cancelLabel ?? t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): ConfirmFn {
  return useContext(ConfirmContext);
}
