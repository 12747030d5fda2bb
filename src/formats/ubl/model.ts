/**
 * The pure invoice model the Peppol BIS Billing 3.0 UBL writer takes (writer.ts), and that the
 * validator (rules.ts) checks. No database, no I/O: the invoicing module fills it from its own
 * tables; tests fill it by hand.
 *
 * Conventions
 * - Amounts are integer cents (minor units of `currency`), never floats. A credit note carries
 *   positive amounts (the document type says it is a credit); a negative invoice carries negative ones.
 * - Quantities and unit prices may have more decimals than amounts: they are decimal STRINGS
 *   ("2", "1.5", "12.3456"), so no precision is lost. Line net amounts are given in cents and must
 *   equal round2(quantity × unitPrice / baseQuantity − allowances + charges) within 2 cents
 *   (PEPPOL-EN16931-R120); `computeTotals` (totals.ts) produces consistent totals.
 * - Dates are `YYYY-MM-DD` strings.
 * - VAT: category (UNCL5305 subset used in Belgium/EU) + rate in percent as a decimal string
 *   ("21", "6", "0"). One VAT breakdown per (category, rate).
 */

/** UNCL 5305 VAT category codes accepted by EN 16931. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O' | 'L' | 'M' | 'B';

/** Invoice (UBL Invoice, type code 380 by default) or credit note (UBL CreditNote, type code 381). */
export type UblDocumentType = 'invoice' | 'credit_note';

/** An electronic address (BT-34 / BT-49): EAS scheme + identifier, e.g. { scheme: '0208', id: '0403170701' }. */
export interface EndpointId {
  /** EAS code: '0208' Belgian enterprise number, '9925' Belgian VAT number (BE0…), '0088' GLN, … */
  scheme: string;
  id: string;
}

export interface UblAddress {
  street?: string;
  /** Additional street line. */
  street2?: string;
  city?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2, e.g. 'BE' (BR-09 / BR-11: mandatory). */
  country: string;
}

export interface UblParty {
  /** Legal registration name (BT-27 / BT-44), mandatory. */
  name: string;
  /** Trading name, if different (BT-28 / BT-45). */
  tradingName?: string;
  /** Peppol endpoint (BT-34 / BT-49). Mandatory in Peppol (R020 / R010). */
  endpoint?: EndpointId;
  /** VAT identifier with country prefix, e.g. 'BE0403170701' (BT-31 / BT-48). */
  vatNumber?: string;
  /** Belgian enterprise number, 10 digits, e.g. '0403170701' — written as PartyLegalEntity/CompanyID schemeID 0208. */
  enterpriseNumber?: string;
  address: UblAddress;
  contact?: { name?: string; phone?: string; email?: string };
}

export interface UblAllowanceCharge {
  /** true = charge, false = allowance. */
  charge: boolean;
  /** Amount in cents (positive). */
  amount: number;
  reason?: string;
  /** UNCL 5189 (allowance) / UNCL 7161 (charge) reason code. */
  reasonCode?: string;
  /** Base amount in cents and percentage (decimal string), both or neither (PEPPOL-EN16931-R041/R042). */
  baseAmount?: number;
  percent?: string;
}

/** Document-level allowance/charge: needs a VAT category and rate (BR-32 / BR-37). */
export interface UblDocumentAllowanceCharge extends UblAllowanceCharge {
  vatCategory: VatCategory;
  vatRate: string;
}

export interface UblLine {
  /** Line identifier (BT-126), e.g. '1'. */
  id: string;
  /** Item name (BT-153). */
  name: string;
  description?: string;
  /** Decimal string, may be negative on a negative-invoice correction. */
  quantity: string;
  /** UN/ECE Recommendation 20 unit code: 'C62' (piece), 'HUR' (hour), 'DAY', 'KGM', 'MTR', 'LTR', … */
  unitCode: string;
  /** Net unit price (BT-146), decimal string ≥ 0, may carry more than 2 decimals. */
  unitPrice: string;
  /** Price base quantity (BT-149), default 1. */
  baseQuantity?: string;
  /** Line net amount in cents (BT-131). */
  netAmount: number;
  vatCategory: VatCategory;
  /** VAT rate in percent, decimal string ('21', '6', '0'). */
  vatRate: string;
  /** Line-level allowances/charges (BT-136… / BT-141…), e.g. a discount. */
  allowanceCharges?: UblAllowanceCharge[];
  /** Seller's item id (BT-155). */
  sellersItemId?: string;
  /** Buyer's accounting reference (BT-133). */
  accountingCost?: string;
  note?: string;
}

