/** Management → Fixed accounts: the roles the software needs and the account of each, editable. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { AccountPicker } from './AccountPicker.tsx';
import { ledgerPath, useDossierId, useMissingRight, type FixedAccount } from './ledger-api.ts';

export default function FixedAccountsPage() {
  const t = useT();
  const dossierId = useDossierId();
  const client = useQueryClient();
  const reason = useMissingRight()('accounts');
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [language] = useLanguage();
  const key = ['fixed-accounts', dossierId, language];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<FixedAccount[]>(ledgerPath(dossierId, 'fixed-accounts')) });
  const save = useMutation({
    mutationFn: ({ role, account }: { role: string; account: string | null }) => api.put<FixedAccount[]>(ledgerPath(dossierId, `fixed-accounts/${role}`), { account }),
    onSuccess: (rows, { role }) => {
      client.setQueryData(key, rows);
      setEditing(null);
      setSaved(role);
    },
  });
  const start = (row: FixedAccount) => {
    save.reset();
    setSaved(null);
    setEditing(row.role);
    setValue(row.account ?? '');
  };
  const submit = () => editing && save.mutate({ role: editing, account: value.trim() === '' ? null : value.trim() });
  useShortcuts(
    [
      { keys: ['Ctrl+S'], description: 'shortcuts.save', run: submit, enabled: editing !== null },
      { keys: ['Escape'], description: 'shortcuts.cancelEdit', run: () => setEditing(null), enabled: editing !== null },
    ],
    { group: 'menu.fixedAccounts' },
  );

  if (list.isPending) return <Loading />;
  const err = save.error;
  return (
    <div className="page wide">
      <h1>{t('menu.fixedAccounts')}</h1>
      <InfoNote>{t('ledger.fixed.intro')}</InfoNote>
      <ErrorBanner error={list.error ?? (isApiError(err) && err.fieldMessage('account') ? undefined : err) ?? undefined} />
      {saved && <SuccessBanner>{t('common.saved')}</SuccessBanner>}
      <table className="grid" data-testid="fixed-accounts">
        <thead>
          <tr>
            <th>{t('ledger.fixed.role')}</th>
            <th>{t('ledger.fixed.account')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((row) => (
            <tr key={row.role} data-role={row.role}>
              <td>{row.label}</td>
              <td>
                {editing === row.role ? (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      submit();
                    }}
                  >
                    <AccountPicker
                      id={`fixed-${row.role}`}
                      dossierId={dossierId}
                      label={t('ledger.fixed.pick', { role: row.label })}
                      value={value}
                      onChange={setValue}
                      autoFocus
                      error={isApiError(err) ? err.fieldMessage('account') : undefined}
                    />
                  </form>
                ) : row.account ? (
                  `${row.account} ${row.accountName ?? ''}`
                ) : (
                  <span className="muted">{t('ledger.fixed.none')}</span>
                )}
              </td>
              <td className="actions">
                {editing === row.role ? (
                  <>
                    <button type="button" className="primary" onClick={submit} disabled={save.isPending} title="Ctrl+S">
                      {t('common.save')}
                    </button>{' '}
                    <button type="button" onClick={() => save.mutate({ role: row.role, account: null })} disabled={save.isPending}>
                      {t('ledger.fixed.clear')}
                    </button>{' '}
                    <button type="button" onClick={() => setEditing(null)} title="Esc">
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => start(row)} disabled={Boolean(reason)} title={reason}>
                    {t('ledger.fixed.change')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
