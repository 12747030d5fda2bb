/**
 * The only place that writes bookings. Posting is append-only:
 * - numbers are taken gaplessly per journal per fiscal year, under a row lock on the counter row
 *   (journal_counter), so concurrent posts in one journal queue and never share or skip a number;
 * - headers (with their VAT grid amounts), lines and the per-period account balances are written in the
 *   caller's transaction, as a few multi-row statements (unnest of arrays), whatever the count:
 *   the same path serves one booking from the screen and 100,000 from an import.
 */
import { sql } from 'kysely';
import { validation } from '../../../core/errors.ts';
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

/** VAT grid amounts as stored on the booking: {"81": 100000, "59": 21000}, zeros left out; null when none. */
function gridsJson(grids: Record<string, number>): string | null {
  let out = '';
  for (const grid in grids) {
    const v = grids[grid];
    if (v !== 0) out += (out ? ',' : '{') + JSON.stringify(grid) + ':' + v;
  }
  return out ? out + '}' : null;
}

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

  // Headers, lines and balances go in one statement per part: one round trip for the bulk of the work,
  // so a bulk import checks the next part while the database writes this one.
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

/**
 * A PostgreSQL array literal ('{1,"a",NULL}') built column by column as one string: sent as a single
 * text parameter and cast in SQL. Both drivers would otherwise serialize a JS array element by element
 * (quoting and escaping each), which cost more than the database spends inserting the rows.
 */
export class ArrayLiteral {
  private readonly items: Array<string | number> = [];

  num(v: number | null | undefined): void {
    this.items.push(v === null || v === undefined ? 'NULL' : v);
  }

  text(v: string | null | undefined): void {
    if (v === null || v === undefined) this.items.push('NULL');
    else if (PLAIN.test(v) && (v.length !== 4 || v.toUpperCase() !== 'NULL')) this.items.push(v);
    else this.items.push('"' + v.replace(QUOTES, '\\$&') + '"');
  }