/** One VAT breakdown (BG-23): per (category, rate). */
export interface UblVatBreakdown {
  category: VatCategory;
  rate: string;
  /** Taxable amount in cents (BT-116). */
  taxableAmount: number;
  /** VAT amount in cents (BT-117). */
  taxAmount: number;
  /** Mandatory for E/AE/K/G/O (BR-E-10 …): free text and/or VATEX code, e.g. 'VATEX-EU-AE'. */
  exemptionReason?: string;
  exemptionReasonCode?: string;
}

export interface UblTotals {
  /** Σ line net amounts (BT-106). */
  lineExtension: number;
  /** Σ document allowances (BT-107) / charges (BT-108); 0 when none. */
  allowanceTotal: number;
  chargeTotal: number;
  /** BT-109 = lineExtension − allowanceTotal + chargeTotal. */
  taxExclusive: number;
  /** Total VAT (BT-110) = Σ breakdown tax amounts. */
  taxTotal: number;
  /** BT-112 = taxExclusive + taxTotal. */
  taxInclusive: number;
  /** Paid in advance (BT-113). */
  prepaid: number;
  /** Rounding (BT-114). */
  payableRounding: number;
  /** Amount due (BT-115) = taxInclusive − prepaid + payableRounding. */
  payable: number;
}

export interface UblPaymentMeans {
  /** UNCL 4461: '30' credit transfer, '58' SEPA credit transfer, '59' SEPA direct debit, '49' direct debit, '10' cash, '48' card, '1' not defined. */
  code: string;
  /** Payment id / remittance information (BT-83): the Belgian structured communication, e.g. '+++090/9337/55493+++'. */
  paymentId?: string;
  /** Payee IBAN (BT-84) and optional BIC (BT-86), account name (BT-85). */
  iban?: string;
  bic?: string;
  accountName?: string;
  /** SEPA direct debit: mandate reference (BT-89), required with code 59 (PEPPOL-EN16931-R061). */
  mandateId?: string;
  /** Debited account (BT-91) for direct debit. */
  debitedIban?: string;
}

/** An attached document (BG-24), e.g. the invoice PDF. */
export interface UblAttachment {
  /** Document reference id (BT-122), e.g. the invoice number. */
  id: string;
  description?: string;
  /** MIME code: application/pdf, image/png, image/jpeg, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/vnd.oasis.opendocument.spreadsheet. */
  mimeCode: string;
  filename: string;
  /** Base64 content (no line breaks). */
  base64: string;
}

export interface UblInvoice {
  documentType: UblDocumentType;
  /** Invoice type code (BT-3); default 380 for an invoice and 381 for a credit note. */
  typeCode?: string;
  /** Invoice number (BT-1). */
  number: string;
  /** Issue date (BT-2). */
  issueDate: string;
  /** Due date (BT-9); a credit note writes it as PaymentMeans/PaymentDueDate. */
  dueDate?: string;
  /** Tax point / delivery date (BT-7 / BT-72). */
  deliveryDate?: string;
  /** ISO 4217, e.g. 'EUR' (BT-5). */
  currency: string;
  /** Buyer reference (BT-10); Peppol needs it or orderReference (R003). */
  buyerReference?: string;
  /** Purchase order reference (BT-13). */
  orderReference?: string;
  /** Preceding invoice (BT-25) — a credit note refers to the invoice it corrects. */
  billingReference?: { number: string; issueDate?: string };
  /** Contract reference (BT-12). */
  contractReference?: string;
  /** One free-text note (BT-22); Peppol allows at most one (R002). */
  note?: string;
  /** Payment terms text (BT-20). */
  paymentTerms?: string;
  seller: UblParty;
  buyer: UblParty;
  /** Delivery address / party (BG-13) when it differs. */
  delivery?: { date?: string; address?: UblAddress; partyName?: string };
  paymentMeans?: UblPaymentMeans[];
  allowanceCharges?: UblDocumentAllowanceCharge[];
  lines: UblLine[];
  vatBreakdown: UblVatBreakdown[];
  totals: UblTotals;
  /** Embedded documents, e.g. the invoice PDF (BG-24). */
  attachments?: UblAttachment[];
}

/** The Peppol BIS Billing 3.0 customization and profile (PEPPOL-EN16931-R004 / R001). */
export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** Peppol document type identifiers (for the SBDH and SMP). */
export const PEPPOL_INVOICE_DOCTYPE = `urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##${PEPPOL_CUSTOMIZATION_ID}::2.1`;
export const PEPPOL_CREDIT_NOTE_DOCTYPE = `urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##${PEPPOL_CUSTOMIZATION_ID}::2.1`;
export const PEPPOL_PROCESS_ID = PEPPOL_PROFILE_ID;
