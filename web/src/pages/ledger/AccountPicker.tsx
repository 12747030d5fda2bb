/** An account number field that proposes matching accounts (number prefix or name) as you type. */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { useLanguage } from '../../i18n/index.tsx';
import { ledgerPath, type Account } from './ledger-api.ts';

export function AccountPicker({
  id,
  dossierId,
  label,
  value,
  onChange,
  error,
  hint,
  autoFocus,
}: {
  id: string;
  dossierId: number;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  const search = value.trim();
  const [language] = useLanguage();
  const matches = useQuery({
    queryKey: ['account-picker', dossierId, search, language],
    queryFn: () => api.get<Page<Account>>(ledgerPath(dossierId, 'accounts'), { search: search || undefined, active: true, pageSize: 30 }),
    staleTime: 30_000,
  });
  const listId = `${id}-options`;
  return (
    <>
      <TextField id={id} label={label} value={value} onChange={onChange} list={listId} error={error} hint={hint} autoFocus={autoFocus} autoComplete="off" />
      <datalist id={listId}>
        {(matches.data?.items ?? []).map((a) => (
          <option key={a.number} value={a.number}>
            {`${a.number} ${a.name}`}
          </option>
        ))}
      </datalist>
    </>
  );
}
