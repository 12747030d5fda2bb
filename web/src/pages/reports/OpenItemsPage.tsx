/**
 * Reports → Open items: the customers' or suppliers' open items at a chosen date, per relation, aged
 * by days past due (not due, 0–30, 31–60, 61–90, over 90), with a total per relation and a grand
 * total. Keys as on the other reports: Ctrl+F search, F5 refresh, Ctrl+S save (PDF, XLSX or CSV from
 * the server's export), Ctrl+P print (PDF).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ledgerApi, money } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';
import { AGE_BUCKETS, matchingApi, openItemsReportUrl, type AgeBucket, type OpenItemAt, type RelationKind } from '../matching/matching-api.ts';

const RIGHT = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const zero = (): Record<AgeBucket, number> => ({ notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 });

interface Group {
  key: string;
  label: string;
  items: OpenItemAt[];
  open: number;
  aging: Record<AgeBucket, number>;
}

export default function OpenItemsPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const m = (c: number) => money(c, locale);
  const dossierId = useDossierId();
  // The date: today when a fiscal year holds it, otherwise the end of the latest fiscal year, until the user picks one.
  const years = useQuery({ queryKey: ['ledger', dossierId, 'fiscal-years'], queryFn: () => ledgerApi.fiscalYears(dossierId) });
  const [chosen, setDate] = useState<string | null>(null);
  const date = useMemo(() => {
    if (chosen !== null) return chosen;
    const today = new Date().toISOString().slice(0, 10);
    const list = years.data ?? [];
    return list.length && !list.some((y) => y.startDate <= today && today <= y.endDate) ? list[list.length - 1].endDate : today;
  }, [chosen, years.data]);
  const [kind, setKind] = useState<RelationKind>('customers');
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const query = useMemo(() => ({ date, kind }), [date, kind]);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const report = useQuery({ queryKey: ['matching', dossierId, 'open-items-report', query], queryFn: () => matchingApi.report(dossierId, query), enabled: valid && (chosen !== null || years.isFetched) });

  const groups = useMemo(() => {
    const out = new Map<string, Group>();
    const s = search.trim().toLowerCase();
    for (const i of report.data?.items ?? []) {
      const label = i.relation ? `${i.relation} ${i.relationName ?? ''}`.trim() : t('openItems.noRelation');
      if (s && !`${label} ${i.document} ${i.reference ?? ''} ${i.account}`.toLowerCase().includes(s)) continue;
      const key = `${i.relationId ?? ''}|${i.account}`;
      let g = out.get(key);
      if (!g) {
        g = { key, label: `${label} · ${i.account}`, items: [], open: 0, aging: zero() };
        out.set(key, g);
      }
      g.items.push(i);
      g.open += i.open;
      g.aging[i.bucket] += i.open;
    }
    return [...out.values()];
  }, [report.data, search, t]);
  const total = useMemo(() => {
    const aging = zero();
    for (const g of groups) for (const b of AGE_BUCKETS) aging[b] += g.aging[b];
    return { open: groups.reduce((s, g) => s + g.open, 0), aging };
  }, [groups]);

  const download = (format: 'csv' | 'xlsx' | 'pdf') => {
    const a = document.createElement('a');
    a.href = openItemsReportUrl(dossierId, query, format);
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setSaving(false);
  };
  useShortcuts(
    [
      { keys: ['Ctrl+F'], description: 'rp.key.search', run: () => searchRef.current?.focus() },
      { keys: ['F5'], description: 'rp.key.refresh', run: () => void report.refetch() },
      { keys: ['Ctrl+S'], description: 'rp.key.save', run: () => setSaving(true) },
      { keys: ['Ctrl+P'], description: 'rp.key.print', run: () => window.open(openItemsReportUrl(dossierId, query, 'pdf'), '_blank') },
    ],
    { group: 'menu.openItems' },
  );

  const cols = 5 + AGE_BUCKETS.length;
  return (
    <div className="page wide" data-testid="report-open-items">
      <h1>{t('menu.openItems')}</h1>
      <div className="toolbar no-print">
        <label>
          {t('openItems.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="open-items-date" />
        </label>
        <label>
          {t('openItems.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as RelationKind)} data-testid="open-items-kind">
            <option value="customers">{t('matching.customers')}</option>
            <option value="suppliers">{t('matching.suppliers')}</option>
          </select>
        </label>
        <input ref={searchRef} type="search" className="search-box" placeholder={t('rp.search')} aria-label={t('rp.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <div className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void report.refetch()}>
          {t('rp.refresh')} (F5)
        </button>
        <button type="button" className="button" onClick={() => setSaving(true)} data-testid="report-save">
          {t('rp.save')} (Ctrl+S)
        </button>
        <button type="button" className="button" onClick={() => window.open(openItemsReportUrl(dossierId, query, 'pdf'), '_blank')}>
          {t('rp.print')} (Ctrl+P)
        </button>
      </div>
      <ErrorBanner error={report.error ?? undefined} />
      {report.isFetching && <p className="loading">{t('rp.loading')}</p>}
      {report.data && (
        <div className="table-wrap report-table" style={{ maxHeight: '70vh', overflow: 'auto' }} tabIndex={0} data-testid="report-table">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('matching.document')}</th>
                <th scope="col">{t('matching.date')}</th>
                <th scope="col">{t('matching.dueDate')}</th>
                <th scope="col" style={RIGHT}>
                  {t('matching.amount')}
                </th>
                <th scope="col" style={RIGHT}>
                  {t('matching.open')}
                </th>
                {AGE_BUCKETS.map((b) => (
                  <th key={b} scope="col" style={RIGHT}>
                    {t(`openItems.${b}`)}
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key} data-testid="open-items-relation" data-relation={g.label}>
                <tr className="group-row">
                  <th colSpan={cols} scope="rowgroup" style={{ textAlign: 'left' }}>
                    {g.label}
                  </th>
                </tr>
                {g.items.map((i) => (
                  <tr key={`${i.bookingId}-${i.lineNo}`} data-testid="open-item">
                    <td>
                      {i.document}
                      {i.reference ? ` · ${i.reference}` : ''}
                    </td>
                    <td>{fmt.date(i.date)}</td>
                    <td>{fmt.date(i.dueDate)}</td>
                    <td style={RIGHT}>{m(i.amount)}</td>
                    <td style={RIGHT}>{m(i.open)}</td>
                    {AGE_BUCKETS.map((b) => (
                      <td key={b} style={RIGHT}>
                        {b === i.bucket ? m(i.open) : ''}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr data-testid="open-items-relation-total">
                  <td colSpan={4}>
                    <strong>{t('openItems.totalOf', { relation: g.label })}</strong>
                  </td>
                  <td style={RIGHT}>
                    <strong>{m(g.open)}</strong>
                  </td>
                  {AGE_BUCKETS.map((b) => (
                    <td key={b} style={RIGHT}>
                      <strong>{g.aging[b] ? m(g.aging[b]) : ''}</strong>
                    </td>
                  ))}
                </tr>
              </tbody>
            ))}
            {groups.length === 0 && (
              <tbody>
                <tr>
                  <td colSpan={cols} className="muted">
                    {t('openItems.empty')}
                  </td>
                </tr>
              </tbody>
            )}
            <tfoot>
              <tr data-testid="report-totals">
                <td colSpan={4}>
                  <strong>{t('openItems.total')}</strong>
                </td>
                <td style={RIGHT}>
                  <strong>{m(total.open)}</strong>
                </td>
                {AGE_BUCKETS.map((b) => (
                  <td key={b} style={RIGHT}>
                    <strong>{m(total.aging[b])}</strong>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
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
