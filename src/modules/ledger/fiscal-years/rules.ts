/**
 * Pure rules of fiscal years and their periods.
 * - A fiscal year lasts at most 24 months (a first or transitional year may be longer or shorter
 *   than 12 months; the usual cap is 24).
 * - Periods: 0 = opening (opening bookings), 1..n = the calendar months of the year (the first and
 *   last may be partial when the year does not start on the 1st or end on a month end),
 *   n+1 = closing (closing entries of the year transfer).
 */
import { addDays, addMonths, isIsoDate } from '../../../core/dates.ts';
import { validation } from '../../../core/errors.ts';

export type PeriodKind = 'opening' | 'regular' | 'closing';
export interface PeriodDef {
  periodNo: number;
  kind: PeriodKind;
  startDate: string;
  endDate: string;
}

export const MAX_YEAR_MONTHS = 24;

export function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Valid dates seen (a bulk import checks the same few hundred dates again and again). */
const validDates = new Set<string>();

export function checkDate(value: string, field: string): string {
  if (validDates.has(value)) return value;
  if (isIsoDate(value)) {
    if (validDates.size > 100_000) validDates.clear();
    validDates.add(value);
    return value;
  }
  if (!isIsoDate(value)) throw validation('ledger.date_invalid', { value }, [{ field, code: 'ledger.date_invalid', params: { value } }]);
  return value;
}

/** The default end of a year starting on `start`: twelve months later, minus a day. */
export const defaultEnd = (start: string): string => addDays(addMonths(start, 12), -1);

/** Checks a year's dates: end after start, at most 24 months. */
export function checkYearDates(start: string, end: string): void {
  checkDate(start, 'startDate');
  checkDate(end, 'endDate');
  if (end <= start) throw validation('ledger.fiscal_year_end_before_start', {}, [{ field: 'endDate', code: 'ledger.fiscal_year_end_before_start' }]);
  if (end > addDays(addMonths(start, MAX_YEAR_MONTHS), -1)) {
    throw validation('ledger.fiscal_year_too_long', {}, [{ field: 'endDate', code: 'ledger.fiscal_year_too_long' }]);
  }
}

export function buildPeriods(start: string, end: string): PeriodDef[] {
  const periods: PeriodDef[] = [{ periodNo: 0, kind: 'opening', startDate: start, endDate: start }];
  let cursor = start;
  let n = 1;
  while (cursor <= end) {
    const monthEnd = lastDayOfMonth(cursor);
    const periodEnd = monthEnd < end ? monthEnd : end;
    periods.push({ periodNo: n++, kind: 'regular', startDate: cursor, endDate: periodEnd });
    cursor = addDays(periodEnd, 1);
  }
  periods.push({ periodNo: n, kind: 'closing', startDate: end, endDate: end });
  return periods;
}

/** The regular period holding `date`, or undefined. */
export function regularPeriodOf<P extends { kind: string; start_date: string; end_date: string }>(periods: P[], date: string): P | undefined {
  return periods.find((p) => p.kind === 'regular' && p.start_date <= date && date <= p.end_date);
}

/** VAT periods are calendar months or quarters: the period (1–12 or 1–4) of a date. */
export function vatPeriodOf(date: string, vatPeriod: 'monthly' | 'quarterly'): { year: number; period: number } {
  const [y, m] = date.split('-').map(Number);
  return { year: y, period: vatPeriod === 'monthly' ? m : Math.ceil(m / 3) };
}
