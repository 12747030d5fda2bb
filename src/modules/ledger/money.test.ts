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
  it('rounds exactly, small or large, as the exact integer arithmetic does', () => {
    const exact = (a: number, b: number) => {
      const A = BigInt(a);
      const B = BigInt(b);
      const q = ((A < 0n ? -A : A) * 2n + (B < 0n ? -B : B)) / ((B < 0n ? -B : B) * 2n);
      return Number(A < 0n !== B < 0n ? -q : q);
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cases: Array<[number, number]> = [[0, 7], [0, -7], [1, 2], [-1, 2], [3, -2], [2 ** 50, 3], [-(2 ** 50), 7], [2 ** 50 - 1, 2 ** 50], [2 ** 52, 3], [Number.MAX_SAFE_INTEGER, 10000], [999999999999, 10600]];
    for (let i = 0; i < 20000; i++) {
      const a = Math.floor((rand() - 0.5) * 2 ** (1 + Math.floor(rand() * 52)));
      const b = Math.floor((rand() - 0.5) * 2 ** (1 + Math.floor(rand() * 40))) || 1;
      cases.push([a, b], [a * 10000, 10000 + (i % 2500)]);
    }
    for (const [a, b] of cases) if (Number.isSafeInteger(a)) expect(roundDiv(a, b)).toBe(exact(a, b));
  });
  it('splits an amount including VAT so that base + VAT is the amount', () => {
    expect(splitInclusive(12100, 2100)).toEqual({ base: 10000, vat: 2100 });
    const { base, vat } = splitInclusive(999, 600);
    expect(base + vat).toBe(999);
    expect(base).toBe(942);
  });
});
