/** EN 16931 arithmetic in cents: line nets, VAT per breakdown (not per line), half away from zero. */
import { describe, expect, it } from 'vitest';
import { centsToDecimal, computeTotals, lineNetCents, toCents, vatCents } from './totals.ts';

describe('UBL totals', () => {
  it('rounds half away from zero, also for negative amounts', () => {
    expect(toCents('0.005')).toBe(1);
    expect(toCents('-0.005')).toBe(-1);
    expect(toCents('12.344')).toBe(1234);
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(123456)).toBe('1234.56');
  });

  it('line net = round2(quantity × price / base quantity) − allowances + charges', () => {
    expect(lineNetCents('3', '0.335')).toBe(101); // 1.005 → 1.01
    expect(lineNetCents('250', '12.50', '100')).toBe(3125);
    expect(lineNetCents('2', '50', '1', [{ charge: false, amount: 1000 }, { charge: true, amount: 250 }])).toBe(9250);
  });

  it('VAT is computed per rate on the sum of the lines, not per line', () => {
    // three lines of 0.10 at 6 %: per line 0.006 → 0.01 each (0.03 together); on the sum 0.018 → 0.02
    const lines = [0, 1, 2].map(() => ({ netAmount: 10, vatCategory: 'S' as const, vatRate: '6' }));
    const { vatBreakdown, totals } = computeTotals(lines);
    expect(vatBreakdown).toEqual([{ category: 'S', rate: '6', taxableAmount: 30, taxAmount: 2 }]);
    expect(totals).toMatchObject({ lineExtension: 30, taxExclusive: 30, taxTotal: 2, taxInclusive: 32, payable: 32 });
    expect(vatCents(-1050, '21')).toBe(-221); // −2.205 → −2.21
  });

  it('document allowances and charges go into the breakdown of their rate and the totals', () => {
    const { vatBreakdown, totals } = computeTotals(
      [
        { netAmount: 10000, vatCategory: 'S', vatRate: '21' },
        { netAmount: 5000, vatCategory: 'S', vatRate: '6.00' },
        { netAmount: 2000, vatCategory: 'E', vatRate: '0' },
      ],
      [
        { charge: false, amount: 1000, vatCategory: 'S', vatRate: '21' },
        { charge: true, amount: 500, vatCategory: 'S', vatRate: '6' },
      ],
      { prepaid: 1000, exemptionReasons: { E: { code: 'VATEX-EU-132' } } },
    );
    expect(vatBreakdown).toEqual([
      { category: 'S', rate: '21', taxableAmount: 9000, taxAmount: 1890 },
      { category: 'S', rate: '6', taxableAmount: 5500, taxAmount: 330 },
      { category: 'E', rate: '0', taxableAmount: 2000, taxAmount: 0, exemptionReasonCode: 'VATEX-EU-132' },
    ]);
    expect(totals).toEqual({
      lineExtension: 17000,
      allowanceTotal: 1000,
      chargeTotal: 500,
      taxExclusive: 16500,
      taxTotal: 2220,
      taxInclusive: 18720,
      prepaid: 1000,
      payableRounding: 0,
      payable: 17720,
    });
  });
});
