/**
 * Pure invoicing rules: line and document totals per EN 16931, the structured communication of an
 * invoice, the EPC payment QR payload, and how a Belgian VAT code shows on an e-invoice.
 *
 * Totals (EN 16931 / Peppol BIS 3.0):
 * - line gross = quantity × unit price, rounded to the cent (half away from zero);
 * - line discount = gross × discount % / 100, rounded to the cent; line net = gross − discount;
 * - VAT per VAT code (one rate and category each) on the SUM of the line nets of that code, rounded;
 * - totals are exact sums of the rounded figures, integer cents throughout.
 */
import Big from 'big.js';
import { validation } from '../../core/errors.ts';
import { makeOgm } from '../../core/ogm.ts';
import type { VatCategory } from '../../formats/ubl/model.ts';
import { applyRate, formatCents, type Cents } from '../ledger/money.ts';

const HALF_AWAY_FROM_ZERO = 1;
const DECIMAL = /^-?\d{1,13}(\.\d{1,4})?$/;

export interface LineAmountsInput {
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

export interface LineAmounts {
  gross: Cents;
  discount: Cents;
  net: Cents;
}

/** A decimal as users type it ("1,5" or "1.5") → canonical string, or null when it is not a number. */
export function parseDecimal(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().replace(',', '.');
  if (!DECIMAL.test(text)) return null;
  return new Big(text).toString();
}

const cents = (b: Big): Cents => Number(b.times(100).round(0, HALF_AWAY_FROM_ZERO).toString());

export function lineAmounts(line: LineAmountsInput): LineAmounts {
  const gross = cents(new Big(line.quantity).times(line.unitPrice));
  const discount = Number(new Big(gross).times(line.discountPercent).div(100).round(0, HALF_AWAY_FROM_ZERO).toString());
  return { gross, discount, net: gross - discount };
}

export interface VatRate {
  code: string;
  rateBp: number;
}

export interface VatBreakdownLine {
  vatCode: string;
  rateBp: number;
  base: Cents;
  vat: Cents;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  vat: VatBreakdownLine[];
  totalExcl: Cents;
  totalVat: Cents;
  totalIncl: Cents;
}

/** The document totals; `rates` holds the rate of every VAT code used (the caller reports a missing one). */
export function documentTotals(lines: Array<LineAmountsInput & { vatCode: string }>, rates: Map<string, number>): DocumentTotals {
  const amounts = lines.map(lineAmounts);
  const perCode = new Map<string, Cents>();
  lines.forEach((l, i) => perCode.set(l.vatCode, (perCode.get(l.vatCode) ?? 0) + amounts[i].net));
  const vat: VatBreakdownLine[] = [];
  for (const [code, base] of perCode) {
    const rateBp = rates.get(code);
    if (rateBp === undefined) throw new RangeError(`no rate for VAT code ${code}`);
    vat.push({ vatCode: code, rateBp, base, vat: applyRate(base, rateBp) });
  }
  const totalExcl = amounts.reduce((s, a) => s + a.net, 0);
  const totalVat = vat.reduce((s, v) => s + v.vat, 0);
  return { lines: amounts, vat, totalExcl, totalVat, totalIncl: totalExcl + totalVat };
}

/** F9: a unit price including VAT → the price excluding VAT (4 decimals, half away from zero). */
export function priceExclVat(priceInclVat: string, rateBp: number): string {
  return new Big(priceInclVat).times(10000).div(10000 + rateBp).round(4, HALF_AWAY_FROM_ZERO).toString();
}

/**
 * The invoice's structured communication: the last two digits of the fiscal year's start year, the
 * sales journal (two digits), the number (six digits) and the mod-97 check — unique per journal and
 * year, so a payment carrying it finds exactly this invoice.
 */
export function invoiceOgm(yearStart: string, salesJournalId: number, number: number): string {
  if (number > 999_999) throw new RangeError('invoice number too large for a structured communication');
  return makeOgm(yearStart.slice(2, 4) + String(salesJournalId % 100).padStart(2, '0') + String(number).padStart(6, '0'));
}

/**
 * The EPC069-12 "SEPA credit transfer" QR payload (version 002, UTF-8): BCD, the beneficiary's name
 * and IBAN, the amount, and the structured communication as the creditor reference (Belgian banking
 * apps read a +++…+++ OGM from the remittance field; the EPC format puts a structured reference there).
 */
export function epcQrPayload(p: { name: string; iban: string; bic?: string | null; amount: Cents; ogm?: string | null; text?: string | null }): string {
  if (p.amount <= 0 || p.amount > 99_999_999_999) throw new RangeError('EPC QR amount must be between 0.01 and 999999999.99');
  const ogmText = p.ogm ? `+++${p.ogm.slice(0, 3)}/${p.ogm.slice(3, 7)}/${p.ogm.slice(7)}+++` : '';
  return [
    'BCD',
    '002',
    '1', // UTF-8
    'SCT',
    (p.bic ?? '').trim(),
    p.name.slice(0, 70),
    p.iban.replace(/\s+/g, '').toUpperCase(),
    `EUR${formatCents(p.amount)}`,
    '', // purpose
    ogmText, // structured remittance (creditor reference)
    ogmText ? '' : (p.text ?? '').slice(0, 140),
  ].join('\n');
}

/** How a Belgian sales VAT code shows on an EN 16931 invoice: category, and the exemption reason where needed. */
export function ublVatCategory(vatCode: string, rateBp: number): { category: VatCategory; reasonCode?: string; reason?: string } {
  switch (vatCode) {
    case 'VCC':
      return { category: 'AE', reasonCode: 'VATEX-EU-AE', reason: 'Reverse charge - Autoliquidation - Btw verlegd' };
    case 'VICS':
      return { category: 'AE', reasonCode: 'VATEX-EU-AE', reason: 'Reverse charge (art. 196 Directive 2006/112/EC)' };
    case 'VICL':
    case 'VICT':
      return { category: 'K', reasonCode: 'VATEX-EU-IC', reason: 'Intra-Community supply' };
    case 'VEX':
      return { category: 'G', reasonCode: 'VATEX-EU-G', reason: 'Export outside the EU' };
    case 'VEXO':
    case 'VEX44':
      return { category: 'E', reason: vatCode === 'VEX44' ? 'Exempt (art. 44 Belgian VAT Code)' : 'Exempt (art. 39-42 Belgian VAT Code)' };
    default:
      return { category: rateBp > 0 ? 'S' : 'Z' };
  }
}

/** Rate in basis points → percent as a decimal string (2100 → "21", 550 → "5.5"). */
export function ratePercent(rateBp: number): string {
  return new Big(rateBp).div(100).toString();
}

export function invalid(code: string, field: string, params: Record<string, unknown> = {}, line?: number) {
  return validation(code, { ...params, line }, [{ field, line, code, params: { ...params, line } }]);
}
