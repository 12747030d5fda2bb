/**
 * Our implementation of the EN 16931 (BR-…) and Peppol BIS 3.0 (PEPPOL-EN16931-…, PEPPOL-COMMON-…)
 * business rules that fail most (../shared/notes/peppol.md §5), run on a parsed UBL document, so what is
 * checked is exactly what is sent (or received). Each violation names the rule and the field.
 * Arithmetic in integer cents / big.js, never floats.
 */
import Big from 'big.js';
import { PEPPOL_CUSTOMIZATION_ID } from './model.ts';
import type { ParsedAllowanceCharge, ParsedAmount, ParsedUbl } from './parse.ts';
import { centsToDecimal } from './totals.ts';

export interface RuleViolation {
  /** Rule id as the official validators print it, e.g. 'BR-CO-10', 'PEPPOL-EN16931-R120'. */
  rule: string;
  /** The field (business term and UBL element) the rule is about, e.g. 'BT-106 LegalMonetaryTotal/LineExtensionAmount'. */
  field: string;
  /** English explanation with the figures involved. */
  message: string;
}

const INVOICE_TYPES = new Set(['71', '80', '82', '84', '102', '218', '219', '331', '380', '382', '383', '386', '388', '393', '395', '553', '575', '623', '780', '817', '870', '875', '876', '877']);
const CREDIT_NOTE_TYPES = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);
const VAT_CATEGORIES = new Set(['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M', 'B']);
const EXEMPT_CATEGORIES = new Set(['E', 'AE', 'K', 'G', 'O']);
const ZERO_CATEGORIES = new Set(['Z', 'E', 'AE', 'K', 'G', 'O']);
const PAYMENT_MEANS = new Set(['1', '10', '20', '30', '31', '42', '48', '49', '54', '55', '57', '58', '59', '68', '97', 'ZZZ']);
/** Rule-id infix per VAT category (BR-S-08, BR-AE-08, BR-IC-08 for K, BR-AF for L, BR-AG for M). */
const CATEGORY_RULE: Record<string, string> = { S: 'S', Z: 'Z', E: 'E', AE: 'AE', K: 'IC', G: 'G', O: 'O', L: 'AF', M: 'AG', B: 'B' };
const EAS = /^(0002|0007|0009|0037|0060|0088|0096|0097|0106|0130|0135|0142|0147|0151|0154|0158|0170|0177|0183|0184|0188|0190|0191|0192|0193|0194|0195|0196|0198|0199|0200|0201|0202|0203|0204|0205|0208|0209|0210|0211|0212|0213|0215|0216|0217|0218|0219|0220|0221|0225|0230|0235|0240|0242|0244|9901|9910|9913|9914|9915|9918|9919|9920|9922|9923|9924|9925|9926|9927|9928|9929|9930|9931|9932|9933|9934|9935|9936|9937|9938|9939|9940|9941|9942|9943|9944|9945|9946|9947|9948|9949|9950|9951|9952|9953|9957|9959|AN|AQ|AS|AU|EM)$/;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const isDecimal = (s: string | undefined): s is string => !!s && DECIMAL.test(s);
/** Amount → cents (exact when ≤ 2 decimals; rounded otherwise, BR-DEC reports that separately). */
const cents = (a: ParsedAmount | undefined): number | undefined =>
  a && isDecimal(a.value) ? Number(new Big(a.value).times(100).round(0, 1).toString()) : undefined;
const rateKey = (r: string | undefined) => (isDecimal(r) ? new Big(r).toString() : '0');

/** PEPPOL-COMMON-R043: 10 digits, 97 − (first 8 digits mod 97) = last 2 digits. */
export function validBelgianEnterpriseId(id: string): boolean {
  if (!/^\d{10}$/.test(id)) return false;
  return 97 - (Number(id.slice(0, 8)) % 97) === Number(id.slice(8));
}

/** Round half away from zero of a Big, to cents. */
const roundCents = (b: Big) => Number(b.times(100).round(0, 1).toString());

export interface RuleOptions {
  /**
   * Also apply BR-CO-25 (a positive amount due needs a due date or payment terms): dropped from the
   * 2026.5 validation artefacts but still enforced by receivers on older releases, so we keep it for
   * what we send (peppol.md §4).
   */
  outgoing?: boolean;
}

