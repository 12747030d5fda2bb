/**
 * UBL 2.1 Invoice / CreditNote reader. Keeps amounts as the decimal strings the document carries, so
 * the business rules (rules.ts) can check decimals and arithmetic on exactly what was sent or received.
 * Pure: text in, data out; throws UblParseError when the text is not a UBL invoice or credit note.
 */
import { XMLParser } from 'fast-xml-parser';
import type { VatCategory } from './model.ts';

export class UblParseError extends Error {
  constructor(
    readonly reason: 'not_xml' | 'not_invoice' | 'missing',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'UblParseError';
  }
}

export interface ParsedAmount {
  /** Decimal as written, e.g. '1225.00', '-50', '4900.0'. */
  value: string;
  currency?: string;
}

export interface ParsedId {
  scheme?: string;
  id: string;
}

export interface ParsedParty {
  name?: string;
  tradingName?: string;
  endpoint?: ParsedId;
  identifications: ParsedId[];
  /** PartyTaxScheme/CompanyID whose TaxScheme is VAT. */
  vatNumber?: string;
  /** Other PartyTaxScheme ids (e.g. Norwegian "Foretaksregisteret"). */
  otherTaxIds: string[];
  legalId?: ParsedId;
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
  email?: string;
}

export interface ParsedAllowanceCharge {
  charge: boolean;
  /** ChargeIndicator as written ('true' / 'false'; anything else breaks PEPPOL-EN16931-R043). */
  indicator?: string;
  amount?: ParsedAmount;
  baseAmount?: ParsedAmount;
  percent?: string;
  reason?: string;
  reasonCode?: string;
  vatCategory?: string;
  vatRate?: string;
}

export interface ParsedTaxSubtotal {
  taxable?: ParsedAmount;
  tax?: ParsedAmount;
  category?: string;
  rate?: string;
  exemptionReason?: string;
  exemptionReasonCode?: string;
}

export interface ParsedLine {
  id?: string;
  note?: string;
  quantity?: string;
  unitCode?: string;
  net?: ParsedAmount;
  name?: string;
  description?: string;
  sellersItemId?: string;
  vatCategory?: string;
  vatRate?: string;
  price?: ParsedAmount;
  baseQuantity?: string;
  /** Gross price and price discount (BT-148 / BT-147). */
  priceAllowance?: { amount?: ParsedAmount; base?: ParsedAmount };
  allowanceCharges: ParsedAllowanceCharge[];
}

export interface ParsedAttachment {
  id?: string;
  description?: string;
  mimeCode?: string;
  filename?: string;
  base64?: string;
  uri?: string;
}

export interface ParsedUbl {
  root: 'Invoice' | 'CreditNote';
  customizationId?: string;
  profileId?: string;
  number?: string;
  issueDate?: string;
  dueDate?: string;
  typeCode?: string;
  notes: string[];
  currency?: string;
  taxCurrency?: string;
  buyerReference?: string;
  orderReference?: string;
  billingReference?: string;
  seller: ParsedParty;
  buyer: ParsedParty;
  payee?: ParsedParty;
  paymentMeans: Array<{ code?: string; paymentId?: string; iban?: string; mandateId?: string; dueDate?: string }>;
  paymentTermsNote?: string;
  allowanceCharges: ParsedAllowanceCharge[];
  /** Every cac:TaxTotal: amount and subtotals. */
  taxTotals: Array<{ tax?: ParsedAmount; subtotals: ParsedTaxSubtotal[] }>;
  monetary: {
    lineExtension?: ParsedAmount;
    taxExclusive?: ParsedAmount;
    taxInclusive?: ParsedAmount;
    allowanceTotal?: ParsedAmount;
    chargeTotal?: ParsedAmount;
    prepaid?: ParsedAmount;
    payableRounding?: ParsedAmount;
    payable?: ParsedAmount;
  };
  lines: ParsedLine[];
  attachments: ParsedAttachment[];
  /** Names of elements written empty (PEPPOL-EN16931-R008). */
  emptyElements: string[];
  /** Every currencyID attribute with the element it sits on (PEPPOL-EN16931-R051). */
  currencyIds: Array<{ element: string; currency: string }>;
}

const ARRAYS = new Set([
  'Note',
  'AdditionalDocumentReference',
  'PaymentMeans',
  'PaymentTerms',
  'AllowanceCharge',
  'TaxTotal',
  'TaxSubtotal',
  'InvoiceLine',
  'CreditNoteLine',
  'PartyIdentification',
  'PartyTaxScheme',
  'AdditionalItemProperty',
  'CommodityClassification',
  'DocumentReference',
  'AddressLine',
  'OrderLineReference',
  'BillingReference',
]);

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
  processEntities: true,
});

