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
    await writePart(trx, dossierId, bookings.slice(start, end), firstId + start, numbers.slice(start, end), start === 0 ? options.onDispatch : undefined);
    start = end;
  }
  return bookings.map((_, i) => ({ id: firstId + i, number: numbers[i] }));
}

const PART_BOOKINGS = 5000;
const PART_LINES = 30000;

/**
 * One statement: the headers, the lines (what a line shares with its booking — id, fiscal year,
 * period, journal, date — is sent once per booking and picked by the booking's position `bi`) and the
 * balance totals. Arrays, one per column, unnested in SQL.
 */
async function writePart(trx: Db, dossierId: number, part: PreparedBooking[], firstId: number, numbers: number[], onDispatch?: () => void): Promise<void> {
  const col = <T>(f: (b: PreparedBooking, i: number) => T) => part.map(f);
  const bi: number[] = [];
  const lineNo: number[] = [];
  const account: string[] = [];
  const relation: Array<number | null> = [];
  const amount: number[] = [];
  const kind: string[] = [];
  const vatCode: Array<string | null> = [];
  const vatBase: Array<number | null> = [];
  const dueDate: Array<string | null> = [];
  const lineReference: Array<string | null> = [];
  const documentDate: Array<string | null> = [];
  const description: Array<string | null> = [];
  const communication: Array<string | null> = [];
  const ogm: Array<string | null> = [];
  const cpAccount: Array<string | null> = [];
  const cpName: Array<string | null> = [];
  const currency: Array<string | null> = [];
  const currencyAmount: Array<number | null> = [];
  const balances = new BalanceTotals();
  for (let i = 0; i < part.length; i++) {
    const b = part[i];
    const ls = b.lines;
    for (let k = 0; k < ls.length; k++) {
      const l = ls[k];
      bi.push(i + 1);
      lineNo.push(k + 1);
      account.push(l.account);
      relation.push(l.relationId ?? null);
      amount.push(l.amount);
      kind.push(l.kind);
      vatCode.push(l.vatCode ?? null);
      vatBase.push(l.vatBase ?? null);
      dueDate.push(l.dueDate ?? null);
      lineReference.push(l.reference ?? null);
      documentDate.push(l.documentDate ?? null);
      description.push(l.description ?? null);
      communication.push(l.communication ?? null);
      ogm.push(l.structuredCommunication ?? null);
      cpAccount.push(l.counterpartyAccount ?? null);
      cpName.push(l.counterpartyName ?? null);
      currency.push(l.currency ?? null);
      currencyAmount.push(l.currencyAmount ?? null);
      balances.add(b.fiscalYearId, b.periodNo, l.account, l.amount);
    }
  }
  const bal = balances.sorted();
  const done = sql`
    with h as (
      select ${col((_, i) => firstId + i)}::bigint[] as id, ${col((b) => b.fiscalYearId)}::int[] as fy, ${col((b) => b.periodNo)}::smallint[] as period,
        ${col((b) => b.journalId)}::int[] as journal, ${col((b) => b.date)}::date[] as date
    ), headers as (
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, document_date, due_date, relation_id,
        reference, description, structured_communication, statement_number, statement_opening, statement_closing, amount, line_count,
        reverses_booking_id, origin, created_by, vat_grids)
      select ${dossierId}, u.* from h, unnest(h.id, h.journal, h.fy, h.period, ${numbers}::int[], ${col((b) => b.kind)}::text[], h.date,
        ${col((b) => b.documentDate)}::date[], ${col((b) => b.dueDate)}::date[], ${col((b) => b.relationId)}::int[], ${col((b) => b.reference)}::text[],
        ${col((b) => b.description)}::text[], ${col((b) => b.structuredCommunication)}::text[], ${col((b) => b.statementNumber)}::text[],
        ${col((b) => b.statementOpening)}::bigint[], ${col((b) => b.statementClosing)}::bigint[], ${col((b) => b.amount)}::bigint[],
        ${col((b) => b.lines.length)}::int[], ${col((b) => b.reversesBookingId)}::bigint[], ${col((b) => b.origin)}::text[], ${col((b) => b.createdBy)}::int[],
        ${col((b) => gridsJson(b.grids))}::jsonb[]) as u
    ), lines as (
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind,
        vat_code, vat_base, due_date, description, communication, structured_communication, reference, document_date,
        counterparty_account, counterparty_name, currency, currency_amount)
      select ${dossierId}, h.id[u.bi], u.line_no, h.fy[u.bi], h.period[u.bi], h.journal[u.bi], h.date[u.bi], u.account, u.relation_id, u.amount, u.kind,
        u.vat_code, u.vat_base, u.due_date, u.description, u.communication, u.ogm, u.reference, u.document_date,
        u.counterparty_account, u.counterparty_name, u.currency, u.currency_amount
      from h, unnest(${bi}::int[], ${lineNo}::smallint[], ${account}::text[], ${relation}::int[], ${amount}::bigint[], ${kind}::text[],
        ${vatCode}::text[], ${vatBase}::bigint[], ${dueDate}::date[], ${description}::text[], ${communication}::text[], ${ogm}::text[],
        ${lineReference}::text[], ${documentDate}::date[], ${cpAccount}::text[], ${cpName}::text[], ${currency}::text[], ${currencyAmount}::bigint[])
        as u(bi, line_no, account, relation_id, amount, kind, vat_code, vat_base, due_date, description, communication, ogm, reference, document_date,
          counterparty_account, counterparty_name, currency, currency_amount)
    ), balances as (
      insert into account_balance as b (dossier_id, fiscal_year_id, account, period_no, debit, credit, line_count)
      select ${dossierId}, * from unnest(${bal.map((r) => r.fiscalYearId)}::int[], ${bal.map((r) => r.account)}::text[], ${bal.map((r) => r.periodNo)}::smallint[],
        ${bal.map((r) => r.debit)}::bigint[], ${bal.map((r) => r.credit)}::bigint[], ${bal.map((r) => r.count)}::int[])
      on conflict (dossier_id, fiscal_year_id, account, period_no) do update
        set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit, line_count = b.line_count + excluded.line_count
    )
    select 1`.execute(trx);
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
export class BalanceTotals {
  private readonly rows = new Map<string, { fiscalYearId: number; periodNo: number; account: string; debit: number; credit: number; count: number }>();

  add(fiscalYearId: number, periodNo: number, account: string, amount: number, sign: 1 | -1 = 1): void {
    const key = account + '|' + periodNo + '|' + fiscalYearId;
    let a = this.rows.get(key);
    if (!a) {
      a = { fiscalYearId, periodNo, account, debit: 0, credit: 0, count: 0 };
      this.rows.set(key, a);
    }
    if (amount > 0) a.debit += sign * amount;
    else a.credit -= sign * amount;
    a.count += sign;
  }

  /** Sorted so concurrent transactions lock balance rows in the same order. */
  sorted() {
    return [...this.rows.values()].sort((x, y) => x.fiscalYearId - y.fiscalYearId || (x.account < y.account ? -1 : x.account > y.account ? 1 : 0) || x.periodNo - y.periodNo);
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