export function checkRules(doc: ParsedUbl, options: RuleOptions = {}): RuleViolation[] {
  const out: RuleViolation[] = [];
  const v = (rule: string, field: string, message: string) => out.push({ rule, field, message });
  const credit = doc.root === 'CreditNote';
  const cur = doc.currency;

  // ── Peppol header rules
  if (!doc.customizationId || !doc.customizationId.startsWith(PEPPOL_CUSTOMIZATION_ID))
    v('PEPPOL-EN16931-R004', 'BT-24 CustomizationID', `Specification identifier must start with ${PEPPOL_CUSTOMIZATION_ID}, found ${doc.customizationId ?? '(none)'}`);
  if (!doc.profileId) v('PEPPOL-EN16931-R001', 'BT-23 ProfileID', 'Business process (ProfileID) is missing');
  else if (!/^urn:fdc:peppol\.eu:2017:poacc:billing:\d\d:1\.0$/.test(doc.profileId) && doc.profileId !== 'urn:peppol:bis:billing_with_response')
    v('PEPPOL-EN16931-R007', 'BT-23 ProfileID', `Business process must be urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0, found ${doc.profileId}`);
  if (doc.notes.length > 1) v('PEPPOL-EN16931-R002', 'BT-22 Note', `At most one document note is allowed, found ${doc.notes.length}`);
  if (!doc.buyerReference && !doc.orderReference) v('PEPPOL-EN16931-R003', 'BT-10 BuyerReference / BT-13 OrderReference', 'A buyer reference or a purchase order reference must be given');
  for (const name of new Set(doc.emptyElements)) v('PEPPOL-EN16931-R008', name, `Element ${name} is empty; empty elements are not allowed`);
  if (!doc.buyer.endpoint) v('PEPPOL-EN16931-R010', 'BT-49 AccountingCustomerParty/Party/EndpointID', 'The buyer electronic address (EndpointID) is missing');
  if (!doc.seller.endpoint) v('PEPPOL-EN16931-R020', 'BT-34 AccountingSupplierParty/Party/EndpointID', 'The seller electronic address (EndpointID) is missing');
  for (const [who, p, bt] of [['Seller', doc.seller, 'BT-34'], ['Buyer', doc.buyer, 'BT-49']] as const) {
    if (p.endpoint && (!p.endpoint.scheme || !EAS.test(p.endpoint.scheme)))
      v('BR-CL-25', `${bt} ${who} EndpointID/@schemeID`, `Electronic address scheme ${p.endpoint.scheme ?? '(none)'} is not in the EAS code list`);
    const ids = [
      ...(p.endpoint ? [{ field: `${bt} ${who} EndpointID`, ...p.endpoint }] : []),
      ...p.identifications.map((i) => ({ field: `${who} PartyIdentification/ID`, ...i })),
      ...(p.legalId ? [{ field: `${who} PartyLegalEntity/CompanyID`, ...p.legalId }] : []),
    ];
    for (const i of ids)
      if (i.scheme === '0208' && !validBelgianEnterpriseId(i.id))
        v('PEPPOL-COMMON-R043', i.field, `${i.id} is not a valid Belgian enterprise number (10 digits, mod-97 check)`);
  }

  // ── dates (PEPPOL-EN16931-F001)
  const dates: Array<[string, string | undefined]> = [['BT-2 IssueDate', doc.issueDate], ['BT-9 DueDate', doc.dueDate]];
  for (const [field, d] of dates) if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) v('PEPPOL-EN16931-F001', field, `Date ${d} must be written YYYY-MM-DD`);

  // ── mandatory fields (BR-01 … BR-16)
  if (!doc.customizationId) v('BR-01', 'BT-24 CustomizationID', 'Specification identifier is missing');
  if (!doc.number) v('BR-02', 'BT-1 ID', 'Invoice number is missing');
  if (!doc.issueDate) v('BR-03', 'BT-2 IssueDate', 'Issue date is missing');
  if (!doc.typeCode) v('BR-04', `BT-3 ${credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'}`, 'Invoice type code is missing');
  else if (!(credit ? CREDIT_NOTE_TYPES : INVOICE_TYPES).has(doc.typeCode))
    v(credit ? 'PEPPOL-EN16931-P0101' : 'PEPPOL-EN16931-P0100', `BT-3 ${credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'}`, `Type code ${doc.typeCode} is not allowed for ${credit ? 'a credit note' : 'an invoice'}`);
  if (!cur) v('BR-05', 'BT-5 DocumentCurrencyCode', 'Document currency is missing');
  else if (!/^[A-Z]{3}$/.test(cur)) v('BR-CL-04', 'BT-5 DocumentCurrencyCode', `${cur} is not an ISO 4217 currency code`);
  if (!doc.seller.name) v('BR-06', 'BT-27 Seller RegistrationName', 'Seller name is missing');
  if (!doc.buyer.name) v('BR-07', 'BT-44 Buyer RegistrationName', 'Buyer name is missing');
  if (!doc.seller.country) v('BR-09', 'BT-40 Seller Country/IdentificationCode', 'Seller country code is missing');
  else if (!/^[A-Z]{2}$/.test(doc.seller.country)) v('BR-CL-14', 'BT-40 Seller Country/IdentificationCode', `${doc.seller.country} is not an ISO 3166-1 country code`);
  if (!doc.buyer.country) v('BR-11', 'BT-55 Buyer Country/IdentificationCode', 'Buyer country code is missing');
  else if (!/^[A-Z]{2}$/.test(doc.buyer.country)) v('BR-CL-14', 'BT-55 Buyer Country/IdentificationCode', `${doc.buyer.country} is not an ISO 3166-1 country code`);
  const m = doc.monetary;
  if (!m.lineExtension) v('BR-12', 'BT-106 LegalMonetaryTotal/LineExtensionAmount', 'Sum of invoice line net amounts is missing');
  if (!m.taxExclusive) v('BR-13', 'BT-109 LegalMonetaryTotal/TaxExclusiveAmount', 'Invoice total without VAT is missing');
  if (!m.taxInclusive) v('BR-14', 'BT-112 LegalMonetaryTotal/TaxInclusiveAmount', 'Invoice total with VAT is missing');
  if (!m.payable) v('BR-15', 'BT-115 LegalMonetaryTotal/PayableAmount', 'Amount due for payment is missing');
  if (doc.lines.length === 0) v('BR-16', 'BG-25 InvoiceLine', 'An invoice needs at least one line');

  // ── decimals (BR-DEC-…): amounts carry at most 2 decimals
  const dec = (rule: string, field: string, a: ParsedAmount | undefined) => {
    if (!a) return;
    if (!isDecimal(a.value)) v('UBL-DT-01', field, `${a.value} is not a number`);
    else if ((a.value.split('.')[1] ?? '').length > 2) v(rule, field, `Amount ${a.value} has more than 2 decimals`);
  };
  dec('BR-DEC-09', 'BT-106 LineExtensionAmount', m.lineExtension);
  dec('BR-DEC-10', 'BT-107 AllowanceTotalAmount', m.allowanceTotal);
  dec('BR-DEC-11', 'BT-108 ChargeTotalAmount', m.chargeTotal);
  dec('BR-DEC-12', 'BT-109 TaxExclusiveAmount', m.taxExclusive);
  dec('BR-DEC-14', 'BT-112 TaxInclusiveAmount', m.taxInclusive);
  dec('BR-DEC-16', 'BT-113 PrepaidAmount', m.prepaid);
  dec('BR-DEC-17', 'BT-114 PayableRoundingAmount', m.payableRounding);
  dec('BR-DEC-18', 'BT-115 PayableAmount', m.payable);
  for (const t of doc.taxTotals) {
    dec('BR-DEC-13', 'BT-110 TaxTotal/TaxAmount', t.tax);
    for (const s of t.subtotals) {
      dec('BR-DEC-19', 'BT-116 TaxSubtotal/TaxableAmount', s.taxable);
      dec('BR-DEC-20', 'BT-117 TaxSubtotal/TaxAmount', s.tax);
    }
  }
  doc.allowanceCharges.forEach((a) => {
    dec(a.charge ? 'BR-DEC-05' : 'BR-DEC-01', a.charge ? 'BT-99 charge Amount' : 'BT-92 allowance Amount', a.amount);
    dec(a.charge ? 'BR-DEC-06' : 'BR-DEC-02', a.charge ? 'BT-100 charge BaseAmount' : 'BT-93 allowance BaseAmount', a.baseAmount);
  });

  // ── currencies (PEPPOL-EN16931-R005 / R051 / R053 / R054)
  if (doc.taxCurrency && doc.taxCurrency === cur) v('PEPPOL-EN16931-R005', 'BT-6 TaxCurrencyCode', 'VAT accounting currency must differ from the document currency');
  for (const c of doc.currencyIds)
    if (cur && c.currency !== cur && !((c.element === 'TaxAmount' || c.element === 'TransactionCurrencyTaxAmount') && c.currency === doc.taxCurrency))
      v('PEPPOL-EN16931-R051', `${c.element}/@currencyID`, `Currency ${c.currency} differs from the document currency ${cur}`);
  const docTaxTotals = doc.taxTotals.filter((t) => !t.tax?.currency || t.tax.currency === cur);
  const withSubtotals = doc.taxTotals.filter((t) => t.subtotals.length > 0);
  if (withSubtotals.length !== 1) v('PEPPOL-EN16931-R053', 'BG-23 TaxTotal/TaxSubtotal', `Exactly one TaxTotal with subtotals is required, found ${withSubtotals.length}`);
  if (doc.taxCurrency && doc.taxTotals.filter((t) => t.subtotals.length === 0).length !== 1)
    v('PEPPOL-EN16931-R054', 'BT-111 TaxTotal', 'With a VAT accounting currency, exactly one TaxTotal without subtotals is required');
  const breakdown = withSubtotals[0]?.subtotals ?? [];
  if (breakdown.length === 0) v('BR-CO-18', 'BG-23 TaxSubtotal', 'The invoice needs at least one VAT breakdown');

  // ── payment
  for (const pm of doc.paymentMeans) {
    if (pm.code && !PAYMENT_MEANS.has(pm.code)) v('BR-CL-16', 'BT-81 PaymentMeansCode', `Payment means code ${pm.code} is not in UNCL 4461`);
    if (pm.code === '59' && !pm.mandateId) v('PEPPOL-EN16931-R061', 'BT-89 PaymentMandate/ID', 'SEPA direct debit (59) needs the mandate reference');
  }

  // ── lines
  let lineSum = 0;
  const lineTaxable = new Map<string, number>();
  doc.lines.forEach((l, i) => {
    const where = `line ${l.id ?? i + 1}`;
    if (!l.id) v('BR-21', `${where}: BT-126 ID`, 'Line identifier is missing');
    if (!l.quantity) v('BR-22', `${where}: BT-129 InvoicedQuantity`, 'Invoiced quantity is missing');
    if (!l.unitCode) v('BR-23', `${where}: BT-130 unitCode`, 'Unit of measure is missing');
    else if (!/^[A-Z0-9]{2,3}$/.test(l.unitCode)) v('BR-CL-23', `${where}: BT-130 unitCode`, `${l.unitCode} is not a UN/ECE Rec 20/21 unit code`);
    if (!l.net) v('BR-24', `${where}: BT-131 LineExtensionAmount`, 'Line net amount is missing');
    dec('BR-DEC-23', `${where}: BT-131 LineExtensionAmount`, l.net);
    if (!l.name) v('BR-25', `${where}: BT-153 Item/Name`, 'Item name is missing');
    if (!l.price) v('BR-26', `${where}: BT-146 PriceAmount`, 'Item net price is missing');
    else if (isDecimal(l.price.value) && new Big(l.price.value).lt(0)) v('BR-27', `${where}: BT-146 PriceAmount`, `Item net price ${l.price.value} must not be negative`);
    if (!l.vatCategory) v('BR-CO-04', `${where}: BT-151 ClassifiedTaxCategory/ID`, 'Line VAT category is missing');
    else if (!VAT_CATEGORIES.has(l.vatCategory)) v('BR-CL-18', `${where}: BT-151 ClassifiedTaxCategory/ID`, `${l.vatCategory} is not a VAT category code`);
    if (l.baseQuantity && isDecimal(l.baseQuantity) && !new Big(l.baseQuantity).gt(0)) v('PEPPOL-EN16931-R121', `${where}: BT-149 BaseQuantity`, 'Base quantity must be positive');
    const lineNet = cents(l.net);
    if (lineNet !== undefined) {
      lineSum += lineNet;
      const key = `${l.vatCategory}|${rateKey(l.vatRate)}`;
      lineTaxable.set(key, (lineTaxable.get(key) ?? 0) + lineNet);
    }
    // price allowance: net price = gross − discount (R046)
    if (l.priceAllowance?.base && l.priceAllowance.amount && l.price && isDecimal(l.price.value) && isDecimal(l.priceAllowance.base.value) && isDecimal(l.priceAllowance.amount.value)) {
      const expected = new Big(l.priceAllowance.base.value).minus(l.priceAllowance.amount.value);
      if (!expected.eq(new Big(l.price.value)))
        v('PEPPOL-EN16931-R046', `${where}: BT-146 PriceAmount`, `Net price ${l.price.value} must equal gross price ${l.priceAllowance.base.value} minus discount ${l.priceAllowance.amount.value}`);
    }
    const lineAcs = l.allowanceCharges;
    lineAcs.forEach((a) => {
      dec(a.charge ? 'BR-DEC-27' : 'BR-DEC-24', `${where}: ${a.charge ? 'BT-141' : 'BT-136'} Amount`, a.amount);
      checkPercent(a, `${where}: ${a.charge ? 'charge' : 'allowance'}`, v);
    });
    // R120: line net = qty × price / base + charges − allowances (±0.02)
    if (lineNet !== undefined && isDecimal(l.quantity) && l.price && isDecimal(l.price.value)) {
      const base = isDecimal(l.baseQuantity) && new Big(l.baseQuantity).gt(0) ? new Big(l.baseQuantity) : new Big(1);
      let expected = new Big(l.quantity).times(l.price.value).div(base);
      for (const a of lineAcs) if (a.amount && isDecimal(a.amount.value)) expected = a.charge ? expected.plus(a.amount.value) : expected.minus(a.amount.value);
      const diff = Math.abs(roundCents(expected) - lineNet);
      if (diff > 2)
        v('PEPPOL-EN16931-R120', `${where}: BT-131 LineExtensionAmount`, `Line net ${centsToDecimal(lineNet)} ≠ quantity ${l.quantity} × price ${l.price.value} / base ${base.toString()} ± line allowances/charges = ${centsToDecimal(roundCents(expected))}`);
    }
  });

  // ── document allowances / charges
  let allowances = 0;
  let charges = 0;
  const acTaxable = new Map<string, number>();
  doc.allowanceCharges.forEach((a, i) => {
    const what = a.charge ? 'charge' : 'allowance';
    const where = `document ${what} ${i + 1}`;
    const amount = cents(a.amount);
    if (amount === undefined) v(a.charge ? 'BR-36' : 'BR-31', `${where}: ${a.charge ? 'BT-99' : 'BT-92'} Amount`, `Document ${what} amount is missing`);
    if (!a.vatCategory) v(a.charge ? 'BR-37' : 'BR-32', `${where}: ${a.charge ? 'BT-102' : 'BT-95'} TaxCategory/ID`, `Document ${what} VAT category is missing`);
    checkPercent(a, where, v);
    if (amount === undefined) return;
    if (a.charge) charges += amount;
    else allowances += amount;
    const key = `${a.vatCategory}|${rateKey(a.vatRate)}`;
    acTaxable.set(key, (acTaxable.get(key) ?? 0) + (a.charge ? amount : -amount));
  });

  // ── totals (BR-CO-10 … BR-CO-16): exact, in cents
  const L = cents(m.lineExtension);
  const AT = cents(m.allowanceTotal) ?? 0;
  const CT = cents(m.chargeTotal) ?? 0;
  const TE = cents(m.taxExclusive);
  const TI = cents(m.taxInclusive);
  const P = cents(m.prepaid) ?? 0;
  const R = cents(m.payableRounding) ?? 0;
  const PA = cents(m.payable);
  if (L !== undefined && L !== lineSum) v('BR-CO-10', 'BT-106 LineExtensionAmount', `Sum of line net amounts ${centsToDecimal(lineSum)} ≠ LineExtensionAmount ${centsToDecimal(L)}`);
  if ((m.allowanceTotal || allowances) && AT !== allowances) v('BR-CO-11', 'BT-107 AllowanceTotalAmount', `Sum of document allowances ${centsToDecimal(allowances)} ≠ AllowanceTotalAmount ${centsToDecimal(AT)}`);
  if ((m.chargeTotal || charges) && CT !== charges) v('BR-CO-12', 'BT-108 ChargeTotalAmount', `Sum of document charges ${centsToDecimal(charges)} ≠ ChargeTotalAmount ${centsToDecimal(CT)}`);
  if (L !== undefined && TE !== undefined && TE !== L - AT + CT)
    v('BR-CO-13', 'BT-109 TaxExclusiveAmount', `TaxExclusiveAmount ${centsToDecimal(TE)} ≠ lines ${centsToDecimal(L)} − allowances ${centsToDecimal(AT)} + charges ${centsToDecimal(CT)}`);
  const vatTotal = docTaxTotals.length > 0 ? cents(docTaxTotals[0].tax) : undefined;
  if (TE !== undefined && TI !== undefined && TI !== TE + (vatTotal ?? 0))
    v('BR-CO-15', 'BT-112 TaxInclusiveAmount', `TaxInclusiveAmount ${centsToDecimal(TI)} ≠ TaxExclusiveAmount ${centsToDecimal(TE)} + VAT ${centsToDecimal(vatTotal ?? 0)}`);
  if (TI !== undefined && PA !== undefined && PA !== TI - P + R)
    v('BR-CO-16', 'BT-115 PayableAmount', `PayableAmount ${centsToDecimal(PA)} ≠ TaxInclusiveAmount ${centsToDecimal(TI)} − prepaid ${centsToDecimal(P)} + rounding ${centsToDecimal(R)}`);
  if (options.outgoing && PA !== undefined && PA > 0 && !doc.dueDate && !doc.paymentTermsNote)
    v('BR-CO-25', 'BT-9 DueDate / BT-20 PaymentTerms', 'A positive amount due needs a due date or payment terms');

  // ── VAT breakdown (BR-CO-14, BR-CO-17, BR-x-08 / -09 / -10)
  const subtotalSum = breakdown.reduce((s, b) => s + (cents(b.tax) ?? 0), 0);
  if (vatTotal !== undefined && breakdown.length > 0 && vatTotal !== subtotalSum)
    v('BR-CO-14', 'BT-110 TaxTotal/TaxAmount', `Total VAT ${centsToDecimal(vatTotal)} ≠ sum of VAT breakdown amounts ${centsToDecimal(subtotalSum)}`);
  const seen = new Set<string>();
  for (const b of breakdown) {
    const cat = b.category ?? '';
    const key = `${cat}|${rateKey(b.rate)}`;
    const label = `VAT breakdown ${cat} ${b.rate ?? ''}%`.replace(' %', '');
    if (!VAT_CATEGORIES.has(cat)) {
      v('BR-CL-17', `${label}: BT-118 TaxCategory/ID`, `${cat || '(none)'} is not a VAT category code`);
      continue;
    }
    seen.add(key);
    const infix = CATEGORY_RULE[cat];
    const taxable = cents(b.taxable);
    const tax = cents(b.tax);
    const expectedTaxable = (lineTaxable.get(key) ?? 0) + (acTaxable.get(key) ?? 0);
    if (taxable !== undefined && Math.abs(taxable - expectedTaxable) >= 100)
      v(`BR-${infix}-08`, `${label}: BT-116 TaxableAmount`, `Taxable amount ${centsToDecimal(taxable)} ≠ lines − allowances + charges of this category and rate = ${centsToDecimal(expectedTaxable)}`);
    if (ZERO_CATEGORIES.has(cat)) {
      if (tax !== undefined && tax !== 0) v(`BR-${infix}-09`, `${label}: BT-117 TaxAmount`, `VAT amount must be 0 for category ${cat}, found ${centsToDecimal(tax)}`);
    } else if (taxable !== undefined && tax !== undefined && isDecimal(b.rate)) {
      const expected = roundCents(new Big(taxable).div(100).times(b.rate).div(100));
      if (Math.abs(expected - tax) >= 100) v('BR-CO-17', `${label}: BT-117 TaxAmount`, `VAT ${centsToDecimal(tax)} ≠ taxable ${centsToDecimal(taxable)} × ${b.rate}% = ${centsToDecimal(expected)}`);
      else if (expected !== tax && cat === 'S') v('BR-S-09', `${label}: BT-117 TaxAmount`, `VAT ${centsToDecimal(tax)} ≠ taxable ${centsToDecimal(taxable)} × ${b.rate}% = ${centsToDecimal(expected)}`);
    }
    if (EXEMPT_CATEGORIES.has(cat) && !b.exemptionReason && !b.exemptionReasonCode)
      v(`BR-${infix}-10`, `${label}: BT-120 TaxExemptionReason`, `Category ${cat} needs an exemption reason text or code`);
    if (b.exemptionReasonCode && !/^VATEX-[A-Z]{2}-[A-Z0-9-]+$/i.test(b.exemptionReasonCode))
      v('BR-CL-22', `${label}: BT-121 TaxExemptionReasonCode`, `${b.exemptionReasonCode} is not a VATEX exemption reason code`);
  }
  for (const key of new Set([...lineTaxable.keys(), ...acTaxable.keys()])) {
    const [cat, rate] = key.split('|');
    if (!seen.has(key) && VAT_CATEGORIES.has(cat) && breakdown.length > 0)
      v(`BR-${CATEGORY_RULE[cat]}-01`, `VAT breakdown ${cat} ${rate}%`, `Lines or allowances/charges with VAT category ${cat} at ${rate}% have no VAT breakdown`);
  }

  // ── VAT identifiers (BR-S-02, BR-AE-02, BR-IC-02 …)
  const usedCats = new Set([...lineTaxable.keys(), ...acTaxable.keys()].map((k) => k.split('|')[0]));
  const sellerVat = !!doc.seller.vatNumber;
  if (['S', 'Z', 'E', 'AE', 'K', 'G', 'L', 'M'].some((c) => usedCats.has(c)) && !sellerVat) {
    const cat = ['S', 'Z', 'E', 'AE', 'K', 'G', 'L', 'M'].find((c) => usedCats.has(c)) as string;
    v(`BR-${CATEGORY_RULE[cat]}-02`, 'BT-31 Seller PartyTaxScheme/CompanyID', `Category ${cat} needs the seller VAT identifier`);
  }
  if ((usedCats.has('AE') || usedCats.has('K')) && !doc.buyer.vatNumber && !(usedCats.has('AE') && doc.buyer.legalId)) {
    const cat = usedCats.has('AE') ? 'AE' : 'K';
    v(`BR-${CATEGORY_RULE[cat]}-02`, 'BT-48 Buyer PartyTaxScheme/CompanyID', `Category ${cat} needs the buyer VAT identifier`);
  }
  return out;
}

