/**
 * Management → Journals: the list, the detail (kind, code, name; for financial journals the account,
 * IBAN, BIC and currency — the server checks them), the numbering per fiscal year, the last booking
 * with "Delete the last booking" (right delete_bookings; confirmed; audited by the server), a new
 * (financial) journal, and the opening balance of a bank journal against 588888.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError, type ListQuery, type Page } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { ManagementList, RecordToolbar, useRecordNavigator, type Column } from '../../components/ManagementList.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { AccountPicker } from './AccountPicker.tsx';
import { JOURNAL_TYPES, formatCents, ledgerPath, useDossierId, useMissingRight, type Journal, type JournalDetail, type JournalType } from './ledger-api.ts';

const LIST_ID = 'ledger-journals';
const DEFAULTS = { sort: 'code', direction: 'asc' as const };
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];

export default function JournalsPage() {
  return (
    <Routes>
      <Route index element={<JournalList />} />
      <Route path="new" element={<JournalView isNew />} />
      <Route path=":id" element={<JournalView />} />
    </Routes>
  );
}

function fetchJournals(dossierId: number) {
  return async (query: ListQuery): Promise<Page<Journal>> => {
    const all = await api.get<{ items: Journal[]; total: number }>(ledgerPath(dossierId, 'journals'), { search: query.search || undefined });
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    return { items: all.items.slice((page - 1) * pageSize, page * pageSize), total: all.total, page, pageSize };
  };
}

function JournalList() {
  const t = useT();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const confirm = useConfirm();
  const client = useQueryClient();
  const dossierId = useDossierId();
  const reason = useMissingRight()('accounts');
  const fetchPage = useMemo(() => fetchJournals(dossierId), [dossierId]);
  const listKey = `journals-${dossierId}`;
  const columns: Column<Journal>[] = [
    { id: 'code', label: t('ledger.journal.code'), render: (j) => j.code },
    {
      id: 'name',
      label: t('ledger.journal.name'),
      render: (j) => (
        <>
          {j.name}
          {!j.active && <span className="mode-tag">{t('ledger.journal.inactiveTag')}</span>}
        </>
      ),
    },
    { id: 'type', label: t('ledger.journal.type'), render: (j) => t(`ledger.journal.type.${j.type}`) },
    { id: 'account', label: t('ledger.journal.account'), render: (j) => j.account ?? '' },
    { id: 'iban', label: t('ledger.journal.iban'), render: (j) => j.ibanDisplay ?? '' },
    { id: 'currency', label: t('ledger.journal.currency'), render: (j) => (j.type === 'financial' ? j.currency : '') },
  ];
  return (
    <div className="page wide">
      <h1>{t('menu.journals')}</h1>
      <div className="toolbar no-print">
        <button type="button" onClick={() => navigate(shellPath('management/journals/new?type=financial'))} disabled={Boolean(reason)} title={reason} data-testid="journal-new-financial">
          {t('ledger.journal.newFinancial')}
        </button>
      </div>
      <ManagementList
        listId={LIST_ID}
        queryKey={listKey}
        fetchPage={fetchPage}
        columns={columns}
        defaults={DEFAULTS}
        rowName={(j) => `${j.code} ${j.name}`}
        onOpen={(j) => navigate(shellPath(`management/journals/${j.id}`))}
        onNew={() => navigate(shellPath('management/journals/new'))}
        newLabel={t('ledger.journal.new')}
        newDisabledReason={reason}
        onDelete={async (rows) => {
          try {
            for (const j of rows) await api.delete(ledgerPath(dossierId, `journals/${j.id}`));
          } finally {
            client.invalidateQueries({ queryKey: [listKey] });
          }
        }}
        deleteDisabledReason={() => reason}
        confirmDelete={(rows) =>
          confirm({
            title: t('ledger.journal.deleteTitle'),
            message: rows.length === 1 ? t('ledger.journal.deleteConfirm', { name: `${rows[0].code} ${rows[0].name}` }) : t('ledger.journal.deleteConfirmMany', { count: rows.length }),
            confirmLabel: t('common.delete'),
            danger: true,
          })
        }
        searchLabel={t('ledger.journal.search')}
        countKey="ledger.journal.count"
        shortcutGroup="menu.journals"
        printTitle={t('menu.journals')}
      />
    </div>
  );
}

interface JournalForm {
  code: string;
  name: string;
  type: JournalType;
  account: string;
  iban: string;
  bic: string;
  currency: string;
  active: boolean;
}

function formOf(j: Journal | null, type: JournalType = 'financial'): JournalForm {
  return {
    code: j?.code ?? '',
    name: j?.name ?? '',
    type: j?.type ?? type,
    account: j?.account ?? '',
    iban: j?.ibanDisplay ?? j?.iban ?? '',
    bic: j?.bic ?? '',
    currency: j?.currency ?? 'EUR',
    active: j?.active ?? true,
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function bodyOf(f: JournalForm, isNew: boolean) {
  const financial = f.type === 'financial';
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    ...(isNew ? { type: f.type } : {}),
    ...(financial ? { account: isNew ? orNull(f.account) : undefined, iban: orNull(f.iban), bic: orNull(f.bic), currency: f.currency } : {}),
    active: f.active,
  };
}

function JournalView({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const params = useParams();
  const [search] = useSearchParams();
  const id = isNew ? null : Number(params.id);
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const confirm = useConfirm();
  const dossierId = useDossierId();
  const missing = useMissingRight();
  const reason = missing('accounts');
  const deleteReason = missing('delete_bookings');
  const newType = (JOURNAL_TYPES as readonly string[]).includes(search.get('type') ?? '') ? (search.get('type') as JournalType) : 'financial';
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>(isNew ? 'new' : 'view');
  const [form, setForm] = useState<JournalForm>(() => formOf(null, newType));
  const [message, setMessage] = useState<string | null>(null);
  // After creating, the page moves to the new journal's address: keep "Saved" on screen.
  const justCreated = useRef(false);
  const [opening, setOpening] = useState({ date: '', amount: '' });
  const base = ledgerPath(dossierId, 'journals');
  const listKey = `journals-${dossierId}`;

  const journal = useQuery({ queryKey: ['journal', dossierId, id], queryFn: () => api.get<JournalDetail>(`${base}/${id}`), enabled: id !== null && Number.isFinite(id) });
  useEffect(() => {
    setMode(isNew ? 'new' : 'view');
    if (!justCreated.current) setMessage(null);
    justCreated.current = false;
    if (isNew) setForm(formOf(null, newType));
  }, [isNew, id, newType]);
  useEffect(() => {
    if (journal.data && mode === 'view') setForm(formOf(journal.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [journal.data, mode]);

  const listPath = shellPath('management/journals');
  const fetchPage = useMemo(() => fetchJournals(dossierId), [dossierId]);
  const navigator = useRecordNavigator(LIST_ID, fetchPage, id, DEFAULTS, (next) => navigate(shellPath(`management/journals/${next}`)));
  const invalidate = () => {
    client.invalidateQueries({ queryKey: [listKey] });
    client.invalidateQueries({ queryKey: ['journal', dossierId, id] });
  };

  const save = useMutation({
    mutationFn: () => (mode === 'new' ? api.post<Journal>(base, bodyOf(form, true)) : api.patch<Journal>(`${base}/${id}`, bodyOf(form, false))),
    onSuccess: (result) => {
      invalidate();
      setMessage(t('common.saved'));
      if (mode === 'new') {
        justCreated.current = true;
        navigate(shellPath(`management/journals/${result.id}`), { replace: true });
      }
      else setMode('view');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`${base}/${id}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: [listKey] });
      navigate(listPath);
    },
  });
  const deleteLast = useMutation({
    mutationFn: (bookingId: number) => api.delete<{ deleted: string }>(ledgerPath(dossierId, `bookings/${bookingId}`)),
    onSuccess: (r) => {
      invalidate();
      setMessage(t('ledger.journal.deleted', { deleted: r?.deleted ?? '' }));
    },
  });
  const setNumbering = useMutation({
    mutationFn: ({ fiscalYearId, nextNumber }: { fiscalYearId: number; nextNumber: number }) => api.put(`${base}/${id}/numbering/${fiscalYearId}`, { nextNumber }),
    onSuccess: () => {
      invalidate();
      setMessage(t('common.saved'));
    },
  });
  const [numberDraft, setNumberDraft] = useState<Record<number, string>>({});
  const bookOpening = useMutation({
    mutationFn: () => api.post(`${base}/${id}/opening-balance`, { date: opening.date, amount: opening.amount.trim().replace(/\s/g, '').replace(',', '.') }),
    onSuccess: () => {
      invalidate();
      setOpening({ date: '', amount: '' });
      setMessage(t('ledger.journal.openingDone'));
    },
  });

  const j = journal.data ?? null;
  if (!isNew && journal.isPending) return <Loading />;
  if (!isNew && journal.isError) {
    return (
      <div className="page">
        <ErrorBanner error={journal.error} />
        <button type="button" onClick={() => navigate(listPath)}>
          ← {t('menu.journals')}
        </button>
      </div>
    );
  }
  const editing = mode !== 'view';
  const ro = !editing;
  const err = save.error;
  const fe = (field: string) => (isApiError(err) ? err.fieldMessage(field) : undefined);
  const oe = (field: string) => (isApiError(bookOpening.error) ? bookOpening.error.fieldMessage(field) : undefined);
  const set = <K extends keyof JournalForm>(key: K) => (value: JournalForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const dirty = editing && JSON.stringify(form) !== JSON.stringify(formOf(j, newType));
  const financial = form.type === 'financial';
  const locale = LOCALES[language];
  const last = j?.lastBooking ?? null;

  const cancel = async () => {
    if (dirty && !(await confirm({ title: t('record.discardTitle'), message: t('record.discardConfirm'), confirmLabel: t('record.discard') }))) return;
    save.reset();
    if (mode === 'new') navigate(listPath);
    else {
      setMode('view');
      setForm(formOf(j));
    }
  };
  const askDelete = async () => {
    if (!j) return;
    if (await confirm({ title: t('ledger.journal.deleteTitle'), message: t('ledger.journal.deleteConfirm', { name: `${j.code} ${j.name}` }), confirmLabel: t('common.delete'), danger: true })) remove.mutate();
  };
  const askDeleteLast = async () => {
    if (!last) return;
    setMessage(null);
    deleteLast.reset();
    if (await confirm({ title: t('ledger.journal.deleteLast'), message: t('ledger.journal.deleteLastConfirm', { number: last.number, date: fmt.date(last.date) }), confirmLabel: t('common.delete'), danger: true })) deleteLast.mutate(last.id);
  };

  return (
    <div className="page wide record-page" data-testid="journal-detail">
      <h1>
        {mode === 'new' ? (financial ? t('ledger.journal.newFinancial') : t('ledger.journal.new')) : `${j?.code} ${j?.name}`}
        {editing && mode !== 'new' && <span className="mode-tag">{t('record.editing')}</span>}
        {!editing && j && !j.active && <span className="mode-tag">{t('ledger.journal.inactiveTag')}</span>}
      </h1>
      <RecordToolbar
        mode={mode}
        backLabel={t('menu.journals')}
        onBack={() => navigate(listPath)}
        onNew={() => navigate(shellPath('management/journals/new'))}
        newDisabledReason={reason}
        onEdit={() => {
          setMessage(null);
          save.reset();
          setMode('edit');
          window.requestAnimationFrame(() => document.getElementById('journal-name')?.focus());
        }}
        editDisabledReason={reason}
        onSave={() => save.mutate()}
        onCancel={cancel}
        saving={save.isPending}
        onDelete={askDelete}
        deleteDisabledReason={reason}
        navigator={isNew ? undefined : navigator}
        onSearch={() => navigate(listPath)}
        shortcutGroup="menu.journals"
      />
      {message && !editing && <SuccessBanner>{message}</SuccessBanner>}
      <ErrorBanner error={(err ?? remove.error ?? deleteLast.error ?? setNumbering.error) || undefined} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) save.mutate();
        }}
        noValidate
        className={editing ? 'record-form editing' : 'record-form'}
      >
        <div className="form-grid">
          <SelectField
            id="journal-type"
            label={t('ledger.journal.type')}
            value={form.type}
            onChange={set('type')}
            readOnly={mode !== 'new'}
            options={JOURNAL_TYPES.map((k) => ({ value: k, label: t(`ledger.journal.type.${k}`) }))}
            error={fe('type')}
          />
          <TextField id="journal-code" label={t('ledger.journal.code')} value={form.code} onChange={set('code')} readOnly={ro} required error={fe('code')} autoFocus={mode === 'new'} />
          <TextField id="journal-name" label={t('ledger.journal.name')} value={form.name} onChange={set('name')} readOnly={ro} required className="span-2" error={fe('name')} />
          {financial && (
            <>
              {mode === 'new' ? (
                <AccountPicker id="journal-account" dossierId={dossierId} label={t('ledger.journal.account')} value={form.account} onChange={set('account')} hint={t('ledger.journal.accountHint')} error={fe('account')} />
              ) : (
                <TextField id="journal-account" label={t('ledger.journal.account')} value={form.account} onChange={() => undefined} readOnly />
              )}
              <TextField id="journal-iban" label={t('ledger.journal.iban')} value={form.iban} onChange={set('iban')} readOnly={ro} required placeholder={editing ? 'BE68 5390 0754 7034' : undefined} error={fe('iban')} />
              <TextField id="journal-bic" label={t('ledger.journal.bic')} value={form.bic} onChange={set('bic')} readOnly={ro} required error={fe('bic')} />
              <SelectField id="journal-currency" label={t('ledger.journal.currency')} value={form.currency} onChange={set('currency')} readOnly={ro} options={[...new Set([...CURRENCIES, form.currency])].map((c) => ({ value: c, label: c }))} error={fe('currency')} />
            </>
          )}
          <CheckboxField id="journal-active" label={t('ledger.journal.active')} checked={form.active} onChange={set('active')} readOnly={ro} />
        </div>
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>

      {!editing && j && (
        <>
          <h2 className="section-title">{t('ledger.journal.lastBooking')}</h2>
          {last ? (
            <div data-testid="journal-last-booking">
              <table className="grid">
                <thead>
                  <tr>
                    <th>{t('ledger.journal.bookingNumber')}</th>
                    <th>{t('ledger.journal.date')}</th>
                    <th>{t('ledger.journal.reference')}</th>
                    <th>{t('ledger.journal.description')}</th>
                    <th className="num">{t('ledger.journal.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>{last.number}</td>
                    <td>{fmt.date(last.date)}</td>
                    <td>{last.reference ?? ''}</td>
                    <td>{last.description ?? ''}</td>
                    <td className="num">{formatCents(last.amount, locale)}</td>
                  </tr>
                </tbody>
              </table>
              <div className="toolbar">
                <button type="button" className="danger" onClick={askDeleteLast} disabled={Boolean(deleteReason) || deleteLast.isPending} title={deleteReason} data-testid="journal-delete-last">
                  {t('ledger.journal.deleteLast')}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted">{t('ledger.journal.noBooking')}</p>
          )}

          <h2 className="section-title">{t('ledger.journal.numbering')}</h2>
          <table className="grid" data-testid="journal-numbering">
            <thead>
              <tr>
                <th>{t('ledger.fy.year')}</th>
                <th className="num">{t('ledger.fy.bookings')}</th>
                <th className="num">{t('ledger.journal.nextNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {j.numbering.map((n) => (
                <tr key={n.fiscalYearId}>
                  <td>
                    {fmt.date(n.startDate)} – {fmt.date(n.endDate)}
                  </td>
                  <td className="num">{n.bookings}</td>
                  <td className="num">
                    {n.bookings === 0 && !reason ? (
                      <form
                        className="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          setMessage(null);
                          const value = Number(numberDraft[n.fiscalYearId] ?? n.nextNumber);
                          setNumbering.mutate({ fiscalYearId: n.fiscalYearId, nextNumber: Number.isInteger(value) ? value : -1 });
                        }}
                      >
                        <label className="sr-only" htmlFor={`next-number-${n.fiscalYearId}`}>
                          {t('ledger.journal.nextNumber')}
                        </label>
                        <input
                          id={`next-number-${n.fiscalYearId}`}
                          inputMode="numeric"
                          size={6}
                          value={numberDraft[n.fiscalYearId] ?? String(n.nextNumber)}
                          onChange={(e) => setNumberDraft((d) => ({ ...d, [n.fiscalYearId]: e.target.value }))}
                        />{' '}
                        <button type="submit" disabled={setNumbering.isPending}>
                          {t('common.save')}
                        </button>
                      </form>
                    ) : (
                      n.nextNumber
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {j.type === 'financial' && (
            <>
              <h2 className="section-title">{t('ledger.journal.openingBalance')}</h2>
              <InfoNote>{t('ledger.journal.openingIntro')}</InfoNote>
              <ErrorBanner error={bookOpening.error && !oe('date') && !oe('amount') ? bookOpening.error : undefined} />
              <form
                className="record-form editing"
                onSubmit={(e) => {
                  e.preventDefault();
                  setMessage(null);
                  bookOpening.mutate();
                }}
                noValidate
              >
                <div className="form-grid">
                  <TextField id="opening-date" type="date" label={t('ledger.journal.date')} value={opening.date} onChange={(v) => setOpening((o) => ({ ...o, date: v }))} error={oe('date')} />
                  <TextField id="opening-amount" label={t('ledger.journal.amount')} value={opening.amount} onChange={(v) => setOpening((o) => ({ ...o, amount: v }))} hint={t('ledger.journal.amountHint')} error={oe('amount')} />
                </div>
                <div className="toolbar">
                  <button type="submit" disabled={bookOpening.isPending || Boolean(missing('book'))} title={missing('book')}>
                    {t('ledger.journal.openingBook')}
                  </button>
                </div>
              </form>
            </>
          )}
        </>
      )}
    </div>
  );
}