const obj = (v: unknown): Node | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined);
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (typeof x === 'object' && x ? (x as Node) : { '#text': x }));
const first = (v: unknown): Node | undefined => arr(v)[0];

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const t = (v as Node)['#text'];
    return t === undefined || t === null ? undefined : String(t).trim() || undefined;
  }
  const s = String(v).trim();
  return s || undefined;
}
const attr = (v: unknown, name: string): string | undefined => {
  const o = Array.isArray(v) ? obj(v[0]) : obj(v);
  const a = o?.[`@${name}`];
  return a === undefined ? undefined : String(a).trim();
};
const amount = (v: unknown): ParsedAmount | undefined => {
  const value = text(v);
  return value === undefined ? undefined : { value, currency: attr(v, 'currencyID') };
};
const id = (v: unknown): ParsedId | undefined => {
  const value = text(v);
  return value === undefined ? undefined : { id: value, scheme: attr(v, 'schemeID') };
};
const path = (n: Node | undefined, ...keys: string[]): unknown => {
  let cur: unknown = n;
  for (const k of keys) {
    const o = Array.isArray(cur) ? obj(cur[0]) : obj(cur);
    if (!o) return undefined;
    cur = o[k];
  }
  return cur;
};

function party(p: Node | undefined): ParsedParty {
  const taxSchemes = arr(path(p, 'PartyTaxScheme'));
  const vat = taxSchemes.find((t) => text(path(t, 'TaxScheme', 'ID'))?.toUpperCase() === 'VAT');
  return {
    name: text(path(p, 'PartyLegalEntity', 'RegistrationName')) ?? text(path(p, 'PartyName', 'Name')),
    tradingName: text(path(p, 'PartyName', 'Name')),
    endpoint: id(path(p, 'EndpointID')),
    identifications: arr(path(p, 'PartyIdentification'))
      .map((i) => id(i.ID))
      .filter((x): x is ParsedId => !!x),
    vatNumber: text(vat?.CompanyID),
    otherTaxIds: taxSchemes.filter((t) => t !== vat).map((t) => text(t.CompanyID)).filter((x): x is string => !!x),
    legalId: id(path(p, 'PartyLegalEntity', 'CompanyID')),
    street: text(path(p, 'PostalAddress', 'StreetName')),
    city: text(path(p, 'PostalAddress', 'CityName')),
    postalCode: text(path(p, 'PostalAddress', 'PostalZone')),
    country: text(path(p, 'PostalAddress', 'Country', 'IdentificationCode')),
    email: text(path(p, 'Contact', 'ElectronicMail')),
  };
}

function allowanceCharge(a: Node, taxCategoryKey = 'TaxCategory'): ParsedAllowanceCharge {
  return {
    charge: text(a.ChargeIndicator)?.toLowerCase() === 'true',
    indicator: text(a.ChargeIndicator),
    amount: amount(a.Amount),
    baseAmount: amount(a.BaseAmount),
    percent: text(a.MultiplierFactorNumeric),
    reason: text(a.AllowanceChargeReason),
    reasonCode: text(a.AllowanceChargeReasonCode),
    vatCategory: text(path(a, taxCategoryKey, 'ID')),
    vatRate: text(path(a, taxCategoryKey, 'Percent')),
  };
}

function collect(node: unknown, name: string, empties: string[], currencies: ParsedUbl['currencyIds']): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, name, empties, currencies);
    return;
  }
  if (node === '' || node === null) {
    empties.push(name);
    return;
  }
  if (typeof node !== 'object') return;
  const o = node as Node;
  const keys = Object.keys(o);
  if (keys.length === 0 || (keys.every((k) => k.startsWith('@')) && !('#text' in o))) empties.push(name);
  if (typeof o['@currencyID'] === 'string') currencies.push({ element: name, currency: String(o['@currencyID']).trim() });
  for (const k of keys) if (!k.startsWith('@') && k !== '#text') collect(o[k], k, empties, currencies);
}

/** Embedded attachments can be megabytes of base64: they are cut out before the XML parser runs and put back after. */
const BINARY = /(<(?:[\w.-]+:)?EmbeddedDocumentBinaryObject\b[^>]*>)([^<]*)(<\/)/g;