  toString(): string {
    return '{' + this.items.join(',') + '}';
  }
}
/** What an array literal takes without quotes: account numbers, codes, dates, kinds. */
const PLAIN = /^[^"\\{},\s]+$/;
const QUOTES = /["\\]/g;

/**
 * One statement: the headers, the lines (what a line shares with its booking — id, fiscal year,
 * period, journal, date — is sent once per booking and picked by the booking's position `bi`) and,
 * unless the caller gathers them for the whole transaction, the balance totals. One array literal per
 * column, unnested in SQL.
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
  const h = {
    id: new ArrayLiteral(),
    fy: new ArrayLiteral(),
    period: new ArrayLiteral(),
    journal: new ArrayLiteral(),
    date: new ArrayLiteral(),
    number: new ArrayLiteral(),
    kind: new ArrayLiteral(),
    documentDate: new ArrayLiteral(),
    dueDate: new ArrayLiteral(),
    relation: new ArrayLiteral(),
    reference: new ArrayLiteral(),
    description: new ArrayLiteral(),
    ogm: new ArrayLiteral(),
    statementNumber: new ArrayLiteral(),
    statementOpening: new ArrayLiteral(),
    statementClosing: new ArrayLiteral(),
    amount: new ArrayLiteral(),
    lineCount: new ArrayLiteral(),
    reverses: new ArrayLiteral(),
    origin: new ArrayLiteral(),
    createdBy: new ArrayLiteral(),
    grids: new ArrayLiteral(),
  };
  const l = {
    bi: new ArrayLiteral(),
    lineNo: new ArrayLiteral(),
    account: new ArrayLiteral(),
    relation: new ArrayLiteral(),
    amount: new ArrayLiteral(),
    kind: new ArrayLiteral(),
    vatCode: new ArrayLiteral(),
    vatBase: new ArrayLiteral(),
    dueDate: new ArrayLiteral(),
    reference: new ArrayLiteral(),
    documentDate: new ArrayLiteral(),
    description: new ArrayLiteral(),
    communication: new ArrayLiteral(),
    ogm: new ArrayLiteral(),
    counterpartyAccount: new ArrayLiteral(),
    counterpartyName: new ArrayLiteral(),
    currency: new ArrayLiteral(),
    currencyAmount: new ArrayLiteral(),
  };
  const balances = balancesByCaller ? undefined : new BalanceTotals();
  for (let i = 0; i < part.length; i++) {
    const b = part[i];
    h.id.num(firstId + i);
    h.fy.num(b.fiscalYearId);
    h.period.num(b.periodNo);
    h.journal.num(b.journalId);
    h.date.text(b.date);
    h.number.num(numbers[i]);
    h.kind.text(b.kind);
    h.documentDate.text(b.documentDate);
    h.dueDate.text(b.dueDate);
    h.relation.num(b.relationId);
    h.reference.text(b.reference);
    h.description.text(b.description);
    h.ogm.text(b.structuredCommunication);
    h.statementNumber.text(b.statementNumber);
    h.statementOpening.num(b.statementOpening);
    h.statementClosing.num(b.statementClosing);
    h.amount.num(b.amount);
    h.lineCount.num(b.lines.length);
    h.reverses.num(b.reversesBookingId);
    h.origin.text(b.origin);
    h.createdBy.num(b.createdBy);
    h.grids.text(gridsJson(b.grids));
    const ls = b.lines;
    for (let k = 0; k < ls.length; k++) {
      const line = ls[k];
      l.bi.num(i + 1);
      l.lineNo.num(k + 1);
      l.account.text(line.account);
      l.relation.num(line.relationId);
      l.amount.num(line.amount);
      l.kind.text(line.kind);
      l.vatCode.text(line.vatCode);
      l.vatBase.num(line.vatBase);
      l.dueDate.text(line.dueDate);
      l.reference.text(line.reference);
      l.documentDate.text(line.documentDate);
      l.description.text(line.description);
      l.communication.text(line.communication);
      l.ogm.text(line.structuredCommunication);
      l.counterpartyAccount.text(line.counterpartyAccount);
      l.counterpartyName.text(line.counterpartyName);
      l.currency.text(line.currency);
      l.currencyAmount.num(line.currencyAmount);
      balances?.add(b.fiscalYearId, b.periodNo, line.account, line.amount);
    }
  }
  const a = (x: ArrayLiteral) => x.toString();
  const headersAndLines = sql`
    with h as (
      select ${a(h.id)}::bigint[] as id, ${a(h.fy)}::int[] as fy, ${a(h.period)}::smallint[] as period,
        ${a(h.journal)}::int[] as journal, ${a(h.date)}::date[] as date
    ), headers as (
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, document_date, due_date, relation_id,
        reference, description, structured_communication, statement_number, statement_opening, statement_closing, amount, line_count,
        reverses_booking_id, origin, created_by, vat_grids)
      select ${dossierId}, u.* from h, unnest(h.id, h.journal, h.fy, h.period, ${a(h.number)}::int[], ${a(h.kind)}::text[], h.date,
        ${a(h.documentDate)}::date[], ${a(h.dueDate)}::date[], ${a(h.relation)}::int[], ${a(h.reference)}::text[],
        ${a(h.description)}::text[], ${a(h.ogm)}::text[], ${a(h.statementNumber)}::text[],
        ${a(h.statementOpening)}::bigint[], ${a(h.statementClosing)}::bigint[], ${a(h.amount)}::bigint[],
        ${a(h.lineCount)}::int[], ${a(h.reverses)}::bigint[], ${a(h.origin)}::text[], ${a(h.createdBy)}::int[],
        ${a(h.grids)}::jsonb[]) as u
    ), lines as (
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind,
        vat_code, vat_base, due_date, description, communication, structured_communication,
        counterparty_account, counterparty_name, reference, document_date, currency, currency_amount)
      select ${dossierId}, h.id[u.bi], u.line_no, h.fy[u.bi], h.period[u.bi], h.journal[u.bi], h.date[u.bi], u.account, u.relation_id, u.amount, u.kind,
        u.vat_code, u.vat_base, u.due_date, u.description, u.communication, u.ogm,
        u.counterparty_account, u.counterparty_name, u.reference, u.document_date, u.currency, u.currency_amount
      from h, unnest(${a(l.bi)}::int[], ${a(l.lineNo)}::smallint[], ${a(l.account)}::text[], ${a(l.relation)}::int[], ${a(l.amount)}::bigint[], ${a(l.kind)}::text[],
        ${a(l.vatCode)}::text[], ${a(l.vatBase)}::bigint[], ${a(l.dueDate)}::date[], ${a(l.description)}::text[], ${a(l.communication)}::text[], ${a(l.ogm)}::text[],
        ${a(l.counterpartyAccount)}::text[], ${a(l.counterpartyName)}::text[], ${a(l.reference)}::text[], ${a(l.documentDate)}::date[],
        ${a(l.currency)}::text[], ${a(l.currencyAmount)}::bigint[])
        as u(bi, line_no, account, relation_id, amount, kind, vat_code, vat_base, due_date, description, communication, ogm,
          counterparty_account, counterparty_name, reference, document_date, currency, currency_amount)
    )`;
  let done: Promise<unknown>;
  if (!balances) done = sql`${headersAndLines} select 1`.execute(trx);
  else {
    const bal = balances.sorted();
    done = sql`${headersAndLines}, balances as (
      insert into account_balance as b (dossier_id, fiscal_year_id, account, period_no, debit, credit, line_count)
      select ${dossierId}, * from unnest(${bal.map((r) => r.fiscalYearId)}::int[], ${bal.map((r) => r.account)}::text[], ${bal.map((r) => r.periodNo)}::smallint[],
        ${bal.map((r) => r.debit)}::bigint[], ${bal.map((r) => r.credit)}::bigint[], ${bal.map((r) => r.count)}::int[])
      on conflict (dossier_id, fiscal_year_id, account, period_no) do update
        set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit, line_count = b.line_count + excluded.line_count
    )
    select 1`.execute(trx);
  }
  onDispatch?.();
  await done;
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
