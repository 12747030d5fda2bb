/** Writer + validation: a valid Belgian invoice and credit note pass the XSD and our rules; each rule has a failing case. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UblInvoice } from './model.ts';
import { parseUbl } from './parse.ts';
import { checkRules } from './rules.ts';
import { computeTotals, lineNetCents } from './totals.ts';
import { validateInvoiceModel, validateUblXml } from './validate.ts';
import { writeUbl } from './writer.ts';

const XSD = path.resolve(import.meta.dirname, '../../../../shared/corpus/ubl/xsd');

function baseInvoice(overrides: Partial<UblInvoice> = {}): UblInvoice {
  const lines: UblInvoice['lines'] = [
    { id: '1', name: 'Consultancy', quantity: '3', unitCode: 'HUR', unitPrice: '85.50', netAmount: lineNetCents('3', '85.50'), vatCategory: 'S', vatRate: '21' },
    {
      id: '2',
      name: 'Printed manual',
      quantity: '7',
      unitCode: 'C62',
      unitPrice: '12.345',
      netAmount: lineNetCents('7', '12.345', '1', [{ charge: false, amount: 500, reason: 'Discount' }]),
      vatCategory: 'S',
      vatRate: '6',
      allowanceCharges: [{ charge: false, amount: 500, reason: 'Discount' }],
    },
  ];
  const { vatBreakdown, totals } = computeTotals(lines);
  return {
    documentType: 'invoice',
    number: 'F2026/0001',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    currency: 'EUR',
    buyerReference: 'PO-4711',
    seller: {
      name: 'Argo BV',
      endpoint: { scheme: '0208', id: '0403170701' },
      vatNumber: 'BE0403170701',
      enterpriseNumber: '0403170701',
      address: { street: 'Kerkstraat 1', city: 'Gent', postalCode: '9000', country: 'BE' },
      contact: { email: 'factuur@argo.be' },
    },
    buyer: { name: 'Klant NV', endpoint: { scheme: '9925', id: 'BE0000000196' }, vatNumber: 'BE0000000196', address: { city: 'Brussel', country: 'BE' } },
    paymentMeans: [{ code: '30', paymentId: '+++090/9337/55493+++', iban: 'BE68539007547034' }],
    lines,
    vatBreakdown,
    totals,
    attachments: [{ id: 'F2026/0001', mimeCode: 'application/pdf', filename: 'F2026-0001.pdf', base64: Buffer.from('%PDF-1.7 test').toString('base64') }],
    ...overrides,
  };
}

const rulesOf = (xml: string, outgoing = true) => checkRules(parseUbl(xml), { outgoing });

describe('UBL writer', () => {
  it('writes a Peppol BIS 3.0 invoice that passes the UBL 2.1 XSD and our rules', async () => {
    const inv = baseInvoice();
    expect(inv.totals).toMatchObject({ lineExtension: 25650 + 8142, taxTotal: 5387 + 489 });
    const result = await validateInvoiceModel(inv, XSD);
    expect(result.xsd).toEqual([]);
    expect(result.rules).toEqual([]);
    expect(result.xml).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(result.xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
    expect(result.xml).toContain('<cbc:EndpointID schemeID="9925">BE0000000196</cbc:EndpointID>');
    expect(result.xml).toContain('<cbc:PaymentID>+++090/9337/55493+++</cbc:PaymentID>');
    expect(result.xml).toMatch(/<cbc:EmbeddedDocumentBinaryObject mimeCode="application\/pdf" filename="F2026-0001.pdf">JVBERi0x/);
    // the parser reads back what the writer wrote
    const back = parseUbl(result.xml);
    expect(back.monetary.payable?.value).toBe('396.68');
    expect(back.attachments[0].filename).toBe('F2026-0001.pdf');
  });

  it('writes a credit note (CreditNote root, 381, due date in PaymentMeans) that passes', async () => {
    const inv = baseInvoice({ documentType: 'credit_note', billingReference: { number: 'F2026/0001', issueDate: '2026-03-01' } });
    const result = await validateInvoiceModel(inv, XSD);
    expect(result.xsd).toEqual([]);
    expect(result.rules).toEqual([]);
    expect(result.xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(result.xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(result.xml).toContain('<cbc:PaymentDueDate>2026-03-31</cbc:PaymentDueDate>');
    expect(result.xml).toContain('<cbc:CreditedQuantity unitCode="HUR">3</cbc:CreditedQuantity>');
  });

  it('writes exempt and reverse-charge breakdowns with their reason, without a rate for O', async () => {
    const lines: UblInvoice['lines'] = [
      { id: '1', name: 'Works', quantity: '1', unitCode: 'C62', unitPrice: '1000', netAmount: 100000, vatCategory: 'AE', vatRate: '0' },
      { id: '2', name: 'Fee', quantity: '1', unitCode: 'C62', unitPrice: '10', netAmount: 1000, vatCategory: 'O', vatRate: '0' },
    ];
    const { vatBreakdown, totals } = computeTotals(lines, [], { exemptionReasons: { AE: { code: 'VATEX-EU-AE', reason: 'Reverse charge' }, O: { code: 'VATEX-EU-O' } } });
    const result = await validateInvoiceModel(baseInvoice({ lines, vatBreakdown, totals }), XSD);
    expect(result.xsd).toEqual([]);
    expect(result.rules).toEqual([]);
    expect(totals.taxTotal).toBe(0);
  });

  it('the XSD check names what is wrong', async () => {
    const xml = writeUbl(baseInvoice()).replace('<cbc:IssueDate>2026-03-01</cbc:IssueDate>', '<cbc:IssueDate>01/03/2026</cbc:IssueDate>');
    const result = await validateUblXml(xml, { xsdDir: XSD });
    expect(result.valid).toBe(false);
    expect(result.xsd[0].message).toMatch(/IssueDate/);
  });
});

/** Each rule with a change to the valid invoice that breaks it. */
const CASES: Array<[rule: string, field: RegExp, breakIt: (xml: string) => string]> = [
  ['PEPPOL-EN16931-R004', /CustomizationID/, (x) => x.replace(/billing:3\.0<\/cbc:CustomizationID>/, 'billing:2.0</cbc:CustomizationID>')],
  ['PEPPOL-EN16931-R001', /ProfileID/, (x) => x.replace(/<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, '')],
  ['PEPPOL-EN16931-R007', /ProfileID/, (x) => x.replace(/billing:01:1\.0<\/cbc:ProfileID>/, 'billing:1.0</cbc:ProfileID>')],
  ['PEPPOL-EN16931-R002', /Note/, (x) => x.replace('<cbc:DocumentCurrencyCode>', '<cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note><cbc:DocumentCurrencyCode>')],
  ['PEPPOL-EN16931-R003', /BuyerReference/, (x) => x.replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '')],
  ['PEPPOL-EN16931-R008', /StreetName/, (x) => x.replace('<cbc:StreetName>Kerkstraat 1</cbc:StreetName>', '<cbc:StreetName></cbc:StreetName>')],
  ['PEPPOL-EN16931-R010', /Customer.*EndpointID/, (x) => x.replace(/<cbc:EndpointID schemeID="9925">[^<]*<\/cbc:EndpointID>/, '')],
  ['PEPPOL-EN16931-R020', /Supplier.*EndpointID/, (x) => x.replace(/<cbc:EndpointID schemeID="0208">[^<]*<\/cbc:EndpointID>/, '')],
  ['PEPPOL-COMMON-R043', /Seller EndpointID/, (x) => x.replace('<cbc:EndpointID schemeID="0208">0403170701', '<cbc:EndpointID schemeID="0208">0403170702')],
  ['BR-CL-25', /schemeID/, (x) => x.replace('<cbc:EndpointID schemeID="9925">', '<cbc:EndpointID schemeID="1234">')],
  ['PEPPOL-EN16931-R120', /line 1: BT-131/, (x) => x.replace(/(<cbc:InvoicedQuantity unitCode="HUR">)3/, '$14')],
  ['PEPPOL-EN16931-R040', /Amount/, (x) => x.replace('<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>', '<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>').replace(/(<cbc:Amount currencyID="EUR">5\.00<\/cbc:Amount>)/, '$1<cbc:BaseAmount currencyID="EUR">86.42</cbc:BaseAmount>')],
  ['PEPPOL-EN16931-R041', /BaseAmount/, (x) => x.replace(/(<cbc:Amount currencyID="EUR">5\.00<\/cbc:Amount>)/, '$1<cbc:BaseAmount currencyID="EUR">50.00</cbc:BaseAmount>')],
  ['PEPPOL-EN16931-R042', /MultiplierFactorNumeric/, (x) => x.replace('<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>', '<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>')],
  ['PEPPOL-EN16931-R043', /ChargeIndicator/, (x) => x.replace('<cbc:ChargeIndicator>false</cbc:ChargeIndicator>', '<cbc:ChargeIndicator>0</cbc:ChargeIndicator>')],
  ['PEPPOL-EN16931-R046', /PriceAmount/, (x) => x.replace('<cbc:PriceAmount currencyID="EUR">85.50</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">85.50</cbc:PriceAmount><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">5</cbc:Amount><cbc:BaseAmount currencyID="EUR">100</cbc:BaseAmount></cac:AllowanceCharge>')],
  ['BR-CO-10', /BT-106/, (x) => x.replace(/(<cbc:LineExtensionAmount currencyID="EUR">)337\.92/, '$1337.93')],
  ['BR-CO-13', /BT-109/, (x) => x.replace(/(<cbc:TaxExclusiveAmount currencyID="EUR">)337\.92/, '$1337.91')],
  ['BR-CO-11', /BT-107/, (x) => x.replace('<cbc:PayableAmount', '<cbc:AllowanceTotalAmount currencyID="EUR">1.00</cbc:AllowanceTotalAmount><cbc:PayableAmount')],
  ['BR-CO-15', /BT-112/, (x) => x.replace(/(<cbc:TaxInclusiveAmount currencyID="EUR">)396\.68/, '$1396.69')],
  ['BR-CO-16', /BT-115/, (x) => x.replace(/(<cbc:PayableAmount currencyID="EUR">)396\.68/, '$1390.00')],
  ['BR-CO-14', /BT-110/, (x) => x.replace(/(<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="EUR">)58\.76/, '$158.77')],
  ['BR-CO-17', /S 21%: BT-117/, (x) => x.replace(/(<cbc:TaxableAmount currencyID="EUR">256\.50<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">)53\.87/, '$155.00')],
  ['BR-S-09', /S 21%: BT-117/, (x) => x.replace(/(<cbc:TaxableAmount currencyID="EUR">256\.50<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">)53\.87/, '$153.80')],
  ['BR-S-08', /S 21%: BT-116/, (x) => x.replace(/(<cbc:TaxableAmount currencyID="EUR">)256\.50/, '$1250.00')],
  ['BR-S-01', /S 12%/, (x) => x.replace(/(<cac:ClassifiedTaxCategory>\s*<cbc:ID>S<\/cbc:ID>\s*<cbc:Percent>)6/, '$112')],
  ['BR-CO-18', /TaxSubtotal/, (x) => x.replace(/<cac:TaxSubtotal>[\s\S]*<\/cac:TaxSubtotal>/, '')],
  ['PEPPOL-EN16931-R053', /TaxTotal/, (x) => x.replace(/<cac:TaxSubtotal>[\s\S]*<\/cac:TaxSubtotal>/, '')],
  ['BR-DEC-23', /line 1: BT-131/, (x) => x.replace(/(<cac:InvoiceLine>\s*<cbc:ID>1<\/cbc:ID>\s*<cbc:InvoicedQuantity unitCode="HUR">3<\/cbc:InvoicedQuantity>\s*<cbc:LineExtensionAmount currencyID="EUR">)256\.50/, '$1256.500')],
  ['PEPPOL-EN16931-R051', /currencyID/, (x) => x.replace('<cbc:PriceAmount currencyID="EUR">85.50', '<cbc:PriceAmount currencyID="USD">85.50')],
  ['PEPPOL-EN16931-R005', /TaxCurrencyCode/, (x) => x.replace('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>')],
  ['PEPPOL-EN16931-R061', /Mandate/, (x) => x.replace('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>')],
  ['BR-CL-16', /PaymentMeansCode/, (x) => x.replace('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode>999</cbc:PaymentMeansCode>')],
  ['PEPPOL-EN16931-P0100', /InvoiceTypeCode/, (x) => x.replace('<cbc:InvoiceTypeCode>380', '<cbc:InvoiceTypeCode>381')],
  ['PEPPOL-EN16931-F001', /DueDate/, (x) => x.replace('<cbc:DueDate>2026-03-31', '<cbc:DueDate>2026-03-31Z')],
  ['BR-CO-25', /DueDate/, (x) => x.replace(/<cbc:DueDate>[^<]*<\/cbc:DueDate>/, '')],
  ['BR-06', /Seller/, (x) => x.replace(/<cac:PartyName>\s*<cbc:Name>Argo BV<\/cbc:Name>\s*<\/cac:PartyName>/, '').replace('<cbc:RegistrationName>Argo BV</cbc:RegistrationName>', '')],
  ['BR-11', /Buyer Country/, (x) => x.replace(/<cbc:CityName>Brussel<\/cbc:CityName>\s*<cac:Country>\s*<cbc:IdentificationCode>BE<\/cbc:IdentificationCode>\s*<\/cac:Country>/, '<cbc:CityName>Brussel</cbc:CityName>')],
  ['BR-CL-14', /Seller Country/, (x) => x.replace('<cbc:IdentificationCode>BE</cbc:IdentificationCode>', '<cbc:IdentificationCode>Belgium</cbc:IdentificationCode>')],
  ['BR-25', /line 1: BT-153/, (x) => x.replace('<cbc:Name>Consultancy</cbc:Name>', '')],
  ['BR-27', /line 1: BT-146/, (x) => x.replace('<cbc:PriceAmount currencyID="EUR">85.50', '<cbc:PriceAmount currencyID="EUR">-85.50')],
  ['BR-S-02', /BT-31/, (x) => x.replace(/<cac:PartyTaxScheme>\s*<cbc:CompanyID>BE0403170701<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:PartyTaxScheme>/, '')],
  ['BR-16', /InvoiceLine/, (x) => x.replace(/<cac:InvoiceLine>[\s\S]*<\/cac:InvoiceLine>/, '')],
];

describe('business rules: each has a failing case that names the rule and the field', () => {
  const valid = writeUbl(baseInvoice());
  it('the valid invoice breaks none', () => expect(rulesOf(valid)).toEqual([]));
  for (const [rule, field, breakIt] of CASES) {
    it(rule, () => {
      const broken = breakIt(valid);
      expect(broken, 'the change must apply').not.toBe(valid);
      const violations = rulesOf(broken);
      const hit = violations.find((v) => v.rule === rule);
      expect(hit, `${rule} not reported; got ${violations.map((v) => v.rule).join(', ')}`).toBeDefined();
      expect(hit!.field).toMatch(field);
      expect(hit!.message.length).toBeGreaterThan(10);
    });
  }

  it('exemption categories need a reason (BR-E-10, BR-AE-10, BR-IC-10) and the buyer VAT id (BR-AE-02)', () => {
    for (const [cat, rule] of [['E', 'BR-E-10'], ['AE', 'BR-AE-10'], ['K', 'BR-IC-10']] as const) {
      const lines: UblInvoice['lines'] = [{ id: '1', name: 'X', quantity: '1', unitCode: 'C62', unitPrice: '100', netAmount: 10000, vatCategory: cat, vatRate: '0' }];
      const { vatBreakdown, totals } = computeTotals(lines);
      const inv = baseInvoice({ lines, vatBreakdown, totals });
      expect(rulesOf(writeUbl(inv)).map((v) => v.rule)).toContain(rule);
      if (cat === 'AE') {
        const noBuyerVat = writeUbl({ ...inv, buyer: { ...inv.buyer, vatNumber: undefined } });
        expect(rulesOf(noBuyerVat).find((v) => v.rule === 'BR-AE-02')?.field).toMatch(/BT-48/);
      }
    }
  });

  it('zero-rated categories carry no VAT (BR-Z-09) and exemption codes come from VATEX (BR-CL-22)', () => {
    const lines: UblInvoice['lines'] = [{ id: '1', name: 'X', quantity: '1', unitCode: 'C62', unitPrice: '100', netAmount: 10000, vatCategory: 'Z', vatRate: '0' }];
    const { vatBreakdown, totals } = computeTotals(lines);
    const z = writeUbl(baseInvoice({ lines, vatBreakdown: [{ ...vatBreakdown[0], taxAmount: 100 }], totals: { ...totals, taxTotal: 100, taxInclusive: 10100, payable: 10100 } }));
    expect(rulesOf(z).map((v) => v.rule)).toContain('BR-Z-09');
    const e = computeTotals([{ ...lines[0], vatCategory: 'E' }], [], { exemptionReasons: { E: { code: 'BETE-44' } } });
    const xml = writeUbl(baseInvoice({ lines: [{ ...lines[0], vatCategory: 'E' }], ...e }));
    expect(rulesOf(xml).map((v) => v.rule)).toEqual(['BR-CL-22']);
  });
});
