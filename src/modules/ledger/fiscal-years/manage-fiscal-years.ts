/**
 * Management → Fiscal years. The rules (Octopus's, which accountants know):
 * - the start date changes only while there is no previous year and no booking in the year;
 * - the end date changes only while there is no next year (and not before the last booking);
 * - a next year starts the day after the previous one ends; a year lasts at most 24 months;
 * - a year or a period can be closed (no more bookings) and reopened with the "fiscal_years" right.
 */
import { sql } from 'kysely';
import { addDays, addMonths } from '../../../core/dates.ts';
import { conflict, notFound, validation } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { writePeriods } from '../setup.ts';
import { periodsOf, yearById, yearHasBookings, yearsOf, type YearRow } from './repo.ts';
import { buildPeriods, checkDate, checkYearDates, defaultEnd } from './rules.ts';
import '../messages.ts';

export interface FiscalYearView {
  id: number;
  startDate: string;
  endDate: string;
  closed: boolean;
  vatPeriod: 'monthly' | 'quarterly';
  transferredAt: string | null;
  /**
   * Transferred, but the books of the year changed since (a late booking, a reversal, a deleted booking):
   * the next year's opening balances no longer follow from them until the year is transferred again.
   */
  transferOutdated: boolean;
  bookings: number;
  /** What may change, so the screen can lock the fields. */
  canChangeStart: boolean;
  canChangeEnd: boolean;
  periods?: Array<{ periodNo: number; kind: string; startDate: string; endDate: string; closed: boolean }>;
}

async function viewsOf(db: Db, dossierId: number): Promise<FiscalYearView[]> {
  const years = await yearsOf(db, dossierId);
  const counts = await db
    .selectFrom('booking')
    .select(['fiscal_year_id', sql<number>`count(*)::int`.as('n')])
    .where('dossier_id', '=', dossierId)
    .groupBy('fiscal_year_id')
    .execute();
  const outdated = new Set<number>();
  let result: string[] | undefined;
  for (let i = 0; i + 1 < years.length; i++) {
    if (!years[i].transferred_at) continue;
    result ??= await resultAccounts(db, dossierId);
    if (await transferOutdated(db, dossierId, years[i].id, years[i + 1].id, result)) outdated.add(years[i].id);
  }
  return years.map((y, i) => {
    const bookings = counts.find((c) => c.fiscal_year_id === y.id)?.n ?? 0;
    return {
      id: y.id,
      startDate: y.start_date,
      endDate: y.end_date,
      closed: y.closed,
      vatPeriod: y.vat_period,
      transferredAt: y.transferred_at ? new Date(y.transferred_at).toISOString() : null,
      transferOutdated: outdated.has(y.id),
      bookings,
      canChangeStart: i === 0 && bookings === 0,
      canChangeEnd: i === years.length - 1,
    };
  });
}

/** The accounts of the year's result and of profit / loss carried forward: one bucket for transferOutdated. */
async function resultAccounts(db: Db, dossierId: number): Promise<string[]> {
  const rows = await db.selectFrom('fixed_account').select('account').where('dossier_id', '=', dossierId)
    .where('role', 'in', ['result_of_year', 'profit_carried_forward', 'loss_carried_forward']).execute();
  return rows.flatMap((r) => (r.account ? [r.account] : []));
}

/**
 * Does a transferred year still agree with its transfer? After the transfer every income and charge
 * account (classes 6–7) of the year is closed to zero, and every other account (classes 0–5)
 * ends the year at the amount the next year opens with (its opening period holds only the transfer's
 * opening booking) — the year's result opening the next year as profit or loss carried forward. From the
 * per-period balances kept with each posting: a handful of rows per account.
 */
async function transferOutdated(db: Db, dossierId: number, yearId: number, nextId: number, result: string[]): Promise<boolean> {
  // the year's result (on its fixed account) opens the next year as profit or loss carried forward: one bucket
  const bucket = sql`case when account = any(${result}::text[]) then '#result' else account end`;
  const { rows } = await sql<{ outdated: boolean }>`
    select exists (
      select 1 from (
        select ${bucket} as bucket, sum(debit - credit) as balance from account_balance
        where dossier_id = ${dossierId} and fiscal_year_id = ${yearId} and left(account, 1) between '0' and '7' group by 1
      ) y full join (
        select ${bucket} as bucket, sum(debit - credit) as balance from account_balance
        where dossier_id = ${dossierId} and fiscal_year_id = ${nextId} and period_no = 0 and left(account, 1) between '0' and '5' group by 1
      ) n using (bucket)
      where coalesce(y.balance, 0) <> case when left(bucket, 1) in ('6', '7') then 0 else coalesce(n.balance, 0) end
    ) as outdated`.execute(db);
  return rows[0].outdated;
}

