/**
 * Accounting → Purchases, Sales, Financial, Miscellaneous: one keyboard-first booking screen.
 * Journal, relation (search field: F2 into the list, Alt+N new relation, Alt+O open it), dates, reference,
 * lines (the account a search field too: number or name, F2, Enter, Alt+N new account, Alt+O open it); F5 recalculates (server preview), Insert adds a (counter-)line, Alt+Insert copies the line the
 * cursor is on, F10 turns every entered amount to the other side (financial, miscellaneous), F12 / Ctrl+Enter posts and
 * shows the number; a posted booking is read-only: reverse it (one action), copy it as new
 * (Ctrl+Alt+N), Ctrl+− / Ctrl++ previous/next booking, Ctrl+H history of the relation or account.
 * Up to three working tabs (Ctrl+1 / Ctrl+2 open the second and third, Ctrl+F4 closes one).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api.ts';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts, type Shortcut } from '../../shortcuts.tsx';
import {
  amountText,
  centsOf,
  dueDateFromTerms,
  ledgerApi,
  money,
  parseAmount,
  type BookingInput,
  type BookingKind,
  type BookingLine,
  type BookingListItem,
  type BookingView,
  type JournalType,
  type RelationItem,
} from './accounting-api.ts';
import { MatchingPanel, type MatchingRelation } from '../matching/MatchingPanel.tsx';
import { PaymentStatusTag } from '../matching/PaymentStatusTag.tsx';

export type BookingMode = 'purchase' | 'sales' | 'financial' | 'miscellaneous';

const TITLES: Record<BookingMode, MessageKey> = { purchase: 'menu.purchases', sales: 'menu.sales', financial: 'menu.financial', miscellaneous: 'menu.miscellaneous' };
const JOURNAL_TYPE: Record<BookingMode, JournalType> = { purchase: 'purchase', sales: 'sales', financial: 'financial', miscellaneous: 'miscellaneous' };

export function PurchasesPage() {
  return <BookingArea mode="purchase" />;
}
export function SalesPage() {
  return <BookingArea mode="sales" />;
}
export function FinancialPage() {
  return <BookingArea mode="financial" />;
}
export function MiscellaneousPage() {
  return <BookingArea mode="miscellaneous" />;
}
export default PurchasesPage;

/** The working tabs of one booking screen (at most three). */
function BookingArea({ mode }: { mode: BookingMode }) {
  const t = useT();
  const [tabs, setTabs] = useState<number[]>([1]);
  const [active, setActive] = useState(1);
  const next = useRef(2);
  const [labels, setLabels] = useState<Record<number, string>>({});
  const openTab = (index: number) => {
    if (tabs[index] !== undefined) return setActive(tabs[index]);
    const key = next.current++;
    setTabs((ts) => [...ts, key].slice(0, 3));
    setActive(key);
  };
  const close = () => {
    if (tabs.length === 1) {
      const key = next.current++;
      setTabs([key]);
      setActive(key);
      return;
    }
    const rest = tabs.filter((k) => k !== active);
    setTabs(rest);
    setActive(rest[rest.length - 1]);
  };
  useShortcuts(
    [
      { keys: ['Ctrl+1'], description: 'bk.key.tab2', run: () => openTab(1) },
      { keys: ['Ctrl+2'], description: 'bk.key.tab3', run: () => openTab(2) },
      { keys: ['Ctrl+F4'], description: 'bk.key.closeTab', run: close, inInputs: true },
    ],
    { group: TITLES[mode] },
  );
  return (
    <div className="page wide" data-testid={`booking-area-${mode}`}>
      <h1>{t(TITLES[mode])}</h1>
      <div role="tablist" aria-label={t('bk.tabs')} className="tab-list no-print">
        {tabs.map((key, i) => (
          <button key={key} type="button" role="tab" aria-selected={key === active} onClick={() => setActive(key)} data-testid={`booking-tab-${i + 1}`}>
            {labels[key] ?? t('bk.tab', { n: i + 1 })}
          </button>
        ))}
      </div>
      {tabs.map((key) => (
        <div key={key} hidden={key !== active} role="tabpanel">
          <BookingEditor mode={mode} tabKey={key} active={key === active} onLabel={(label) => setLabels((l) => ({ ...l, [key]: label }))} />
        </div>
      ))}
    </div>
  );
}

interface LineForm {
  account: string;
  vatCode: string;
  amount: string;
  amountIncl: string;
  debit: string;
  credit: string;
  relation: RelationItem | null;
  communication: string;
  description: string;
}
const emptyLine = (): LineForm => ({ account: '', vatCode: '', amount: '', amountIncl: '', debit: '', credit: '', relation: null, communication: '', description: '' });

interface HeaderForm {
  journalId: string;
  creditNote: boolean;
  relation: RelationItem | null;
  date: string;
  documentDate: string;
  dueDate: string;
  reference: string;
  /** invoices: the total incl. VAT printed on the document (optional; a difference of a few cents is booked as rounding) */
  total: string;
  description: string;
  statementNumber: string;
  openingBalance: string;
  closingBalance: string;
}

