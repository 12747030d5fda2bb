/**
 * An invoice or credit note as a Peppol BIS Billing 3.0 UBL document (src/formats/ubl writer): seller =
 * the dossier, buyer = the customer, with their endpoint ids (0208 enterprise number, else 9925 VAT
 * number), the lines and the VAT breakdown from our own totals, and the structured communication as
 * payment id. The invoice PDF is embedded when given.
 */
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { EndpointId, UblInvoice, UblParty } from '../../formats/ubl/model.ts';
import { writeUbl } from '../../formats/ubl/writer.ts';
import { formatOgm } from '../../core/ogm.ts';
import type { InvoiceView } from './invoices.ts';
import { ratePercent, ublVatCategory } from './rules.ts';
import { loadSettings } from './settings.ts';

export interface PartyRow {
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  enterprise_number: string | null;
  vat_number: string | null;
  email: string | null;
  phone: string | null;
  peppol_id?: string | null;
}

function endpointOf(p: PartyRow): EndpointId | undefined {
  if (p.peppol_id) {
    const [scheme, ...rest] = p.peppol_id.replace(/^iso6523-actorid-upis::/, '').split(':');
    if (scheme && rest.length) return { scheme, id: rest.join(':') };
  }
  if (p.enterprise_number && p.country === 'BE') return { scheme: '0208', id: p.enterprise_number.replace(/\D/g, '') };
  if (p.vat_number && p.vat_number.startsWith('BE')) return { scheme: '9925', id: p.vat_number };
  return undefined;
}

function partyOf(p: PartyRow): UblParty {
  return {
    name: p.name,
    endpoint: endpointOf(p),
    vatNumber: p.vat_number ?? undefined,
    enterpriseNumber: p.country === 'BE' && p.enterprise_number ? p.enterprise_number.replace(/\D/g, '') : undefined,
    address: { street: p.street ?? undefined, city: p.city ?? undefined, postalCode: p.postcode ?? undefined, country: p.country || 'BE' },
    contact: p.email || p.phone ? { email: p.email ?? undefined, phone: p.phone ?? undefined } : undefined,
  };
}

export async function partiesOf(db: Db, dossierId: number, relationId: number): Promise<{ seller: PartyRow; buyer: PartyRow }> {
  const seller = await db
    .selectFrom('dossier')
    .select(['name', 'street', 'postcode', 'city', 'country', 'enterprise_number', 'vat_number', 'email', 'phone'])
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const buyer = await db
    .selectFrom('relation')
    .select(['name', 'street', 'postcode', 'city', 'country', 'enterprise_number', 'vat_number', 'email', 'phone', 'peppol_id'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', relationId)
    .executeTakeFirstOrThrow();
  return { seller, buyer };
}

export async function invoiceUblModel(db: Db, dossierId: number, inv: InvoiceView, pdf?: Buffer): Promise<UblInvoice> {
  if (inv.kind === 'delivery_note') throw conflict('invoicing.delivery_note_no_ubl', {});
  if (inv.status === 'draft' || !inv.displayNumber) throw conflict('invoicing.invoice_draft', { id: inv.id });
  const { seller, buyer } = await partiesOf(db, dossierId, inv.customer.id);
  const settings = await loadSettings(db, dossierId);
  const creditNote = inv.kind === 'credit_note';
  let billingReference: UblInvoice['billingReference'];
  if (inv.creditedInvoiceId) {
    const { loadInvoice } = await import('./invoices.ts');
    const credited = await loadInvoice(db, dossierId, inv.creditedInvoiceId).catch(() => null);
    if (credited?.displayNumber) billingReference = { number: credited.displayNumber, issueDate: credited.issueDate };
  }
  const rateOf = new Map(inv.vat.map((v) => [v.vatCode, v.rateBp]));
  const breakdown = new Map<string, { category: ReturnType<typeof ublVatCategory>['category']; rate: string; taxable: number; tax: number; reason?: string; reasonCode?: string }>();
  for (const v of inv.vat) {
    const cat = ublVatCategory(v.vatCode, v.rateBp);
    const rate = ratePercent(v.rateBp);
    const key = `${cat.category}|${rate}`;
    const b = breakdown.get(key) ?? { category: cat.category, rate, taxable: 0, tax: 0, reason: cat.reason, reasonCode: cat.reasonCode };
    b.taxable += v.base;
    b.tax += v.vat;
    breakdown.set(key, b);
  }
  return {
    documentType: creditNote ? 'credit_note' : 'invoice',
    number: inv.displayNumber,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate ?? undefined,
    deliveryDate: inv.deliveryDate ?? undefined,
    currency: 'EUR',
    buyerReference: inv.buyerReference ?? (inv.orderReference ? undefined : inv.customer.number),
    orderReference: inv.orderReference ?? undefined,
    billingReference,
    note: inv.notes ?? undefined,
    paymentTerms: inv.paymentTerms ?? undefined,
    seller: partyOf(seller),
    buyer: partyOf(buyer),
    paymentMeans:
      settings.iban && !creditNote
        ? [{ code: '30', paymentId: inv.structuredCommunication ? formatOgm(inv.structuredCommunication) : undefined, iban: settings.iban, bic: settings.bic ?? undefined, accountName: seller.name }]
        : undefined,
    lines: inv.lines.map((l) => {
      const cat = ublVatCategory(l.vatCode, rateOf.get(l.vatCode) ?? 0);
      return {
        id: String(l.lineNo),
        name: l.description.slice(0, 200),
        quantity: l.quantity,
        unitCode: l.unit,
        unitPrice: l.unitPrice,
        netAmount: l.net,
        vatCategory: cat.category,
        vatRate: ratePercent(rateOf.get(l.vatCode) ?? 0),
        allowanceCharges: l.discount ? [{ charge: false, amount: l.discount, reason: 'Discount', reasonCode: '95', baseAmount: l.gross, percent: l.discountPercent }] : undefined,
      };
    }),
    vatBreakdown: [...breakdown.values()].map((b) => ({
      category: b.category,
      rate: b.rate,
      taxableAmount: b.taxable,
      taxAmount: b.tax,
      exemptionReason: b.reason,
      exemptionReasonCode: b.reasonCode,
    })),
    totals: {
      lineExtension: inv.totalExcl,
      allowanceTotal: 0,
      chargeTotal: 0,
      taxExclusive: inv.totalExcl,
      taxTotal: inv.totalVat,
      taxInclusive: inv.totalIncl,
      prepaid: 0,
      payableRounding: 0,
      payable: inv.totalIncl,
    },
    attachments: pdf
      ? [{ id: inv.displayNumber, description: creditNote ? 'Credit note' : 'Invoice', mimeCode: 'application/pdf', filename: `${fileNameOf(inv)}.pdf`, base64: pdf.toString('base64') }]
      : undefined,
  };
}

export const fileNameOf = (inv: InvoiceView) => (inv.displayNumber ?? `draft-${inv.id}`).replace(/[^A-Za-z0-9-]+/g, '-');

export async function invoiceUbl(db: Db, dossierId: number, inv: InvoiceView, pdf?: Buffer): Promise<string> {
  return writeUbl(await invoiceUblModel(db, dossierId, inv, pdf));
}

