/**
 * Accounting → Opening balances (seed step 11): a dossier coming from another package gets the
 * opening booking of its first fiscal year in the Opening journal. Lines with account, debit or
 * credit; on the customers and suppliers accounts every open invoice is a line of its own with the
 * relation, document reference, document date and due date, so it is an open item for matching.
 * The difference shows while typing; F12 / Ctrl+Enter posts (the server refuses it unless it is
 * 0.00). A posted opening booking is not edited: reverse it and enter it again (Ctrl+Alt+N copies
 * its lines). Insert adds a line with the amount that balances, Ctrl+N starts anew, Ctrl+O lists
 * the opening bookings of the year, Ctrl+R a new relation, Ctrl+B a new account.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, isApiError } from '../../api.ts';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts, type Shortcut } from '../../shortcuts.tsx';
import { AccountInput, AmountInput, Field, RelationSearch } from './BookingPage.tsx';
import { amountText, centsOf, dueDateFromTerms, ledgerApi, money, parseAmount, type BookingListItem, type BookingView, type RelationItem } from './accounting-api.ts';

interface LineForm {
  account: string;
  relation: RelationItem | null;
  reference: string;
  documentDate: string;
  dueDate: string;
  debit: string;
  credit: string;
  description: string;
  /** the account's name, as a posted booking gives it */
  accountName?: string;
}
const emptyLine = (): LineForm => ({ account: '', relation: null, reference: '', documentDate: '', dueDate: '', debit: '', credit: '', description: '' });


const relationOf = (id: number | null, name: string | null | undefined): RelationItem | null =>
  id ? { id, name: name ?? '', number: '', kind: 'both', paymentDays: 0, paymentEndOfMonth: false, defaultAccount: null, defaultVatCode: null } : null;

