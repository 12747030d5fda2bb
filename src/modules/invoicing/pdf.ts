/**
 * The invoice and delivery-note PDFs: A4, the dossier's logo and data, the customer's address in the
 * envelope window, the lines, the VAT breakdown and totals, and (invoices) the payment instruction with
 * an EPC "BCD" SEPA QR code carrying the structured communication — in the customer's language.
 * The invoice PDF is PDF/A-3b (embedded DejaVu Sans font, XMP metadata) with its UBL invoice attached
 * as an embedded file (AFRelationship Alternative), so one file carries both the picture and the data.
 */
import PDFDocument from 'pdfkit';
import { encodeQR } from 'qr';
import { friendlyFormatIBAN } from 'ibantools';
import type { Language } from '../../core/i18n/index.ts';
import { formatOgm } from '../../core/ogm.ts';
import type { Db } from '../../db/index.ts';
import type { InvoiceView } from './invoices.ts';
import { invoiceFonts } from './fonts.ts';
import { epcQrPayload, ratePercent } from './rules.ts';
import { loadSettings } from './settings.ts';
import { fileNameOf, partiesOf, type PartyRow } from './ubl.ts';


type Labels = Record<
  | 'invoice'
  | 'credit_note'
  | 'delivery_note'
  | 'date'
  | 'dueDate'
  | 'deliveryDate'
  | 'customerNo'
  | 'vat'
  | 'buyerReference'
  | 'orderReference'
  | 'description'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'discount'
  | 'amount'
  | 'vatRate'
  | 'base'
  | 'vatAmount'
  | 'totalExcl'
  | 'totalVat'
  | 'totalIncl'
  | 'payBefore'
  | 'payOn'
  | 'withCommunication'
  | 'scanToPay'
  | 'creditedInvoice'
  | 'paymentTerms'
  | 'enterpriseNo'
  | 'page'
  | 'received',
  string
>;

export const PDF_LABELS: Record<Language, Labels> = {
  nl: {
    invoice: 'Factuur',
    credit_note: 'Creditnota',
    delivery_note: 'Leveringsnota',
    date: 'Datum',
    dueDate: 'Vervaldag',
    deliveryDate: 'Leverdatum',
    customerNo: 'Klantnummer',
    vat: 'Btw-nummer',
    buyerReference: 'Uw referentie',
    orderReference: 'Uw bestelling',
    description: 'Omschrijving',
    quantity: 'Aantal',
    unit: 'Eenheid',
    unitPrice: 'Eenheidsprijs',
    discount: 'Korting',
    amount: 'Bedrag excl. btw',
    vatRate: 'Btw-tarief',
    base: 'Maatstaf',
    vatAmount: 'Btw',
    totalExcl: 'Totaal excl. btw',
    totalVat: 'Btw',
    totalIncl: 'Te betalen',
    payBefore: 'Gelieve {amount} te betalen vóór {date}',
    payOn: 'op rekening {iban}',
    withCommunication: 'met de gestructureerde mededeling {ogm}',
    scanToPay: 'Scan om te betalen',
    creditedInvoice: 'Creditnota bij factuur {number}',
    paymentTerms: 'Betalingsvoorwaarden',
    enterpriseNo: 'Ondernemingsnr.',
    page: 'Pagina {page} van {pages}',
    received: 'Voor ontvangst',
  },
  fr: {
    invoice: 'Facture',
    credit_note: 'Note de crédit',
    delivery_note: 'Bon de livraison',
    date: 'Date',
    dueDate: 'Échéance',
    deliveryDate: 'Date de livraison',
    customerNo: 'N° client',
    vat: 'N° TVA',
    buyerReference: 'Votre référence',
    orderReference: 'Votre commande',
    description: 'Description',
    quantity: 'Quantité',
    unit: 'Unité',
    unitPrice: 'Prix unitaire',
    discount: 'Remise',
    amount: 'Montant HTVA',
    vatRate: 'Taux TVA',
    base: 'Base',
    vatAmount: 'TVA',
    totalExcl: 'Total HTVA',
    totalVat: 'TVA',
    totalIncl: 'À payer',
    payBefore: 'Merci de payer {amount} avant le {date}',
    payOn: 'sur le compte {iban}',
    withCommunication: 'avec la communication structurée {ogm}',
    scanToPay: 'Scannez pour payer',
    creditedInvoice: 'Note de crédit relative à la facture {number}',
    paymentTerms: 'Conditions de paiement',
    enterpriseNo: "N° d'entreprise",
    page: 'Page {page} de {pages}',
    received: 'Pour réception',
  },
  en: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
    delivery_note: 'Delivery note',
    date: 'Date',
    dueDate: 'Due date',
    deliveryDate: 'Delivery date',
    customerNo: 'Customer no.',
    vat: 'VAT number',
    buyerReference: 'Your reference',
    orderReference: 'Your order',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price',
    discount: 'Discount',
    amount: 'Amount excl. VAT',
    vatRate: 'VAT rate',
    base: 'Taxable amount',
    vatAmount: 'VAT',
    totalExcl: 'Total excl. VAT',
    totalVat: 'VAT',
    totalIncl: 'Amount due',
    payBefore: 'Please pay {amount} before {date}',
    payOn: 'to account {iban}',
    withCommunication: 'with the structured communication {ogm}',
    scanToPay: 'Scan to pay',
    creditedInvoice: 'Credit note for invoice {number}',
    paymentTerms: 'Payment terms',
    enterpriseNo: 'Enterprise no.',
    page: 'Page {page} of {pages}',
    received: 'Received by',
  },
};