export async function listFiscalYears(svc: Services, actor: Actor, dossierId: number): Promise<FiscalYearView[]> {
  await requireLedger(svc.db, actor, dossierId);
  return viewsOf(svc.db, dossierId);
}

export async function getFiscalYear(svc: Services, actor: Actor, dossierId: number, id: number): Promise<FiscalYearView> {
  await requireLedger(svc.db, actor, dossierId);
  const view = (await viewsOf(svc.db, dossierId)).find((y) => y.id === id);
  if (!view) throw notFound('ledger.fiscal_year_not_found', { id });
  const periods = await periodsOf(svc.db, dossierId, id);
  return {
    ...view,
    periods: periods.map((p) => ({ periodNo: p.period_no, kind: p.kind, startDate: p.start_date, endDate: p.end_date, closed: p.closed })),
  };
}

export interface NewFiscalYearInput {
  /** After the last year (default) or before the first (to hold opening balances). */
  position?: 'next' | 'previous';
  startDate?: string;
  endDate?: string;
  vatPeriod?: 'monthly' | 'quarterly';
}

export async function createFiscalYear(svc: Services, actor: Actor, dossierId: number, input: NewFiscalYearInput): Promise<FiscalYearView> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  const id = await svc.db.transaction().execute(async (trx) => {
    await lockYears(trx, dossierId);
    const years = await yearsOf(trx, dossierId);
    const first = years[0];
    const last = years[years.length - 1];
    let start: string;
    let end: string;
    if (!last) {
      start = checkDate(input.startDate ?? '', 'startDate');
      end = input.endDate ?? defaultEnd(start);
    } else if ((input.position ?? 'next') === 'next') {
      start = addDays(last.end_date, 1);
      if (input.startDate && input.startDate !== start) {
        throw validation('ledger.fiscal_year_must_follow', { date: start }, [{ field: 'startDate', code: 'ledger.fiscal_year_must_follow', params: { date: start } }]);
      }
      end = input.endDate ?? defaultEnd(start);
    } else {
      end = addDays(first.start_date, -1);
      if (input.endDate && input.endDate !== end) {
        throw validation('ledger.fiscal_year_must_follow', { date: end }, [{ field: 'endDate', code: 'ledger.fiscal_year_must_follow', params: { date: end } }]);
      }
      start = input.startDate ?? addDays(addMonths(end, -12), 1);
    }
    checkYearDates(start, end);
    const next = (await trx.selectFrom('fiscal_year').select(sql<number>`coalesce(max(id), 0)::int + 1`.as('id')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow()).id;
    await trx
      .insertInto('fiscal_year')
      .values({ dossier_id: dossierId, id: next, start_date: start, end_date: end, vat_period: input.vatPeriod ?? last?.vat_period ?? 'monthly' })
      .execute();
    await writePeriods(trx, dossierId, next, start, end);
    await audit(trx, actor, actor.officeId, 'ledger.fiscal_year.create', { id: next, start, end }, dossierId);
    return next;
  });
  return getFiscalYear(svc, actor, dossierId, id);
}

async function lockYears(trx: Db, dossierId: number) {
  await sql`select id from dossier where id = ${dossierId} for update`.execute(trx);
}

export interface FiscalYearChange {
  startDate?: string;
  endDate?: string;
  vatPeriod?: 'monthly' | 'quarterly';
}

export async function updateFiscalYear(svc: Services, actor: Actor, dossierId: number, id: number, input: FiscalYearChange): Promise<FiscalYearView> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  await svc.db.transaction().execute(async (trx) => {
    await lockYears(trx, dossierId);
    const years = await yearsOf(trx, dossierId);
    const index = years.findIndex((y) => y.id === id);
    if (index < 0) throw notFound('ledger.fiscal_year_not_found', { id });
    const year = years[index];
    const start = input.startDate ?? year.start_date;
    const end = input.endDate ?? year.end_date;
    if (start !== year.start_date) {
      if (index > 0) throw conflict('ledger.fiscal_year_start_locked_previous');
      if (await yearHasBookings(trx, dossierId, id)) throw conflict('ledger.fiscal_year_start_locked_bookings');
    }
    if (end !== year.end_date) {
      if (index < years.length - 1) throw conflict('ledger.fiscal_year_end_locked_next');
      const last = await trx
        .selectFrom('booking')
        .select(sql<string | null>`max(date)::text`.as('d'))
        .where('dossier_id', '=', dossierId)
        .where('fiscal_year_id', '=', id)
        .executeTakeFirstOrThrow();
      if (last.d && end < last.d) throw conflict('ledger.fiscal_year_end_cuts_bookings', { date: last.d });
    }
    checkYearDates(start, end);
    await trx
      .updateTable('fiscal_year')
      .set({ start_date: start, end_date: end, ...(input.vatPeriod ? { vat_period: input.vatPeriod } : {}) })
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .execute();
    if (start !== year.start_date || end !== year.end_date) {
      // A month that stays (the same dates) stays closed, under the number it now gets; the closing period moves.
      const closed = await closedMonthsKept(trx, dossierId, id, start, end);
      await rewritePeriodsKeepingBookings(trx, dossierId, id, start, end, closed);
    }
    await audit(trx, actor, actor.officeId, 'ledger.fiscal_year.update', { id, from: { start: year.start_date, end: year.end_date }, to: { start, end }, vatPeriod: input.vatPeriod }, dossierId);
  });
  return getFiscalYear(svc, actor, dossierId, id);
}

