/**
 * Peppol BIS Billing 3.0 UBL writer: an UblInvoice (model.ts) → UBL 2.1 Invoice or CreditNote XML.
 * Element order follows the UBL 2.1 XSD sequences (checked by xsd.ts); amounts are written with two
 * decimals from cents; the embedded PDF goes in cac:AdditionalDocumentReference.
 * The writer does not check business rules: run validateUbl (rules.ts, validate.ts) before sending.
 */
import {
  PEPPOL_CUSTOMIZATION_ID,
  PEPPOL_PROFILE_ID,
  type UblAddress,
  type UblAllowanceCharge,
  type UblDocumentAllowanceCharge,
  type UblInvoice,
  type UblLine,
  type UblParty,
  type VatCategory,
} from './model.ts';
import { centsToDecimal, normalizeRate } from './totals.ts';
import { el, render, type XmlNode } from './xml.ts';

const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** Enterprise number '0403.170.701' / 'BE0403170701' → '0403170701'. */
export function enterpriseDigitsOf(value: string): string {
  const digits = value.replace(/[^0-9]/g, '');
  return digits.length === 9 ? `0${digits}` : digits;
}

function taxCategory(name: string, category: VatCategory, rate: string, extra: Array<XmlNode | null> = []): XmlNode | null {
  return el(name, [
    el('cbc:ID', category),
    // Category O ("not subject to VAT") carries no rate (BR-O-05 / BR-O-10).
    category === 'O' ? null : el('cbc:Percent', normalizeRate(rate)),
    ...extra,
    el('cac:TaxScheme', [el('cbc:ID', 'VAT')]),
  ]);
}

function address(name: string, a: UblAddress | undefined): XmlNode | null {
  if (!a) return null;
  return el(name, [
    el('cbc:StreetName', a.street),
    el('cbc:AdditionalStreetName', a.street2),
    el('cbc:CityName', a.city),
    el('cbc:PostalZone', a.postalCode),
    el('cac:Country', [el('cbc:IdentificationCode', a.country)]),
  ]);
}

function party(p: UblParty): XmlNode | null {
  const enterprise = p.enterpriseNumber ? enterpriseDigitsOf(p.enterpriseNumber) : undefined;
  return el('cac:Party', [
    p.endpoint ? el('cbc:EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme }) : null,
    enterprise ? el('cac:PartyIdentification', [el('cbc:ID', enterprise, { schemeID: '0208' })]) : null,
    p.tradingName ? el('cac:PartyName', [el('cbc:Name', p.tradingName)]) : el('cac:PartyName', [el('cbc:Name', p.name)]),
    address('cac:PostalAddress', p.address),
    p.vatNumber
      ? el('cac:PartyTaxScheme', [el('cbc:CompanyID', p.vatNumber.replace(/[\s.]/g, '').toUpperCase()), el('cac:TaxScheme', [el('cbc:ID', 'VAT')])])
      : null,
    el('cac:PartyLegalEntity', [el('cbc:RegistrationName', p.name), enterprise ? el('cbc:CompanyID', enterprise, { schemeID: '0208' }) : null]),
    p.contact ? el('cac:Contact', [el('cbc:Name', p.contact.name), el('cbc:Telephone', p.contact.phone), el('cbc:ElectronicMail', p.contact.email)]) : null,
  ]);
}

function allowanceCharge(ac: UblAllowanceCharge | UblDocumentAllowanceCharge, currency: string, withTax: boolean): XmlNode | null {
  const amount = (cents: number | undefined) => (cents === undefined ? null : centsToDecimal(cents));
  return el('cac:AllowanceCharge', [
    el('cbc:ChargeIndicator', ac.charge ? 'true' : 'false'),
    el('cbc:AllowanceChargeReasonCode', ac.reasonCode),
    el('cbc:AllowanceChargeReason', ac.reason),
    el('cbc:MultiplierFactorNumeric', ac.percent),
    el('cbc:Amount', amount(ac.amount), { currencyID: currency }),
    el('cbc:BaseAmount', amount(ac.baseAmount), { currencyID: currency }),
    withTax && 'vatCategory' in ac ? taxCategory('cac:TaxCategory', ac.vatCategory, ac.vatRate) : null,
  ]);
}

function line(l: UblLine, inv: UblInvoice): XmlNode | null {
  const credit = inv.documentType === 'credit_note';
  const c = inv.currency;
  return el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
    el('cbc:ID', l.id),
    el('cbc:Note', l.note),
    el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity, { unitCode: l.unitCode }),
    el('cbc:LineExtensionAmount', centsToDecimal(l.netAmount), { currencyID: c }),
    el('cbc:AccountingCost', l.accountingCost),
    ...(l.allowanceCharges ?? []).map((ac) => allowanceCharge(ac, c, false)),
    el('cac:Item', [
      el('cbc:Description', l.description),
      el('cbc:Name', l.name),
      l.sellersItemId ? el('cac:SellersItemIdentification', [el('cbc:ID', l.sellersItemId)]) : null,
      taxCategory('cac:ClassifiedTaxCategory', l.vatCategory, l.vatRate),
    ]),
    el('cac:Price', [
      el('cbc:PriceAmount', l.unitPrice, { currencyID: c }),
      l.baseQuantity && l.baseQuantity !== '1' ? el('cbc:BaseQuantity', l.baseQuantity, { unitCode: l.unitCode }) : null,
    ]),
  ]);
}

