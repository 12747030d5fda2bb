/** Queries on fiscal years and periods that other parts of the ledger share. */
import { validation, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';
import { regularPeriodOf } from './rules.ts';

export interface YearRow {
  id: number;
  start_date: string;
  end_date: string;
  closed: boolean;
  vat_period: 'monthly' | 'quarterly';
  transferred_at: Date | null;
}

export async function yearsOf(db: Db, dossierId: number): Promise<YearRow[]> {
  return db
    .selectFrom('fiscal_year')
    .select(['id', 'start_date', 'end_date', 'closed', 'vat_period', 'transferred_at'])
    .where('dossier_id', '=', dossierId)
    .orderBy('start_date')
    .execute();
}

export async function yearById(db: Db, dossierId: number, id: number): Promise<YearRow> {
  const row = await db
    .selectFrom('fiscal_year')
    .select(['id', 'start_date', 'end_date', 'closed', 'vat_period', 'transferred_at'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('ledger.fiscal_year_not_found', { id });
  return row;
}

/** "--year 2025": the fiscal year that starts in 2025, else the one that ends in it. */
export async function yearByLabel(db: Db, dossierId: number, year: number): Promise<YearRow> {
  const years = await yearsOf(db, dossierId);
  const found = years.find((y) => y.start_date.startsWith(`${year}-`)) ?? years.find((y) => y.end_date.startsWith(`${year}-`));
  if (!found) throw notFound('ledger.fiscal_year_for_year_not_found', { year });
  return found;
}

export async function periodsOf(db: Db, dossierId: number, fiscalYearId: number) {
  return db
    .selectFrom('fiscal_period')
    .select(['period_no', 'kind', 'start_date', 'end_date', 'closed'])
    .where('dossier_id', '=', dossierId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .orderBy('period_no')
    .execute();
}

export async function yearHasBookings(db: Db, dossierId: number, fiscalYearId: number): Promise<boolean> {
  const row = await db.selectFrom('booking').select('id').where('dossier_id', '=', dossierId).where('fiscal_year_id', '=', fiscalYearId).limit(1).executeTakeFirst();
  return Boolean(row);
}

export type PeriodTarget = 'regular' | 'opening' | 'closing';

export interface ResolvedPeriod {
  fiscalYearId: number;
  periodNo: number;
  yearStart: string;
  yearEnd: string;
}

function noPeriod(date: string, detail: string, params: Record<string, unknown> = {}) {
  return validation('ledger.no_fiscal_period', { date }, [{ field: 'date', code: detail, params: { date, ...params } }]);
}

/**
 * The open period a booking dated `date` goes to: the regular (monthly) period holding the date, or
 * the opening/closing period of the year holding it. Anything else is refused with the message
 * "No fiscal-year period matches the date of the transaction", and a detail saying why.
 */
export async function resolvePeriod(db: Db, dossierId: number, date: string, target: PeriodTarget = 'regular'): Promise<ResolvedPeriod> {
  const year = await db
    .selectFrom('fiscal_year')
    .select(['id', 'start_date', 'end_date', 'closed'])
    .where('dossier_id', '=', dossierId)
    .where('start_date', '<=', date)
    .where('end_date', '>=', date)
    .executeTakeFirst();
  if (!year) throw noPeriod(date, 'ledger.no_fiscal_period.none');
  if (year.closed) throw noPeriod(date, 'ledger.no_fiscal_period.closed_year');
  const periods = await periodsOf(db, dossierId, year.id);
  const period = target === 'regular' ? regularPeriodOf(periods, date) : periods.find((p) => p.kind === target);
  if (!period) throw noPeriod(date, 'ledger.no_fiscal_period.none');
  if (period.closed) throw noPeriod(date, 'ledger.no_fiscal_period.closed_period', { period: period.period_no });
  return { fiscalYearId: year.id, periodNo: period.period_no, yearStart: year.start_date, yearEnd: year.end_date };
}

/** Period resolution for many dates at once (bulk import): loads the dossier's years and periods once. */
export async function periodResolver(db: Db, dossierId: number) {
  const years = await yearsOf(db, dossierId);
  const periods = await db
    .selectFrom('fiscal_period')
    .select(['fiscal_year_id', 'period_no', 'kind', 'start_date', 'end_date', 'closed'])
    .where('dossier_id', '=', dossierId)
    .execute();
  const byYear = new Map<number, typeof periods>();
  for (const p of periods) {
    const list = byYear.get(p.fiscal_year_id) ?? [];
    list.push(p);
    byYear.set(p.fiscal_year_id, list);
  }
  const cache = new Map<string, ResolvedPeriod | Error>();
  return (date: string, target: PeriodTarget = 'regular'): ResolvedPeriod => {
    const key = `${date}|${target}`;
    let hit = cache.get(key);
    if (!hit) {
      const year = years.find((y) => y.start_date <= date && date <= y.end_date);
      if (!year) hit = noPeriod(date, 'ledger.no_fiscal_period.none');
      else if (year.closed) hit = noPeriod(date, 'ledger.no_fiscal_period.closed_year');
      else {
        const list = byYear.get(year.id) ?? [];
        const period = target === 'regular' ? regularPeriodOf(list, date) : list.find((p) => p.kind === target);
        if (!period) hit = noPeriod(date, 'ledger.no_fiscal_period.none');
        else if (period.closed) hit = noPeriod(date, 'ledger.no_fiscal_period.closed_period', { period: period.period_no });
        else hit = { fiscalYearId: year.id, periodNo: period.period_no, yearStart: year.start_date, yearEnd: year.end_date };
      }
      cache.set(key, hit);
    }
    if (hit instanceof Error) throw hit;
    return hit;
  };
}
