/**
 * Management → Dossiers: the list (search, sort, paging) and the detail with its tabs: Identity,
 * Contact, Mailbox, Bookings, Authorized applicant, Modules.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { api, isApiError, type Dossier, type DossierListItem, type Language } from '../../api.ts';
import { fetchDossiers, formatEnterprise } from './dossier-api.ts';
import { LANGUAGE_NAMES, Loading } from '../../app/AppShell.tsx';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { ManagementList, RecordToolbar, useRecordNavigator, type Column } from '../../components/ManagementList.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { LANGUAGES, LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';

const LIST_ID = 'dossiers';
const DEFAULTS = { sort: 'name', direction: 'asc' as const };


/** Belgian legal forms (abbreviations in Dutch and French). */
export const LEGAL_FORMS = [
  'BV', 'SRL', 'NV', 'SA', 'CV', 'SC', 'VZW', 'ASBL', 'VOF', 'SNC', 'CommV', 'SComm', 'Eenmanszaak', 'Entreprise individuelle',
];
const LEGAL_FORM_NAMES: Record<string, string> = {
  BV: 'besloten vennootschap',
  SRL: 'société à responsabilité limitée',
  NV: 'naamloze vennootschap',
  SA: 'société anonyme',
  CV: 'coöperatieve vennootschap',
  SC: 'société coopérative',
  VZW: 'vereniging zonder winstoogmerk',
  ASBL: 'association sans but lucratif',
  VOF: 'vennootschap onder firma',
  SNC: 'société en nom collectif',
  CommV: 'commanditaire vennootschap',
  SComm: 'société en commandite',
};

const COUNTRIES = ['BE', 'NL', 'LU', 'FR', 'DE', 'GB', 'IE', 'IT', 'ES', 'PT', 'AT', 'CH', 'DK', 'SE', 'FI', 'NO', 'PL', 'CZ', 'US'];

export default function DossiersPage() {
  return (
    <Routes>
      <Route index element={<DossierList />} />
      <Route path="new" element={<DossierDetail isNew />} />
      <Route path=":id" element={<DossierDetail />} />
    </Routes>
  );
}

function useDossierPermissions() {
  const t = useT();
  const user = useUser();
  const newReason = user.role === 'client' ? t('dossier.clientCannotCreate') : undefined;
  const deleteReason = user.role !== 'admin' ? t('access.adminOnly') : undefined;
  const editReason = (rights: string[]) => (rights.includes('accounts') ? undefined : t('access.missingRight', { right: t('right.accounts') }));
  return { newReason, deleteReason, editReason };
}

function DossierList() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const confirm = useConfirm();
  const client = useQueryClient();
  const { newReason, deleteReason } = useDossierPermissions();
  const columns: Column<DossierListItem>[] = [
    { id: 'name', label: t('dossier.name'), sortKey: 'name', render: (d) => d.name },
    { id: 'enterpriseNumber', label: t('dossier.enterpriseNumber'), sortKey: 'enterpriseNumber', render: (d) => formatEnterprise(d.enterpriseNumber) },
    { id: 'vatNumber', label: t('dossier.vatNumber'), render: (d) => d.vatNumber ?? '' },
    { id: 'city', label: t('dossier.city'), sortKey: 'city', render: (d) => d.city ?? '' },
    { id: 'id', label: t('dossier.number'), sortKey: 'id', render: (d) => d.id, className: 'num' },
    { id: 'recent', label: t('dossier.lastOpened'), sortKey: 'recent', render: (d) => fmt.dateTime(d.lastVisitedAt) },
  ];
  return (
    <div className="page wide">
      <h1>{t('menu.dossiers')}</h1>
      <ManagementList
        listId={LIST_ID}
        queryKey="dossiers"
        fetchPage={fetchDossiers}
        columns={columns}
        defaults={DEFAULTS}
        rowName={(d) => d.name}
        onOpen={(d) => navigate(shellPath(`management/dossiers/${d.id}`))}
        onNew={() => navigate(shellPath('management/dossiers/new'))}
        newLabel={t('dossier.new')}
        newDisabledReason={newReason}
        onDelete={async (rows) => {
          for (const d of rows) await api.delete(`/dossiers/${d.id}`);
          client.invalidateQueries({ queryKey: ['dossiers'] });
        }}
        deleteDisabledReason={() => deleteReason}
        confirmDelete={(rows) =>
          confirm({
            title: t('dossier.deleteTitle'),
            message: rows.length === 1 ? t('dossier.deleteConfirm', { name: rows[0].name }) : t('dossier.deleteConfirmMany', { count: rows.length }),
            confirmLabel: t('common.delete'),
            danger: true,
          })
        }
        searchLabel={t('dossier.search')}
        countKey="dossier.count"
        shortcutGroup="menu.dossiers"
        printTitle={t('menu.dossiers')}
        emptyText={t('dossier.none')}
      />
    </div>
  );
}


