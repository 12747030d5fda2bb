/**
 * Received documents in another currency than the euro (pure rules, no database). The books stay in
 * euro: the exchange rate (EUR per unit of the document currency) comes from the document when it
 * states its VAT in EUR as well (TaxCurrencyCode EUR — Belgian rules ask for the VAT in EUR on an
 * invoice in a foreign currency): rate = VAT in EUR / VAT in the document currency. Otherwise the user
 * gives it, and a rate the user gives wins over the derived one. Net amounts are converted line by line
 * (exact decimals, half away from zero to the cent); the VAT booked is the document's EUR VAT when it
 * states one, so the VAT return matches the invoice.
 */
import Big from 'big.js';
import { validation } from '../../core/errors.ts';
import type { ParsedUbl } from '../../formats/ubl/parse.ts';
import type { PostingLine, VatCodeDef } from '../ledger/vat/compute.ts';

export interface DocumentExchange {
  /** the document currency (not EUR) */
  currency: string;
  /** the document's TaxCurrencyCode, when it has one */
  taxCurrency: string | null;
  /** the document's VAT total in EUR (cents, signed as in the document), when it states one */
  vatInEur: number | null;
  /** EUR per unit of the document currency, derived from the VAT amounts (null when it cannot be) */
  derivedRate: Big | null;
}

/** Cents of a decimal string ("68.61" → 6861), exact. */
const centsOf = (value: string): number => Number(new Big(value).times(100).round(0, Big.roundHalfUp).toString());

/**
 * The currency facts of a parsed document in a foreign currency: its tax currency, its VAT in EUR
 * (the cac:TaxTotal whose TaxAmount is in EUR, when TaxCurrencyCode is EUR) and the rate derived from
 * it (null when the document states no EUR VAT or its VAT in the document currency is zero).
 * `vatInDocumentCurrency` is the document's VAT total in cents of its own currency.
 */
export function documentExchange(doc: ParsedUbl, vatInDocumentCurrency: number): DocumentExchange | null {
  const currency = (doc.currency ?? 'EUR').trim().toUpperCase();
  if (currency === 'EUR') return null;
  const taxCurrency = doc.taxCurrency?.trim().toUpperCase() || null;
  let vatInEur: number | null = null;
  if (taxCurrency === 'EUR') {
    const node = doc.taxTotals.find((t) => t.tax?.currency?.trim().toUpperCase() === 'EUR');
    if (node?.tax) vatInEur = centsOf(node.tax.value);
  }
  const derivedRate = vatInEur !== null && vatInDocumentCurrency !== 0 && vatInEur !== 0 && Math.sign(vatInEur) === Math.sign(vatInDocumentCurrency) ? new Big(vatInEur).div(vatInDocumentCurrency) : null;
  return { currency, taxCurrency, vatInEur, derivedRate };
}

const RATE = /^\d{1,6}(\.\d{1,12})?$/;

/**
 * A rate the user gives: a decimal string with a point ("0.9215"), EUR per unit of the document
 * currency, greater than zero. Anything else is refused with a coded error naming `exchangeRate`.
 */
export function parseExchangeRate(value: unknown, currency: string): Big {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  if (!RATE.test(text) || new Big(text).lte(0)) {
    throw validation('peppol.exchange_rate_invalid', { value: String(value ?? ''), currency }, [
      { field: 'exchangeRate', code: 'peppol.exchange_rate_invalid', params: { value: String(value ?? ''), currency } },
    ]);
  }
  return new Big(text);
}

/** The rate to book with: the one given (checked), else the derived one, else a coded error asking for it. */
export function bookingRate(exchange: DocumentExchange, given: unknown, number: string): { rate: Big; source: 'given' | 'document' } {
  if (given !== undefined && given !== null && given !== '') return { rate: parseExchangeRate(given, exchange.currency), source: 'given' };
  if (exchange.derivedRate) return { rate: exchange.derivedRate, source: 'document' };
  throw validation('peppol.exchange_rate_required', { number, currency: exchange.currency }, [
    { field: 'exchangeRate', code: 'peppol.exchange_rate_required', params: { number, currency: exchange.currency } },
  ]);
}

