/**
 * Management → Accounts: the chart of accounts (search Ctrl+F by number or name, active filter,
 * sorted by number, name, class or kind and paged on the server; names in the user's language), the detail with the names in the three languages, the
 * kind, the reconcilable flag and the default VAT code (New Ctrl+N, Edit Ctrl+E, Save Ctrl+S,
 * Delete — refused by the server for an account with bookings), and (de)activation.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { ManagementList, RecordToolbar, useRecordNavigator, type Column } from '../../components/ManagementList.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useLanguage, useT } from '../../i18n/index.tsx';
import {
  ACCOUNT_TYPES,
  accountNumberOf,
  accountRowId,
  fetchAccounts,
  ledgerPath,
  useDossierId,
  useMissingRight,
  type Account,
  type AccountRow,
  type AccountType,
} from './ledger-api.ts';

const LIST_ID = 'ledger-accounts';
const DEFAULTS = { sort: 'number', direction: 'asc' as const, pageSize: 100 };
const FILTER_KEY = 'argonaut.accounts.filter';
type StatusFilter = 'active' | 'inactive' | 'all';

export default function AccountsPage() {
  return (
    <Routes>
      <Route index element={<AccountList />} />
      <Route path="new" element={<AccountDetail isNew />} />
      <Route path=":number" element={<AccountDetail />} />
    </Routes>
  );
}

function useStatusFilter(): [StatusFilter, (f: StatusFilter) => void] {
  const [filter, setFilter] = useState<StatusFilter>(() => {
    try {
      return (sessionStorage.getItem(FILTER_KEY) as StatusFilter | null) ?? 'active';
    } catch {
      return 'active';
    }
  });
  const update = (f: StatusFilter) => {
    try {
      sessionStorage.setItem(FILTER_KEY, f);
      const state = JSON.parse(sessionStorage.getItem(`argonaut.list.${LIST_ID}`) ?? '{}');
      sessionStorage.setItem(`argonaut.list.${LIST_ID}`, JSON.stringify({ ...state, page: 1 }));
    } catch {
      /* storage unavailable */
    }
    setFilter(f);
  };
  return [filter, update];
}

function AccountList() {
  const t = useT();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const confirm = useConfirm();
  const client = useQueryClient();
  const dossierId = useDossierId();
  const missing = useMissingRight();
  const accountsReason = missing('accounts');
  const [filter, setFilter] = useStatusFilter();
  // Names come from the server in the user's language: another language is another list.
  const [language] = useLanguage();
  const fetchPage = useMemo(() => fetchAccounts(dossierId, filter), [dossierId, filter]);
  const listKey = `accounts-${dossierId}-${filter}-${language}`;

  const columns: Column<AccountRow>[] = [
    { id: 'number', label: t('ledger.account.number'), sortKey: 'number', render: (a) => a.number },
    {
      id: 'name',
      label: t('ledger.account.name'),
      sortKey: 'name',
      render: (a) => (
        <>
          {a.name}
          {!a.active && <span className="mode-tag">{t('ledger.account.inactiveTag')}</span>}
        </>
      ),
    },
    { id: 'class', label: t('ledger.account.class'), sortKey: 'class', render: (a) => a.class },
    { id: 'type', label: t('ledger.account.type'), sortKey: 'type', render: (a) => t(`ledger.account.type.${a.type}`) },
    { id: 'reconcilable', label: t('ledger.account.reconcilable'), render: (a) => (a.reconcilable ? '✓' : '') },
    { id: 'vat', label: t('ledger.account.defaultVatCode'), render: (a) => a.defaultVatCode ?? '' },
    { id: 'inUse', label: t('ledger.account.inUse'), render: (a) => (a.inUse ? '✓' : '') },
  ];

  return (
    <div className="page wide">
      <h1>{t('menu.accounts')}</h1>
      <div className="toolbar no-print">
        <SelectField
          id="account-status"
          label={t('ledger.account.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'active', label: t('ledger.account.filter.active') },
            { value: 'inactive', label: t('ledger.account.filter.inactive') },
            { value: 'all', label: t('ledger.account.filter.all') },
          ]}
        />
      </div>
      <ManagementList
        key={listKey}
        listId={LIST_ID}
        queryKey={listKey}
        fetchPage={fetchPage}
        columns={columns}
        defaults={DEFAULTS}
        rowName={(a) => `${a.number} ${a.name}`}
        onOpen={(a) => navigate(shellPath(`management/accounts/${a.number}`))}
        onNew={() => navigate(shellPath('management/accounts/new'))}
        newLabel={t('ledger.account.new')}
        newDisabledReason={accountsReason}
        onDelete={async (rows) => {
          try {
            for (const a of rows) await api.delete(ledgerPath(dossierId, `accounts/${a.number}`));
          } finally {
            client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`accounts-${dossierId}`) });
          }
        }}
        deleteDisabledReason={(rows) => accountsReason ?? (rows.some((a) => a.inUse) ? t('ledger.account.inUseHint') : undefined)}
        confirmDelete={(rows) =>
          confirm({
            title: t('ledger.account.deleteTitle'),
            message: rows.length === 1 ? t('ledger.account.deleteConfirm', { name: `${rows[0].number} ${rows[0].name}` }) : t('ledger.account.deleteConfirmMany', { count: rows.length }),
            confirmLabel: t('common.delete'),
            danger: true,
          })
        }
        searchLabel={t('ledger.account.search')}
        countKey="ledger.account.count"
        shortcutGroup="menu.accounts"
        printTitle={t('menu.accounts')}
        autoFocusSearch
      />
    </div>
  );
}

