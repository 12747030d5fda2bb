/**
 * The only place that writes bookings. Posting is append-only:
 * - numbers are taken gaplessly per journal per fiscal year, under a row lock on the counter row
 *   (journal_counter), so concurrent posts in one journal queue and never share or skip a number;
 * - headers, lines, VAT grid amounts and the per-period account balances are written in the
 *   caller's transaction, as a few multi-row statements (unnest of arrays), whatever the count:
 *   the same path serves one booking from the screen and 100,000 from an import.
 */
import { sql } from 'kysely';
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

/** Reserves `count` numbers in a journal-year and returns the first. */
async function takeNumbers(trx: Db, dossierId: number, journalId: number, fiscalYearId: number, count: number): Promise<number> {
  await trx
    .insertInto('journal_counter')
    .values({ dossier_id: dossierId, journal_id: journalId, fiscal_year_id: fiscalYearId })
    .onConflict((oc) => oc.columns(['dossier_id', 'journal_id', 'fiscal_year_id']).doNothing())
    .execute();
  const row = await sql<{ next_number: number }>`
    update journal_counter set next_number = next_number + ${count}
    where dossier_id = ${dossierId} and journal_id = ${journalId} and fiscal_year_id = ${fiscalYearId}
    returning next_number - ${count} as next_number`.execute(trx);
  return row.rows[0].next_number;
}

export async function writeBookings(trx: Db, dossierId: number, bookings: PreparedBooking[]): Promise<WrittenBooking[]> {
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

  const ids = (
    await sql<{ id: number }>`select nextval(pg_get_serial_sequence('booking', 'id'))::bigint as id from generate_series(1, ${bookings.length})`.execute(trx)
  ).rows.map((r) => Number(r.id));

  for (const part of chunks(bookings.map((b, i) => ({ b, i })), 5000)) {
    const col = <T>(f: (b: PreparedBooking, i: number) => T) => part.map(({ b, i }) => f(b, i));
    await sql`
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, document_date, due_date, relation_id,
        reference, description, structured_communication, statement_number, statement_opening, statement_closing, amount, line_count,
        reverses_booking_id, origin, created_by)
      select ${dossierId}, * from unnest(
        ${col((_, i) => ids[i])}::bigint[], ${col((b) => b.journalId)}::int[], ${col((b) => b.fiscalYearId)}::int[], ${col((b) => b.periodNo)}::smallint[],
        ${col((_, i) => numbers[i])}::int[], ${col((b) => b.kind)}::text[], ${col((b) => b.date)}::date[], ${col((b) => b.documentDate)}::date[],
        ${col((b) => b.dueDate)}::date[], ${col((b) => b.relationId)}::int[], ${col((b) => b.reference)}::text[], ${col((b) => b.description)}::text[],
        ${col((b) => b.structuredCommunication)}::text[], ${col((b) => b.statementNumber)}::text[], ${col((b) => b.statementOpening)}::bigint[],
        ${col((b) => b.statementClosing)}::bigint[], ${col((b) => b.amount)}::bigint[], ${col((b) => b.lines.length)}::int[],
        ${col((b) => b.reversesBookingId)}::bigint[], ${col((b) => b.origin)}::text[], ${col((b) => b.createdBy)}::int[])`.execute(trx);
  }

  const lines = bookings.flatMap((b, i) => b.lines.map((l, k) => ({ b, l, id: ids[i], lineNo: k + 1 })));
  await insertLines(trx, dossierId, lines);

  const vat = bookings.flatMap((b, i) => Object.entries(b.grids).filter(([, v]) => v !== 0).map(([grid, amount]) => ({ id: ids[i], grid, amount })));
  for (const part of chunks(vat)) {
    await sql`insert into booking_vat (dossier_id, booking_id, grid, amount)
      select ${dossierId}, * from unnest(${part.map((v) => v.id)}::bigint[], ${part.map((v) => v.grid)}::text[], ${part.map((v) => v.amount)}::bigint[])`.execute(trx);
  }

  await applyBalances(
    trx,
    dossierId,
    lines.map(({ b, l }) => ({ fiscalYearId: b.fiscalYearId, periodNo: b.periodNo, account: l.account, amount: l.amount })),
    1,
  );
  return bookings.map((_, i) => ({ id: ids[i], number: numbers[i] }));
}

