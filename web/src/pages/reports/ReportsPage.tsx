/**
 * Reports → Trial balance, General ledger, Journal listing, Customer / supplier balances.
 * One screen per report, same keys: Ctrl+F search, Page Up/Down, Ctrl+Home/End, F5 refresh,
 * Ctrl+ / Ctrl− zoom, Ctrl+S save (PDF, XLSX or CSV from the server's export), Ctrl+P print (PDF).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShell } from '../../app/shell-context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ledgerApi, money, reportUrl } from '../accounting/accounting-api.ts';

type ReportKind = 'trial-balance' | 'general-ledger' | 'journal' | 'relation-balances';
const TITLES: Record<ReportKind, MessageKey> = {
  'trial-balance': 'menu.trialBalance',
  'general-ledger': 'menu.generalLedger',
  journal: 'menu.journalReport',
  'relation-balances': 'openItems.relationBalances',
};

export function TrialBalancePage() {
  return <ReportScreen kind="trial-balance" />;
}
export function GeneralLedgerPage() {
  return <ReportScreen kind="general-ledger" />;
}
export function JournalReportPage() {
  return <ReportScreen kind="journal" />;
}
export function RelationBalancesPage() {
  return <ReportScreen kind="relation-balances" />;
}
export default TrialBalancePage;

interface Table {
  columns: Array<{ key: MessageKey; num?: boolean }>;
  rows: Array<{ key: string; cells: string[]; strong?: boolean }>;
  footer?: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function toTable(kind: ReportKind, data: any, locale: string, date: (d: string) => string, openingLabel: string): Table {
  const m = (c: number) => money(c, locale);
  if (kind === 'trial-balance') {
    return {
      columns: [{ key: 'rp.account' }, { key: 'rp.name' }, { key: 'rp.opening', num: true }, { key: 'rp.debit', num: true }, { key: 'rp.credit', num: true }, { key: 'rp.closing', num: true }],
      rows: data.rows.map((r: any) => ({ key: r.account, cells: [r.account, r.name, m(r.opening), m(r.debit), m(r.credit), m(r.closing)] })),
      footer: ['', '', m(data.totals.opening), m(data.totals.debit), m(data.totals.credit), m(data.totals.closing)],
    };
  }
  if (kind === 'general-ledger') {
    const rows: Table['rows'] = [];
    for (const a of data.accounts) {
      const own = data.lines.filter((x: any) => x.account === a.account);
      // a page shows the accounts of its lines; an account without movements (opening only) on page 1
      if (!own.length && !(a.debit === 0 && a.credit === 0 && data.page === 1)) continue;
      // the account's row gives its opening balance (as the export does); its lines run from there
      rows.push({ key: `a${a.account}`, strong: true, cells: [a.account, a.name, '', openingLabel, '', '', m(a.opening)] });
      for (const l of own) {
        rows.push({ key: `l${l.bookingId}-${l.lineNo}`, cells: [date(l.date), l.booking, l.relationName ?? '', l.description ?? '', m(l.debit), m(l.credit), m(l.balance)] });
      }
    }
    return {
      columns: [{ key: 'rp.date' }, { key: 'rp.booking' }, { key: 'rp.relation' }, { key: 'rp.description' }, { key: 'rp.debit', num: true }, { key: 'rp.credit', num: true }, { key: 'rp.balance', num: true }],
      rows,
    };
  }
  if (kind === 'journal') {
    const rows: Table['rows'] = [];
    for (const b of data.bookings) {
      rows.push({ key: `b${b.id}`, strong: true, cells: [b.display, date(b.date), b.relationName ?? b.reference ?? b.description ?? '', '', ''] });
      for (const l of b.lines) rows.push({ key: `l${b.id}-${l.lineNo}`, cells: ['', l.account, `${l.accountName}${l.vatCode ? ` (${l.vatCode})` : ''}`, l.debit ? m(l.debit) : '', l.credit ? m(l.credit) : ''] });
    }
    return {
      columns: [{ key: 'rp.booking' }, { key: 'rp.account' }, { key: 'rp.description' }, { key: 'rp.debit', num: true }, { key: 'rp.credit', num: true }],
      rows,
      footer: ['', '', '', m(data.totals.debit), m(data.totals.credit)],
    };
  }
  return {
    columns: [{ key: 'rp.number' }, { key: 'rp.name' }, { key: 'rp.opening', num: true }, { key: 'rp.debit', num: true }, { key: 'rp.credit', num: true }, { key: 'rp.balance', num: true }],
    rows: data.items.map((r: any) => ({ key: String(r.relationId), cells: [r.number, r.name, m(r.opening), m(r.debit), m(r.credit), m(r.balance)] })),
    footer: ['', '', m(data.totals.opening), m(data.totals.debit), m(data.totals.credit), m(data.totals.balance)],
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const RIGHT = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const PAGE_SIZE = 1000;
/** the largest selection (general-ledger lines, journal bookings) Ctrl+F searches as a whole */
const SEARCH_ALL_LINES = 20000;
const ZOOMS = [0.75, 0.85, 1, 1.15, 1.3, 1.5];