function checkPercent(a: ParsedAllowanceCharge, where: string, v: (rule: string, field: string, message: string) => void) {
  if (a.indicator !== 'true' && a.indicator !== 'false')
    v('PEPPOL-EN16931-R043', `${where}: ChargeIndicator`, `ChargeIndicator must be 'true' or 'false', found ${a.indicator ?? '(none)'}`);
  const hasBase = !!a.baseAmount;
  const hasPct = !!a.percent;
  if (hasBase && !hasPct) v('PEPPOL-EN16931-R041', `${where}: BaseAmount`, 'A base amount needs a percentage (MultiplierFactorNumeric)');
  if (hasPct && !hasBase) v('PEPPOL-EN16931-R042', `${where}: MultiplierFactorNumeric`, 'A percentage needs a base amount');
  if (hasBase && hasPct && a.amount && isDecimal(a.amount.value) && isDecimal(a.baseAmount!.value) && isDecimal(a.percent)) {
    const expected = new Big(a.baseAmount!.value).times(a.percent).div(100);
    if (expected.minus(a.amount.value).abs().gt('0.02'))
      v('PEPPOL-EN16931-R040', `${where}: Amount`, `Amount ${a.amount.value} ≠ base ${a.baseAmount!.value} × ${a.percent}% = ${centsToDecimal(roundCents(expected))}`);
  }
}

/** Rules whose failure makes a received document's totals untrustworthy: such a document is refused, not proposed. */
export const ARITHMETIC_RULES = new Set(['BR-12', 'BR-13', 'BR-14', 'BR-15', 'BR-16', 'BR-CO-10', 'BR-CO-11', 'BR-CO-12', 'BR-CO-13', 'BR-CO-14', 'BR-CO-15', 'BR-CO-16', 'BR-05', 'UBL-DT-01']);