/** Cents of the document currency to euro cents at `rate`, half away from zero. */
export function toEuroCents(cents: number, rate: Big): number {
  return Number(new Big(cents).times(rate).round(0, Big.roundHalfUp).toString());
}

/** The rate as shown to the user: at most 6 decimals, trailing zeros dropped. */
export function formatRate(rate: Big): string {
  return new Big(rate.toFixed(6)).toString();
}

/**
 * Books the document's VAT in EUR on a prepared purchase booking whose VAT the ledger computed on the
 * converted bases: the difference (a cent or two of rounding, more when the user's rate differs from the
 * document's) goes onto the VAT line of the code with the most VAT that is fully deductible or not
 * deductible at all (not reverse charge), the supplier's total line takes it too — so the booking still
 * balances to the cent — and the VAT return grids of that code follow. `target` is the EUR VAT with the
 * booking's sign (positive for an invoice and a credit note). Returns the difference applied (0 when the
 * computed VAT already matches); throws when no line can take it (partly deductible codes only).
 */
export function applyDocumentVat(
  booking: { kind: string; amount: number; lines: PostingLine[]; grids: Record<string, number> },
  target: number,
  codes: Map<string, VatCodeDef>,
  number: string,
): number {
  const creditNote = booking.kind === 'purchase_credit_note';
  const d = creditNote ? -1 : 1; // purchase invoice: VAT is a debit; a credit note turns it around
  const perCode = new Map<string, { vat: number; deductible?: PostingLine; nonDeductible?: PostingLine }>();
  for (const l of booking.lines) {
    if ((l.kind !== 'vat' && l.kind !== 'vat_nondeductible') || !l.vatCode) continue;
    const def = codes.get(l.vatCode);
    if (!def || def.reverseCharge) continue;
    const e = perCode.get(l.vatCode) ?? { vat: 0 };
    e.vat += d * l.amount;
    if (l.kind === 'vat') e.deductible = l;
    else e.nonDeductible = l;
    perCode.set(l.vatCode, e);
  }
  let computed = 0;
  for (const e of perCode.values()) computed += e.vat;
  const delta = target - computed;
  if (delta === 0) return 0;
  let chosen: { code: string; line: PostingLine; of: 'deductible' | 'nonDeductible' } | null = null;
  let largest = -1;
  for (const [code, e] of perCode) {
    const def = codes.get(code)!;
    const line = def.deductiblePercent === 100 ? e.deductible : def.deductiblePercent === 0 ? e.nonDeductible : undefined;
    if (!line || Math.abs(e.vat) <= largest) continue;
    largest = Math.abs(e.vat);
    chosen = { code, line, of: def.deductiblePercent === 100 ? 'deductible' : 'nonDeductible' };
  }
  const total = booking.lines.find((l) => l.kind === 'total');
  if (!chosen || !total) {
    throw validation('peppol.exchange_vat_unplaced', { number }, [{ field: 'lines', code: 'peppol.exchange_vat_unplaced', params: { number } }]);
  }
  chosen.line.amount += d * delta;
  total.amount -= d * delta;
  if (total.currencyAmount != null) total.currencyAmount = Math.sign(total.amount) * Math.abs(total.currencyAmount);
  booking.amount += delta;
  const def = codes.get(chosen.code)!;
  // the grids of the code: VAT (and deductible VAT) move; a non-deductible VAT is part of the cost
  const of = chosen.of === 'deductible' ? new Set(['vat', 'deductible']) : new Set(['vat', 'cost']);
  for (const r of creditNote ? def.grids.creditNote : def.grids.invoice) {
    if (!of.has(r.of)) continue;
    const v = (booking.grids[r.grid] ?? 0) + r.sign * delta;
    if (v === 0) delete booking.grids[r.grid];
    else booking.grids[r.grid] = v;
  }
  return delta;
}