/** The numbers, in the year's new periods, of the months that were closed before (matched on their dates). */
async function closedMonthsKept(trx: Db, dossierId: number, id: number, start: string, end: string): Promise<Set<number>> {
  const closed = (await periodsOf(trx, dossierId, id)).filter((p) => p.closed && p.kind === 'regular');
  const kept = buildPeriods(start, end).filter((p) => p.kind === 'regular' && closed.some((c) => c.start_date === p.startDate && c.end_date === p.endDate));
  return new Set(kept.map((p) => p.periodNo));
}

/** Periods are rewritten when dates change; bookings in the closing period follow it to its new number. */
async function rewritePeriodsKeepingBookings(trx: Db, dossierId: number, id: number, start: string, end: string, closed: Set<number>) {
  const before = await periodsOf(trx, dossierId, id);
  const oldClosing = before.find((p) => p.kind === 'closing')?.period_no;
  await writePeriods(trx, dossierId, id, start, end, closed);
  const after = await periodsOf(trx, dossierId, id);
  const newClosing = after.find((p) => p.kind === 'closing')!.period_no;
  if (oldClosing !== undefined && oldClosing !== newClosing) {
    await trx.updateTable('booking').set({ period_no: newClosing }).where('dossier_id', '=', dossierId).where('fiscal_year_id', '=', id).where('period_no', '=', oldClosing).execute();
    await trx.updateTable('booking_line').set({ period_no: newClosing }).where('dossier_id', '=', dossierId).where('fiscal_year_id', '=', id).where('period_no', '=', oldClosing).execute();
    await trx.updateTable('account_balance').set({ period_no: newClosing }).where('dossier_id', '=', dossierId).where('fiscal_year_id', '=', id).where('period_no', '=', oldClosing).execute();
  }
}

/** Deletes the first or the last year when it holds no bookings and is not the only one. */
export async function deleteFiscalYear(svc: Services, actor: Actor, dossierId: number, id: number): Promise<void> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  await svc.db.transaction().execute(async (trx) => {
    await lockYears(trx, dossierId);
    const years = await yearsOf(trx, dossierId);
    const index = years.findIndex((y) => y.id === id);
    if (index < 0) throw notFound('ledger.fiscal_year_not_found', { id });
    const edge = index === 0 || index === years.length - 1;
    if (!edge || years.length === 1 || (await yearHasBookings(trx, dossierId, id))) throw conflict('ledger.fiscal_year_not_deletable');
    await trx.deleteFrom('fiscal_year').where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, 'ledger.fiscal_year.delete', { id, start: years[index].start_date, end: years[index].end_date }, dossierId);
  });
}

export async function setFiscalYearClosed(svc: Services, actor: Actor, dossierId: number, id: number, closed: boolean): Promise<FiscalYearView> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  await svc.db.transaction().execute(async (trx) => {
    const year: YearRow = await yearById(trx, dossierId, id);
    await trx.updateTable('fiscal_year').set({ closed }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, closed ? 'ledger.fiscal_year.close' : 'ledger.fiscal_year.reopen', { id, start: year.start_date, end: year.end_date }, dossierId);
  });
  return getFiscalYear(svc, actor, dossierId, id);
}

export async function setPeriodClosed(svc: Services, actor: Actor, dossierId: number, id: number, periodNo: number, closed: boolean): Promise<FiscalYearView> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  await svc.db.transaction().execute(async (trx) => {
    await yearById(trx, dossierId, id);
    const res = await trx
      .updateTable('fiscal_period')
      .set({ closed })
      .where('dossier_id', '=', dossierId)
      .where('fiscal_year_id', '=', id)
      .where('period_no', '=', periodNo)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('ledger.period_not_found', { periodNo });
    await audit(trx, actor, actor.officeId, closed ? 'ledger.period.close' : 'ledger.period.reopen', { id, periodNo }, dossierId);
  });
  return getFiscalYear(svc, actor, dossierId, id);
}
