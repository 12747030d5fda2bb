/**
 * Management → Relations: the list (search Ctrl+F, active / not active, customers / suppliers, sort,
 * pages, Peppol column), the detail with every field (New Ctrl+N, Edit Ctrl+E, Save Ctrl+S, Delete),
 * print as PDF (Ctrl+P), export to PDF / Excel / CSV, the import wizard, and the Peppol check for
 * one relation or for all customers.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { ManagementList, RecordToolbar, useRecordNavigator, type Column } from '../../components/ManagementList.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import {
  detailPdfUrl,
  documentTypeLabel,
  exportUrl,
  fetchRelations,
  formatIban,
  openFile,
  relationsPath,
  resetListPage,
  storedListState,
  type PeppolCheckAll,
  type Relation,
  type RelationFilter,
  type RelationKind,
  type RelationLanguage,
} from './relations-api.ts';

const LIST_ID = 'relations';
const DEFAULTS = { sort: 'number', direction: 'asc' as const };
const FILTER_KEY = 'argonaut.relations.filter';
const COUNTRIES = ['BE', 'NL', 'LU', 'FR', 'DE', 'GB', 'IE', 'IT', 'ES', 'PT', 'AT', 'CH', 'DK', 'SE', 'FI', 'NO', 'PL', 'CZ', 'US'];
const RELATION_LANGUAGE_NAMES: Record<RelationLanguage, string> = { nl: 'Nederlands', fr: 'Français', en: 'English', de: 'Deutsch' };

export default function RelationsPage() {
  return (
    <Routes>
      <Route index element={<RelationList />} />
      <Route path="import" element={<ImportWizard />} />
      <Route path="new" element={<RelationDetail isNew />} />
      <Route path=":id" element={<RelationDetail />} />
    </Routes>
  );
}

function useDossierId(): number {
  const { dossierId } = useShell();
  return dossierId!;
}

/** Active / not active and customers / suppliers, kept for this browser tab. */
function useFilter(): [RelationFilter, (f: RelationFilter) => void] {
  const [filter, setFilter] = useState<RelationFilter>(() => {
    try {
      return { status: 'active', kind: 'all', ...JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') };
    } catch {
      return { status: 'active', kind: 'all' };
    }
  });
  const update = (f: RelationFilter) => {
    try {
      sessionStorage.setItem(FILTER_KEY, JSON.stringify(f));
    } catch {
      /* storage unavailable */
    }
    resetListPage(LIST_ID);
    setFilter(f);
  };
  return [filter, update];
}

function useRights() {
  const t = useT();
  const { dossier } = useShell();
  const rights = dossier?.rights ?? [];
  const missing = (right: 'book' | 'export') => (rights.includes(right) ? undefined : t('access.missingRight', { right: t(`right.${right}`) }));
  return { bookReason: missing('book'), exportReason: missing('export') };
}

export function PeppolBadge({ relation }: { relation: Pick<Relation, 'peppolRegistered' | 'peppolCheckedAt'> }) {
  const t = useT();
  const fmt = useFormat();
  if (relation.peppolRegistered === null) return <span className="muted">{t('relation.peppol.unchecked')}</span>;
  return (
    <span className="badge" title={relation.peppolCheckedAt ? t('relation.peppol.checkedAt', { date: fmt.dateTime(relation.peppolCheckedAt) }) : undefined} data-testid="peppol-status">
      {relation.peppolRegistered ? t('relation.peppol.registered') : t('relation.peppol.notRegistered')}
    </span>
  );
}

function RelationList() {
  const t = useT();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const confirm = useConfirm();
  const client = useQueryClient();
  const dossierId = useDossierId();
  const [filter, setFilter] = useFilter();
  const { bookReason, exportReason } = useRights();
  const [checkResult, setCheckResult] = useState<PeppolCheckAll | null>(null);
  const fetchPage = useMemo(() => fetchRelations(dossierId, filter), [dossierId, filter]);
  const listKey = `relations-${dossierId}-${filter.status}-${filter.kind}`;

  const checkAll = useMutation({
    mutationFn: () => api.post<PeppolCheckAll>(`${relationsPath(dossierId)}/peppol-check`),
    onSuccess: (result) => {
      setCheckResult(result);
      client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`relations-${dossierId}`) || q.queryKey[0] === 'relation' });
    },
  });

  const exportList = (format: 'csv' | 'xlsx' | 'pdf') => openFile(exportUrl(dossierId, format, filter, storedListState(LIST_ID)), format !== 'pdf');
  // Ctrl+P prints the list as a PDF (registered after the list's own shortcuts, so it wins).
  const printShortcut = <PrintShortcut key={listKey} run={() => exportList('pdf')} disabled={Boolean(exportReason)} />;

  const columns: Column<Relation>[] = [
    { id: 'number', label: t('relation.field.number'), sortKey: 'number', render: (r) => r.number },
    {
      id: 'name',
      label: t('relation.field.name'),
      sortKey: 'name',
      render: (r) => (
        <>
          {r.name}
          {!r.active && <span className="mode-tag">{t('relation.inactiveTag')}</span>}
        </>
      ),
    },
    { id: 'kind', label: t('relation.field.kind'), sortKey: 'kind', render: (r) => t(`relation.kind.${r.kind}`) },
    { id: 'city', label: t('relation.field.city'), sortKey: 'city', render: (r) => [r.postcode, r.city].filter(Boolean).join(' ') },
    { id: 'vatNumber', label: t('relation.field.vatNumber'), sortKey: 'vatNumber', render: (r) => r.vatNumber ?? '' },
    { id: 'peppol', label: t('relation.peppol'), sortKey: 'peppol', render: (r) => (r.peppolId ? <PeppolBadge relation={r} /> : '') },
  ];

  return (
    <div className="page wide">
      <h1>{t('menu.relations')}</h1>
      <div className="toolbar no-print" role="group" aria-label={t('relation.filter.status')}>
        <SelectField
          id="relation-status"
          label={t('relation.filter.status')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={[
            { value: 'active', label: t('relation.filter.active') },
            { value: 'inactive', label: t('relation.filter.inactive') },
            { value: 'all', label: t('relation.filter.all') },
          ]}
        />
        <SelectField
          id="relation-kind"
          label={t('relation.filter.kind')}
          value={filter.kind}
          onChange={(kind) => setFilter({ ...filter, kind })}
          options={[
            { value: 'all', label: t('relation.filter.kindAll') },
            { value: 'customer', label: t('relation.filter.customers') },
            { value: 'supplier', label: t('relation.filter.suppliers') },
          ]}
        />
        <div className="toolbar-spacer" />
        <span className="muted">{t('relation.export')}</span>
        {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
          <button key={format} type="button" onClick={() => exportList(format)} disabled={Boolean(exportReason)} title={exportReason ?? t('relation.export.title', { format: t(`relation.export.${format}`) })} data-testid={`export-${format}`}>
            {t(`relation.export.${format}`)}
          </button>
        ))}
      </div>
      <ManagementList
        key={listKey}
        listId={LIST_ID}
        queryKey={listKey}
        fetchPage={fetchPage}
        columns={columns}
        defaults={DEFAULTS}
        rowName={(r) => `${r.number} ${r.name}`}
        onOpen={(r) => navigate(shellPath(`management/relations/${r.id}`))}
        onNew={() => navigate(shellPath('management/relations/new'))}
        newLabel={t('relation.new')}
        newDisabledReason={bookReason}
        onDelete={async (rows) => {
          try {
            for (const r of rows) await api.delete(`${relationsPath(dossierId)}/${r.id}`);
          } finally {
            client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`relations-${dossierId}`) });
          }
        }}
        deleteDisabledReason={() => bookReason}
        confirmDelete={(rows) =>
          confirm({
            title: t('relation.deleteTitle'),
            message: rows.length === 1 ? t('relation.deleteConfirm', { name: rows[0].name }) : t('relation.deleteConfirmMany', { count: rows.length }),
            confirmLabel: t('common.delete'),
            danger: true,
          })
        }
        searchLabel={t('relation.search')}
        countKey="relation.count"
        shortcutGroup="menu.relations"
        printTitle={t('menu.relations')}
        emptyText={t('relation.none')}
        autoFocusSearch
        toolbarExtra={
          <>
            <button type="button" onClick={() => navigate(shellPath('management/relations/import'))} disabled={Boolean(bookReason)} title={bookReason} data-testid="relations-import">
              {t('relation.import')}
            </button>
            <button type="button" onClick={() => checkAll.mutate()} disabled={Boolean(bookReason) || checkAll.isPending} title={bookReason} data-testid="peppol-check-all">
              {checkAll.isPending ? t('relation.peppol.checking') : t('relation.peppol.checkAll')}
            </button>
          </>
        }
      />
      {printShortcut}
      <ErrorBanner error={checkAll.error || undefined} />
      {checkResult && (
        <SuccessBanner>
          {t('relation.peppol.checkAllResult', { checked: checkResult.checked, registered: checkResult.registered, notRegistered: checkResult.notRegistered })}
          {checkResult.unavailable > 0 && ` ${t('relation.peppol.checkAllUnavailable', { count: checkResult.unavailable })}`}
        </SuccessBanner>
      )}
    </div>
  );
}

