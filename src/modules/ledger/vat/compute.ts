/**
 * Pure VAT computation of purchase and sales invoices and credit notes: from lines (account, VAT
 * code, amount excluding VAT — or including VAT, then split) to the booking lines and the return
 * grids they feed. No database: the caller passes the VAT codes (with the rate at the document date)
 * and the accounts of the roles.
 *
 * VAT is computed per VAT code on the sum of the bases entered excluding VAT (as on the invoice:
 * one VAT amount per rate), rounded half away from zero; a line entered including VAT keeps its own
 * split so the entered amount stays exact. The non-deductible part of purchase VAT is booked on the
 * cost account (of the largest line of that code); self-assessed VAT (reverse charge) is booked both
 * as due (VAT payable) and, for the deductible part, as receivable.
 */
import { validation, type ErrorDetail } from '../../../core/errors.ts';
import { fixedAccountMissing } from '../accounts/rules.ts';
import type { GridRule, VatCodeGrids } from '../data/vat-codes.ts';
import { applyRate, formatCents, roundDiv, splitInclusive, type Cents } from '../money.ts';
import type { LineKind } from '../schema.ts';

export interface VatCodeDef {
  code: string;
  kind: 'sales' | 'purchase';
  rateBp: number;
  deductiblePercent: number;
  reverseCharge: boolean;
  grids: VatCodeGrids;
}

export interface PostingLine {
  account: string;
  /** cents: debit > 0, credit < 0 */
  amount: Cents;
  kind: LineKind;
  relationId?: number | null;
  vatCode?: string | null;
  vatBase?: Cents | null;
  dueDate?: string | null;
  /** the line's own document reference and date (open items of an opening booking) */
  reference?: string | null;
  documentDate?: string | null;
  description?: string | null;
  communication?: string | null;
  structuredCommunication?: string | null;
  /** statement lines: the counterparty's account (IBAN) and name */
  counterpartyAccount?: string | null;
  counterpartyName?: string | null;
  /** a line in a foreign currency: ISO code and the amount in it (cents, signed like amount) */
  currency?: string | null;
  currencyAmount?: Cents | null;
}

/**
 * A posting line with every field present, in one order (the unset ones undefined, as if absent): all
 * lines then share one hidden class, which keeps reading them fast where 100,000s are written at once
 * (bookings/write.ts). Set the other fields on the returned object.
 */
export function postingLine(account: string, amount: Cents, kind: LineKind): PostingLine {
  return {
    account,
    amount,
    kind,
    relationId: undefined,
    vatCode: undefined,
    vatBase: undefined,
    dueDate: undefined,
    reference: undefined,
    documentDate: undefined,
    description: undefined,
    communication: undefined,
    structuredCommunication: undefined,
    counterpartyAccount: undefined,
    counterpartyName: undefined,
    currency: undefined,
    currencyAmount: undefined,
  };
}

export interface InvoiceLineInput {
  account: string;
  vatCode: string;
  /** excluding VAT (cents); or give amountInclVat */
  amount?: Cents;
  amountInclVat?: Cents;
  description?: string | null;
}

export interface InvoiceInput {
  side: 'purchase' | 'sales';
  creditNote: boolean;
  lines: InvoiceLineInput[];
  /** the total including VAT printed on the document: checked, a difference of a few cents is booked as rounding */
  totalInclVat?: Cents;
  relationId: number;
  dueDate: string | null;
  reference?: string | null;
  structuredCommunication?: string | null;
}

export interface InvoiceAccounts {
  counterparty: string;
  vatReceivable?: string;
  vatPayable?: string;
  rounding?: string;
}

export interface VatSummary {
  code: string;
  rateBp: number;
  base: Cents;
  vat: Cents;
  deductible: Cents;
  nonDeductible: Cents;
}

export interface ComputedInvoice {
  lines: PostingLine[];
  grids: Record<string, Cents>;
  vat: VatSummary[];
  totalExclVat: Cents;
  totalVat: Cents;
  totalInclVat: Cents;
  rounding: Cents;
}

/** Largest difference between the stated total and the computed one that is booked as rounding. */
export const MAX_ROUNDING_CENTS = 5;

export function gridAmounts(rules: GridRule[], base: Cents, cost: Cents, vat: Cents, deductible: Cents, into: Record<string, Cents>): void {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    const v = r.sign * (r.of === 'base' ? base : r.of === 'cost' ? cost : r.of === 'vat' ? vat : deductible);
    if (v === 0) continue;
    into[r.grid] = (into[r.grid] ?? 0) + v;
  }
}

function vatLine(account: string, amount: Cents, kind: LineKind, vatCode: string, vatBase: Cents): PostingLine {
  const line = postingLine(account, amount, kind);
  line.vatCode = vatCode;
  line.vatBase = vatBase;
  return line;
}

/**
 * Needs: `codes` holds every code used (else the caller reports it); `accounts` the roles needed —
 * the caller resolves them so a missing role is reported by name.
 */
