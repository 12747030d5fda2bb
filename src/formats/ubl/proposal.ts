/**
 * Peppol in: a received UBL Invoice or CreditNote → a purchase proposal (supplier identity, lines,
 * VAT per category and rate, total), or a refusal with a clear reason. Pure.
 * Amounts in cents of the document currency; a credit note keeps positive amounts and says `creditNote`.
 * The proposal's total is the document's PayableAmount, and it is refused when the document's own
 * totals do not add up (the arithmetic EN 16931 rules) — a booking must not rest on figures that contradict each other.
 */
import Big from 'big.js';
import { parseUbl, UblParseError, type ParsedAmount, type ParsedUbl } from './parse.ts';
import { ARITHMETIC_RULES, checkRules, type RuleViolation } from './rules.ts';

export interface ProposalParty {
  name: string;
  vatNumber: string | null;
  /** Belgian enterprise number (10 digits) when the document gives one (0208 ids or a BE VAT number). */
  enterpriseNumber: string | null;
  endpoint: { scheme: string; id: string } | null;
  country: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
}

export interface ProposalLine {
  description: string;
  quantity: string;
  unitCode: string | null;
  unitPrice: string | null;
  /** Net amount in cents (document currency); for a document allowance negative, for a charge positive. */
  net: number;
  vatCategory: string;
  vatRate: string;
  kind: 'line' | 'allowance' | 'charge';
}

export interface ProposalVat {
  category: string;
  rate: string;
  taxable: number;
  tax: number;
  exemptionReason: string | null;
}

export interface PurchaseProposal {
  documentType: 'invoice' | 'credit_note';
  /** True for a CreditNote, and for an invoice whose amount due is negative (correction invoice). */
  creditNote: boolean;
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  supplier: ProposalParty;
  buyer: ProposalParty;
  lines: ProposalLine[];
  vat: ProposalVat[];
  totals: { net: number; vat: number; inclusive: number; prepaid: number; rounding: number; payable: number };
  /** The document's PayableAmount in cents (= totals.payable). */
  total: number;
  paymentReference: string | null;
  iban: string | null;
  attachments: Array<{ filename: string; mimeCode: string | null; size: number }>;
  /** Rules the document breaks that do not make its figures untrustworthy (e.g. not a Peppol CustomizationID). */
  warnings: RuleViolation[];
}

export type ProposalResult = { ok: true; proposal: PurchaseProposal } | { ok: false; reason: string; violations: RuleViolation[] };

const cents = (a: ParsedAmount | undefined): number => (a ? Number(new Big(a.value).times(100).round(0, 1).toString()) : 0);
const rate = (r: string | undefined) => (r ? new Big(r).toString() : '0');

function enterpriseOf(p: ParsedUbl['seller']): string | null {
  const ids = [p.endpoint, p.legalId, ...p.identifications].filter((i) => i?.scheme === '0208');
  if (ids[0]) return ids[0].id.replace(/\D/g, '');
  const vat = p.vatNumber?.replace(/[\s.]/g, '').toUpperCase();
  if (vat && /^BE[01]\d{9}$/.test(vat)) return vat.slice(2);
  const be9925 = p.endpoint?.scheme === '9925' ? p.endpoint.id.replace(/[\s.]/g, '').toUpperCase() : null;
  if (be9925 && /^BE[01]\d{9}$/.test(be9925)) return be9925.slice(2);
  return null;
}

function party(p: ParsedUbl['seller']): ProposalParty {
  const vat = p.vatNumber?.replace(/[\s.]/g, '').toUpperCase() ?? (p.endpoint?.scheme === '9925' ? p.endpoint.id.toUpperCase() : null);
  return {
    name: p.name ?? '',
    vatNumber: vat ?? null,
    enterpriseNumber: enterpriseOf(p),
    endpoint: p.endpoint ? { scheme: p.endpoint.scheme ?? '', id: p.endpoint.id } : null,
    country: p.country ?? null,
    street: p.street ?? null,
    postalCode: p.postalCode ?? null,
    city: p.city ?? null,
    email: p.email ?? null,
  };
}