function PrintShortcut({ run, disabled }: { run: () => void; disabled?: boolean }) {
  useShortcuts([{ keys: ['Ctrl+P'], description: 'relation.printPdf', run, enabled: !disabled }], { group: 'menu.relations' });
  return null;
}

interface RelationForm {
  number: string;
  name: string;
  kind: RelationKind;
  street: string;
  postcode: string;
  city: string;
  country: string;
  language: RelationLanguage;
  enterpriseNumber: string;
  vatNumber: string;
  iban: string;
  bic: string;
  email: string;
  phone: string;
  paymentDays: string;
  paymentEndOfMonth: boolean;
  defaultVatCode: string;
  defaultAccount: string;
  peppolId: string;
  active: boolean;
  notes: string;
}

const s = (v: string | null | undefined) => v ?? '';

function formOf(r: Relation | null): RelationForm {
  return {
    number: s(r?.number),
    name: s(r?.name),
    kind: r?.kind ?? 'customer',
    street: s(r?.street),
    postcode: s(r?.postcode),
    city: s(r?.city),
    country: r?.country ?? 'BE',
    language: r?.language ?? 'nl',
    enterpriseNumber: s(r?.enterpriseNumber),
    vatNumber: s(r?.vatNumber),
    iban: formatIban(r?.iban ?? null),
    bic: s(r?.bic),
    email: s(r?.email),
    phone: s(r?.phone),
    paymentDays: String(r?.paymentDays ?? 30),
    paymentEndOfMonth: r?.paymentEndOfMonth ?? false,
    defaultVatCode: s(r?.defaultVatCode),
    defaultAccount: s(r?.defaultAccount),
    peppolId: s(r?.peppolId),
    active: r?.active ?? true,
    notes: s(r?.notes),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function bodyOf(f: RelationForm, stored: Relation | null) {
  const days = f.paymentDays.trim();
  return {
    number: orNull(f.number),
    name: f.name.trim(),
    kind: f.kind,
    street: orNull(f.street),
    postcode: orNull(f.postcode),
    city: orNull(f.city),
    country: f.country,
    language: f.language,
    // Left empty with a Belgian VAT number, the server takes the enterprise number from it.
    enterpriseNumber: orNull(f.enterpriseNumber),
    vatNumber: orNull(f.vatNumber),
    iban: orNull(f.iban),
    bic: orNull(f.bic),
    email: orNull(f.email),
    phone: orNull(f.phone),
    paymentDays: /^\d+$/.test(days) ? Number(days) : days === '' ? 30 : -1,
    paymentEndOfMonth: f.paymentEndOfMonth,
    defaultVatCode: orNull(f.defaultVatCode),
    defaultAccount: orNull(f.defaultAccount),
    // An unchanged default Peppol id is left to the server (it follows a new enterprise number).
    peppolId: stored && f.peppolId === s(stored.peppolId) && stored.peppolId === `0208:${stored.enterpriseNumber}` ? undefined : orNull(f.peppolId),
    active: f.active,
    notes: orNull(f.notes),
  };
}

function RelationDetail({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const params = useParams();
  const id = isNew ? null : Number(params.id);
  // A new relation opened from a booking screen (Alt+N) gets that screen's kind: ?kind=supplier.
  const [search] = useSearchParams();
  const newKind = (['customer', 'supplier', 'both'] as const).find((k) => k === search.get('kind'));
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const confirm = useConfirm();
  const dossierId = useDossierId();
  const [filter] = useFilter();
  const { bookReason } = useRights();
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>(isNew ? 'new' : 'view');
  const [form, setForm] = useState<RelationForm>(() => ({ ...formOf(null), kind: newKind ?? 'customer' }));
  const [saved, setSaved] = useState(false);
  const base = relationsPath(dossierId);

  const relation = useQuery({ queryKey: ['relation', dossierId, id], queryFn: () => api.get<Relation>(`${base}/${id}`), enabled: id !== null && Number.isFinite(id) });
  const nextNumber = useQuery({ queryKey: ['relation-next-number', dossierId], queryFn: () => api.get<{ number: string }>(`${base}/next-number`), enabled: isNew });

  useEffect(() => {
    setMode(isNew ? 'new' : 'view');
    setSaved(false);
    if (isNew) setForm({ ...formOf(null), kind: newKind ?? 'customer' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isNew, id]);
  useEffect(() => {
    if (relation.data && mode === 'view') setForm(formOf(relation.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [relation.data, mode]);

  const listPath = shellPath('management/relations');
  const fetchPage = useMemo(() => fetchRelations(dossierId, filter), [dossierId, filter]);
  const navigator = useRecordNavigator(LIST_ID, fetchPage, id, DEFAULTS, (next) => navigate(shellPath(`management/relations/${next}`)));
  const invalidateList = () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`relations-${dossierId}`) || q.queryKey[0] === 'relation-next-number' });

  const save = useMutation({
    mutationFn: () => (mode === 'new' ? api.post<Relation>(base, bodyOf(form, null)) : api.patch<Relation>(`${base}/${id}`, bodyOf(form, relation.data ?? null))),
    onSuccess: (result) => {
      client.setQueryData(['relation', dossierId, result.id], result);
      invalidateList();
      setSaved(true);
      if (mode === 'new') navigate(shellPath(`management/relations/${result.id}`), { replace: true });
      else setMode('view');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`${base}/${id}`),
    onSuccess: () => {
      invalidateList();
      client.removeQueries({ queryKey: ['relation', dossierId, id] });
      navigate(listPath);
    },
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.post<Relation>(`${base}/${id}/${active ? 'activate' : 'deactivate'}`),
    onSuccess: (result) => {
      client.setQueryData(['relation', dossierId, result.id], result);
      invalidateList();
    },
  });
  const peppolCheck = useMutation({
    mutationFn: () => api.post<Relation>(`${base}/${id}/peppol-check`),
    onSuccess: (result) => {
      client.setQueryData(['relation', dossierId, result.id], result);
      invalidateList();
    },
  });

  const dirty = useMemo(() => mode !== 'view' && JSON.stringify(form) !== JSON.stringify(formOf(relation.data ?? null)), [form, mode, relation.data]);
  const r = relation.data ?? null;
  useShortcuts(
    [
      { keys: ['Ctrl+P'], description: 'relation.printPdf', run: () => id && openFile(detailPdfUrl(dossierId, id)), enabled: Boolean(id) && mode === 'view' },
      { keys: ['Ctrl+H'], description: 'relationLedger.key.open', run: () => id && navigate(shellPath(`reports/relation-ledger?relation=${id}`)), enabled: Boolean(id) && mode === 'view' },
    ],
    { group: 'relation.detail' },
  );

  if (!isNew && relation.isPending) return <Loading />;
  if (!isNew && relation.isError) {
    return (
      <div className="page">
        <ErrorBanner error={relation.error} />
        <button type="button" onClick={() => navigate(listPath)}>
          ← {t('menu.relations')}
        </button>
      </div>
    );
  }
  const editing = mode !== 'view';
  const ro = !editing;
  const err = save.error;
  const fe = (field: string) => (isApiError(err) ? err.fieldMessage(field) : undefined);
  const set = <K extends keyof RelationForm>(key: K) => (value: RelationForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const cancel = async () => {
    if (dirty && !(await confirm({ title: t('record.discardTitle'), message: t('record.discardConfirm'), confirmLabel: t('record.discard') }))) return;
    save.reset();
    if (mode === 'new') navigate(listPath);
    else {
      setMode('view');
      setForm(formOf(r));
    }
  };
  const askDelete = async () => {
    if (!r) return;
    const ok = await confirm({ title: t('relation.deleteTitle'), message: t('relation.deleteConfirm', { name: r.name }), confirmLabel: t('common.delete'), danger: true });
    if (ok) remove.mutate();
  };

  const regionNames = new Intl.DisplayNames([LOCALES[language]], { type: 'region' });
  const countryOptions = [...new Set([...COUNTRIES, form.country])].map((c) => ({ value: c, label: `${regionNames.of(c) ?? c} (${c})` }));

  return (
    <div className="page wide record-page" data-testid="relation-detail">
      <h1>
        {mode === 'new' ? t('relation.new') : `${r?.number} ${r?.name}`}
        {editing && mode !== 'new' && <span className="mode-tag">{t('record.editing')}</span>}
        {!editing && r && !r.active && <span className="mode-tag">{t('relation.inactiveTag')}</span>}
      </h1>
      <RecordToolbar
        mode={mode}
        backLabel={t('menu.relations')}
        onBack={() => navigate(listPath)}
        onNew={() => navigate(shellPath('management/relations/new'))}
        newDisabledReason={bookReason}
        onEdit={() => {
          setSaved(false);
          save.reset();
          setMode('edit');
          window.requestAnimationFrame(() => document.getElementById('relation-name')?.focus());
        }}
        editDisabledReason={bookReason}
        onSave={() => save.mutate()}
        onCancel={cancel}
        saving={save.isPending}
        onDelete={askDelete}
        deleteDisabledReason={bookReason}
        navigator={isNew ? undefined : navigator}
        onSearch={() => navigate(listPath)}
        shortcutGroup="relation.detail"
      />
      {!editing && r && (
        <div className="toolbar no-print">
          <button type="button" onClick={() => openFile(detailPdfUrl(dossierId, r.id))} title="Ctrl+P" data-testid="relation-pdf">
            {t('relation.printPdf')}
          </button>
          <button type="button" onClick={() => navigate(shellPath(`reports/relation-ledger?relation=${r.id}`))} title="Ctrl+H" data-testid="relation-ledger-button">
            {t('relationLedger.open')}
          </button>
          <button type="button" onClick={() => setActive.mutate(!r.active)} disabled={Boolean(bookReason) || setActive.isPending} title={bookReason}>
            {r.active ? t('relation.deactivate') : t('relation.activate')}
          </button>
          <button type="button" onClick={() => peppolCheck.mutate()} disabled={Boolean(bookReason) || !r.peppolId || peppolCheck.isPending} title={bookReason ?? (r.peppolId ? undefined : t('relation.peppol.noId'))} data-testid="peppol-check">
            {peppolCheck.isPending ? t('relation.peppol.checking') : t('relation.peppol.check')}
          </button>
        </div>
      )}
      {saved && !editing && <SuccessBanner>{t('common.saved')}</SuccessBanner>}
      <ErrorBanner error={(err ?? remove.error ?? setActive.error ?? peppolCheck.error) || undefined} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) save.mutate();
        }}
        noValidate
        className={editing ? 'record-form editing' : 'record-form'}
      >
        <h2 className="section-title">{t('relation.section.identity')}</h2>
        <div className="form-grid">
          <TextField id="relation-number" label={t('relation.field.number')} value={form.number} onChange={set('number')} readOnly={ro} placeholder={mode === 'new' ? nextNumber.data?.number : undefined} hint={mode === 'new' && nextNumber.data ? t('relation.numberHint', { number: nextNumber.data.number }) : undefined} error={fe('number')} />
          <TextField id="relation-name" label={t('relation.field.name')} value={form.name} onChange={set('name')} readOnly={ro} required error={fe('name')} className="span-2" autoFocus={mode === 'new'} />
          <SelectField
            id="relation-kind-field"
            label={t('relation.field.kind')}
            value={form.kind}
            onChange={set('kind')}
            readOnly={ro}
            options={(['customer', 'supplier', 'both'] as const).map((k) => ({ value: k, label: t(`relation.kind.${k}`) }))}
          />
          <TextField id="relation-vatNumber" label={t('relation.field.vatNumber')} value={form.vatNumber} onChange={set('vatNumber')} readOnly={ro} placeholder={editing ? 'BE0123456749' : undefined} hint={editing ? t('relation.vatHint') : undefined} error={fe('vatNumber')} />
          <TextField id="relation-enterpriseNumber" label={t('relation.field.enterpriseNumber')} value={form.enterpriseNumber} onChange={set('enterpriseNumber')} readOnly={ro} placeholder={editing ? '0123.456.749' : undefined} hint={editing ? t('relation.enterpriseHint') : undefined} error={fe('enterpriseNumber')} />
          <SelectField id="relation-language" label={t('relation.field.language')} value={form.language} onChange={set('language')} readOnly={ro} options={(Object.keys(RELATION_LANGUAGE_NAMES) as RelationLanguage[]).map((l) => ({ value: l, label: RELATION_LANGUAGE_NAMES[l] }))} />
          <CheckboxField id="relation-active" label={t('relation.field.active')} checked={form.active} onChange={set('active')} readOnly={ro} />
        </div>

        <h2 className="section-title">{t('relation.section.contact')}</h2>
        <div className="form-grid">
          <TextField id="relation-street" label={t('relation.field.street')} value={form.street} onChange={set('street')} readOnly={ro} className="span-2" error={fe('street')} />
          <TextField id="relation-postcode" label={t('relation.field.postcode')} value={form.postcode} onChange={set('postcode')} readOnly={ro} error={fe('postcode')} />
          <TextField id="relation-city" label={t('relation.field.city')} value={form.city} onChange={set('city')} readOnly={ro} error={fe('city')} />
          <SelectField id="relation-country" label={t('relation.field.country')} value={form.country} onChange={set('country')} readOnly={ro} options={countryOptions} error={fe('country')} />
          <TextField id="relation-email" label={t('relation.field.email')} type="email" value={form.email} onChange={set('email')} readOnly={ro} hint={editing ? t('relation.emailHint') : undefined} error={fe('email')} />
          <TextField id="relation-phone" label={t('relation.field.phone')} type="tel" value={form.phone} onChange={set('phone')} readOnly={ro} error={fe('phone')} />
        </div>

        <h2 className="section-title">{t('relation.section.payment')}</h2>
        <div className="form-grid">
          <TextField id="relation-iban" label={t('relation.field.iban')} value={form.iban} onChange={set('iban')} readOnly={ro} placeholder={editing ? 'BE68 5390 0754 7034' : undefined} error={fe('iban')} />
          <TextField id="relation-bic" label={t('relation.field.bic')} value={form.bic} onChange={set('bic')} readOnly={ro} error={fe('bic')} />
          <TextField id="relation-paymentDays" label={t('relation.field.paymentDays')} value={form.paymentDays} onChange={set('paymentDays')} readOnly={ro} error={fe('paymentDays')} />
          <CheckboxField id="relation-paymentEndOfMonth" label={t('relation.field.paymentEndOfMonth')} checked={form.paymentEndOfMonth} onChange={set('paymentEndOfMonth')} readOnly={ro} />
          <TextField id="relation-defaultVatCode" label={t('relation.field.defaultVatCode')} value={form.defaultVatCode} onChange={set('defaultVatCode')} readOnly={ro} error={fe('defaultVatCode')} />
          <TextField id="relation-defaultAccount" label={t('relation.field.defaultAccount')} value={form.defaultAccount} onChange={set('defaultAccount')} readOnly={ro} error={fe('defaultAccount')} />
        </div>

        <h2 className="section-title">{t('relation.section.peppol')}</h2>
        <div className="form-grid">
          <TextField id="relation-peppolId" label={t('relation.field.peppolId')} value={form.peppolId} onChange={set('peppolId')} readOnly={ro} placeholder={editing ? '0208:0123456749' : undefined} hint={editing ? t('relation.peppolIdHint') : undefined} error={fe('peppolId')} />
          {r && (
            <div className="field">
              <div className="label-row">{t('relation.peppol')}</div>
              <div>
                <PeppolBadge relation={r} />
                {r.peppolCheckedAt && <div className="hint">{t('relation.peppol.checkedAt', { date: fmt.dateTime(r.peppolCheckedAt) })}</div>}
              </div>
            </div>
          )}
          {r && r.peppolDocumentTypes.length > 0 && (
            <div className="field span-2">
              <div className="label-row">{t('relation.peppol.documentTypes')}</div>
              <ul data-testid="peppol-document-types">
                {r.peppolDocumentTypes.map((d) => (
                  <li key={d} title={d}>
                    {documentTypeLabel(d)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>

        <h2 className="section-title">{t('relation.field.notes')}</h2>
        <div className="field">
          <label htmlFor="relation-notes" className="sr-only">
            {t('relation.field.notes')}
          </label>
          <textarea id="relation-notes" rows={4} value={form.notes} onChange={(e) => set('notes')(e.target.value)} readOnly={ro} aria-invalid={fe('notes') ? true : undefined} />
          {fe('notes') && <div className="field-error">{fe('notes')}</div>}
        </div>
        {/* Enter in a field saves while editing. */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </div>
  );
}