export default function OpeningBookingPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const { dossierId: maybeDossier } = useShell();
  const dossierId = maybeDossier!;
  const shellPath = useShellPath();
  const client = useQueryClient();

  const journals = useQuery({ queryKey: ['ledger', dossierId, 'journals'], queryFn: () => ledgerApi.journals(dossierId) });
  const openingJournals = useMemo(() => (journals.data ?? []).filter((j) => j.type === 'opening'), [journals.data]);
  const years = useQuery({ queryKey: ['ledger', dossierId, 'fiscal-years'], queryFn: () => ledgerApi.fiscalYears(dossierId) });
  const firstYear = useMemo(() => [...(years.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate))[0], [years.data]);
  const fixed = useQuery({
    queryKey: ['ledger', dossierId, 'fixed-accounts'],
    queryFn: () => api.get<Array<{ role: string; account: string | null }>>(`/dossiers/${dossierId}/fixed-accounts`),
  });
  const customers = fixed.data?.find((f) => f.role === 'customers')?.account ?? null;
  const suppliers = fixed.data?.find((f) => f.role === 'suppliers')?.account ?? null;
  const existing = useQuery({
    queryKey: ['ledger', dossierId, 'opening-bookings', firstYear?.id],
    queryFn: () => ledgerApi.bookings(dossierId, { kind: 'opening', fiscalYearId: firstYear!.id, pageSize: 100, direction: 'asc' }),
    enabled: Boolean(firstYear),
  });

  const [journalId, setJournalId] = useState('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [lines, setLines] = useState<LineForm[]>([emptyLine()]);
  const [posted, setPosted] = useState<BookingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState('');
  const [busy, setBusy] = useState(false);
  const [showList, setShowList] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!journalId && openingJournals.length) setJournalId(String(openingJournals[0].id));
  }, [openingJournals, journalId]);
  useEffect(() => {
    if (!date && firstYear) setDate(firstYear.startDate);
  }, [firstYear, date]);

  const readOnly = posted !== null;
  const difference = useMemo(() => lines.reduce((s, l) => s + centsOf(l.debit) - centsOf(l.credit), 0), [lines]);
  // The fixed customers and suppliers accounts need a relation (the server insists); other trade
  // receivables (40…) and payables (44…) may have one.
  const isItemAccount = (account: string) => account !== '' && (account === customers || account === suppliers || /^4[04]\d{4}$/.test(account));
  const relationKind = (account: string) => (account === customers || account.startsWith('40') ? 'customer' : account === suppliers || account.startsWith('44') ? 'supplier' : undefined);
  const active = (existing.data?.items ?? []).filter((b) => !b.reversedByBookingId && !b.reversesBookingId);

  const setL = (i: number, patch: Partial<LineForm>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  /** A relation or document date picked: the due date follows from the relation's payment terms (still editable). */
  const withDueDate = (l: LineForm): LineForm =>
    l.relation && l.documentDate && l.relation.paymentDays + (l.relation.paymentEndOfMonth ? 1 : 0) > 0
      ? { ...l, dueDate: dueDateFromTerms(l.documentDate, l.relation.paymentDays, l.relation.paymentEndOfMonth) }
      : l;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const refreshList = () => client.invalidateQueries({ queryKey: ['ledger', dossierId, 'opening-bookings'] });

  const show = (b: BookingView) => {
    setPosted(b);
    setJournalId(String(b.journalId));
    setDate(b.date);
    setDescription(b.description ?? '');
    setLines(
      b.lines.map((l) => ({
        account: l.account,
        accountName: l.accountName,
        relation: relationOf(l.relationId, l.relationName),
        reference: l.reference ?? '',
        documentDate: l.documentDate ?? '',
        dueDate: l.dueDate ?? '',
        debit: l.amount > 0 ? amountText(l.amount, locale) : '',
        credit: l.amount < 0 ? amountText(-l.amount, locale) : '',
        description: l.description ?? '',
      })),
    );
  };

  const post = () =>
    run(async () => {
      if (readOnly) return;
      const used = lines.filter((l) => l.account || l.debit || l.credit || l.relation);
      const b = await ledgerApi.post(dossierId, {
        type: 'opening',
        journalId: journalId ? Number(journalId) : undefined,
        date,
        description: description || null,
        lines: used.map((l) => ({
          account: l.account,
          debit: parseAmount(l.debit),
          credit: parseAmount(l.credit),
          relationId: l.relation?.id ?? null,
          reference: isItemAccount(l.account) ? l.reference || null : null,
          documentDate: isItemAccount(l.account) ? l.documentDate || null : null,
          dueDate: isItemAccount(l.account) ? l.dueDate || null : null,
          description: l.description || null,
        })),
      });
      show(b);
      setSuccess(t('bk.posted', { number: b.display }));
      await refreshList();
    });

  const reverse = () =>
    run(async () => {
      if (!posted) return;
      const r = await ledgerApi.reverse(dossierId, posted.id);
      show(r);
      setSuccess(t('ob.reversed', { number: posted.display, reversal: r.display }));
      await refreshList();
    });

  /** Enter again (Ctrl+Alt+N): the lines of the shown booking, ready to correct and post. */
  const reenter = () => {
    if (!posted) return;
    const from = posted;
    setPosted(null);
    setError(null);
    if (from.reversesBookingId) setLines((ls) => ls.map((l) => ({ ...l, debit: l.credit, credit: l.debit })));
    setSuccess(t('bk.copied', { number: from.display }));
  };

  const newBooking = () => {
    setPosted(null);
    setError(null);
    setSuccess('');
    setDescription('');
    setLines([emptyLine()]);
    if (firstYear) setDate(firstYear.startDate);
  };

  const open = (id: number) =>
    run(async () => {
      show(await ledgerApi.booking(dossierId, id));
      setSuccess('');
      setShowList(false);
    });

  const openList = () => {
    setShowList(true);
    void refreshList();
    setTimeout(() => listRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
  };

  const insertLine = () => {
    if (readOnly) return;
    const l = emptyLine();
    if (difference > 0) l.credit = amountText(difference, locale);
    else if (difference < 0) l.debit = amountText(-difference, locale);
    setLines((ls) => [...ls, l]);
    const index = lines.length;
    setTimeout(() => rootRef.current?.querySelector<HTMLInputElement>(`[data-line="${index}"] input`)?.focus(), 0);
  };

  const openRelation = (rel: RelationItem | null) => window.open(shellPath(rel ? `management/relations/${rel.id}` : 'management/relations/new'), '_blank');
  const newAccount = () => window.open(shellPath('management/accounts/new'), '_blank');

  const shortcuts: Shortcut[] = [
    { keys: ['F12', 'Ctrl+Enter'], description: 'bk.key.post', run: () => void post(), inInputs: true, enabled: !readOnly },
    { keys: ['Insert'], description: 'bk.key.insert', run: insertLine, inInputs: true, enabled: !readOnly },
    { keys: ['Ctrl+Alt+N'], description: 'ob.key.reenter', run: reenter, enabled: readOnly },
    { keys: ['Ctrl+N'], description: 'bk.key.new', run: newBooking },
    { keys: ['Ctrl+O'], description: 'ob.key.open', run: openList },
    { keys: ['Ctrl+R'], description: 'bk.key.newRelation', run: () => openRelation(null) },
    { keys: ['Ctrl+B'], description: 'bk.key.newAccount', run: newAccount },
  ];
  useShortcuts(shortcuts, { group: 'menu.openingBookings' });

  const lineError = (i: number) => (isApiError(error) ? error.details.find((d) => d.field?.startsWith(`lines.${i}.`))?.message : undefined);
  const fieldErr = (f: string) => (isApiError(error) ? error.details.find((d) => d.field === f)?.message : undefined);
  const ro = readOnly;
  const state = (b: BookingListItem) => (b.reversedByBookingId ? t('bk.isReversed') : b.reversesBookingId ? t('bk.isReversal') : '');

  return (
    <div ref={rootRef} className="page wide" data-testid="opening-booking">
      <h1>{t('menu.openingBookings')}</h1>
      <p className="muted">{t('ob.intro')}</p>
      {firstYear && !posted && active.length > 0 && (
        <InfoNote>
          {t('ob.exists', { number: active.map((b) => b.display).join(', ') })}{' '}
          <button type="button" className="link-button" onClick={() => void open(active[active.length - 1].id)} data-testid="opening-open-existing">
            {t('bk.open')}
          </button>
        </InfoNote>
      )}
      <div className="toolbar no-print">
        <button type="button" className="button primary" onClick={() => void post()} disabled={ro || busy} data-testid="opening-post">
          {t('bk.post')} (F12)
        </button>
        <button type="button" className="button" onClick={newBooking} data-testid="opening-new">
          {t('bk.new')} (Ctrl+N)
        </button>
        <button type="button" className="button" onClick={() => void reverse()} disabled={!ro || busy || !!posted?.reversedByBookingId || !!posted?.reversesBookingId} data-testid="opening-reverse">
          {t('bk.reverse')}
        </button>
        <button type="button" className="button" onClick={reenter} disabled={!ro || busy} data-testid="opening-reenter">
          {t('ob.reenter')} (Ctrl+Alt+N)
        </button>
        <button type="button" className="button" onClick={openList} data-testid="opening-list-button">
          {t('bk.open')} (Ctrl+O)
        </button>
      </div>
      {posted && (
        <p className="facts" data-testid="opening-number">
          <strong>{posted.display}</strong> · {fmt.date(posted.date)} · {money(posted.amount, locale)}
          {posted.reversedByBookingId && <span className="mode-tag">{t('bk.isReversed')}</span>}
          {posted.reversesBookingId && <span className="mode-tag">{t('bk.isReversal')}</span>}
        </p>
      )}
      <SuccessBanner>{success}</SuccessBanner>
      <ErrorBanner error={error} />
      {showList && (
        <section className="section" data-testid="opening-list" ref={listRef}>
          <h2 className="section-title">{t('ob.listTitle', { year: firstYear ? `${fmt.date(firstYear.startDate)} – ${fmt.date(firstYear.endDate)}` : '' })}</h2>
          {(existing.data?.items ?? []).length === 0 ? (
            <p className="muted">{t('ob.none')}</p>
          ) : (
            <table>
              <tbody>
                {(existing.data?.items ?? []).map((b) => (
                  <tr key={b.id}>
                    <td>
                      <button type="button" className="link-button" onClick={() => void open(b.id)}>
                        {b.display}
                      </button>
                    </td>
                    <td>{fmt.date(b.date)}</td>
                    <td>{b.description ?? ''}</td>
                    <td className="num" style={{ textAlign: 'right' }}>{money(b.amount, locale)}</td>
                    <td>{state(b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" className="button" onClick={() => setShowList(false)}>
            {t('bk.close')}
          </button>
        </section>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="ob-journal">{t('bk.journal')}</label>
          <select id="ob-journal" value={journalId} onChange={(e) => setJournalId(e.target.value)} disabled={ro}>
            {openingJournals.map((j) => (
              <option key={j.id} value={j.id}>
                {j.code} — {j.name}
              </option>
            ))}
          </select>
        </div>
        <Field id="ob-date" label={t('bk.date')} type="date" value={date} onChange={setDate} readOnly={ro} error={fieldErr('date')} />
        <Field id="ob-description" label={t('bk.description')} value={description} onChange={setDescription} readOnly={ro} />
      </div>
      <p className="muted">{t('ob.itemsHint', { customers: customers ?? '—', suppliers: suppliers ?? '—' })}</p>

      <div className="table-wrap">
        <table data-testid="opening-lines">
          <caption className="sr-only">{t('bk.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('bk.account')}</th>
              <th scope="col">{t('bk.relation')}</th>
              <th scope="col">{t('ob.reference')}</th>
              <th scope="col">{t('bk.documentDate')}</th>
              <th scope="col">{t('bk.dueDate')}</th>
              <th scope="col">{t('bk.debit')}</th>
              <th scope="col">{t('bk.credit')}</th>
              <th scope="col">{t('bk.description')}</th>
              <th scope="col" className="no-print" />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const item = isItemAccount(l.account);
              const n = i + 1;
              return (
                <tr key={i} data-line={i} className={lineError(i) ? 'row-error' : undefined}>
                  <td>{n}</td>
                  <td>
                    <AccountInput dossierId={dossierId} value={l.account} onChange={(v) => setL(i, { account: v, accountName: undefined, ...(isItemAccount(v) ? {} : { relation: null, reference: '', documentDate: '', dueDate: '' }) })} readOnly={ro} label={t('bk.accountOfLine', { n })} />
                    {l.accountName && <div className="muted">{l.accountName}</div>}
                  </td>
                  <td>
                    {item ? (
                      <RelationSearch
                        id={`ob-rel-${i}`}
                        label={t('ob.relationOfLine', { n })}
                        hideLabel
                        dossierId={dossierId}
                        kind={relationKind(l.account)}
                        value={l.relation}
                        onChange={(rel) => setLines((ls) => ls.map((x, j) => (j === i ? withDueDate({ ...x, relation: rel }) : x)))}
                        onOpen={openRelation}
                        readOnly={ro}
                      />
                    ) : (
                      <span className="muted">{l.relation?.name ?? ''}</span>
                    )}
                  </td>
                  <td>
                    <input aria-label={t('ob.referenceOfLine', { n })} value={l.reference} onChange={(e) => setL(i, { reference: e.target.value })} readOnly={ro} disabled={!item} size={12} />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={t('ob.documentDateOfLine', { n })}
                      value={l.documentDate}
                      onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? withDueDate({ ...x, documentDate: e.target.value }) : x)))}
                      readOnly={ro}
                      disabled={!item}
                    />
                  </td>
                  <td>
                    <input type="date" aria-label={t('ob.dueDateOfLine', { n })} value={l.dueDate} onChange={(e) => setL(i, { dueDate: e.target.value })} readOnly={ro} disabled={!item} />
                  </td>
                  <td>
                    <AmountInput label={t('bk.debitOfLine', { n })} value={l.debit} onChange={(v) => setL(i, { debit: v, credit: '' })} readOnly={ro} field="debit" />
                  </td>
                  <td>
                    <AmountInput label={t('bk.creditOfLine', { n })} value={l.credit} onChange={(v) => setL(i, { credit: v, debit: '' })} readOnly={ro} field="credit" />
                  </td>
                  <td>
                    <input aria-label={t('ob.descriptionOfLine', { n })} value={l.description} onChange={(e) => setL(i, { description: e.target.value })} readOnly={ro} />
                  </td>
                  <td className="no-print">
                    {!ro && lines.length > 1 && (
                      <button type="button" className="link-button" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                        {t('bk.removeLine')}
                      </button>
                    )}
                    {lineError(i) && (
                      <div className="field-error" data-testid="field-error">
                        {lineError(i)}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t('ob.totals')}
              </th>
              <td className="num" style={{ textAlign: 'right' }} data-testid="opening-total-debit">
                {money(lines.reduce((s, l) => s + centsOf(l.debit), 0), locale)}
              </td>
              <td className="num" style={{ textAlign: 'right' }} data-testid="opening-total-credit">
                {money(lines.reduce((s, l) => s + centsOf(l.credit), 0), locale)}
              </td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="toolbar no-print">
        {!ro && (
          <button type="button" className="button" onClick={insertLine} data-testid="opening-add-line">
            {t('bk.addLine')} (Insert)
          </button>
        )}
        <span className={difference === 0 ? 'muted' : 'field-error'} data-testid="opening-difference" role="status">
          {difference === 0 ? t('ob.balanced') : t('ob.difference', { amount: money(Math.abs(difference), locale), side: t(difference > 0 ? 'bk.debit' : 'bk.credit') })}
        </span>
      </div>
    </div>
  );
}