async function insertLines(trx: Db, dossierId: number, lines: Array<{ b: PreparedBooking; l: PostingLine; id: number; lineNo: number }>) {
  for (const part of chunks(lines)) {
    const col = <T>(f: (x: (typeof part)[number]) => T) => part.map(f);
    await sql`
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind,
        vat_code, vat_base, due_date, description, communication, structured_communication)
      select ${dossierId}, * from unnest(
        ${col((x) => x.id)}::bigint[], ${col((x) => x.lineNo)}::smallint[], ${col((x) => x.b.fiscalYearId)}::int[], ${col((x) => x.b.periodNo)}::smallint[],
        ${col((x) => x.b.journalId)}::int[], ${col((x) => x.b.date)}::date[], ${col((x) => x.l.account)}::text[], ${col((x) => x.l.relationId ?? null)}::int[],
        ${col((x) => x.l.amount)}::bigint[], ${col((x) => x.l.kind)}::text[], ${col((x) => x.l.vatCode ?? null)}::text[], ${col((x) => x.l.vatBase ?? null)}::bigint[],
        ${col((x) => x.l.dueDate ?? null)}::date[], ${col((x) => x.l.description ?? null)}::text[], ${col((x) => x.l.communication ?? null)}::text[],
        ${col((x) => x.l.structuredCommunication ?? null)}::text[])`.execute(trx);
  }
}

/**
 * Adds (sign 1) or removes (sign -1) lines from the balances per account per period: debit and
 * credit totals and the line count, aggregated first so each account-period row is touched once.
 */
export async function applyBalances(
  trx: Db,
  dossierId: number,
  lines: Array<{ fiscalYearId: number; periodNo: number; account: string; amount: number }>,
  sign: 1 | -1,
): Promise<void> {
  const agg = new Map<string, { fiscalYearId: number; periodNo: number; account: string; debit: number; credit: number; count: number }>();
  for (const l of lines) {
    const key = `${l.fiscalYearId}|${l.periodNo}|${l.account}`;
    let a = agg.get(key);
    if (!a) {
      a = { fiscalYearId: l.fiscalYearId, periodNo: l.periodNo, account: l.account, debit: 0, credit: 0, count: 0 };
      agg.set(key, a);
    }
    if (l.amount > 0) a.debit += sign * l.amount;
    else a.credit -= sign * l.amount;
    a.count += sign;
  }
  // Sorted so concurrent transactions lock balance rows in the same order.
  const rows = [...agg.values()].sort((x, y) => x.fiscalYearId - y.fiscalYearId || x.account.localeCompare(y.account) || x.periodNo - y.periodNo);
  for (const part of chunks(rows)) {
    await sql`
      insert into account_balance as b (dossier_id, fiscal_year_id, account, period_no, debit, credit, line_count)
      select ${dossierId}, * from unnest(${part.map((r) => r.fiscalYearId)}::int[], ${part.map((r) => r.account)}::text[], ${part.map((r) => r.periodNo)}::smallint[],
        ${part.map((r) => r.debit)}::bigint[], ${part.map((r) => r.credit)}::bigint[], ${part.map((r) => r.count)}::int[])
      on conflict (dossier_id, fiscal_year_id, account, period_no) do update
        set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit, line_count = b.line_count + excluded.line_count`.execute(trx);
  }
  if (sign < 0) {
    await sql`delete from account_balance where dossier_id = ${dossierId} and line_count = 0 and debit = 0 and credit = 0`.execute(trx);
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
  await applyBalances(
    trx,
    dossierId,
    lines.map((l) => ({ fiscalYearId: l.fiscal_year_id, periodNo: l.period_no, account: l.account, amount: l.amount })),
    -1,
  );
  await trx.deleteFrom('booking').where('dossier_id', '=', dossierId).where('id', '=', bookingId).execute();
}