/** "2025/012" → "2025/013", "7" → "8"; the first statement gets "1". */
function nextStatementNumber(previous: string | null): string {
  if (!previous) return '1';
  const m = /^(.*?)(\d+)$/.exec(previous);
  if (!m) return '';
  return m[1] + String(Number(m[2]) + 1).padStart(m[2].length, '0');
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A posted invoice's lines incl. VAT, from the booking as posted: each line's base plus its share of its VAT
 * code's VAT (the VAT the relation pays: deductible and non-deductible, none for reverse charge), shared in
 * proportion to the bases, the last line of the code taking what rounding leaves — so they add up to the total.
 */
export function postedInclVat(lines: BookingLine[]): Map<number, number> {
  const entries = lines.filter((l) => l.kind === 'entry');
  const direction = entries.reduce((s, l) => s + l.amount, 0) < 0 ? -1 : 1;
  const base = (l: BookingLine) => l.vatBase ?? Math.abs(l.amount);
  const out = new Map<number, number>();
  const codes = new Set(entries.map((l) => l.vatCode ?? ''));
  for (const code of codes) {
    const own = entries.filter((l) => (l.vatCode ?? '') === code);
    const vat = code ? direction * lines.filter((l) => l.vatCode === code && (l.kind === 'vat' || l.kind === 'vat_nondeductible' || l.kind === 'vat_due')).reduce((s, l) => s + l.amount, 0) : 0;
    const bases = own.reduce((s, l) => s + base(l), 0);
    let left = vat;
    own.forEach((l, i) => {
      const share = i === own.length - 1 ? left : bases ? Math.round((vat * base(l)) / bases) : 0;
      left -= share;
      out.set(l.lineNo, base(l) + share);
    });
  }
  return out;
}



function BookingEditor({ mode, tabKey, active: tabActive, onLabel }: { mode: BookingMode; tabKey: number; active: boolean; onLabel: (label: string) => void }) {
  const t = useT();
  const confirm = useConfirm();
  // Field ids: the shown tab has the plain ones (bk-date-purchase); a hidden tab its own, so that a
  // label of the shown tab names its own field and no id is in the page twice.
  const fid = tabActive ? mode : `${mode}-tab${tabKey}`;
  // F4: matching of the current line's relation, in place of the form (kept as it is); F3 comes back.
  const [matching, setMatching] = useState<{ relation: MatchingRelation; focus: { bookingId: number; lineNo?: number } | null } | null>(null);
  const active = tabActive && !matching;
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const { dossierId: maybeDossier } = useShell();
  const dossierId = maybeDossier!;
  const shellPath = useShellPath();
  const invoice = mode === 'purchase' || mode === 'sales';
  const journals = useQuery({ queryKey: ['ledger', dossierId, 'journals'], queryFn: () => ledgerApi.journals(dossierId) });
  const ownJournals = useMemo(() => (journals.data ?? []).filter((j) => j.type === JOURNAL_TYPE[mode]), [journals.data, mode]);
  const vatCodes = useQuery({ queryKey: ['ledger', dossierId, 'vat', mode], queryFn: () => ledgerApi.vatCodes(dossierId, mode === 'sales' ? 'sales' : 'purchase'), enabled: invoice });

  const [head, setHead] = useState<HeaderForm>({
    journalId: '',
    creditNote: false,
    relation: null,
    date: today(),
    documentDate: today(),
    dueDate: '',
    reference: '',
    total: '',
    description: '',
    statementNumber: '',
    openingBalance: '',
    closingBalance: '',
  });
  const [lines, setLines] = useState<LineForm[]>([emptyLine()]);
  const [posted, setPosted] = useState<BookingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState('');
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<{ title: string; items: BookingListItem[] } | null>(null);
  const [focusLine, setFocusLine] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!head.journalId && ownJournals.length) setHead((h) => ({ ...h, journalId: String(ownJournals[0].id) }));
  }, [ownJournals, head.journalId]);

  // Financial: the opening balance the server expects on the booking date — the previous statement's
  // closing balance, or for the journal's first statement the bank's starting balance (588888).
  // The statement number is the server's proposal for the date (from 1 again in a new year, as the banks
  // number them); a number the user typed is kept, a proposed one follows the date.
  const statementDate = /^\d{4}-\d{2}-\d{2}$/.test(head.date) ? head.date : '';
  const proposedNumber = useRef('');
  useEffect(() => {
    if (mode !== 'financial' || !head.journalId || posted) return;
    let stop = false;
    const journalId = Number(head.journalId);
    ledgerApi
      .bookings(dossierId, { journalId, kind: 'financial_statement', pageSize: 20, direction: 'desc' })
      .then(async (r) => {
        // A reversed statement and its reversal do not count: the statement is entered again under its number.
        const lastItem = r.items.find((b) => !b.reversesBookingId && !b.reversedByBookingId);
        const last = lastItem ? await ledgerApi.booking(dossierId, lastItem.id) : null;
        const expected = statementDate ? await ledgerApi.statementOpening(dossierId, journalId, statementDate).catch(() => null) : null;
        if (stop) return;
        const proposed = expected?.statementNumber ?? nextStatementNumber(last?.statementNumber ?? null);
        const before = proposedNumber.current;
        proposedNumber.current = proposed;
        setHead((h) => {
          const typed = h.statementNumber !== '' && h.statementNumber !== before;
          return { ...h, openingBalance: amountText(expected?.openingBalance ?? last?.statementClosing ?? 0, locale), statementNumber: typed ? h.statementNumber : proposed };
        });
      })
      .catch(() => undefined);
    return () => {
      stop = true;
    };
  }, [mode, head.journalId, statementDate, dossierId, posted, locale]);

  const readOnly = posted !== null;
  const type: BookingKind = mode === 'purchase' ? (head.creditNote ? 'purchase_credit_note' : 'purchase_invoice') : mode === 'sales' ? (head.creditNote ? 'sales_credit_note' : 'sales_invoice') : mode === 'financial' ? 'financial_statement' : 'miscellaneous';

  const balance = useMemo(() => {
    if (mode === 'miscellaneous') return lines.reduce((s, l) => s + centsOf(l.debit) - centsOf(l.credit), 0);
    if (mode === 'financial') return centsOf(head.openingBalance) + lines.reduce((s, l) => s + centsOf(l.amount), 0) - centsOf(head.closingBalance);
    return 0;
  }, [lines, head.openingBalance, head.closingBalance, mode]);

  function input(): BookingInput {
    const base = { type, journalId: head.journalId ? Number(head.journalId) : undefined, date: head.date, description: head.description || null };
    const used = lines.filter((l) => l.account || l.amount || l.amountIncl || l.debit || l.credit || l.relation);
    if (invoice) {
      return {
        ...base,
        relationId: head.relation?.id ?? 0,
        documentDate: head.documentDate || null,
        dueDate: head.dueDate || null,
        reference: head.reference || null,
        totalInclVat: parseAmount(head.total),
        lines: used.map((l) => (parseAmount(l.amount) !== null || parseAmount(l.amountIncl) === null
          ? { account: l.account, vatCode: l.vatCode, amount: parseAmount(l.amount) ?? '0', description: l.description || null }
          : { account: l.account, vatCode: l.vatCode, amountInclVat: parseAmount(l.amountIncl), description: l.description || null })),
      };
    }
    if (mode === 'financial') {
      return {
        ...base,
        statementNumber: head.statementNumber || null,
        openingBalance: parseAmount(head.openingBalance) ?? '0',
        closingBalance: parseAmount(head.closingBalance) ?? '0',
        lines: used.map((l) => ({ amount: parseAmount(l.amount) ?? '0', relationId: l.relation?.id ?? null, account: l.relation ? null : l.account || null, communication: l.communication || null })),
      };
    }
    return {
      ...base,
      reference: head.reference || null,
      lines: used.map((l) => ({ account: l.account, debit: parseAmount(l.debit), credit: parseAmount(l.credit), relationId: l.relation?.id ?? null, description: l.description || null })),
    };
  }

  function fromView(b: BookingView) {
    setPosted(b);
    onLabel(b.display);
    setHead((h) => ({
      ...h,
      journalId: String(b.journalId),
      creditNote: b.kind.endsWith('credit_note'),
      relation: b.relationId ? { id: b.relationId, name: b.relationName ?? '', number: '', kind: 'both', paymentDays: 0, paymentEndOfMonth: false, defaultAccount: null, defaultVatCode: null } : null,
      date: b.date,
      documentDate: b.documentDate ?? b.date,
      dueDate: b.dueDate ?? '',
      reference: b.reference ?? '',
      total: invoice ? amountText(b.amount, locale) : '',
      description: b.description ?? '',
      statementNumber: b.statementNumber ?? '',
      openingBalance: b.statementOpening !== null ? amountText(b.statementOpening, locale) : '',
      closingBalance: b.statementClosing !== null ? amountText(b.statementClosing, locale) : '',
    }));
    // The view names only the relation: its payment terms, for a due date when the booking is copied.
    if (invoice && b.relationId) {
      const relationId = b.relationId;
      ledgerApi
        .relation(dossierId, relationId)
        .then((r) => setHead((h) => (h.relation?.id === relationId ? { ...h, relation: { ...h.relation, paymentDays: r.paymentDays, paymentEndOfMonth: r.paymentEndOfMonth } } : h)))
        .catch(() => undefined);
    }
    const rel = (id: number | null, name: string | null): RelationItem | null =>
      id ? { id, name: name ?? '', number: '', kind: 'both', paymentDays: 0, paymentEndOfMonth: false, defaultAccount: null, defaultVatCode: null } : null;
    const shown = mode === 'miscellaneous' ? b.lines : b.lines.filter((l) => l.kind === 'entry');
    const incl = invoice ? postedInclVat(b.lines) : null;
    setLines(
      shown.map((l) => ({
        ...emptyLine(),
        account: l.account,
        vatCode: l.vatCode ?? '',
        amount: amountText(invoice ? (l.vatBase ?? Math.abs(l.amount)) : -l.amount, locale),
        amountIncl: incl?.has(l.lineNo) ? amountText(incl.get(l.lineNo)!, locale) : '',
        debit: l.amount > 0 ? amountText(l.amount, locale) : '',
        credit: l.amount < 0 ? amountText(-l.amount, locale) : '',
        relation: mode === 'financial' ? rel(l.relationId, l.relationName ?? null) : null,
        communication: l.communication ?? '',
        description: l.description ?? '',
      })),
    );
  }

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

  const post = () =>
    run(async () => {
      if (readOnly) return;
      if (invoice && !head.relation) throw new Error(t('bk.relationRequired'));
      const b = await ledgerApi.post(dossierId, input());
      setSuccess(t('bk.posted', { number: b.display }));
      fromView(b);
    });

  const recalc = () =>
    run(async () => {
      if (readOnly) return;
      if (invoice && !head.relation) throw new Error(t('bk.relationRequired'));
      const p = await ledgerApi.preview(dossierId, input());
      if (invoice) {
        const rates = new Map((vatCodes.data ?? []).map((v) => [v.code, v.rateBp ?? 0]));
        setLines((ls) => {
          let k = 0;
          return ls.map((l) => {
            if (!(l.account || l.amount || l.amountIncl)) return l;
            const pl = p.lines[1 + k++];
            if (!pl) return l;
            const base = Math.abs(pl.amount);
            const vat = Math.round((base * (rates.get(l.vatCode.toUpperCase()) ?? 0)) / 10000);
            return { ...l, amount: amountText(base, locale), amountIncl: amountText(base + vat, locale) };
          });
        });
        if (p.dueDate) setHead((h) => ({ ...h, dueDate: p.dueDate ?? h.dueDate }));
      }
      setSuccess(t('bk.recalculated', { amount: money(p.amount, locale) }));
    });

  const newBooking = () => {
    setPosted(null);
    setSuccess('');
    setError(null);
    setHistory(null);
    onLabel(t('bk.new'));
    setHead((h) => ({ ...h, relation: null, reference: '', total: '', description: '', dueDate: '', statementNumber: '', closingBalance: '' }));
    setLines([emptyLine()]);
  };

  /** Copy as new: the same journal, relation and lines, ready to change and post (nothing is posted yet). */
  const copy = () => {
    if (!posted) return;
    const view = posted;
    setPosted(null);
    setError(null);
    setHistory(null);
    onLabel(t('bk.new'));
    setHead((h) => ({ ...h, reference: '', total: '', statementNumber: '', closingBalance: '', dueDate: '' }));
    setSuccess(t('bk.copied', { number: view.display }));
  };

  /** Reverse: posts a counter-booking at once, so it is asked first, naming the booking. */
  const reverse = async () => {
    if (!posted) return;
    const ok = await confirm({ title: t('bk.reverseTitle', { number: posted.display }), message: t('bk.reverseConfirm', { number: posted.display }), confirmLabel: t('bk.reverse') });
    if (ok) await reverseNow();
  };
  const reverseNow = () =>
    run(async () => {
      if (!posted) return;
      const r = await ledgerApi.reverse(dossierId, posted.id);
      setSuccess(t('bk.reversed', { number: posted.display, reversal: r.display }));
      fromView(r);
    });

  const go = (dir: -1 | 1) =>
    run(async () => {
      let id: number | null = null;
      if (posted) id = dir < 0 ? posted.previousId : posted.nextId;
      else if (head.journalId && dir < 0) {
        const r = await ledgerApi.bookings(dossierId, { journalId: Number(head.journalId), pageSize: 1, direction: 'desc' });
        id = r.items[0]?.id ?? null;
      }
      if (id === null) {
        setSuccess(t(dir < 0 ? 'bk.noPrevious' : 'bk.noNext'));
        return;
      }
      setSuccess('');
      fromView(await ledgerApi.booking(dossierId, id));
    });

  /** The list below the form (Ctrl+O, Ctrl+H) gets the focus on its first booking, scrolled into view, once it is shown. */
  const historyFocus = useRef(false);
  const focusHistory = () => {
    historyFocus.current = true;
  };
  useEffect(() => {
    if (!history || !historyFocus.current) return;
    historyFocus.current = false;
    const first = rootRef.current?.querySelector<HTMLButtonElement>('[data-testid="booking-history"] button');
    first?.focus();
    first?.scrollIntoView({ block: 'nearest' });
  }, [history]);

  const showHistory = () =>
    run(async () => {
      const line = lines[focusLine];
      const relation = line?.relation ?? head.relation;
      const account = !relation || (line && line.account && document.activeElement?.getAttribute('data-field') === 'account') ? line?.account : '';
      if (account) {
        const r = await ledgerApi.bookings(dossierId, { account, pageSize: 50, direction: 'desc' });
        focusHistory();
        setHistory({ title: t('bk.historyAccount', { account }), items: r.items });
      } else if (relation) {
        const r = await ledgerApi.bookings(dossierId, { relationId: relation.id, pageSize: 50, direction: 'desc' });
        focusHistory();
        setHistory({ title: t('bk.historyRelation', { name: relation.name }), items: r.items });
      } else setSuccess(t('bk.historyNone'));
    });

  /** Ctrl+O: the latest bookings of the journal, to open one. */
  const openList = () =>
    run(async () => {
      if (!head.journalId) return;
      const r = await ledgerApi.bookings(dossierId, { journalId: Number(head.journalId), pageSize: 50, direction: 'desc' });
      const j = ownJournals.find((x) => String(x.id) === head.journalId);
      focusHistory();
      setHistory({ title: t('bk.journalBookings', { journal: j ? `${j.code} — ${j.name}` : '' }), items: r.items });
    });

  const insertLine = () => {
    if (readOnly) return;
    setLines((ls) => {
      const l = emptyLine();
      if (mode === 'miscellaneous' && balance !== 0) (balance > 0 ? (l.credit = amountText(balance, locale)) : (l.debit = amountText(-balance, locale)));
      if (mode === 'financial' && balance !== 0) l.amount = amountText(-balance, locale);
      return [...ls, l];
    });
    setFocusLine(lines.length);
    setTimeout(() => rootRef.current?.querySelector<HTMLInputElement>(`[data-line="${lines.length}"] input`)?.focus(), 0);
  };

  /** Alt+Insert: a copy of the line the cursor is on, inserted below it (the seed's "copy previous line"). */
  const copyLine = () => {
    if (readOnly || !lines.length) return;
    const at = Math.min(focusLine, lines.length - 1);
    setLines((ls) => [...ls.slice(0, at + 1), { ...ls[at] }, ...ls.slice(at + 1)]);
    setFocusLine(at + 1);
    setTimeout(() => rootRef.current?.querySelector<HTMLInputElement>(`[data-line="${at + 1}"] input`)?.focus(), 0);
  };

  /** F10: every entered amount changes side — a signed amount its sign (financial), debit and credit swap (miscellaneous). */
  const swapSides = () => {
    if (readOnly) return;
    if (mode === 'financial') setLines((ls) => ls.map((l) => (l.amount.trim() ? { ...l, amount: amountText(-centsOf(l.amount), locale) } : l)));
    else if (mode === 'miscellaneous') setLines((ls) => ls.map((l) => ({ ...l, debit: l.credit, credit: l.debit })));
  };

  const newRelationKind = mode === 'purchase' ? '?kind=supplier' : mode === 'sales' ? '?kind=customer' : '';
  const openRelation = (rel: RelationItem | null) => window.open(shellPath(rel ? `management/relations/${rel.id}` : `management/relations/new${newRelationKind}`), '_blank');
  const newAccount = () => window.open(shellPath('management/accounts/new'), '_blank');
  const openMatching = () => {
    const rel = mode === 'financial' ? lines[focusLine]?.relation : head.relation;
    if (!rel) return setError(new Error(t('matching.noRelationOnLine')));
    const line = posted && (mode === 'financial' ? posted.lines.filter((l) => l.kind === 'entry')[focusLine] : posted.lines.find((l) => l.relationId === rel.id));
    setMatching({ relation: { id: rel.id, number: rel.number, name: rel.name }, focus: posted ? { bookingId: posted.id, lineNo: line ? line.lineNo : undefined } : null });
  };
  const closeMatching = () => {
    setMatching(null);
    setTimeout(() => rootRef.current?.querySelector<HTMLInputElement>(`[data-line="${focusLine}"] input`)?.focus(), 0);
  };

  const shortcuts: Shortcut[] = [
    { keys: ['F12', 'Ctrl+Enter'], description: 'bk.key.post', run: () => void post(), inInputs: true, enabled: active && !readOnly },
    { keys: ['F5'], description: 'bk.key.recalc', run: () => void recalc(), enabled: active && !readOnly },
    { keys: ['Insert'], description: 'bk.key.insert', run: insertLine, inInputs: true, enabled: active && !readOnly },
    { keys: ['Alt+Insert'], description: 'bk.key.copyLine', run: copyLine, inInputs: true, enabled: active && !readOnly },
    { keys: ['F10'], description: 'bk.key.swapSides', run: swapSides, inInputs: true, enabled: active && !readOnly && !matching && (mode === 'financial' || mode === 'miscellaneous') },
    { keys: ['Ctrl+Alt+N'], description: 'bk.key.copy', run: copy, enabled: active && readOnly },
    { keys: ['Ctrl+R'], description: 'bk.key.newRelation', run: () => openRelation(null), enabled: active },
    { keys: ['Ctrl+B'], description: 'bk.key.newAccount', run: newAccount, enabled: active },
    { keys: ['Ctrl+-'], description: 'bk.key.previous', run: () => void go(-1), inInputs: true, enabled: active },
    { keys: ['Ctrl++', 'Ctrl+='], description: 'bk.key.next', run: () => void go(1), inInputs: true, enabled: active },
    { keys: ['Ctrl+O'], description: 'bk.key.open', run: () => void openList(), enabled: active },
    { keys: ['Ctrl+H'], description: 'bk.key.history', run: () => void showHistory(), enabled: active },
    { keys: ['Ctrl+N'], description: 'bk.key.new', run: newBooking, enabled: active },
    { keys: ['F4'], description: 'matching.key.fromBooking', run: () => openMatching(), enabled: active && mode !== 'miscellaneous' },
  ];
  useShortcuts(shortcuts, { group: TITLES[mode] });

  const setH = <K extends keyof HeaderForm>(k: K) => (v: HeaderForm[K]) => setHead((h) => ({ ...h, [k]: v }));
  const setL = (i: number, patch: Partial<LineForm>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const pickRelation = (rel: RelationItem | null) => {
    setHead((h) => ({ ...h, relation: rel, dueDate: rel && invoice ? dueDateFromTerms(h.documentDate || h.date, rel.paymentDays, rel.paymentEndOfMonth) : h.dueDate }));
    if (rel && invoice) setLines((ls) => (ls.length === 1 && !ls[0].account ? [{ ...ls[0], account: rel.defaultAccount ?? '', vatCode: rel.defaultVatCode ?? '' }] : ls));
  };
  const lineError = (i: number) => (isApiError(error) ? error.details.find((d) => d.field?.startsWith(`lines.${i}.`))?.message : undefined);
  const fieldErr = (f: string) => (isApiError(error) ? error.details.find((d) => d.field === f)?.message : undefined);
  const ro = readOnly;

  return (
    <>
    {matching && (
      <section data-testid="booking-matching">
        <h2 className="section-title">{t('matching.fromBooking', { relation: matching.relation.name })}</h2>
        <MatchingPanel dossierId={dossierId} kind={mode === 'purchase' ? 'suppliers' : mode === 'sales' ? 'customers' : null} relation={matching.relation} focus={matching.focus} active={tabActive} onBack={closeMatching} group={TITLES[mode]} />
      </section>
    )}
    <div ref={rootRef} className="booking-editor" data-testid="booking-editor" hidden={!!matching}>
      <div className="toolbar no-print">
        <button type="button" className="button primary" onClick={() => void post()} disabled={ro || busy} data-testid="booking-post">
          {t('bk.post')} (F12)
        </button>
        <button type="button" className="button" onClick={() => void recalc()} disabled={ro || busy}>
          {t('bk.recalc')} (F5)
        </button>
        <button type="button" className="button" onClick={newBooking} data-testid="booking-new">
          {t('bk.new')}
        </button>
        <button type="button" className="button" onClick={copy} disabled={!ro || busy}>
          {t('bk.copy')} (Ctrl+Alt+N)
        </button>
        <button type="button" className="button" onClick={() => void reverse()} disabled={!ro || busy || !!posted?.reversedByBookingId || !!posted?.reversesBookingId} data-testid="booking-reverse">
          {t('bk.reverse')}
        </button>
        <button type="button" className="button" onClick={() => void go(-1)} aria-label={t('bk.key.previous')}>
          ◀
        </button>
        <button type="button" className="button" onClick={() => void go(1)} aria-label={t('bk.key.next')}>
          ▶
        </button>
        <button type="button" className="button" onClick={() => void openList()} data-testid="booking-open">
          {t('bk.open')} (Ctrl+O)
        </button>
        <button type="button" className="button" onClick={() => void showHistory()}>
          {t('bk.history')} (Ctrl+H)
        </button>
      </div>
      {posted && (
        <p className="facts" data-testid="booking-number">
          <strong>{posted.display}</strong> · {fmt.date(posted.date)} · {money(posted.amount, locale)}
          {posted.kind.endsWith('credit_note') && (
            <span className="mode-tag" data-testid="booking-credit-note">
              {t('bk.creditNote')}
            </span>
          )}
          {posted.reversedByBookingId && <span className="mode-tag">{t('bk.isReversed')}</span>}
          {posted.reversesBookingId && <span className="mode-tag">{t('bk.isReversal')}</span>}
          {invoice && <PaymentStatusTag dossierId={dossierId} bookingId={posted.id} />}
        </p>
      )}
      <SuccessBanner>{success}</SuccessBanner>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`bk-journal-${fid}`}>{t('bk.journal')}</label>
          <select id={`bk-journal-${fid}`} value={head.journalId} onChange={(e) => setH('journalId')(e.target.value)} disabled={ro}>
            {ownJournals.map((j) => (
              <option key={j.id} value={j.id}>
                {j.code} — {j.name}
              </option>
            ))}
          </select>
        </div>
        {invoice && (
          <div className="field">
            <label htmlFor={`bk-cn-${fid}`}>{t('bk.document')}</label>
            <select id={`bk-cn-${fid}`} value={head.creditNote ? 'cn' : 'inv'} onChange={(e) => setH('creditNote')(e.target.value === 'cn')} disabled={ro}>
              <option value="inv">{t('bk.invoice')}</option>
              <option value="cn">{t('bk.creditNote')}</option>
            </select>
          </div>
        )}
        {invoice && (
          <RelationSearch
            id={`bk-relation-${fid}`}
            label={t('bk.relation')}
            dossierId={dossierId}
            kind={mode === 'purchase' ? 'supplier' : 'customer'}
            value={head.relation}
            onChange={pickRelation}
            onOpen={openRelation}
            readOnly={ro}
            error={fieldErr('relationId')}
          />
        )}
        <Field
          id={`bk-date-${fid}`}
          label={t('bk.date')}
          type="date"
          value={head.date}
          onChange={(v) =>
            setHead((h) =>
              h.documentDate === h.date
                ? // The document date follows the booking date, and the due date the document date.
                  { ...h, date: v, documentDate: v, dueDate: invoice && h.relation && v ? dueDateFromTerms(v, h.relation.paymentDays, h.relation.paymentEndOfMonth) : h.dueDate }
                : { ...h, date: v },
            )
          }
          readOnly={ro}
          error={fieldErr('date')}
        />
        {invoice && (
          <Field
            id={`bk-docdate-${fid}`}
            label={t('bk.documentDate')}
            type="date"
            value={head.documentDate}
            onChange={(v) => setHead((h) => ({ ...h, documentDate: v, dueDate: h.relation && v ? dueDateFromTerms(v, h.relation.paymentDays, h.relation.paymentEndOfMonth) : h.dueDate }))}
            readOnly={ro}
          />
        )}
        {invoice && <Field id={`bk-due-${fid}`} label={t('bk.dueDate')} type="date" value={head.dueDate} onChange={setH('dueDate')} readOnly={ro} error={fieldErr('dueDate')} />}
        {mode !== 'financial' && <Field id={`bk-ref-${fid}`} label={t('bk.reference')} value={head.reference} onChange={setH('reference')} readOnly={ro} />}
        {invoice && <Field id={`bk-total-${fid}`} label={t('bk.documentTotal')} hint={ro ? undefined : t('bk.documentTotalHint')} value={head.total} onChange={setH('total')} readOnly={ro} error={fieldErr('totalInclVat')} amount />}
        {mode === 'financial' && (
          <>
            <Field id={`bk-stmt-${fid}`} label={t('bk.statementNumber')} value={head.statementNumber} onChange={setH('statementNumber')} readOnly={ro} />
            <Field id={`bk-open-${fid}`} label={t('bk.openingBalance')} value={head.openingBalance} onChange={setH('openingBalance')} readOnly={ro} error={fieldErr('openingBalance')} amount />
            <Field id={`bk-close-${fid}`} label={t('bk.closingBalance')} value={head.closingBalance} onChange={setH('closingBalance')} readOnly={ro} error={fieldErr('closingBalance')} amount />
          </>
        )}
        <Field id={`bk-desc-${fid}`} label={t('bk.description')} value={head.description} onChange={setH('description')} readOnly={ro} />
      </div>

      <div className="table-wrap">
        <table data-testid="booking-lines">
          <caption className="sr-only">{t('bk.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {mode === 'financial' && <th scope="col">{t('bk.relation')}</th>}
              <th scope="col">{t('bk.account')}</th>
              {invoice && <th scope="col">{t('bk.vatCode')}</th>}
              {invoice && <th scope="col">{t('bk.amountExcl')}</th>}
              {invoice && <th scope="col">{t('bk.amountIncl')}</th>}
              {mode === 'financial' && <th scope="col">{t('bk.amountSigned')}</th>}
              {mode === 'financial' && <th scope="col">{t('bk.communication')}</th>}
              {mode === 'miscellaneous' && <th scope="col">{t('bk.debit')}</th>}
              {mode === 'miscellaneous' && <th scope="col">{t('bk.credit')}</th>}
              {mode !== 'financial' && <th scope="col">{t('bk.description')}</th>}
              <th scope="col" className="no-print" />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i} data-line={i} onFocus={() => setFocusLine(i)} className={lineError(i) ? 'row-error' : undefined}>
                <td>{i + 1}</td>
                {mode === 'financial' && (
                  <td>
                    <RelationSearch id={`bk-line-rel-${fid}-${i}`} label={t('bk.relation')} hideLabel dossierId={dossierId} value={l.relation} onChange={(rel) => setL(i, { relation: rel })} onOpen={openRelation} readOnly={ro} />
                  </td>
                )}
                <td>
                  <AccountInput dossierId={dossierId} value={l.account} onChange={(v) => setL(i, { account: v })} readOnly={ro} label={t('bk.accountOfLine', { n: i + 1 })} />
                </td>
                {invoice && (
                  <td>
                    <select aria-label={t('bk.vatCodeOfLine', { n: i + 1 })} value={l.vatCode} onChange={(e) => setL(i, { vatCode: e.target.value })} disabled={ro} data-field="vatCode">
                      <option value="" />
                      {(vatCodes.data ?? []).map((v) => (
                        <option key={v.code} value={v.code}>
                          {v.code} — {v.name}
                        </option>
                      ))}
                      {l.vatCode && !(vatCodes.data ?? []).some((v) => v.code === l.vatCode) && <option value={l.vatCode}>{l.vatCode}</option>}
                    </select>
                  </td>
                )}
                {invoice && (
                  <td>
                    <AmountInput label={t('bk.amountExclOfLine', { n: i + 1 })} value={l.amount} onChange={(v) => setL(i, { amount: v, amountIncl: '' })} readOnly={ro} field="amount" />
                  </td>
                )}
                {invoice && (
                  <td>
                    <AmountInput label={t('bk.amountInclOfLine', { n: i + 1 })} value={l.amountIncl} onChange={(v) => setL(i, { amountIncl: v, amount: '' })} readOnly={ro} field="amountIncl" />
                  </td>
                )}
                {mode === 'financial' && (
                  <td>
                    <AmountInput label={t('bk.amountOfLine', { n: i + 1 })} value={l.amount} onChange={(v) => setL(i, { amount: v })} readOnly={ro} field="amount" />
                  </td>
                )}
                {mode === 'financial' && (
                  <td>
                    <input aria-label={t('bk.communication')} value={l.communication} onChange={(e) => setL(i, { communication: e.target.value })} readOnly={ro} />
                  </td>
                )}
                {mode === 'miscellaneous' && (
                  <td>
                    <AmountInput label={t('bk.debitOfLine', { n: i + 1 })} value={l.debit} onChange={(v) => setL(i, { debit: v, credit: '' })} readOnly={ro} field="debit" />
                  </td>
                )}
                {mode === 'miscellaneous' && (
                  <td>
                    <AmountInput label={t('bk.creditOfLine', { n: i + 1 })} value={l.credit} onChange={(v) => setL(i, { credit: v, debit: '' })} readOnly={ro} field="credit" />
                  </td>
                )}
                {mode !== 'financial' && (
                  <td>
                    <input aria-label={t('bk.description')} value={l.description} onChange={(e) => setL(i, { description: e.target.value })} readOnly={ro} />
                  </td>
                )}
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
            ))}
          </tbody>
        </table>
      </div>
      {!ro && (
        <div className="toolbar no-print">
          <button type="button" className="button" onClick={insertLine} data-testid="booking-add-line">
            {t('bk.addLine')} (Insert)
          </button>
          {mode !== 'purchase' && mode !== 'sales' && (
            <span className={balance === 0 ? 'muted' : 'field-error'} data-testid="booking-balance">
              {t('bk.balance', { amount: money(balance, locale) })}
            </span>
          )}
        </div>
      )}
      {posted && (
        <div className="table-wrap">
          <table data-testid="booking-posted-lines">
            <caption>{t('bk.postedLines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bk.account')}</th>
                <th scope="col">{t('bk.relation')}</th>
                <th scope="col">{t('bk.vatCode')}</th>
                <th scope="col">{t('bk.debit')}</th>
                <th scope="col">{t('bk.credit')}</th>
              </tr>
            </thead>
            <tbody>
              {posted.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>
                    {l.account} {l.accountName}
                  </td>
                  <td>{l.relationName ?? ''}</td>
                  <td>{l.vatCode ?? ''}</td>
                  <td className="num" style={{ textAlign: 'right' }}>{l.amount > 0 ? money(l.amount, locale) : ''}</td>
                  <td className="num" style={{ textAlign: 'right' }}>{l.amount < 0 ? money(-l.amount, locale) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history && (
        <section className="section" data-testid="booking-history">
          <h2 className="section-title">{history.title}</h2>
          <table>
            <tbody>
              {history.items.map((b) => (
                <tr key={b.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => void run(async () => fromView(await ledgerApi.booking(dossierId, b.id)))}>
                      {b.display}
                    </button>
                  </td>
                  <td>{fmt.date(b.date)}</td>
                  <td>{b.relationName ?? b.description ?? ''}</td>
                  <td className="num" style={{ textAlign: 'right' }}>{money(b.amount, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" onClick={() => setHistory(null)}>
            {t('bk.close')}
          </button>
        </section>
      )}
    </div>
    </>
  );
}

export function Field({ id, label, value, onChange, readOnly, type = 'text', error, amount, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; readOnly?: boolean; type?: string; error?: string; amount?: boolean; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} inputMode={amount ? 'decimal' : undefined} aria-invalid={error ? true : undefined} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" data-testid="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

export function AmountInput({ label, value, onChange, readOnly, field }: { label: string; value: string; onChange: (v: string) => void; readOnly?: boolean; field: string }) {
  return <input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} inputMode="decimal" className="num" data-field={field} size={12} />;
}

/**
 * The account of a line, a search field (the seed's "boekingsrekening"): type a number or part of a name to
 * search the chart, F2 (or ↓) moves through the list, Enter picks, Escape closes it, Alt+N new account, Alt+O
 * opens the account; a full account number typed and left with Tab is kept as it is.
 */
export function AccountInput({ dossierId, value, onChange, readOnly, label }: { dossierId: number; value: string; onChange: (v: string) => void; readOnly?: boolean; label: string }) {
  const t = useT();
  const shellPath = useShellPath();
  const id = useRef(`acc-${Math.random().toString(36).slice(2)}`).current;
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  // -1: the list shows what matches the text, none chosen yet (F2 goes to the first, Enter takes the first).
  const [index, setIndex] = useState(-1);
  // The line's account changed from outside (a picked relation's default, a copied line, a booking shown).
  useEffect(() => setText((x) => (x.trim() === value ? x : value)), [value]);
  const search = text.trim();
  const results = useQuery({ queryKey: ['ledger', dossierId, 'accounts', 'search', search], queryFn: () => ledgerApi.accounts(dossierId, search), enabled: open && !readOnly });
  const items = results.data ?? [];
  const pick = (number: string) => {
    setText(number);
    onChange(number);
    setOpen(false);
  };
  const openAccount = (number: string | null) => window.open(shellPath(number ? `management/accounts/${encodeURIComponent(number)}` : 'management/accounts'), '_blank');
  const selected = open ? items[index] : undefined;
  return (
    <div className="account-search">
      <input
        aria-label={label}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={selected ? `${id}-opt-${index}` : undefined}
        value={text}
        readOnly={readOnly}
        autoComplete="off"
        data-field="account"
        size={10}
        title={readOnly ? undefined : t('bk.accountSearchHint')}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim());
          setOpen(e.target.value.trim() !== '');
          setIndex(-1);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.altKey && e.code === 'KeyO') {
            e.preventDefault();
            e.stopPropagation();
            openAccount(selected?.number ?? (value || null));
            return;
          }
          if (readOnly) return;
          if (e.key === 'F2' || e.key === 'ArrowDown') {
            e.preventDefault();
            e.stopPropagation();
            if (!open) {
              setOpen(true);
              setIndex(0);
            } else setIndex((i) => (items.length ? (i + 1) % items.length : -1));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setIndex((i) => (items.length ? (i <= 0 ? items.length - 1 : i - 1) : -1));
          } else if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey && open && (selected ?? items[0])) {
            e.preventDefault();
            e.stopPropagation();
            pick((selected ?? items[0]).number);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          } else if (e.altKey && e.code === 'KeyN') {
            e.preventDefault();
            e.stopPropagation();
            window.open(shellPath('management/accounts/new'), '_blank');
          }
        }}
      />
      {open && (
        <SearchResults
          id={id}
          items={items.map((a) => ({ key: a.number, label: `${a.number} — ${a.name}` }))}
          index={index}
          onPick={(i) => pick(items[i].number)}
          empty={results.isSuccess && items.length === 0 ? t('bk.noAccounts') : null}
        />
      )}
    </div>
  );
}

/** A relation search field: type to search, F2 moves through the list, Enter picks, Alt+N new relation, Alt+O opens it. */
export function RelationSearch({
  id,
  label,
  hideLabel,
  dossierId,
  kind,
  value,
  onChange,
  onOpen,
  readOnly,
  error,
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  dossierId: number;
  kind?: 'customer' | 'supplier';
  value: RelationItem | null;
  onChange: (r: RelationItem | null) => void;
  onOpen: (r: RelationItem | null) => void;
  readOnly?: boolean;
  error?: string;
}) {
  const t = useT();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  useEffect(() => setText(value?.name ?? ''), [value]);
  const results = useQuery({ queryKey: ['relations-search', dossierId, kind, text], queryFn: () => ledgerApi.relations(dossierId, text, kind), enabled: open && !readOnly });
  const items = results.data ?? [];
  const pick = (r: RelationItem) => {
    onChange(r);
    setText(r.name);
    setOpen(false);
  };
  return (
    <div className="field relation-search">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && items[index] ? `${id}-opt-${index}` : undefined}
        value={text}
        readOnly={readOnly}
        autoComplete="off"
        data-testid={id}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setIndex(0);
          if (value) onChange(null);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (readOnly) return;
          if (e.key === 'F2' || e.key === 'ArrowDown') {
            e.preventDefault();
            e.stopPropagation();
            if (!open) setOpen(true);
            else setIndex((i) => (items.length ? (i + 1) % items.length : 0));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setIndex((i) => (items.length ? (i - 1 + items.length) % items.length : 0));
          } else if (e.key === 'Enter' && open && items[index]) {
            e.preventDefault();
            e.stopPropagation();
            pick(items[index]);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          } else if (e.altKey && e.code === 'KeyN') {
            e.preventDefault();
            e.stopPropagation();
            onOpen(null);
          } else if (e.altKey && e.code === 'KeyO') {
            e.preventDefault();
            e.stopPropagation();
            onOpen(open && items[index] ? items[index] : value);
          }
        }}
        title={t('bk.relationSearchHint')}
      />
      {open && (
        <SearchResults
          id={id}
          testId={`${id}-list`}
          items={items.map((r) => ({ key: String(r.id), label: `${r.number} — ${r.name}` }))}
          index={index}
          onPick={(i) => pick(items[i])}
          empty={results.isSuccess && items.length === 0 ? t('bk.noRelations') : null}
        />
      )}
      {error && (
        <div className="field-error" data-testid="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The list under a search field (account, relation): its options with the chosen one marked and kept in
 * view; a click picks one (on mouse down, before the field loses its focus); `empty` when nothing matches.
 */
function SearchResults({ id, testId, items, index, onPick, empty }: { id: string; testId?: string; items: Array<{ key: string; label: string }>; index: number; onPick: (index: number) => void; empty: string | null }) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  return (
    <ul id={`${id}-list`} role="listbox" ref={listRef} className="menu relation-results" data-testid={testId}>
      {items.map((item, i) => (
        <li
          key={item.key}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === index}
          data-index={i}
          className={i === index ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          {item.label}
        </li>
      ))}
      {empty && <li className="muted">{empty}</li>}
    </ul>
  );
}
