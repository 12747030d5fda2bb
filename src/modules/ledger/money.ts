/**
 * Money in the ledger: integer cents (BIGINT in SQL, a safe integer in TypeScript). Input may be
 * given as integer cents (a JSON number) or as a decimal string in euros ("1234.56", "-12.5",
 * "1.234,56" is refused: one decimal point, no thousands separators). Rounding is half away from zero.
 */
import { validation } from '../../core/errors.ts';

export type Cents = number;

export function assertCents(value: number, field = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw validation('ledger.amount_invalid', { value, field }, [{ field, code: 'ledger.amount_invalid', params: { value } }]);
  return value;
}

const DECIMAL = /^([+-])?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "1234.56" → 123456; a number is taken as cents already. */
export function toCents(value: string | number, field = 'amount'): Cents {
  if (typeof value === 'number') return assertCents(value, field);
  const m = DECIMAL.exec(value.trim());
  if (!m) throw validation('ledger.amount_invalid', { value, field }, [{ field, code: 'ledger.amount_invalid', params: { value } }]);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

/** 123456 → "1234.56", -5 → "-0.05". */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** a / b rounded half away from zero (exact: in doubles while the numbers allow it, else through BigInt). */
export function roundDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero');
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Math.abs(a) <= 2 ** 50 && Math.abs(b) <= 2 ** 50) {
    // (2|a| + |b|) / 2|b| rounded down; every product below stays under 2^53, so it is exact, and the
    // quotient of the division (which may round up to the next integer) is corrected
    const x = 2 * Math.abs(a) + Math.abs(b);
    const y = 2 * Math.abs(b);
    let q = Math.floor(x / y);
    if (q * y > x) q--;
    else if ((q + 1) * y <= x) q++;
    return (a < 0) !== (b < 0) && q !== 0 ? -q : q;
  }
  const A = BigInt(a);
  const B = BigInt(b);
  const neg = A < 0n !== B < 0n;
  const absA = A < 0n ? -A : A;
  const absB = B < 0n ? -B : B;
  const q = (absA * 2n + absB) / (absB * 2n);
  return Number(neg ? -q : q);
}

/** `cents` × rate in basis points (2100 = 21 %), rounded to the cent. */
export function applyRate(cents: Cents, rateBp: number): Cents {
  return roundDiv(cents * rateBp, 10000);
}

/** Splits an amount including VAT: the base, rounded; the VAT is the rest (so base + VAT = the amount). */
export function splitInclusive(inclusive: Cents, rateBp: number): { base: Cents; vat: Cents } {
  const base = roundDiv(inclusive * 10000, 10000 + rateBp);
  return { base, vat: inclusive - base };
}
