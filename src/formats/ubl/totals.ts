/**
 * EN 16931 arithmetic for the UBL model (peppol.md §6), exact: decimal strings through big.js, amounts
 * in integer cents, half away from zero.
 * - line net = round2(quantity × unitPrice / baseQuantity) − line allowances + line charges;
 * - VAT per breakdown (category, rate): taxable = Σ line nets − doc allowances + doc charges of that
 *   breakdown; tax = round2(taxable × rate / 100);
 * - document totals are exact sums of the rounded figures.
 */
import Big from 'big.js';
import type { UblAllowanceCharge, UblDocumentAllowanceCharge, UblLine, UblTotals, UblVatBreakdown, VatCategory } from './model.ts';

const HALF_AWAY_FROM_ZERO = 1;

/** Decimal string (or number of cents) → cents, rounded half away from zero. */
export function toCents(amount: string | Big): number {
  return Number(new Big(amount).times(100).round(0, HALF_AWAY_FROM_ZERO).toString());
}

/** Cents → '12.34' / '-0.50'. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an amount in cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** round2(quantity × unitPrice / baseQuantity) in cents, plus line charges, minus line allowances. */
export function lineNetCents(
  quantity: string,
  unitPrice: string,
  baseQuantity = '1',
  allowanceCharges: UblAllowanceCharge[] = [],
): number {
  const gross = toCents(new Big(quantity).times(unitPrice).div(new Big(baseQuantity || '1')));
  return allowanceCharges.reduce((sum, ac) => sum + (ac.charge ? ac.amount : -ac.amount), gross);
}

/** VAT of a taxable amount in cents at a rate in percent, rounded half away from zero. */
export function vatCents(taxableCents: number, rate: string): number {
  return toCents(new Big(taxableCents).times(rate).div(10000));
}

/** Canonical rate string ('21.00' → '21', '6.0' → '6', '5.5' → '5.5'). */
export function normalizeRate(rate: string): string {
  return new Big(rate || '0').toString();
}

const breakdownKey = (category: VatCategory, rate: string) => `${category}|${normalizeRate(rate)}`;

/**
 * The VAT breakdown and document totals for the given lines and document allowances/charges.
 * `exemptionReasons` supplies the reason (text and/or VATEX code) for E/AE/K/G/O breakdowns.
 */
export function computeTotals(
  lines: Pick<UblLine, 'netAmount' | 'vatCategory' | 'vatRate'>[],
  allowanceCharges: UblDocumentAllowanceCharge[] = [],
  options: {
    prepaid?: number;
    payableRounding?: number;
    exemptionReasons?: Partial<Record<VatCategory, { reason?: string; code?: string }>>;
  } = {},
): { vatBreakdown: UblVatBreakdown[]; totals: UblTotals } {
  const taxable = new Map<string, { category: VatCategory; rate: string; amount: number }>();
  const add = (category: VatCategory, rate: string, amount: number) => {
    const key = breakdownKey(category, rate);
    const entry = taxable.get(key) ?? { category, rate: normalizeRate(rate), amount: 0 };
    entry.amount += amount;
    taxable.set(key, entry);
  };
  let lineExtension = 0;
  for (const line of lines) {
    lineExtension += line.netAmount;
    add(line.vatCategory, line.vatRate, line.netAmount);
  }
  let allowanceTotal = 0;
  let chargeTotal = 0;
  for (const ac of allowanceCharges) {
    if (ac.charge) chargeTotal += ac.amount;
    else allowanceTotal += ac.amount;
    add(ac.vatCategory, ac.vatRate, ac.charge ? ac.amount : -ac.amount);
  }
  const vatBreakdown: UblVatBreakdown[] = [...taxable.values()].map((t) => {
    const reason = options.exemptionReasons?.[t.category];
    return {
      category: t.category,
      rate: t.rate,
      taxableAmount: t.amount,
      taxAmount: t.category === 'S' || t.category === 'L' || t.category === 'M' || t.category === 'B' ? vatCents(t.amount, t.rate) : 0,
      ...(reason?.reason ? { exemptionReason: reason.reason } : {}),
      ...(reason?.code ? { exemptionReasonCode: reason.code } : {}),
    };
  });
  const taxTotal = vatBreakdown.reduce((s, b) => s + b.taxAmount, 0);
  const taxExclusive = lineExtension - allowanceTotal + chargeTotal;
  const taxInclusive = taxExclusive + taxTotal;
  const prepaid = options.prepaid ?? 0;
  const payableRounding = options.payableRounding ?? 0;
  return {
    vatBreakdown,
    totals: {
      lineExtension,
      allowanceTotal,
      chargeTotal,
      taxExclusive,
      taxTotal,
      taxInclusive,
      prepaid,
      payableRounding,
      payable: taxInclusive - prepaid + payableRounding,
    },
  };
}