export function computeInvoice(input: InvoiceInput, codes: Map<string, VatCodeDef>, accounts: InvoiceAccounts): ComputedInvoice {
  let details: ErrorDetail[] | undefined;
  // Purchase invoice lines are debits, sales invoice lines credits; a credit note turns both around.
  const d = (input.side === 'purchase' ? 1 : -1) * (input.creditNote ? -1 : 1);
  const lines: PostingLine[] = [];
  // per VAT code, in the order the lines first use them (an invoice has a few: a list is faster than a map)
  const perCode: Array<{ def: VatCodeDef; exclBase: Cents; inclBase: Cents; inclVat: Cents; largest: number }> = [];

  for (let i = 0; i < input.lines.length; i++) {
    const l = input.lines[i];
    const lineNo = i + 1;
    const def = codes.get(l.vatCode);
    if (!def) {
      (details ??= []).push({ field: `lines.${i}.vatCode`, line: lineNo, code: 'ledger.vat_code_not_found', params: { code: l.vatCode } });
      continue;
    }
    if (def.kind !== input.side) {
      (details ??= []).push({
        field: `lines.${i}.vatCode`,
        line: lineNo,
        code: 'ledger.vat_code_wrong_kind',
        params: { code: l.vatCode, codeKind: `ledger.vat_kind.${def.kind}`, kind: `ledger.vat_kind.${input.side}` },
      });
      continue;
    }
    let base: Cents;
    let entry = perCode.find((e) => e.def.code === def.code);
    if (!entry) perCode.push((entry = { def, exclBase: 0, inclBase: 0, inclVat: 0, largest: -1 }));
    if (l.amountInclVat !== undefined && l.amount === undefined) {
      const split = splitInclusive(l.amountInclVat, def.rateBp);
      base = split.base;
      entry.inclBase += split.base;
      entry.inclVat += split.vat;
    } else {
      base = l.amount ?? 0;
      entry.exclBase += base;
    }
    if (base === 0) (details ??= []).push({ field: `lines.${i}.amount`, line: lineNo, code: 'ledger.line_amount_zero', params: { line: lineNo } });
    const line = postingLine(l.account, d * base, 'entry');
    line.vatCode = def.code;
    line.vatBase = base;
    line.description = l.description ?? null;
    line.relationId = null;
    lines.push(line);
    if (entry.largest < 0 || Math.abs(base) > Math.abs(lines[entry.largest].amount)) entry.largest = lines.length - 1;
  }
  if (details) throw validation(details[0].code, { ...details[0].params, line: details[0].line }, details);

  const grids: Record<string, Cents> = {};
  const vat: VatSummary[] = [];
  let totalExclVat = 0;
  let totalVat = 0;
  let payable = 0; // what the relation pays or is paid, before rounding
  const vatLines: PostingLine[] = [];
  for (const { def, exclBase, inclBase, inclVat, largest } of perCode) {
    const base = exclBase + inclBase;
    const v = applyRate(exclBase, def.rateBp) + inclVat;
    const deductible = def.kind === 'purchase' ? roundDiv(v * def.deductiblePercent, 100) : 0;
    const nonDeductible = def.kind === 'purchase' ? v - deductible : 0;
    vat.push({ code: def.code, rateBp: def.rateBp, base, vat: v, deductible, nonDeductible });
    totalExclVat += base;
    totalVat += v;
    gridAmounts(input.creditNote ? def.grids.creditNote : def.grids.invoice, base, base + nonDeductible, v, deductible, grids);
    if (def.kind === 'sales') {
      payable += base + v;
      if (v !== 0) vatLines.push(vatLine(accounts.vatPayable!, d * v, 'vat', def.code, base));
      continue;
    }
    payable += def.reverseCharge ? base : base + v;
    if (deductible !== 0) vatLines.push(vatLine(accounts.vatReceivable!, d * deductible, 'vat', def.code, base));
    if (nonDeductible !== 0) {
      const line = vatLine(lines[largest].account, d * nonDeductible, 'vat_nondeductible', def.code, base);
      line.description = lines[largest].description;
      vatLines.push(line);
    }
    if (def.reverseCharge && v !== 0) vatLines.push(vatLine(accounts.vatPayable!, -d * v, 'vat_due', def.code, base));
  }

  let rounding = 0;
  let total = payable;
  if (input.totalInclVat !== undefined && input.totalInclVat !== payable) {
    const diff = input.totalInclVat - payable;
    // a difference within the limit needs the rounding account: without one, the error names that role
    if (Math.abs(diff) <= MAX_ROUNDING_CENTS && !accounts.rounding) throw fixedAccountMissing('rounding_differences');
    if (Math.abs(diff) > MAX_ROUNDING_CENTS) {
      throw validation('ledger.total_mismatch', { given: formatCents(input.totalInclVat), computed: formatCents(payable), difference: formatCents(diff) }, [
        { field: 'totalInclVat', code: 'ledger.total_mismatch', params: { given: formatCents(input.totalInclVat), computed: formatCents(payable), difference: formatCents(diff) } },
      ]);
    }
    rounding = diff;
    total = input.totalInclVat;
  }
  if (total === 0) throw validation('ledger.invoice_total_zero', {}, [{ field: 'lines', code: 'ledger.invoice_total_zero' }]);

  const totalLine = postingLine(accounts.counterparty, -d * total, 'total');
  totalLine.relationId = input.relationId;
  totalLine.dueDate = input.dueDate;
  totalLine.description = input.reference ?? null;
  totalLine.structuredCommunication = input.structuredCommunication ?? null;
  const all: PostingLine[] = [totalLine];
  for (const l of lines) all.push(l);
  for (const l of vatLines) all.push(l);
  if (rounding !== 0) all.push(postingLine(accounts.rounding!, d * rounding, 'rounding'));
  return { lines: all, grids, vat, totalExclVat, totalVat, totalInclVat: total, rounding };
}
