import { describe, expect, it } from 'vitest';
import { applyRate, formatCents, roundDiv, splitInclusive, toCents } from './money.ts';

describe('ledger money', () => {
  it('reads decimal strings and cents, and refuses commas or three decimals', () => {
    expect(toCents('1234.56')).toBe(123456);
    expect(toCents('-12.5')).toBe(-1250);
    expect(toCents('7')).toBe(700);
    expect(toCents(4200)).toBe(4200);
    expect(() => toCents('1.234,56')).toThrow();
    expect(() => toCents('1.234')).toThrow();
    expect(() => toCents(12.5)).toThrow();
  });
  it('prints cents as decimal strings', () => {
    expect(formatCents(123456)).toBe('1234.56');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
  });
  it('rounds half away from zero', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(applyRate(1050, 2100)).toBe(221); // 220.5 → 221
    expect(applyRate(-1050, 2100)).toBe(-221);
  });
  it('splits an amount including VAT so that base + VAT is the amount', () => {
    expect(splitInclusive(12100, 2100)).toEqual({ base: 10000, vat: 2100 });
    const { base, vat } = splitInclusive(999, 600);
    expect(base + vat).toBe(999);
    expect(base).toBe(942);
  });
});