interface ApplicantForm {
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  capacity: string;
}

interface DossierForm {
  name: string;
  legalForm: string;
  enterpriseNumber: string;
  vatNumber: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  language: Language;
  email: string;
  phone: string;
  website: string;
  contactFields: Array<{ label: string; value: string }>;
  applicant: ApplicantForm;
  modules: { invoicing: boolean; bank: boolean; documents: boolean };
  fiscalYearStart: string;
}

const s = (v: string | null | undefined) => v ?? '';

function formOf(d: Dossier | null, language: Language): DossierForm {
  return {
    name: s(d?.name),
    legalForm: s(d?.legalForm),
    enterpriseNumber: formatEnterprise(d?.enterpriseNumber ?? null),
    vatNumber: s(d?.vatNumber),
    street: s(d?.street),
    postcode: s(d?.postcode),
    city: s(d?.city),
    country: d?.country ?? 'BE',
    language: d?.language ?? language,
    email: s(d?.email),
    phone: s(d?.phone),
    website: s(d?.website),
    contactFields: d?.contactFields.map((f) => ({ ...f })) ?? [],
    applicant: {
      name: s(d?.applicant.name),
      street: s(d?.applicant.street),
      postcode: s(d?.applicant.postcode),
      city: s(d?.applicant.city),
      phone: s(d?.applicant.phone),
      email: s(d?.applicant.email),
      capacity: s(d?.applicant.capacity),
    },
    modules: d ? { ...d.modules } : { invoicing: false, bank: false, documents: false },
    fiscalYearStart: `${new Date().getFullYear()}-01-01`,
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function bodyOf(f: DossierForm, isNew: boolean) {
  return {
    name: f.name.trim(),
    legalForm: orNull(f.legalForm),
    // Left empty with a VAT number given, the server takes the enterprise number from it.
    enterpriseNumber: orNull(f.enterpriseNumber) ?? (orNull(f.vatNumber) ? undefined : null),
    vatNumber: orNull(f.vatNumber),
    street: orNull(f.street),
    postcode: orNull(f.postcode),
    city: orNull(f.city),
    country: f.country,
    language: f.language,
    email: orNull(f.email),
    phone: orNull(f.phone),
    website: orNull(f.website),
    contactFields: f.contactFields.filter((c) => c.label.trim() || c.value.trim()),
    applicant: Object.fromEntries(Object.entries(f.applicant).map(([k, v]) => [k, orNull(v)])),
    modules: f.modules,
    ...(isNew ? { fiscalYearStart: f.fiscalYearStart } : {}),
  };
}

/** Which tab holds a field named in an error. */
function tabOfField(field: string | undefined): string {
  if (!field) return 'identity';
  if (field.startsWith('applicant')) return 'applicant';
  if (field.startsWith('contactFields') || ['email', 'phone', 'website'].includes(field)) return 'contact';
  if (field.startsWith('modules')) return 'modules';
  return 'identity';
}

function DossierDetail({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const params = useParams();
  const id = isNew ? null : Number(params.id);
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const shell = useShell();
  const client = useQueryClient();
  const confirm = useConfirm();
  const { newReason, deleteReason, editReason } = useDossierPermissions();
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>(isNew ? 'new' : 'view');
  const [tab, setTab] = useState('identity');
  const [form, setForm] = useState<DossierForm>(() => formOf(null, language));
  const [saved, setSaved] = useState(false);

  const dossier = useQuery({ queryKey: ['dossier', id], queryFn: () => api.get<Dossier>(`/dossiers/${id}`), enabled: id !== null && Number.isFinite(id) });

  useEffect(() => {
    setMode(isNew ? 'new' : 'view');
    setSaved(false);
    if (isNew) setForm(formOf(null, language));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isNew, id]);
  useEffect(() => {
    if (dossier.data && mode === 'view') setForm(formOf(dossier.data, language));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dossier.data, mode]);

  const listPath = shellPath('management/dossiers');
  const navigator = useRecordNavigator(LIST_ID, fetchDossiers, id, DEFAULTS, (next) => navigate(shellPath(`management/dossiers/${next}`)));

  const save = useMutation({
    mutationFn: () =>
      mode === 'new' ? api.post<Dossier>('/dossiers', bodyOf(form, true)) : api.patch<Dossier>(`/dossiers/${id}`, bodyOf(form, false)),
    onSuccess: (result) => {
      client.setQueryData(['dossier', result.id], result);
      client.invalidateQueries({ queryKey: ['dossiers'] });
      setSaved(true);
      if (mode === 'new') navigate(shellPath(`management/dossiers/${result.id}`), { replace: true });
      else setMode('view');
    },
    onError: (e) => {
      if (isApiError(e) && e.details[0]?.field) setTab(tabOfField(e.details[0].field));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/dossiers/${id}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['dossiers'] });
      client.removeQueries({ queryKey: ['dossier', id] });
      navigate(shell.dossierId === id ? '/dossiers' : listPath);
    },
  });

  const dirty = useMemo(() => mode !== 'view' && JSON.stringify(form) !== JSON.stringify(formOf(dossier.data ?? null, language)), [form, mode, dossier.data, language]);

  if (!isNew && dossier.isPending) return <Loading />;
  if (!isNew && dossier.isError) {
    return (
      <div className="page">
        <ErrorBanner error={dossier.error} />
        <button type="button" onClick={() => navigate(listPath)}>
          ← {t('menu.dossiers')}
        </button>
      </div>
    );
  }
  const d = dossier.data ?? null;
  const editing = mode !== 'view';
  const err = save.error;
  const fe = (field: string) => (isApiError(err) ? err.fieldMessage(field) : undefined);
  const set = <K extends keyof DossierForm>(key: K) => (value: DossierForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setApplicant = (key: keyof ApplicantForm) => (value: string) => setForm((f) => ({ ...f, applicant: { ...f.applicant, [key]: value } }));
  const ro = !editing;

  const cancel = async () => {
    if (dirty && !(await confirm({ title: t('record.discardTitle'), message: t('record.discardConfirm'), confirmLabel: t('record.discard') }))) return;
    save.reset();
    if (mode === 'new') navigate(listPath);
    else {
      setMode('view');
      setForm(formOf(d, language));
    }
  };
  const askDelete = async () => {
    if (!d) return;
    const ok = await confirm({ title: t('dossier.deleteTitle'), message: t('dossier.deleteConfirm', { name: d.name }), confirmLabel: t('common.delete'), danger: true });
    if (ok) remove.mutate();
  };

  const regionNames = new Intl.DisplayNames([LOCALES[language]], { type: 'region' });
  const countryOptions = [...new Set([...COUNTRIES, form.country])].map((c) => ({ value: c, label: `${regionNames.of(c) ?? c} (${c})` }));

  const tabs = [
    { id: 'identity', label: t('dossier.tab.identity') },
    { id: 'contact', label: t('dossier.tab.contact') },
    { id: 'mailbox', label: t('dossier.tab.mailbox') },
    { id: 'bookings', label: t('dossier.tab.bookings') },
    { id: 'applicant', label: t('dossier.tab.applicant') },
    { id: 'modules', label: t('dossier.tab.modules') },
  ];

  return (
    <div className="page wide record-page" data-testid="dossier-detail">
      <h1>
        {mode === 'new' ? t('dossier.new') : d?.name}
        {editing && mode !== 'new' && <span className="mode-tag">{t('record.editing')}</span>}
      </h1>
      <RecordToolbar
        mode={mode}
        backLabel={t('menu.dossiers')}
        onBack={() => navigate(listPath)}
        onNew={() => navigate(shellPath('management/dossiers/new'))}
        newDisabledReason={newReason}
        onEdit={() => {
          setSaved(false);
          save.reset();
          setMode('edit');
          window.requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.record-page .tab-panel input:not([readonly])')?.focus());
        }}
        editDisabledReason={d ? editReason(d.rights) : undefined}
        onSave={() => save.mutate()}
        onCancel={cancel}
        saving={save.isPending}
        onDelete={askDelete}
        deleteDisabledReason={deleteReason}
        navigator={isNew ? undefined : navigator}
        onSearch={() => navigate(listPath, { state: { focusSearch: true } })}
        shortcutGroup="dossier.detail"
      />
      {saved && !editing && <SuccessBanner>{t('common.saved')}</SuccessBanner>}
      <ErrorBanner error={(err ?? remove.error) || undefined} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) save.mutate();
        }}
        noValidate
        className={editing ? 'record-form editing' : 'record-form'}
      >
        <Tabs tabs={tabs} active={tab} onChange={setTab} label={t('dossier.tabs')}>
          {tab === 'identity' && (
            <div className="form-grid">
              <TextField id="name" label={t('dossier.name')} value={form.name} onChange={set('name')} readOnly={ro} required error={fe('name')} className="span-2" />
              <TextField id="legalForm" label={t('dossier.legalForm')} value={form.legalForm} onChange={set('legalForm')} readOnly={ro} list="legal-forms" hint={editing ? t('dossier.legalFormHint') : undefined} error={fe('legalForm')} />
              <datalist id="legal-forms">
                {LEGAL_FORMS.map((f) => (
                  <option key={f} value={f}>
                    {LEGAL_FORM_NAMES[f] ?? f}
                  </option>
                ))}
              </datalist>
              <SelectField id="language" label={t('dossier.language')} value={form.language} onChange={set('language')} readOnly={ro} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
              <TextField id="enterpriseNumber" label={t('dossier.enterpriseNumber')} value={form.enterpriseNumber} onChange={set('enterpriseNumber')} readOnly={ro} placeholder={editing ? '0123.456.749' : undefined} hint={editing ? t('dossier.enterpriseHint') : undefined} error={fe('enterpriseNumber')} />
              <TextField id="vatNumber" label={t('dossier.vatNumber')} value={form.vatNumber} onChange={set('vatNumber')} readOnly={ro} placeholder={editing ? 'BE0123456749' : undefined} hint={editing ? t('dossier.vatHint') : undefined} error={fe('vatNumber')} />
              <TextField id="street" label={t('address.street')} value={form.street} onChange={set('street')} readOnly={ro} className="span-2" error={fe('street')} />
              <TextField id="postcode" label={t('address.postcode')} value={form.postcode} onChange={set('postcode')} readOnly={ro} error={fe('postcode')} />
              <TextField id="city" label={t('address.city')} value={form.city} onChange={set('city')} readOnly={ro} error={fe('city')} />
              <SelectField id="country" label={t('address.country')} value={form.country} onChange={set('country')} readOnly={ro} options={countryOptions} error={fe('country')} />
              {mode === 'new' && (
                <TextField id="fiscalYearStart" label={t('dossier.fiscalYearStart')} type="date" value={form.fiscalYearStart} onChange={set('fiscalYearStart')} hint={t('dossier.fiscalYearStartHint')} error={fe('fiscalYearStart')} />
              )}
            </div>
          )}
          {tab === 'contact' && (
            <div>
              <div className="form-grid">
                <TextField id="email" label={t('contact.email')} type="email" value={form.email} onChange={set('email')} readOnly={ro} error={fe('email')} />
                <TextField id="phone" label={t('contact.phone')} type="tel" value={form.phone} onChange={set('phone')} readOnly={ro} error={fe('phone')} />
                <TextField id="website" label={t('contact.website')} type="url" value={form.website} onChange={set('website')} readOnly={ro} error={fe('website')} className="span-2" />
              </div>
              <h2 className="section-title">{t('contact.extra')}</h2>
              {form.contactFields.length === 0 && <p className="muted">{t('contact.noExtra')}</p>}
              {form.contactFields.map((field, i) => (
                <div className="contact-row" key={i}>
                  <TextField
                    id={`contact-label-${i}`}
                    label={t('contact.label', { n: i + 1 })}
                    value={field.label}
                    onChange={(v) => set('contactFields')(form.contactFields.map((c, j) => (j === i ? { ...c, label: v } : c)))}
                    readOnly={ro}
                  />
                  <TextField
                    id={`contact-value-${i}`}
                    label={t('contact.value', { n: i + 1 })}
                    value={field.value}
                    onChange={(v) => set('contactFields')(form.contactFields.map((c, j) => (j === i ? { ...c, value: v } : c)))}
                    readOnly={ro}
                  />
                  {editing && (
                    <button type="button" className="small" onClick={() => set('contactFields')(form.contactFields.filter((_, j) => j !== i))} aria-label={t('contact.removeNamed', { n: i + 1 })}>
                      {t('contact.remove')}
                    </button>
                  )}
                </div>
              ))}
              {editing && (
                <button
                  type="button"
                  onClick={() => {
                    set('contactFields')([...form.contactFields, { label: '', value: '' }]);
                    window.requestAnimationFrame(() => document.getElementById(`contact-label-${form.contactFields.length}`)?.focus());
                  }}
                >
                  {t('contact.add')}
                </button>
              )}
            </div>
          )}
          {tab === 'mailbox' && (
            <div>
              {d ? (
                <>
                  <p>{t('mailbox.intro')}</p>
                  <div className="secret-row">
                    <code data-testid="mailbox-address">{d.mailboxAddress}</code>
                    <CopyButton text={d.mailboxAddress} />
                  </div>
                  <InfoNote>{t('mailbox.documentsNote')}</InfoNote>
                </>
              ) : (
                <p className="muted">{t('dossier.afterSaving')}</p>
              )}
            </div>
          )}
          {tab === 'bookings' && <BookingsTab dossier={d} />}
          {tab === 'applicant' && (
            <div>
              <p className="muted">{t('applicant.intro')}</p>
              <div className="form-grid">
                <TextField id="applicantName" label={t('applicant.name')} value={form.applicant.name} onChange={setApplicant('name')} readOnly={ro} error={fe('applicant.name')} />
                <TextField id="applicantCapacity" label={t('applicant.capacity')} value={form.applicant.capacity} onChange={setApplicant('capacity')} readOnly={ro} hint={editing ? t('applicant.capacityHint') : undefined} error={fe('applicant.capacity')} />
                <TextField id="applicantStreet" label={t('address.street')} value={form.applicant.street} onChange={setApplicant('street')} readOnly={ro} className="span-2" error={fe('applicant.street')} />
                <TextField id="applicantPostcode" label={t('address.postcode')} value={form.applicant.postcode} onChange={setApplicant('postcode')} readOnly={ro} error={fe('applicant.postcode')} />
                <TextField id="applicantCity" label={t('address.city')} value={form.applicant.city} onChange={setApplicant('city')} readOnly={ro} error={fe('applicant.city')} />
                <TextField id="applicantPhone" label={t('contact.phone')} type="tel" value={form.applicant.phone} onChange={setApplicant('phone')} readOnly={ro} error={fe('applicant.phone')} />
                <TextField id="applicantEmail" label={t('contact.email')} type="email" value={form.applicant.email} onChange={setApplicant('email')} readOnly={ro} error={fe('applicant.email')} />
              </div>
            </div>
          )}
          {tab === 'modules' && (
            <div>
              <p className="muted">{t('modules.intro')}</p>
              <CheckboxField id="moduleInvoicing" switchRole label={t('modules.invoicing')} hint={t('modules.invoicingHint')} checked={form.modules.invoicing} onChange={(v) => set('modules')({ ...form.modules, invoicing: v })} readOnly={ro} />
              <CheckboxField id="moduleBank" switchRole label={t('modules.bank')} hint={t('modules.bankHint')} checked={form.modules.bank} onChange={(v) => set('modules')({ ...form.modules, bank: v })} readOnly={ro} />
              <CheckboxField id="moduleDocuments" switchRole label={t('modules.documents')} hint={t('modules.documentsHint')} checked={form.modules.documents} onChange={(v) => set('modules')({ ...form.modules, documents: v })} readOnly={ro} />
            </div>
          )}
        </Tabs>
        {/* Enter in a field saves while editing. */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </div>
  );
}

function BookingsTab({ dossier }: { dossier: Dossier | null }) {
  const t = useT();
  const fmt = useFormat();
  if (!dossier) return <p className="muted">{t('dossier.afterSaving')}</p>;
  return (
    <div>
      <p className="muted">{t('bookings.intro')}</p>
      <table className="grid" data-testid="bookings-table">
        <thead>
          <tr>
            <th scope="col">{t('bookings.fiscalYear')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col" className="num">
              {t('bookings.purchaseSales')}
            </th>
            <th scope="col" className="num">
              {t('bookings.financialMiscellaneous')}
            </th>
          </tr>
        </thead>
        <tbody>
          {dossier.fiscalYears.map((y) => (
            <tr key={y.id}>
              <td>
                {fmt.date(y.startDate)} – {fmt.date(y.endDate)}
              </td>
              <td>{y.closed ? t('dossier.closed') : t('dossier.open')}</td>
              <td className="num">{fmt.number(y.purchaseSalesLines)}</td>
              <td className="num">{fmt.number(y.financialMiscellaneousLines)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
