import { describe, expect, it } from 'vitest';
import { buildPeriods, checkYearDates, defaultEnd, vatPeriodOf } from './rules.ts';

describe('fiscal-year rules', () => {
  it('gives a calendar year an opening period, twelve months and a closing period', () => {
    const p = buildPeriods('2026-01-01', '2026-12-31');
    expect(p).toHaveLength(14);
    expect(p[0]).toEqual({ periodNo: 0, kind: 'opening', startDate: '2026-01-01', endDate: '2026-01-01' });
    expect(p[2]).toEqual({ periodNo: 2, kind: 'regular', startDate: '2026-02-01', endDate: '2026-02-28' });
    expect(p[13]).toEqual({ periodNo: 13, kind: 'closing', startDate: '2026-12-31', endDate: '2026-12-31' });
  });
  it('makes partial first and last months for a long first year starting mid-month', () => {
    const p = buildPeriods('2025-03-15', '2026-12-31');
    expect(p[1]).toMatchObject({ startDate: '2025-03-15', endDate: '2025-03-31' });
    expect(p.filter((x) => x.kind === 'regular')).toHaveLength(22);
  });
  it('accepts a first year of up to 24 months and refuses longer or reversed years', () => {
    expect(() => checkYearDates('2025-01-01', '2026-12-31')).not.toThrow();
    expect(() => checkYearDates('2025-01-01', '2027-01-01')).toThrow(/fiscal_year_too_long/);
    expect(() => checkYearDates('2025-01-01', '2024-12-31')).toThrow(/end_before_start/);
  });
  it('ends a default year twelve months later, also from a 1 July start', () => {
    expect(defaultEnd('2025-07-01')).toBe('2026-06-30');
  });
  it('places dates in monthly or quarterly VAT periods', () => {
    expect(vatPeriodOf('2026-05-10', 'quarterly')).toEqual({ year: 2026, period: 2 });
    expect(vatPeriodOf('2026-05-10', 'monthly')).toEqual({ year: 2026, period: 5 });
  });
});