function ReportScreen({ kind }: { kind: ReportKind }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const dossierId = useShell().dossierId!;
  const years = useQuery({ queryKey: ['ledger', dossierId, 'fiscal-years'], queryFn: () => ledgerApi.fiscalYears(dossierId) });
  const [yearId, setYearId] = useState<number | null>(null);
  useEffect(() => {
    if (yearId === null && years.data?.length) {
      const now = new Date().toISOString().slice(0, 10);
      setYearId((years.data.find((y) => y.startDate <= now && now <= y.endDate) ?? years.data[years.data.length - 1]).id);
    }
  }, [years.data, yearId]);
  const year = useQuery({ queryKey: ['ledger', dossierId, 'fiscal-year', yearId], queryFn: () => ledgerApi.fiscalYear(dossierId, yearId!), enabled: yearId !== null });
  const journals = useQuery({ queryKey: ['ledger', dossierId, 'journals'], queryFn: () => ledgerApi.journals(dossierId), enabled: kind === 'journal' });
  const periods = year.data?.periods ?? [];
  const [fromPeriod, setFrom] = useState('');
  const [toPeriod, setTo] = useState('');
  const [account, setAccount] = useState('');
  const [journalId, setJournalId] = useState('');
  const [relKind, setRelKind] = useState<'customers' | 'suppliers'>('customers');
  const [search, setSearch] = useState('');
  const [zoom, setZoom] = useState(2);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [yearId, fromPeriod, toPeriod, account, journalId]);
  const [saving, setSaving] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!journalId && journals.data?.length) setJournalId(String(journals.data[0].id));
  }, [journals.data, journalId]);

  const query = useMemo(() => {
    const q: Record<string, string | number | undefined> = { fiscalYearId: yearId ?? undefined };
    if (kind !== 'relation-balances') q.fromPeriod = fromPeriod || undefined;
    q.toPeriod = toPeriod || undefined;
    if (kind === 'general-ledger') {
      q.accountFrom = account || undefined;
      q.accountTo = account ? `${account}9999999999`.slice(0, 10) : undefined;
      q.pageSize = PAGE_SIZE;
      q.page = page;
    }
    if (kind === 'journal') {
      q.journalId = journalId || undefined;
      q.pageSize = PAGE_SIZE;
      q.page = page;
    }
    if (kind === 'relation-balances') q.kind = relKind;
    return q;
  }, [kind, yearId, fromPeriod, toPeriod, account, journalId, relKind, page]);
  const ready = yearId !== null && (kind !== 'journal' || !!journalId);
  const report = useQuery({ queryKey: ['report', dossierId, kind, query], queryFn: () => ledgerApi.report<unknown>(dossierId, kind, query), enabled: ready });
  // Ctrl+F on a paged report (general ledger, journal listing) searches the whole selection: up to
  // SEARCH_ALL_LINES (lines of a general ledger, bookings of a journal) its pages are read and searched
  // together; beyond, the screen says the search covers
  // the page on screen only and how to narrow the selection.
  const paged = kind === 'general-ledger' || kind === 'journal';
  const total = paged && report.data ? (report.data as { total: number }).total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const searching = search.trim() !== '' && total > PAGE_SIZE;
  const searchAll = searching && total <= SEARCH_ALL_LINES;
  const whole = useQuery({
    queryKey: ['report-all', dossierId, kind, { ...query, page: undefined }],
    enabled: searchAll,
    queryFn: async () => {
      const size = kind === 'journal' ? 2000 : 5000;
      const read = (n: number) => ledgerApi.report<{ total: number; lines?: unknown[]; bookings?: unknown[] }>(dossierId, kind, { ...query, page: n, pageSize: size });
      const first = await read(1);
      for (let n = 2; (n - 1) * size < first.total; n++) {
        const next = await read(n);
        if (first.lines && next.lines) first.lines.push(...next.lines);
        if (first.bookings && next.bookings) first.bookings.push(...next.bookings);
      }
      return { ...first, page: 1 };
    },
  });
  const shown = searchAll && whole.data ? whole.data : report.data;
  const table = useMemo(() => (shown ? toTable(kind, shown, locale, fmt.date, t('rp.opening')) : null), [shown, kind, locale, fmt, t]);
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return !table ? [] : s ? table.rows.filter((r) => r.cells.some((c) => c.toLowerCase().includes(s))) : table.rows;
  }, [table, search]);

  const download = (format: 'csv' | 'xlsx' | 'pdf') => {
    const a = document.createElement('a');
    a.href = reportUrl(dossierId, kind, query, format);
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setSaving(false);
  };
  // The general ledger and the journal listing come from the server in pages of 1,000 lines: Page
  // Down at the bottom of one goes on to the next, Page Up at the top back to the previous one, and
  // Ctrl+Home / Ctrl+End go to the first / last page (the seed's "Eerste pagina / Laatste pagina").
  const pendingScroll = useRef<'top' | 'bottom' | null>(null);
  const toPage = (target: number, at: 'top' | 'bottom') => {
    if (target === page) return void (wrapRef.current && (wrapRef.current.scrollTop = at === 'top' ? 0 : wrapRef.current.scrollHeight));
    pendingScroll.current = at;
    setPage(target);
  };
  useEffect(() => {
    const el = wrapRef.current;
    if (!el || !pendingScroll.current || report.isFetching) return;
    el.scrollTop = pendingScroll.current === 'top' ? 0 : el.scrollHeight;
    pendingScroll.current = null;
  }, [report.data, report.isFetching]);
  const scroll = (how: 'pageUp' | 'pageDown' | 'home' | 'end') => {
    const el = wrapRef.current;
    if (!el) return;
    if (how === 'home') return toPage(1, 'top');
    if (how === 'end') return toPage(pages, 'bottom');
    const step = el.clientHeight * 0.9;
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    if (how === 'pageDown' && atBottom && page < pages) return toPage(page + 1, 'top');
    if (how === 'pageUp' && el.scrollTop <= 0 && page > 1) return toPage(page - 1, 'bottom');
    el.scrollTop = el.scrollTop + (how === 'pageUp' ? -step : step);
  };
  useShortcuts(
    [
      { keys: ['Ctrl+F'], description: 'rp.key.search', run: () => searchRef.current?.focus() },
      { keys: ['F5'], description: 'rp.key.refresh', run: () => void report.refetch() },
      { keys: ['PageUp'], description: 'rp.key.pageUp', run: () => scroll('pageUp'), inInputs: false },
      { keys: ['PageDown'], description: 'rp.key.pageDown', run: () => scroll('pageDown'), inInputs: false },
      { keys: ['Ctrl+Home'], description: 'rp.key.top', run: () => scroll('home'), inInputs: false },
      { keys: ['Ctrl+End'], description: 'rp.key.bottom', run: () => scroll('end'), inInputs: false },
      { keys: ['Ctrl++', 'Ctrl+='], description: 'rp.key.zoomIn', run: () => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1)), inInputs: true },
      { keys: ['Ctrl+-'], description: 'rp.key.zoomOut', run: () => setZoom((z) => Math.max(z - 1, 0)), inInputs: true },
      { keys: ['Ctrl+S'], description: 'rp.key.save', run: () => setSaving(true) },
      { keys: ['Ctrl+P'], description: 'rp.key.print', run: () => window.open(reportUrl(dossierId, kind, query, 'pdf'), '_blank') },
    ],
    { group: TITLES[kind] },
  );

  return (
    <div className="page wide" data-testid={`report-${kind}`}>
      <h1>{t(TITLES[kind])}</h1>
      <div className="toolbar no-print">
        <label>
          {t('rp.fiscalYear')}{' '}
          <select value={yearId ?? ''} onChange={(e) => setYearId(Number(e.target.value))} data-testid="report-year">
            {(years.data ?? []).map((y) => (
              <option key={y.id} value={y.id}>
                {fmt.date(y.startDate)} – {fmt.date(y.endDate)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'relation-balances' && (
          <label>
            {t('rp.fromPeriod')}{' '}
            <select value={fromPeriod} onChange={(e) => setFrom(e.target.value)}>
              <option value="">—</option>
              {periods.map((p) => (
                <option key={p.periodNo} value={p.periodNo}>
                  {p.periodNo} ({fmt.date(p.startDate)})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('rp.toPeriod')}{' '}
          <select value={toPeriod} onChange={(e) => setTo(e.target.value)}>
            <option value="">—</option>
            {periods.map((p) => (
              <option key={p.periodNo} value={p.periodNo}>
                {p.periodNo} ({fmt.date(p.endDate)})
              </option>
            ))}
          </select>
        </label>
        {kind === 'general-ledger' && (
          <label>
            {t('rp.account')} <input value={account} onChange={(e) => setAccount(e.target.value.replace(/\D/g, ''))} size={10} data-testid="report-account" />
          </label>
        )}
        {kind === 'journal' && (
          <label>
            {t('rp.journal')}{' '}
            <select value={journalId} onChange={(e) => setJournalId(e.target.value)}>
              {(journals.data ?? []).map((j) => (
                <option key={j.id} value={j.id}>
                  {j.code} — {j.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'relation-balances' && (
          <label>
            {t('rp.kind')}{' '}
            <select value={relKind} onChange={(e) => setRelKind(e.target.value as 'customers' | 'suppliers')}>
              <option value="customers">{t('rp.customers')}</option>
              <option value="suppliers">{t('rp.suppliers')}</option>
            </select>
          </label>
        )}
        <input ref={searchRef} type="search" className="search-box" placeholder={t('rp.search')} aria-label={t('rp.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <div className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void report.refetch()}>
          {t('rp.refresh')} (F5)
        </button>
        <button type="button" className="button" onClick={() => setSaving(true)} data-testid="report-save">
          {t('rp.save')} (Ctrl+S)
        </button>
        <button type="button" className="button" onClick={() => window.open(reportUrl(dossierId, kind, query, 'pdf'), '_blank')}>
          {t('rp.print')} (Ctrl+P)
        </button>
      </div>
      <ErrorBanner error={report.error ?? years.error} />
      {(report.isFetching || (searchAll && whole.isFetching)) && <p className="loading">{t('rp.loading')}</p>}
      {searching && (
        <p className="hint" data-testid="report-search-scope">
          {searchAll ? t('rp.searchAll') : t('rp.searchPageOnly', { page, pages })}
        </p>
      )}
      {table && (
        <div className="table-wrap report-table" ref={wrapRef} style={{ maxHeight: '70vh', overflow: 'auto', fontSize: `${ZOOMS[zoom]}em` }} tabIndex={0} data-testid="report-table">
          <table className="grid">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.num ? 'num' : undefined} style={c.num ? RIGHT : undefined}>
                    {t(c.key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.strong ? 'group-row' : undefined}>
                  {r.cells.map((c, i) => (
                    <td key={i} className={table.columns[i].num ? 'num' : undefined} style={table.columns[i].num ? RIGHT : undefined}>
                      {r.strong ? <strong>{c}</strong> : c}
                    </td>
                  ))}
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={table.columns.length} className="muted">
                    {t('rp.empty')}
                  </td>
                </tr>
              )}
            </tbody>
            {table.footer && (
              <tfoot>
                <tr data-testid="report-totals">
                  {table.footer.map((c, i) => (
                    <td key={i} className={table.columns[i].num ? 'num' : undefined} style={table.columns[i].num ? RIGHT : undefined}>
                      <strong>{i === 0 ? t('rp.totals') : c}</strong>
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      {pages > 1 && (
        <div className="pager no-print">
          <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('rp.previousPage')}
          </button>
          <span data-testid="report-page">{t('rp.pageOf', { page, pages })}</span>
          <button type="button" className="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('rp.nextPage')}
          </button>
        </div>
      )}
      {saving && (
        <Dialog title={t('rp.saveTitle')} onClose={() => setSaving(false)}>
          <p>{t('rp.saveIntro')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => download('pdf')} data-testid="save-pdf" autoFocus>
              PDF
            </button>
            <button type="button" className="button" onClick={() => download('xlsx')} data-testid="save-xlsx">
              Excel (XLSX)
            </button>
            <button type="button" className="button" onClick={() => download('csv')} data-testid="save-csv">
              CSV
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