export function parseUbl(xml: string): ParsedUbl {
  let doc: Node;
  const binaries: string[] = [];
  const light = xml.replace(BINARY, (whole: string, open: string, content: string, close: string) => {
    if (!content.trim()) return whole; // an empty one stays empty (PEPPOL-EN16931-R008)
    binaries.push(content);
    return `${open}@@binary:${binaries.length - 1}@@${close}`;
  });
  try {
    doc = parser.parse(light) as Node;
  } catch (e) {
    throw new UblParseError('not_xml', (e as Error).message);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (rootName !== 'Invoice' && rootName !== 'CreditNote') throw new UblParseError('not_invoice', rootName ?? '(empty)');
  const r = obj(doc[rootName]);
  if (!r) throw new UblParseError('missing', rootName);
  const credit = rootName === 'CreditNote';
  const lm = obj(r.LegalMonetaryTotal);
  const emptyElements: string[] = [];
  const currencyIds: ParsedUbl['currencyIds'] = [];
  collect(r, rootName, emptyElements, currencyIds);
  const paymentMeans = arr(r.PaymentMeans).map((pm) => ({
    code: text(pm.PaymentMeansCode),
    paymentId: text(pm.PaymentID),
    iban: text(path(pm, 'PayeeFinancialAccount', 'ID')),
    mandateId: text(path(pm, 'PaymentMandate', 'ID')),
    dueDate: text(pm.PaymentDueDate),
  }));
  return {
    root: rootName,
    customizationId: text(r.CustomizationID),
    profileId: text(r.ProfileID),
    number: text(r.ID),
    issueDate: text(r.IssueDate),
    dueDate: text(r.DueDate) ?? paymentMeans.find((p) => p.dueDate)?.dueDate,
    typeCode: text(credit ? r.CreditNoteTypeCode : r.InvoiceTypeCode),
    notes: arr(r.Note).map((n) => text(n) ?? ''),
    currency: text(r.DocumentCurrencyCode),
    taxCurrency: text(r.TaxCurrencyCode),
    buyerReference: text(r.BuyerReference),
    orderReference: text(path(r, 'OrderReference', 'ID')),
    billingReference: text(path(r, 'BillingReference', 'InvoiceDocumentReference', 'ID')),
    seller: party(obj(path(r, 'AccountingSupplierParty', 'Party'))),
    buyer: party(obj(path(r, 'AccountingCustomerParty', 'Party'))),
    payee: r.PayeeParty ? party(obj(r.PayeeParty)) : undefined,
    paymentMeans,
    paymentTermsNote: text(path(r, 'PaymentTerms', 'Note')),
    allowanceCharges: arr(r.AllowanceCharge).map((a) => allowanceCharge(a)),
    taxTotals: arr(r.TaxTotal).map((t) => ({
      tax: amount(t.TaxAmount),
      subtotals: arr(t.TaxSubtotal).map((s) => ({
        taxable: amount(s.TaxableAmount),
        tax: amount(s.TaxAmount),
        category: text(path(s, 'TaxCategory', 'ID')),
        rate: text(path(s, 'TaxCategory', 'Percent')),
        exemptionReason: text(path(s, 'TaxCategory', 'TaxExemptionReason')),
        exemptionReasonCode: text(path(s, 'TaxCategory', 'TaxExemptionReasonCode')),
      })),
    })),
    monetary: {
      lineExtension: amount(lm?.LineExtensionAmount),
      taxExclusive: amount(lm?.TaxExclusiveAmount),
      taxInclusive: amount(lm?.TaxInclusiveAmount),
      allowanceTotal: amount(lm?.AllowanceTotalAmount),
      chargeTotal: amount(lm?.ChargeTotalAmount),
      prepaid: amount(lm?.PrepaidAmount),
      payableRounding: amount(lm?.PayableRoundingAmount),
      payable: amount(lm?.PayableAmount),
    },
    lines: arr(credit ? r.CreditNoteLine : r.InvoiceLine).map((l) => {
      const priceAc = first(path(l, 'Price', 'AllowanceCharge'));
      return {
        id: text(l.ID),
        note: text(l.Note),
        quantity: text(credit ? l.CreditedQuantity : l.InvoicedQuantity),
        unitCode: attr(credit ? l.CreditedQuantity : l.InvoicedQuantity, 'unitCode'),
        net: amount(l.LineExtensionAmount),
        name: text(path(l, 'Item', 'Name')),
        description: text(path(l, 'Item', 'Description')),
        sellersItemId: text(path(l, 'Item', 'SellersItemIdentification', 'ID')),
        vatCategory: text(path(l, 'Item', 'ClassifiedTaxCategory', 'ID')),
        vatRate: text(path(l, 'Item', 'ClassifiedTaxCategory', 'Percent')),
        price: amount(path(l, 'Price', 'PriceAmount')),
        baseQuantity: text(path(l, 'Price', 'BaseQuantity')),
        priceAllowance: priceAc ? { amount: amount(priceAc.Amount), base: amount(priceAc.BaseAmount) } : undefined,
        allowanceCharges: arr(l.AllowanceCharge).map((a) => allowanceCharge(a)),
      };
    }),
    attachments: arr(r.AdditionalDocumentReference)
      .filter((d) => d.Attachment !== undefined)
      .map((d) => {
        const bin = path(d, 'Attachment', 'EmbeddedDocumentBinaryObject');
        return {
          id: text(d.ID),
          description: text(d.DocumentDescription),
          mimeCode: attr(bin, 'mimeCode'),
          filename: attr(bin, 'filename'),
          base64: restore(text(bin), binaries),
          uri: text(path(d, 'Attachment', 'ExternalReference', 'URI')),
        };
      }),
    emptyElements,
    currencyIds,
  };
}

function restore(value: string | undefined, binaries: string[]): string | undefined {
  const m = value ? /^@@binary:(\d+)@@$/.exec(value) : null;
  const content = m ? binaries[Number(m[1])] : value;
  return content?.replace(/\s+/g, '') || undefined;
}

export const VAT_CATEGORIES: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M', 'B'];