interface AccountForm {
  number: string;
  nl: string;
  fr: string;
  en: string;
  type: AccountType | '';
  reconcilable: boolean;
  active: boolean;
  defaultVatCode: string;
}

function formOf(a: Account | null): AccountForm {
  return {
    number: a?.number ?? '',
    nl: a?.names.nl ?? '',
    fr: a?.names.fr ?? '',
    en: a?.names.en ?? '',
    type: a?.type ?? '',
    reconcilable: a?.reconcilable ?? false,
    active: a?.active ?? true,
    defaultVatCode: a?.defaultVatCode ?? '',
  };
}

function bodyOf(f: AccountForm, isNew: boolean) {
  const nl = f.nl.trim();
  return {
    ...(isNew ? { number: f.number.trim() } : {}),
    names: { nl, fr: f.fr.trim() || nl, en: f.en.trim() || nl },
    // A new account without a kind gets the one of its class from the server.
    type: f.type === '' ? undefined : f.type,
    reconcilable: f.reconcilable,
    active: f.active,
    defaultVatCode: f.defaultVatCode.trim() === '' ? null : f.defaultVatCode.trim(),
  };
}

function AccountDetail({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const params = useParams();
  const number = isNew ? null : (params.number ?? null);
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const confirm = useConfirm();
  const dossierId = useDossierId();
  const missing = useMissingRight();
  const accountsReason = missing('accounts');
  const [filter] = useStatusFilter();
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>(isNew ? 'new' : 'view');
  const [form, setForm] = useState<AccountForm>(() => formOf(null));
  const [saved, setSaved] = useState(false);
  // After creating, the page moves to the new account's address: keep "Saved" on screen.
  const justCreated = useRef(false);
  const base = ledgerPath(dossierId, 'accounts');

  const [language] = useLanguage();
  const account = useQuery({ queryKey: ['account', dossierId, number, language], queryFn: () => api.get<Account>(`${base}/${number}`), enabled: number !== null });

  useEffect(() => {
    setMode(isNew ? 'new' : 'view');
    if (!justCreated.current) setSaved(false);
    justCreated.current = false;
    if (isNew) setForm(formOf(null));
  }, [isNew, number]);
  useEffect(() => {
    if (account.data && mode === 'view') setForm(formOf(account.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account.data, mode]);

  const listPath = shellPath('management/accounts');
  const fetchPage = useMemo(() => fetchAccounts(dossierId, filter), [dossierId, filter]);
  const navigator = useRecordNavigator(LIST_ID, fetchPage, number === null ? null : accountRowId(number), DEFAULTS, (next) =>
    navigate(shellPath(`management/accounts/${accountNumberOf(next)}`)),
  );
  const invalidateList = () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`accounts-${dossierId}`) });

  const save = useMutation({
    mutationFn: () => (mode === 'new' ? api.post<Account>(base, bodyOf(form, true)) : api.patch<Account>(`${base}/${number}`, bodyOf(form, false))),
    onSuccess: (result) => {
      client.setQueryData(['account', dossierId, result.number, language], result);
      invalidateList();
      setSaved(true);
      if (mode === 'new') {
        justCreated.current = true;
        navigate(shellPath(`management/accounts/${result.number}`), { replace: true });
      }
      else setMode('view');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`${base}/${number}`),
    onSuccess: () => {
      invalidateList();
      client.removeQueries({ queryKey: ['account', dossierId, number] });
      navigate(listPath);
    },
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.patch<Account>(`${base}/${number}`, { active }),
    onSuccess: (result) => {
      client.setQueryData(['account', dossierId, result.number, language], result);
      invalidateList();
    },
  });

  const a = account.data ?? null;
  const dirty = mode !== 'view' && JSON.stringify(form) !== JSON.stringify(formOf(a));

  if (!isNew && account.isPending) return <Loading />;
  if (!isNew && account.isError) {
    return (
      <div className="page">
        <ErrorBanner error={account.error} />
        <button type="button" onClick={() => navigate(listPath)}>
          ← {t('menu.accounts')}
        </button>
      </div>
    );
  }
  const editing = mode !== 'view';
  const ro = !editing;
  const err = save.error;
  const fe = (field: string) => (isApiError(err) ? err.fieldMessage(field) : undefined);
  const set = <K extends keyof AccountForm>(key: K) => (value: AccountForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const cancel = async () => {
    if (dirty && !(await confirm({ title: t('record.discardTitle'), message: t('record.discardConfirm'), confirmLabel: t('record.discard') }))) return;
    save.reset();
    if (mode === 'new') navigate(listPath);
    else {
      setMode('view');
      setForm(formOf(a));
    }
  };
  const askDelete = async () => {
    if (!a) return;
    const ok = await confirm({ title: t('ledger.account.deleteTitle'), message: t('ledger.account.deleteConfirm', { name: `${a.number} ${a.name}` }), confirmLabel: t('common.delete'), danger: true });
    if (ok) remove.mutate();
  };

  return (
    <div className="page wide record-page" data-testid="account-detail">
      <h1>
        {mode === 'new' ? t('ledger.account.new') : `${a?.number} ${a?.name}`}
        {editing && mode !== 'new' && <span className="mode-tag">{t('record.editing')}</span>}
        {!editing && a && !a.active && <span className="mode-tag">{t('ledger.account.inactiveTag')}</span>}
      </h1>
      <RecordToolbar
        mode={mode}
        backLabel={t('menu.accounts')}
        onBack={() => navigate(listPath)}
        onNew={() => navigate(shellPath('management/accounts/new'))}
        newDisabledReason={accountsReason}
        onEdit={() => {
          setSaved(false);
          save.reset();
          setMode('edit');
          window.requestAnimationFrame(() => document.getElementById('account-nl')?.focus());
        }}
        editDisabledReason={accountsReason}
        onSave={() => save.mutate()}
        onCancel={cancel}
        saving={save.isPending}
        onDelete={askDelete}
        deleteDisabledReason={accountsReason}
        navigator={isNew ? undefined : navigator}
        onSearch={() => navigate(listPath)}
        shortcutGroup="ledger.account.detail"
      />
      {!editing && a && (
        <div className="toolbar no-print">
          <button type="button" onClick={() => setActive.mutate(!a.active)} disabled={Boolean(accountsReason) || setActive.isPending} title={accountsReason} data-testid="account-toggle-active">
            {a.active ? t('ledger.account.deactivate') : t('ledger.account.activate')}
          </button>
        </div>
      )}
      {!editing && a?.inUse && <InfoNote>{t('ledger.account.inUseHint')}</InfoNote>}
      {saved && !editing && <SuccessBanner>{t('common.saved')}</SuccessBanner>}
      <ErrorBanner error={(err ?? remove.error ?? setActive.error) || undefined} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) save.mutate();
        }}
        noValidate
        className={editing ? 'record-form editing' : 'record-form'}
      >
        <div className="form-grid">
          <TextField id="account-number" label={t('ledger.account.number')} value={form.number} onChange={set('number')} readOnly={mode !== 'new'} required error={fe('number')} autoFocus={mode === 'new'} />
          <SelectField
            id="account-type"
            label={t('ledger.account.type')}
            value={form.type}
            onChange={set('type')}
            readOnly={ro}
            error={fe('type')}
            options={[...(form.type === '' ? [{ value: '' as const, label: '—' }] : []), ...ACCOUNT_TYPES.map((k) => ({ value: k, label: t(`ledger.account.type.${k}`) }))]}
          />
          <TextField id="account-nl" label={t('ledger.account.nameNl')} value={form.nl} onChange={set('nl')} readOnly={ro} required className="span-2" error={fe('name') ?? fe('names.nl') ?? fe('names')} />
          <TextField id="account-fr" label={t('ledger.account.nameFr')} value={form.fr} onChange={set('fr')} readOnly={ro} className="span-2" hint={editing ? t('ledger.account.nameHint') : undefined} error={fe('names.fr')} />
          <TextField id="account-en" label={t('ledger.account.nameEn')} value={form.en} onChange={set('en')} readOnly={ro} className="span-2" hint={editing ? t('ledger.account.nameHint') : undefined} error={fe('names.en')} />
          <TextField id="account-vat" label={t('ledger.account.defaultVatCode')} value={form.defaultVatCode} onChange={set('defaultVatCode')} readOnly={ro} error={fe('defaultVatCode')} />
          <CheckboxField id="account-reconcilable" label={t('ledger.account.reconcilable')} checked={form.reconcilable} onChange={set('reconcilable')} readOnly={ro} />
          <CheckboxField id="account-active" label={t('ledger.account.active')} checked={form.active} onChange={set('active')} readOnly={ro} />
        </div>
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </div>
  );
}