export function proposalFromParsed(doc: ParsedUbl): ProposalResult {
  const violations = checkRules(doc);
  const fatal = violations.filter((v) => ARITHMETIC_RULES.has(v.rule));
  if (fatal.length > 0) return { ok: false, reason: `The document's totals do not add up: ${fatal.map((f) => `${f.rule} ${f.message}`).join('; ')}`, violations };
  if (!doc.seller.name) return { ok: false, reason: 'The document names no supplier (BR-06)', violations };
  if (!doc.number || !doc.issueDate) return { ok: false, reason: 'The document has no number or issue date (BR-02 / BR-03)', violations };
  const breakdown = doc.taxTotals.find((t) => t.subtotals.length > 0)?.subtotals ?? [];
  const vatTotalNode = doc.taxTotals.find((t) => !t.tax?.currency || t.tax.currency === doc.currency);
  const net = cents(doc.monetary.taxExclusive);
  const vat = cents(vatTotalNode?.tax);
  const payable = cents(doc.monetary.payable);
  const lines: ProposalLine[] = doc.lines.map((l) => ({
    description: [l.name, l.description].filter(Boolean).join(' — ') || `line ${l.id ?? ''}`.trim(),
    quantity: l.quantity ?? '1',
    unitCode: l.unitCode ?? null,
    unitPrice: l.price?.value ?? null,
    net: cents(l.net),
    vatCategory: l.vatCategory ?? 'S',
    vatRate: rate(l.vatRate),
    kind: 'line',
  }));
  for (const a of doc.allowanceCharges)
    lines.push({
      description: a.reason ?? a.reasonCode ?? (a.charge ? 'Charge' : 'Allowance'),
      quantity: '1',
      unitCode: null,
      unitPrice: null,
      net: a.charge ? cents(a.amount) : -cents(a.amount),
      vatCategory: a.vatCategory ?? 'S',
      vatRate: rate(a.vatRate),
      kind: a.charge ? 'charge' : 'allowance',
    });
  const proposal: PurchaseProposal = {
    documentType: doc.root === 'CreditNote' ? 'credit_note' : 'invoice',
    creditNote: doc.root === 'CreditNote' || payable < 0,
    number: doc.number,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate ?? null,
    currency: doc.currency ?? 'EUR',
    supplier: party(doc.seller),
    buyer: party(doc.buyer),
    lines,
    vat: breakdown.map((b) => ({
      category: b.category ?? 'S',
      rate: rate(b.rate),
      taxable: cents(b.taxable),
      tax: cents(b.tax),
      exemptionReason: b.exemptionReason ?? b.exemptionReasonCode ?? null,
    })),
    totals: { net, vat, inclusive: cents(doc.monetary.taxInclusive), prepaid: cents(doc.monetary.prepaid), rounding: cents(doc.monetary.payableRounding), payable },
    total: payable,
    paymentReference: doc.paymentMeans.find((p) => p.paymentId)?.paymentId ?? null,
    iban: doc.paymentMeans.find((p) => p.iban)?.iban ?? null,
    attachments: doc.attachments
      .filter((a) => a.base64)
      .map((a) => ({ filename: a.filename ?? `${a.id ?? 'attachment'}`, mimeCode: a.mimeCode ?? null, size: Math.floor((a.base64!.length * 3) / 4) })),
    warnings: violations,
  };
  return { ok: true, proposal };
}

/** Parses the XML text and builds the proposal; a file that is no UBL invoice or credit note is refused with the reason. */
export function purchaseProposal(xml: string): ProposalResult {
  let doc: ParsedUbl;
  try {
    doc = parseUbl(xml);
  } catch (e) {
    if (e instanceof UblParseError)
      return {
        ok: false,
        reason: e.reason === 'not_xml' ? `The file is not XML: ${e.detail}` : e.reason === 'not_invoice' ? `The file is not a UBL Invoice or CreditNote (root element ${e.detail})` : `The document is incomplete: ${e.detail}`,
        violations: [],
      };
    throw e;
  }
  return proposalFromParsed(doc);
}

/** The first embedded PDF of a UBL document (filename + bytes), if any. */
export function embeddedPdf(doc: ParsedUbl): { filename: string; content: Buffer } | null {
  const a = doc.attachments.find((x) => x.base64 && (x.mimeCode === 'application/pdf' || x.filename?.toLowerCase().endsWith('.pdf')));
  if (!a?.base64) return null;
  return { filename: a.filename ?? `${doc.number ?? 'document'}.pdf`, content: Buffer.from(a.base64, 'base64') };
}