const UNITS: Record<string, Record<Language, string>> = {
  C62: { nl: 'st.', fr: 'pce', en: 'pcs' },
  H87: { nl: 'st.', fr: 'pce', en: 'pcs' },
  HUR: { nl: 'uur', fr: 'heure', en: 'hour' },
  DAY: { nl: 'dag', fr: 'jour', en: 'day' },
  KGM: { nl: 'kg', fr: 'kg', en: 'kg' },
  MTR: { nl: 'm', fr: 'm', en: 'm' },
  MTK: { nl: 'm²', fr: 'm²', en: 'm²' },
  LTR: { nl: 'l', fr: 'l', en: 'l' },
  KMT: { nl: 'km', fr: 'km', en: 'km' },
};

const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** 123456 → "1.234,56" (nl, fr) or "1,234.56" (en); integer cents, no floats. */
export function formatMoney(cents: number, lang: Language): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100));
  const dec = String(abs % 100).padStart(2, '0');
  const [group, point] = lang === 'en' ? [',', '.'] : ['.', ','];
  return `${sign}${units.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${point}${dec}`;
}

const euro = (cents: number, lang: Language) => (lang === 'en' ? `€ ${formatMoney(cents, lang)}` : `${formatMoney(cents, lang)} €`);
const decimal = (value: string, lang: Language) => (lang === 'en' ? value : value.replace('.', ','));
const date = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** What the document says, in order: tests read this to check the texts without parsing the PDF. */
export interface InvoiceLayout {
  language: Language;
  title: string;
  seller: string[];
  buyer: string[];
  meta: Array<[string, string]>;
  columns: string[];
  rows: string[][];
  vat: string[][];
  totals: Array<[string, string]>;
  payment: string[];
  qrPayload: string | null;
  notes: string[];
  footer: string;
}

function addressLines(p: PartyRow): string[] {
  return [p.name, p.street ?? '', [p.postcode, p.city].filter(Boolean).join(' '), p.country && p.country !== 'BE' ? p.country : ''].filter((l) => l.trim() !== '');
}

