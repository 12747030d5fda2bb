/**
 * The only place that writes bookings. Posting is append-only:
 * - numbers are taken gaplessly per journal per fiscal year, under a row lock on the counter row
 *   (journal_counter), so concurrent posts in one journal queue and never share or skip a number;
 * - headers (with their VAT grid amounts), lines and the per-period account balances are written in the
 *   caller's transaction: headers and lines with COPY (src/db/copy.ts), the balances with one upsert,
 *   whatever the count: the same path serves one booking from the screen and 100,000 from an import.
 */
import { sql } from 'kysely';
import { validation } from '../../../core/errors.ts';
import { CopyWriter, copyRows } from '../../../db/copy.ts';
import type { Db } from '../../../db/index.ts';
import type { BookingKind } from '../schema.ts';
import type { PostingLine } from '../vat/compute.ts';

export interface PreparedBooking {
  journalId: number;
  fiscalYearId: number;
  periodNo: number;
  kind: BookingKind;
  date: string;
  documentDate: string | null;
  dueDate: string | null;
  relationId: number | null;
  reference: string | null;
  description: string | null;
  structuredCommunication: string | null;
  statementNumber: string | null;
  statementOpening: number | null;
  statementClosing: number | null;
  amount: number;
  reversesBookingId: number | null;
  origin: 'transfer' | 'import' | 'demo' | null;
  createdBy: number | null;
  lines: PostingLine[];
  grids: Record<string, number>;
  /** set for a booking that keeps a given number (the transfer rewriting its own booking) */
  number?: number;
}

export interface WrittenBooking {
  id: number;
  number: number;
}

const CHUNK = 20000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reserves `count` numbers in a journal-year and returns the first (the counter row stays locked until commit). */
async function takeNumbers(trx: Db, dossierId: number, journalId: number, fiscalYearId: number, count: number): Promise<number> {
  const row = await sql<{ first: number }>`
    insert into journal_counter as c (dossier_id, journal_id, fiscal_year_id, next_number) values (${dossierId}, ${journalId}, ${fiscalYearId}, ${1 + count})
    on conflict (dossier_id, journal_id, fiscal_year_id) do update set next_number = c.next_number + ${count}
    returning c.next_number - ${count} as first`.execute(trx);
  return row.rows[0].first;
}

/** What a transaction has already locked, so a bulk import writing in several steps locks each row once. */
export interface LockedReferences {
  journals: Set<number>;
  years: Set<number>;
  accounts: Set<string>;
  relations: Set<number>;
}

export const newLockedReferences = (): LockedReferences => ({ journals: new Set(), years: new Set(), accounts: new Set(), relations: new Set() });

export interface WriteOptions {
  /** locks already held by the transaction (bulk import writing in steps) */
  locked?: LockedReferences;
  /** called once the main statement is on its way to the database (a bulk import then checks the next step) */
  onDispatch?: () => void;
  /**
   * The caller gathers the balance totals of the bookings itself (BalanceTotals.addBooking) and writes
   * them once, at the end of its transaction (a bulk import); otherwise each call updates account_balance.
   */
  balancesByCaller?: boolean;
}

