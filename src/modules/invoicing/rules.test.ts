/** Invoice arithmetic (EN 16931 rounding), the invoice's structured communication and the EPC QR payload. */
import { describe, expect, it } from 'vitest';
import { isValidOgm } from '../../core/ogm.ts';
import { documentTotals, epcQrPayload, invoiceOgm, lineAmounts, parseDecimal, priceExclVat, ublVatCategory } from './rules.ts';

describe('invoice totals (EN 16931)', () => {
  it('rounds each line net half away from zero, then the discount on the rounded gross', () => {
    expect(lineAmounts({ quantity: '3', unitPrice: '2.4545', discountPercent: '0' })).toEqual({ gross: 736, discount: 0, net: 736 });
    expect(lineAmounts({ quantity: '1', unitPrice: '0.005', discountPercent: '0' }).net).toBe(1);
    expect(lineAmounts({ quantity: '-1', unitPrice: '0.005', discountPercent: '0' }).net).toBe(-1);
    expect(lineAmounts({ quantity: '1', unitPrice: '2.45', discountPercent: '10' })).toEqual({ gross: 245, discount: 25, net: 220 });
    expect(lineAmounts({ quantity: '1.5', unitPrice: '19.99', discountPercent: '12.5' })).toEqual({ gross: 2999, discount: 375, net: 2624 });
  });

  it('computes VAT per rate on the sum of the line nets, not per line', () => {
    const rates = new Map([['V21', 2100], ['V06', 600]]);
    const lines = Array.from({ length: 3 }, () => ({ quantity: '1', unitPrice: '0.05', discountPercent: '0', vatCode: 'V21' }));
    const t = documentTotals([...lines, { quantity: '10', unitPrice: '1.234', discountPercent: '0', vatCode: 'V06' }], rates);
    // per line: 0.0105 → 0.01 three times = 0.03; on the sum 0.15 × 21 % = 0.0315 → 0.03 — and 12.34 × 6 % = 0.7404 → 0.74
    expect(t.vat).toEqual([{ vatCode: 'V21', rateBp: 2100, base: 15, vat: 3 }, { vatCode: 'V06', rateBp: 600, base: 1234, vat: 74 }]);
    expect([t.totalExcl, t.totalVat, t.totalIncl]).toEqual([1249, 77, 1326]);
    const many = documentTotals(Array.from({ length: 7 }, () => ({ quantity: '1', unitPrice: '0.07', discountPercent: '0', vatCode: 'V21' })), rates);
    // per line 0.0147 → 0.01 (7 × = 0.07); on the sum 0.49 × 21 % = 0.1029 → 0.10
    expect(many.totalVat).toBe(10);
  });

  it('reads decimals as users type them and refuses what is not a number', () => {
    expect(parseDecimal('1,5')).toBe('1.5');
    expect(parseDecimal(' 12.3400 ')).toBe('12.34');
    expect(parseDecimal(3)).toBe('3');
    expect(parseDecimal('1.23456')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('F9 turns a price including VAT into the price excluding VAT', () => {
    expect(priceExclVat('121', 2100)).toBe('100');
    expect(priceExclVat('10', 2100)).toBe('8.2645');
    expect(priceExclVat('5.30', 600)).toBe('5');
  });
});

describe('structured communication of an invoice', () => {
  it('is year, sales journal and number with a valid mod-97 check, different per number and journal', () => {
    const a = invoiceOgm('2026-01-01', 2, 7);
    expect(a).toBe('2602000007' + String(2602000007 % 97).padStart(2, '0'));
    expect(isValidOgm(a)).toBe(true);
    expect(invoiceOgm('2026-01-01', 2, 8)).not.toBe(a);
    expect(invoiceOgm('2026-01-01', 3, 7)).not.toBe(a);
    expect(invoiceOgm('2027-01-01', 2, 7)).not.toBe(a);
    // check digits 00 are written 97
    const zero = Array.from({ length: 200 }, (_, i) => invoiceOgm('2026-01-01', 1, i + 1)).find((o) => Number(o.slice(0, 10)) % 97 === 0);
    expect(zero?.slice(10)).toBe('97');
  });
});

describe('EPC payment QR payload', () => {
  it('is the BCD 002 SCT format with name, IBAN, amount and the structured communication', () => {
    const p = epcQrPayload({ name: 'Bakkerij Janssens BV', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB', amount: 12150, ogm: '090933755493' });
    expect(p.split('\n')).toEqual(['BCD', '002', '1', 'SCT', 'KREDBEBB', 'Bakkerij Janssens BV', 'BE68539007547034', 'EUR121.50', '', '+++090/9337/55493+++', '']);
    expect(() => epcQrPayload({ name: 'x', iban: 'BE68539007547034', amount: 0 })).toThrow();
  });
});

describe('Belgian VAT codes on an e-invoice', () => {
  it('maps rates to S, reverse charge to AE, intra-Community supplies to K, exports to G', () => {
    expect(ublVatCategory('V21', 2100)).toEqual({ category: 'S' });
    expect(ublVatCategory('V00', 0)).toEqual({ category: 'Z' });
    expect(ublVatCategory('VCC', 0)).toMatchObject({ category: 'AE', reasonCode: 'VATEX-EU-AE' });
    expect(ublVatCategory('VICL', 0)).toMatchObject({ category: 'K', reasonCode: 'VATEX-EU-IC' });
    expect(ublVatCategory('VEX', 0)).toMatchObject({ category: 'G' });
    expect(ublVatCategory('VEX44', 0).category).toBe('E');
  });
});
