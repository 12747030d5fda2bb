/**
 * Reports → Relation ledger ("rekeninguittreksel van de relatie"): a relation's lines on its customer
 * and supplier accounts (400000 / 440000 …) with date, document (journal and number), description,
 * debit, credit and running balance per account, each line's match (the linked lines show on hover and
 * below the list for the current line), its matched state and the payment status of invoices.
 *
 * Keys: Ctrl+F the relation field (F2 through the list), ↑/↓ move through the lines, Enter on a matched
 * line opens that match in the overview of Accounting → Matching. The address holds the state:
 * ?relation=ID (Management → Relations opens it with Ctrl+H, Matching with a link).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useShellPath } from '../../app/shell-context.tsx';
import { ErrorBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { RelationSearch } from '../accounting/BookingPage.tsx';
import { money, type RelationItem } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';
import { matchingApi, type MatchView, type RelationLedgerLine } from './matching-api.ts';

const keyOf = (l: { bookingId: number; lineNo: number }) => `${l.bookingId}:${l.lineNo}`;
const onList = (e: KeyboardEvent) => !(e.target instanceof HTMLInputElement || e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement || e.target instanceof HTMLSelectElement);

export default function RelationLedgerPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const amount = (c: number) => money(c, LOCALES[language]);
  const dossierId = useDossierId();
  const shellPath = useShellPath();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const relationId = Number(params.get('relation')) || null;
  const [cursor, setCursor] = useState(0);
  const searchBox = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const ledger = useQuery({ queryKey: ['matching', dossierId, 'relation-ledger', relationId], queryFn: () => matchingApi.ledger(dossierId, relationId!), enabled: relationId !== null });
  const matches = useQuery({ queryKey: ['matching', dossierId, 'ledger-matches', relationId], queryFn: () => matchingApi.matches(dossierId, { relationId: relationId! }), enabled: relationId !== null });
  const receivable = useQuery({ queryKey: ['matching', dossierId, 'receivable-accounts'], queryFn: () => matchingApi.accounts(dossierId, 'customers') });
  const items = useMemo(() => ledger.data?.items ?? [], [ledger.data]);
  const byId = useMemo(() => new Map((matches.data ?? []).map((m) => [m.id, m])), [matches.data]);
  const relation: RelationItem | null = ledger.data
    ? { id: ledger.data.relation.id, number: ledger.data.relation.number, name: ledger.data.relation.name, kind: 'customer', paymentDays: 0, paymentEndOfMonth: false, defaultAccount: null, defaultVatCode: null }
    : null;

  useEffect(() => {
    setCursor(0);
    if (relationId !== null) setTimeout(() => listRef.current?.focus(), 0);
  }, [relationId]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-row="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const current: RelationLedgerLine | undefined = items[cursor];
  /** the other lines of a match, for the tooltip and the panel below the list */
  const linked = (m: MatchView | undefined) => (m ? m.lines.map((l) => `${l.document} ${fmt.date(l.date)} ${amount(l.applied)}`).join('\n') : '');

  const toMatch = (line: RelationLedgerLine | undefined) => {
    if (!line || !line.matchIds.length || relationId === null) return;
    const kind = receivable.data?.includes(line.account) ? 'customers' : 'suppliers';
    const match = line.matchIds[line.matchIds.length - 1];
    navigate(shellPath(`accounting/matching?kind=${kind}&relation=${relationId}&line=${keyOf(line)}&match=${match}`));
  };

  const withLines = relationId !== null && items.length > 0;
  useShortcuts(
    [
      { keys: ['Ctrl+F'], description: 'relationLedger.key.search', run: () => searchBox.current?.querySelector('input')?.focus() },
      { keys: ['ArrowDown'], description: 'relationLedger.key.down', run: () => setCursor((c) => Math.min(items.length - 1, c + 1)), enabled: withLines, when: onList },
      { keys: ['ArrowUp'], description: 'relationLedger.key.up', run: () => setCursor((c) => Math.max(0, c - 1)), enabled: withLines, when: onList },
      { keys: ['Enter'], description: 'relationLedger.key.toMatch', run: () => toMatch(current), enabled: withLines && !!current?.matchIds.length, when: onList },
    ],
    { group: 'relationLedger.title' },
  );

  const status = (l: RelationLedgerLine) => (l.paymentStatus ? t(`matching.status.${l.paymentStatus}`) : t(`relationLedger.state.${l.state}`));
  const accounts = new Set(items.map((i) => i.account)).size;

  return (
    <div className="page wide" data-testid="relation-ledger-page">
      <h1>{t('relationLedger.title')}</h1>
      <div ref={searchBox} className="form-grid no-print">
        <RelationSearch
          id="relation-ledger-relation"
          label={t('relationLedger.search')}
          dossierId={dossierId}
          value={relation}
          onChange={(r) => r && setParams({ relation: String(r.id) })}
          onOpen={(r) => window.open(shellPath(r ? `management/relations/${r.id}` : 'management/relations/new'), '_blank')}
        />
      </div>
      <ErrorBanner error={ledger.error ?? matches.error ?? undefined} />
      {relationId === null && <p className="muted">{t('relationLedger.choose')}</p>}
      {ledger.data && (
        <>
          <h2 className="section-title" data-testid="relation-ledger-relation">
            {ledger.data.relation.number} {ledger.data.relation.name}
          </h2>
          <p className="muted no-print">{t('relationLedger.hint')}</p>
          <div className="table-wrap" ref={listRef} tabIndex={0} data-testid="relation-ledger-list" aria-label={t('relationLedger.title')}>
            <table className="grid selectable" data-testid="relation-ledger">
              <thead>
                <tr>
                  {accounts > 1 && <th scope="col">{t('matching.account')}</th>}
                  <th scope="col">{t('matching.date')}</th>
                  <th scope="col">{t('matching.document')}</th>
                  <th scope="col">{t('relationLedger.description')}</th>
                  <th scope="col" className="num">{t('relationLedger.debit')}</th>
                  <th scope="col" className="num">{t('relationLedger.credit')}</th>
                  <th scope="col" className="num">{t('relationLedger.balance')}</th>
                  <th scope="col">{t('relationLedger.match')}</th>
                  <th scope="col" className="num">{t('matching.open')}</th>
                  <th scope="col">{t('relationLedger.state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((l, n) => (
                  <tr
                    key={keyOf(l)}
                    data-row={n}
                    data-line={keyOf(l)}
                    data-booking={l.bookingId}
                    data-state={l.state}
                    data-status={l.paymentStatus ?? undefined}
                    className={n === cursor ? 'current' : undefined}
                    aria-current={n === cursor ? 'true' : undefined}
                    onClick={() => setCursor(n)}
                    onDoubleClick={() => toMatch(l)}
                  >
                    {accounts > 1 && <td>{l.account}</td>}
                    <td>{fmt.date(l.date)}</td>
                    <td>{l.document}</td>
                    <td>{l.description ?? l.communication ?? l.reference ?? ''}</td>
                    <td className="num">{l.amount > 0 ? amount(l.amount) : ''}</td>
                    <td className="num">{l.amount < 0 ? amount(-l.amount) : ''}</td>
                    <td className="num">{amount(l.balance)}</td>
                    <td data-testid="relation-ledger-match">
                      {l.matchIds.map((id) => (
                        <span key={id} className="mode-tag" title={linked(byId.get(id))}>
                          #{id}
                        </span>
                      ))}
                    </td>
                    <td className="num">{l.open !== 0 ? amount(l.open) : ''}</td>
                    <td data-testid="relation-ledger-status">{status(l)}</td>
                  </tr>
                ))}
                {items.length === 0 && (
                  <tr>
                    <td colSpan={accounts > 1 ? 10 : 9} className="empty">
                      {t('relationLedger.empty')}
                    </td>
                  </tr>
                )}
              </tbody>
              {items.length > 0 && (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={accounts > 1 ? 4 : 3}>
                      {t('relationLedger.total', { open: amount(ledger.data.totals.open) })}
                    </th>
                    <td className="num">{amount(items.filter((i) => i.amount > 0).reduce((s, i) => s + i.amount, 0))}</td>
                    <td className="num">{amount(-items.filter((i) => i.amount < 0).reduce((s, i) => s + i.amount, 0))}</td>
                    <td className="num" data-testid="relation-ledger-total">{amount(ledger.data.totals.amount)}</td>
                    <td colSpan={3} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          {current && (
            <section className="section" data-testid="relation-ledger-linked">
              {current.matchIds.length === 0 && <p className="muted">{t('relationLedger.noMatch')}</p>}
              {current.matchIds.map((id) => {
                const m = byId.get(id);
                return (
                  <div key={id}>
                    <h2 className="section-title">{t('relationLedger.linked', { id })}</h2>
                    <table className="grid">
                      <tbody>
                        {(m?.lines ?? []).map((x) => (
                          <tr key={keyOf(x)} className={keyOf(x) === keyOf(current) ? 'selected' : undefined}>
                            <td>{x.document}</td>
                            <td>{fmt.date(x.date)}</td>
                            <td className="num">{amount(x.applied)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                );
              })}
            </section>
          )}
        </>
      )}
    </div>
  );
}