export async function writeBookings(trx: Db, dossierId: number, bookings: PreparedBooking[], options: WriteOptions = {}): Promise<WrittenBooking[]> {
  const locked = options.locked ?? newLockedReferences();
  if (!bookings.length) return [];
  // Numbers, per journal-year in the order given. Counter rows are locked in a fixed order (no deadlock).
  const groups = new Map<string, number[]>();
  bookings.forEach((b, i) => {
    if (b.number !== undefined) return;
    const key = `${b.journalId}:${b.fiscalYearId}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const numbers = bookings.map((b) => b.number ?? 0);
  for (const key of [...groups.keys()].sort()) {
    const idx = groups.get(key)!;
    const [journalId, fiscalYearId] = key.split(':').map(Number);
    const first = await takeNumbers(trx, dossierId, journalId, fiscalYearId, idx.length);
    idx.forEach((i, k) => (numbers[i] = first + k));
  }

  await lockReferences(trx, dossierId, bookings, locked);

  // Booking ids: a block from the dossier's counter (taken after the journal counters, always in that order).
  const block = await sql<{ first: number }>`
    update dossier_ledger set next_booking_id = next_booking_id + ${bookings.length}
    where dossier_id = ${dossierId} returning next_booking_id - ${bookings.length} as first`.execute(trx);
  const firstId = Number(block.rows[0].first);

  // Headers and lines go in parts (a COPY of each); a bulk import checks its next step while the
  // database writes a part.
  let start = 0;
  while (start < bookings.length) {
    let end = start;
    let lineCount = 0;
    while (end < bookings.length && end - start < PART_BOOKINGS && (lineCount === 0 || lineCount + bookings[end].lines.length <= PART_LINES)) {
      lineCount += bookings[end++].lines.length;
    }
    await writePart(trx, dossierId, bookings.slice(start, end), firstId + start, numbers.slice(start, end), start === 0 ? options.onDispatch : undefined, options.balancesByCaller ?? false);
    start = end;
  }
  return bookings.map((_, i) => ({ id: firstId + i, number: numbers[i] }));
}

const PART_BOOKINGS = 5000;
const PART_LINES = 30000;

/** booking columns in the order writePart puts them in each COPY row */
const BOOKING_COLUMNS = [
  'dossier_id', 'id', 'journal_id', 'fiscal_year_id', 'period_no', 'number', 'kind', 'date', 'document_date', 'due_date', 'relation_id',
  'reference', 'description', 'structured_communication', 'statement_number', 'statement_opening', 'statement_closing', 'amount',
  'line_count', 'debit_total', 'reverses_booking_id', 'origin', 'created_by', 'vat_grids',
] as const;

/** booking_line columns in COPY row order: what a line shares with its booking first (written once per booking, repeated per line) */
const LINE_COLUMNS = [
  'dossier_id', 'booking_id', 'fiscal_year_id', 'period_no', 'journal_id', 'date', 'line_no', 'account', 'relation_id', 'amount', 'kind',
  'vat_code', 'vat_base', 'due_date', 'description', 'communication', 'structured_communication', 'counterparty_account',
  'counterparty_name', 'reference', 'document_date', 'currency', 'currency_amount',
] as const;

/**
 * One part: the headers and the lines, each as one COPY (src/db/copy.ts) whose rows are written here in
 * a single pass, and — unless the caller gathers them for the whole transaction — the balance totals.
 * The lines go first: they are the bulk of the work, and a bulk import checks its next step meanwhile.
 */
async function writePart(
  trx: Db,
  dossierId: number,
  part: PreparedBooking[],
  firstId: number,
  numbers: number[],
  onDispatch: (() => void) | undefined,
  balancesByCaller: boolean,
): Promise<void> {
  let lineCount = 0;
  for (const b of part) lineCount += b.lines.length;
  const headers = new CopyWriter(part.length * 160);
  const lines = new CopyWriter(lineCount * 110);
  const balances = balancesByCaller ? undefined : new BalanceTotals();
  for (let i = 0; i < part.length; i++) {
    const b = part[i];
    const id = firstId + i;
    headers.num(dossierId);
    headers.num(id);
    headers.num(b.journalId);
    headers.num(b.fiscalYearId);
    headers.num(b.periodNo);
    headers.num(numbers[i]);
    headers.text(b.kind);
    headers.text(b.date);
    headers.text(b.documentDate);
    headers.text(b.dueDate);
    headers.num(b.relationId);
    headers.text(b.reference);
    headers.text(b.description);
    headers.text(b.structuredCommunication);
    headers.text(b.statementNumber);
    headers.num(b.statementOpening);
    headers.num(b.statementClosing);
    headers.num(b.amount);
    headers.num(b.lines.length);
    let debit = 0;
    for (let k = 0; k < b.lines.length; k++) if (b.lines[k].amount > 0) debit += b.lines[k].amount;
    headers.num(debit);
    headers.num(b.reversesBookingId);
    headers.text(b.origin);
    headers.num(b.createdBy);
    headers.jsonIntegers(b.grids, true); // {"81": 100000, "59": 21000}, zeros left out; null when none
    headers.end();
    const ls = b.lines;
    let shared = 0;
    let sharedEnd = 0;
    for (let k = 0; k < ls.length; k++) {
      const l = ls[k];
      if (k === 0) {
        // what every line of the booking shares, written once and copied for the next lines
        shared = lines.mark();
        lines.num(dossierId);
        lines.num(id);
        lines.num(b.fiscalYearId);
        lines.num(b.periodNo);
        lines.num(b.journalId);
        lines.text(b.date);
        sharedEnd = lines.mark();
      } else lines.repeat(shared, sharedEnd);
      lines.num(k + 1);
      lines.text(l.account);
      lines.num(l.relationId);
      lines.num(l.amount);
      lines.text(l.kind);
      lines.text(l.vatCode);
      lines.num(l.vatBase);
      lines.text(l.dueDate);
      lines.text(l.description);
      lines.text(l.communication);
      lines.text(l.structuredCommunication);
      lines.text(l.counterpartyAccount);
      lines.text(l.counterpartyName);
      lines.text(l.reference);
      lines.text(l.documentDate);
      lines.text(l.currency);
      lines.num(l.currencyAmount);
      lines.end();
      balances?.add(b.fiscalYearId, b.periodNo, l.account, l.amount);
    }
  }
  // Queued one after the other on the transaction's connection (the headers leave when the lines are in);
  // both are awaited before an error is passed on, so nothing of this part is still running after it.
  const written = Promise.allSettled([copyRows(trx, 'booking_line', LINE_COLUMNS, lines), copyRows(trx, 'booking', BOOKING_COLUMNS, headers)]);
  onDispatch?.();
  for (const r of await written) if (r.status === 'rejected') throw r.reason;
  await balances?.write(trx, dossierId);
}

/**
 * What foreign keys would check row by row, once per batch (see migration 0008): every journal,
 * fiscal year, account and relation the bookings use exists, and stays — FOR KEY SHARE blocks a
 * concurrent delete until this transaction ends, as an FK check does.
 */
async function lockReferences(trx: Db, dossierId: number, bookings: PreparedBooking[], locked: LockedReferences) {
  const accounts = new Set<string>();
  const relations = new Set<number>();
  const journals = new Set<number>();
  const years = new Set<number>();
  for (const b of bookings) {
    if (!locked.journals.has(b.journalId)) journals.add(b.journalId);
    if (!locked.years.has(b.fiscalYearId)) years.add(b.fiscalYearId);
    if (b.relationId !== null && !locked.relations.has(b.relationId)) relations.add(b.relationId);
    for (const l of b.lines) {
      if (!locked.accounts.has(l.account)) accounts.add(l.account);
      if (l.relationId != null && !locked.relations.has(l.relationId)) relations.add(l.relationId);
    }
  }
  if (!accounts.size && !relations.size && !journals.size && !years.size) return;
  // One round trip: each CTE locks what it finds and the outer select reports it.
  const found = await sql<{ journals: number[]; years: number[]; accounts: string[]; relations: number[] }>`
    with j as (select id from journal where dossier_id = ${dossierId} and id = any(${[...journals]}::int[]) for key share),
         y as (select id from fiscal_year where dossier_id = ${dossierId} and id = any(${[...years]}::int[]) for key share),
         a as (select number from account where dossier_id = ${dossierId} and number = any(${[...accounts]}::text[]) for key share),
         r as (select id from relation where dossier_id = ${dossierId} and id = any(${[...relations]}::int[]) for key share)
    select array(select id from j) as journals, array(select id from y) as years, array(select number from a) as accounts, array(select id from r) as relations`.execute(trx);
  const row = found.rows[0];
  if (row.journals.length !== journals.size) throw validation('ledger.journal_not_found', {}, [{ field: 'journalId', code: 'ledger.journal_not_found' }]);
  if (row.years.length !== years.size) throw validation('ledger.fiscal_year_not_found', {}, [{ field: 'date', code: 'ledger.fiscal_year_not_found' }]);
  if (row.accounts.length !== accounts.size) {
    const missing = [...accounts].find((a) => !row.accounts.includes(a));
    throw validation('ledger.account_not_found', { account: missing }, [{ field: 'lines', code: 'ledger.account_not_found', params: { account: missing } }]);
  }
  const foundRelations = row.relations.map(Number);
  if (foundRelations.length !== relations.size) {
    const missing = [...relations].find((id) => !foundRelations.includes(id));
    throw validation('ledger.relation_not_found', { relationId: missing }, [{ field: 'relationId', code: 'ledger.relation_not_found', params: { relationId: missing } }]);
  }
  for (const id of journals) locked.journals.add(id);
  for (const id of years) locked.years.add(id);
  for (const a of accounts) locked.accounts.add(a);
  for (const id of relations) locked.relations.add(id);
}

/**
 * Debit and credit totals and line counts per fiscal year, account and period: what posting adds to
 * (or removing a booking takes from) account_balance, aggregated first so each row is touched once.
 */
interface BalanceRow {
  fiscalYearId: number;
  periodNo: number;
  account: string;
  debit: number;
  credit: number;
  count: number;
}

export class BalanceTotals {
  private readonly rows: BalanceRow[] = [];
  /** per fiscal year and period (one number: periodNo is a smallint), then per account: no key string built per line */
  private readonly index = new Map<number, Map<string, BalanceRow>>();

  add(fiscalYearId: number, periodNo: number, account: string, amount: number, sign: 1 | -1 = 1): void {
    const yearPeriod = fiscalYearId * 65536 + periodNo + 32768;
    let period = this.index.get(yearPeriod);
    if (!period) this.index.set(yearPeriod, (period = new Map()));
    let a = period.get(account);
    if (!a) {
      a = { fiscalYearId, periodNo, account, debit: 0, credit: 0, count: 0 };
      period.set(account, a);
      this.rows.push(a);
    }
    if (amount > 0) a.debit += sign * amount;
    else a.credit -= sign * amount;
    a.count += sign;
  }

  addBooking(b: PreparedBooking): void {
    for (const l of b.lines) this.add(b.fiscalYearId, b.periodNo, l.account, l.amount);
  }

  /** Debit − credit of an account over the periods of a fiscal year gathered so far. */
  balance(fiscalYearId: number, account: string): number {
    let total = 0;
    for (const r of this.rows) if (r.fiscalYearId === fiscalYearId && r.account === account) total += r.debit - r.credit;
    return total;
  }

  /** Sorted so concurrent transactions lock balance rows in the same order. */
  sorted() {
    return [...this.rows].sort((x, y) => x.fiscalYearId - y.fiscalYearId || (x.account < y.account ? -1 : x.account > y.account ? 1 : 0) || x.periodNo - y.periodNo);
  }

  async write(trx: Db, dossierId: number): Promise<void> {
    const rows = this.sorted();
    let removing = false;
    for (const part of chunks(rows)) {
      removing ||= part.some((r) => r.count < 0);
      await sql`
        insert into account_balance as b (dossier_id, fiscal_year_id, account, period_no, debit, credit, line_count)
        select ${dossierId}, * from unnest(${part.map((r) => r.fiscalYearId)}::int[], ${part.map((r) => r.account)}::text[], ${part.map((r) => r.periodNo)}::smallint[],
          ${part.map((r) => r.debit)}::bigint[], ${part.map((r) => r.credit)}::bigint[], ${part.map((r) => r.count)}::int[])
        on conflict (dossier_id, fiscal_year_id, account, period_no) do update
          set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit, line_count = b.line_count + excluded.line_count`.execute(trx);
    }
    if (removing) await sql`delete from account_balance where dossier_id = ${dossierId} and line_count = 0 and debit = 0 and credit = 0`.execute(trx);
  }
}

/** Removes a booking (the last of its journal, or a transfer booking being rewritten) with its balances. */
export async function removeBooking(trx: Db, dossierId: number, bookingId: number): Promise<void> {
  const lines = await trx
    .selectFrom('booking_line')
    .select(['fiscal_year_id', 'period_no', 'account', 'amount'])
    .where('dossier_id', '=', dossierId)
    .where('booking_id', '=', bookingId)
    .execute();
  const balances = new BalanceTotals();
  for (const l of lines) balances.add(l.fiscal_year_id, l.period_no, l.account, l.amount, -1);
  await balances.write(trx, dossierId);
  await trx.deleteFrom('booking_line').where('dossier_id', '=', dossierId).where('booking_id', '=', bookingId).execute();
  await trx.deleteFrom('booking').where('dossier_id', '=', dossierId).where('id', '=', bookingId).execute();
}