export async function invoiceLayout(db: Db, dossierId: number, inv: InvoiceView, deliveryNote: boolean): Promise<InvoiceLayout> {
  const lang = inv.customer.language;
  const L = PDF_LABELS[lang];
  const { seller, buyer } = await partiesOf(db, dossierId, inv.customer.id);
  const settings = await loadSettings(db, dossierId);
  const kindLabel = deliveryNote ? L.delivery_note : L[inv.kind];
  const title = `${kindLabel} ${inv.displayNumber ?? ''}`.trim();
  const meta: Array<[string, string]> = [[L.date, date(inv.issueDate)]];
  if (!deliveryNote && inv.kind === 'invoice' && inv.dueDate) meta.push([L.dueDate, date(inv.dueDate)]);
  if (inv.deliveryDate) meta.push([L.deliveryDate, date(inv.deliveryDate)]);
  meta.push([L.customerNo, inv.customer.number]);
  if (buyer.vat_number) meta.push([L.vat, buyer.vat_number]);
  if (inv.buyerReference) meta.push([L.buyerReference, inv.buyerReference]);
  if (inv.orderReference) meta.push([L.orderReference, inv.orderReference]);
  const unit = (u: string) => UNITS[u]?.[lang] ?? u;
  const columns = deliveryNote ? [L.description, L.quantity, L.unit] : [L.description, L.quantity, L.unit, L.unitPrice, L.discount, L.vatRate, L.amount];
  const rateOf = new Map(inv.vat.map((v) => [v.vatCode, v.rateBp]));
  const rows = inv.lines.map((l) =>
    deliveryNote
      ? [l.description, decimal(l.quantity, lang), unit(l.unit)]
      : [
          l.description,
          decimal(l.quantity, lang),
          unit(l.unit),
          decimal(l.unitPrice, lang),
          l.discountPercent !== '0' ? `${decimal(l.discountPercent, lang)} %` : '',
          `${decimal(ratePercent(rateOf.get(l.vatCode) ?? 0), lang)} %`,
          formatMoney(l.net, lang),
        ],
  );
  const vat = deliveryNote ? [] : inv.vat.map((v) => [`${decimal(ratePercent(v.rateBp), lang)} %`, euro(v.base, lang), euro(v.vat, lang)]);
  const totals: Array<[string, string]> = deliveryNote
    ? []
    : [
        [L.totalExcl, euro(inv.totalExcl, lang)],
        [L.totalVat, euro(inv.totalVat, lang)],
        [inv.kind === 'credit_note' ? `${L.credit_note}` : L.totalIncl, euro(inv.totalIncl, lang)],
      ];
  const payment: string[] = [];
  let qrPayload: string | null = null;
  if (!deliveryNote && inv.kind === 'invoice' && inv.totalIncl > 0) {
    const parts = [fill(L.payBefore, { amount: euro(inv.totalIncl, lang), date: date(inv.dueDate ?? inv.issueDate) })];
    if (settings.iban) parts.push(fill(L.payOn, { iban: `${friendlyFormatIBAN(settings.iban) ?? settings.iban}${settings.bic ? ` (BIC ${settings.bic})` : ''}` }));
    if (inv.structuredCommunication) parts.push(fill(L.withCommunication, { ogm: formatOgm(inv.structuredCommunication) }));
    payment.push(parts.join(' ') + '.');
    if (settings.iban) qrPayload = epcQrPayload({ name: seller.name, iban: settings.iban, bic: settings.bic, amount: inv.totalIncl, ogm: inv.structuredCommunication, text: inv.displayNumber });
  }
  const notes: string[] = [];
  if (inv.kind === 'credit_note' && inv.creditedInvoiceId && !deliveryNote) {
    const r = await db.selectFrom('invoice as i').leftJoin('invoicing_journal as ij', (j) => j.onRef('ij.dossier_id', '=', 'i.dossier_id').onRef('ij.id', '=', 'i.invoicing_journal_id')).select(['i.id']).where('i.dossier_id', '=', dossierId).where('i.id', '=', inv.creditedInvoiceId).executeTakeFirst();
    if (r) {
      const { loadInvoice } = await import('./invoices.ts');
      const credited = await loadInvoice(db, dossierId, r.id);
      if (credited.displayNumber) notes.push(fill(L.creditedInvoice, { number: credited.displayNumber }));
    }
  }
  if (inv.paymentTerms && !deliveryNote) notes.push(`${L.paymentTerms}: ${inv.paymentTerms}`);
  if (inv.notes) notes.push(inv.notes);
  const footerParts = [seller.name];
  if (seller.enterprise_number) footerParts.push(`${L.enterpriseNo} ${seller.enterprise_number}`);
  if (seller.vat_number) footerParts.push(`${L.vat} ${seller.vat_number}`);
  if (settings.iban) footerParts.push(`IBAN ${friendlyFormatIBAN(settings.iban) ?? settings.iban}`);
  const sellerLines = addressLines(seller);
  if (seller.vat_number) sellerLines.push(`${L.vat} ${seller.vat_number}`);
  if (seller.email) sellerLines.push(seller.email);
  if (seller.phone) sellerLines.push(seller.phone);
  return { language: lang, title, seller: sellerLines, buyer: addressLines(buyer), meta, columns, rows, vat, totals, payment, qrPayload, notes, footer: footerParts.join(' · ') };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface RenderOptions {
  logo?: { data: Uint8Array; mime: string | null } | null;
  /** the UBL XML to embed (PDF/A-3 attachment) */
  ubl?: { fileName: string; xml: string } | null;
}

export async function renderInvoicePdf(layout: InvoiceLayout, options: RenderOptions = {}): Promise<Buffer> {
  const L = PDF_LABELS[layout.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    subset: 'PDF/A-3b',
    pdfVersion: '1.7',
    tagged: true,
    lang: layout.language,
    displayTitle: true,
    info: { Title: layout.title, Author: layout.seller[0] ?? 'Argonaut', Creator: 'Argonaut', Subject: layout.title },
  });
  const done = collect(doc);
  const fonts = invoiceFonts();
  doc.registerFont('Body', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const right = left + width;

  // header: logo and seller
  let y = 40;
  if (options.logo) {
    try {
      doc.image(Buffer.from(options.logo.data), left, y, { fit: [150, 60] });
    } catch {
      // an unreadable logo leaves the space empty rather than failing the invoice
    }
  }
  doc.font('Bold').fontSize(11).fillColor('#000').text(layout.seller[0] ?? '', left + 250, y, { width: width - 250, align: 'right' });
  doc.font('Body').fontSize(8.5).fillColor('#333');
  for (const l of layout.seller.slice(1)) doc.text(l, { width: width - 250, align: 'right' });

  // customer in the envelope window (right, ~ 5 cm from the top)
  y = 140;
  doc.font('Bold').fontSize(10).fillColor('#000').text(layout.buyer[0] ?? '', left + 280, y, { width: width - 280 });
  doc.font('Body').fontSize(10);
  for (const l of layout.buyer.slice(1)) doc.text(l, { width: width - 280 });

  // title and meta
  y = 230;
  doc.font('Bold').fontSize(16).fillColor('#000').text(layout.title, left, y);
  y = doc.y + 6;
  doc.fontSize(8.5);
  for (const [label, value] of layout.meta) {
    doc.font('Body').fillColor('#555').text(label, left, y, { width: 110 });
    doc.font('Body').fillColor('#000').text(value, left + 110, y, { width: 250 });
    y += 12;
  }
  y += 10;

  // lines
  const weights = layout.columns.length === 3 ? [6, 1.2, 1.2] : [4.2, 1, 0.9, 1.3, 0.9, 0.9, 1.6];
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => (w / total) * width);
  const pad = 3;
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Bold' : 'Body').fontSize(8.5);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (y + h > doc.page.height - 150) {
      doc.addPage();
      y = doc.page.margins.top;
      if (!header) drawRow(layout.columns, true);
      doc.font(header ? 'Bold' : 'Body').fontSize(8.5);
    }
    if (header) doc.rect(left, y, width, h).fill('#e9eef3');
    let x = left;
    doc.fillColor('#000');
    cells.forEach((c, i) => {
      doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    y += h;
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.3).strokeColor('#c0c6cc').stroke();
  };
  drawRow(layout.columns, true);
  for (const r of layout.rows) drawRow(r, false);
  y += 12;

  // VAT breakdown (left) and totals (right)
  if (layout.totals.length) {
    if (y > doc.page.height - 260) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const top = y;
    doc.font('Bold').fontSize(8).fillColor('#000');
    [L.vatRate, L.base, L.vatAmount].forEach((h, i) => doc.text(h, left + i * 80, y, { width: 75, align: i ? 'right' : 'left' }));
    y += 12;
    doc.font('Body');
    for (const v of layout.vat) {
      v.forEach((c, i) => doc.text(c, left + i * 80, y, { width: 75, align: i ? 'right' : 'left' }));
      y += 11;
    }
    let ty = top;
    layout.totals.forEach(([label, value], i) => {
      const last = i === layout.totals.length - 1;
      doc.font(last ? 'Bold' : 'Body').fontSize(last ? 11 : 9);
      doc.text(label, right - 230, ty, { width: 120 });
      doc.text(value, right - 110, ty, { width: 110, align: 'right' });
      ty += last ? 16 : 13;
    });
    y = Math.max(y, ty) + 14;
  }

  // payment instruction with the EPC QR code
  if (layout.payment.length) {
    const qrSize = 86;
    const textWidth = layout.qrPayload ? width - qrSize - 20 : width;
    doc.font('Body').fontSize(9).fillColor('#000').text(layout.payment.join(' '), left, y, { width: textWidth });
    if (layout.qrPayload) {
      const matrix = encodeQR(layout.qrPayload, 'raw', { ecc: 'medium', border: 1 });
      const cell = qrSize / matrix.length;
      const qx = right - qrSize;
      for (let r = 0; r < matrix.length; r++) {
        for (let c = 0; c < matrix[r].length; c++) if (matrix[r][c]) doc.rect(qx + c * cell, y + r * cell, cell, cell);
      }
      doc.fill('#000');
      doc.font('Body').fontSize(7).fillColor('#555').text(L.scanToPay, qx, y + qrSize + 3, { width: qrSize, align: 'center' });
      y = Math.max(doc.y, y + qrSize + 14);
    } else y = doc.y + 8;
  }
  if (layout.notes.length) {
    doc.font('Body').fontSize(8.5).fillColor('#333');
    for (const n of layout.notes) doc.text(n, left, Math.max(doc.y, y) + 4, { width });
  }
  if (layout.columns.length === 3) {
    // delivery note: a field for the signature of receipt
    const sy = Math.max(doc.y, y) + 30;
    doc.font('Body').fontSize(8.5).fillColor('#000').text(`${L.received}:`, left, sy);
    doc.moveTo(left + 80, sy + 30).lineTo(left + 280, sy + 30).lineWidth(0.5).strokeColor('#888').stroke();
  }

  if (options.ubl) {
    doc.file(Buffer.from(options.ubl.xml, 'utf8'), {
      name: options.ubl.fileName,
      type: 'application/xml',
      description: 'Peppol BIS Billing 3.0 UBL invoice',
      relationship: 'Alternative',
    } as Record<string, unknown>);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - 40;
    doc.page.margins.bottom = 0;
    doc.font('Body').fontSize(7).fillColor('#666').text(layout.footer, left, bottom, { width: width - 80, lineBreak: false });
    doc.text(fill(L.page, { page: String(i + 1), pages: String(range.count) }), right - 80, bottom, { width: 80, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

/** The PDF of a posted (or draft) document; invoices and credit notes carry their UBL when `withUbl`. */
export async function invoicePdf(db: Db, dossierId: number, inv: InvoiceView, deliveryNote: boolean, ubl?: (pdfWithoutUbl: Buffer) => Promise<string>): Promise<{ fileName: string; content: Buffer }> {
  const settings = await loadSettings(db, dossierId);
  const layout = await invoiceLayout(db, dossierId, inv, deliveryNote);
  const logo = settings.logo ? { data: settings.logo, mime: settings.logoMime } : null;
  const base = fileNameOf(inv);
  const fileName = `${deliveryNote ? `${PDF_LABELS[layout.language].delivery_note.replace(/\s+/g, '-')}-` : ''}${base}.pdf`;
  if (deliveryNote || !ubl || inv.kind === 'delivery_note' || inv.status === 'draft') return { fileName, content: await renderInvoicePdf(layout, { logo }) };
  // The UBL carries the PDF (Peppol) and the PDF carries the UBL (PDF/A-3): the UBL embeds the PDF made without it.
  const plain = await renderInvoicePdf(layout, { logo });
  const xml = await ubl(plain);
  return { fileName, content: await renderInvoicePdf(layout, { logo, ubl: { fileName: `${base}.xml`, xml } }) };
}