/** The UBL document as a node tree (for callers that wrap it, e.g. in an SBDH). */
export function ublDocument(inv: UblInvoice): XmlNode {
  const credit = inv.documentType === 'credit_note';
  const c = inv.currency;
  const money = (name: string, cents: number) => el(name, centsToDecimal(cents), { currencyID: c });
  const t = inv.totals;
  const paymentMeans = (inv.paymentMeans ?? []).map((pm) =>
    el('cac:PaymentMeans', [
      el('cbc:PaymentMeansCode', pm.code),
      credit ? el('cbc:PaymentDueDate', inv.dueDate) : null,
      el('cbc:PaymentID', pm.paymentId),
      pm.iban
        ? el('cac:PayeeFinancialAccount', [
            el('cbc:ID', pm.iban.replace(/\s/g, '').toUpperCase()),
            el('cbc:Name', pm.accountName),
            pm.bic ? el('cac:FinancialInstitutionBranch', [el('cbc:ID', pm.bic)]) : null,
          ])
        : null,
      pm.mandateId
        ? el('cac:PaymentMandate', [el('cbc:ID', pm.mandateId), pm.debitedIban ? el('cac:PayerFinancialAccount', [el('cbc:ID', pm.debitedIban.replace(/\s/g, ''))]) : null])
        : null,
    ]),
  );
  const header: Array<XmlNode | null> = [
    el('cbc:CustomizationID', PEPPOL_CUSTOMIZATION_ID),
    el('cbc:ProfileID', PEPPOL_PROFILE_ID),
    el('cbc:ID', inv.number),
    el('cbc:IssueDate', inv.issueDate),
    credit ? null : el('cbc:DueDate', inv.dueDate),
    el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', inv.typeCode ?? (credit ? '381' : '380')),
    el('cbc:Note', inv.note),
    el('cbc:DocumentCurrencyCode', c),
    el('cbc:BuyerReference', inv.buyerReference),
    inv.orderReference ? el('cac:OrderReference', [el('cbc:ID', inv.orderReference)]) : null,
    inv.billingReference
      ? el('cac:BillingReference', [el('cac:InvoiceDocumentReference', [el('cbc:ID', inv.billingReference.number), el('cbc:IssueDate', inv.billingReference.issueDate)])])
      : null,
    inv.contractReference ? el('cac:ContractDocumentReference', [el('cbc:ID', inv.contractReference)]) : null,
    ...(inv.attachments ?? []).map((a) =>
      el('cac:AdditionalDocumentReference', [
        el('cbc:ID', a.id),
        el('cbc:DocumentDescription', a.description),
        el('cac:Attachment', [el('cbc:EmbeddedDocumentBinaryObject', a.base64, { mimeCode: a.mimeCode, filename: a.filename })]),
      ]),
    ),
    el('cac:AccountingSupplierParty', [party(inv.seller)]),
    el('cac:AccountingCustomerParty', [party(inv.buyer)]),
    inv.delivery
      ? el('cac:Delivery', [
          el('cbc:ActualDeliveryDate', inv.delivery.date ?? inv.deliveryDate),
          inv.delivery.address ? el('cac:DeliveryLocation', [address('cac:Address', inv.delivery.address)]) : null,
          inv.delivery.partyName ? el('cac:DeliveryParty', [el('cac:PartyName', [el('cbc:Name', inv.delivery.partyName)])]) : null,
        ])
      : inv.deliveryDate
        ? el('cac:Delivery', [el('cbc:ActualDeliveryDate', inv.deliveryDate)])
        : null,
    ...paymentMeans,
    inv.paymentTerms ? el('cac:PaymentTerms', [el('cbc:Note', inv.paymentTerms)]) : null,
    ...(inv.allowanceCharges ?? []).map((ac) => allowanceCharge(ac, c, true)),
    el('cac:TaxTotal', [
      money('cbc:TaxAmount', t.taxTotal),
      ...inv.vatBreakdown.map((b) =>
        el('cac:TaxSubtotal', [
          money('cbc:TaxableAmount', b.taxableAmount),
          money('cbc:TaxAmount', b.taxAmount),
          taxCategory('cac:TaxCategory', b.category, b.rate, [el('cbc:TaxExemptionReasonCode', b.exemptionReasonCode), el('cbc:TaxExemptionReason', b.exemptionReason)]),
        ]),
      ),
    ]),
    el('cac:LegalMonetaryTotal', [
      money('cbc:LineExtensionAmount', t.lineExtension),
      money('cbc:TaxExclusiveAmount', t.taxExclusive),
      money('cbc:TaxInclusiveAmount', t.taxInclusive),
      t.allowanceTotal || inv.allowanceCharges?.some((a) => !a.charge) ? money('cbc:AllowanceTotalAmount', t.allowanceTotal) : null,
      t.chargeTotal || inv.allowanceCharges?.some((a) => a.charge) ? money('cbc:ChargeTotalAmount', t.chargeTotal) : null,
      t.prepaid ? money('cbc:PrepaidAmount', t.prepaid) : null,
      t.payableRounding ? money('cbc:PayableRoundingAmount', t.payableRounding) : null,
      money('cbc:PayableAmount', t.payable),
    ]),
    ...inv.lines.map((l) => line(l, inv)),
  ];
  const root = credit ? 'CreditNote' : 'Invoice';
  return {
    name: root,
    attrs: { xmlns: NS[root], 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc },
    content: header.filter((n): n is XmlNode => !!n),
  };
}

/** The UBL Invoice / CreditNote XML text (UTF-8, with XML declaration). */
export function writeUbl(inv: UblInvoice): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(ublDocument(inv))}`;
}
