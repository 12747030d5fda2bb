/**
 * Peppol inbox, registration and sending, through the API on both engines: upload and inbox-folder
 * routing, supplier found or created, purchase booking proposed and booked through the ledger, rejection
 * with a reason, embedded PDF kept; registration as a receiver; sending writes an SBDH to the outbox
 * and refuses an invoice that breaks a rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { download, upload } from '../../../test/relations/http.ts';
import { describeError } from '../../core/i18n/index.ts';
import type { AppError } from '../../core/errors.ts';
import type { UblInvoice } from '../../formats/ubl/model.ts';
import { wrapSbdh, unwrapSbdh } from '../../formats/ubl/sbdh.ts';
import { computeTotals } from '../../formats/ubl/totals.ts';
import { parseUbl } from '../../formats/ubl/parse.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';
import { cliActor } from '../users/offices.ts';
import { purchaseVatCode } from './inbox.ts';
import { installUblSchemas } from './install-schemas.ts';
import { sendUblInvoice } from './send.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/ubl');
const corpus = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');

describe('purchase VAT codes from UBL tax categories', () => {
  it('maps S rates to the 82 codes (the supplier default of the same rate wins), AE to ACC, K to AICM, exempt to A00S', () => {
    expect(purchaseVatCode('S', '21', null)).toBe('A21S');
    expect(purchaseVatCode('S', '21', 'A21G')).toBe('A21G');
    expect(purchaseVatCode('S', '6', 'A21G')).toBe('A06S');
    expect(purchaseVatCode('S', '12', null)).toBe('A12S');
    expect(purchaseVatCode('Z', '0', null)).toBe('A00S');
    expect(purchaseVatCode('E', '0', null)).toBe('A00S');
    expect(purchaseVatCode('AE', '0', null)).toBe('ACC');
    expect(purchaseVatCode('K', '0', null)).toBe('AICM');
    expect(purchaseVatCode('S', '25', null)).toBeNull();
  });
});

describe.each(engines)('Peppol inbox (%s)', (engine) => {
  let t: LedgerTestContext;
  let supplier: number;

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { enterpriseNumber: '0000000295' });
    supplier = await addRelation(t.env, t.dossierId, { number: 'L001', name: 'My Supplier Company', kind: 'supplier' });
    await sql`update relation set vat_number = 'BE0000000196', enterprise_number = '0000000196', default_account = '604000'
              where dossier_id = ${t.dossierId} and id = ${supplier}`.execute(t.env.svc.db);
  });
  afterAll(() => t?.env.close());

  it('an uploaded invoice gets its supplier, a proposed booking per VAT rate and its embedded PDF; booking it posts the purchase invoice', async () => {
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml: corpus('ublbe-15000004-multi-vat-rates.xml'), fileName: '15000004.xml' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ number: 'V01/15000004', total: 345600, status: 'received', relationId: supplier, hasPdf: true, documentType: 'invoice' });
    expect(up.body.booking.type).toBe('purchase_invoice');
    expect(up.body.booking.lines.map((l: { vatCode: string }) => l.vatCode).sort()).toEqual(['A00S', 'A06S', 'A12S', 'A21S']);
    expect(up.body.booking.lines.every((l: { account: string }) => l.account === '604000')).toBe(true);

    const pdf = await t.admin.get(`${t.base}/peppol/documents/${up.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toContain('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);

    const again = await t.admin.post(`${t.base}/peppol/documents`, { xml: corpus('ublbe-15000004-multi-vat-rates.xml') });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: up.body.id, duplicate: true });

    const booked = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.document).toMatchObject({ status: 'booked', bookingId: booked.body.booking.id });
    const booking = await t.admin.get(`${t.base}/bookings/${booked.body.booking.id}`);
    expect(booking.status).toBe(200);
    expect(booking.body.kind).toBe('purchase_invoice');
    expect(booking.body.amount === 345600 || booking.body.amount === '3456.00').toBe(true);
    const supplierLine = await sql<{ amount: number }>`select amount from booking_line where dossier_id = ${t.dossierId} and booking_id = ${booked.body.booking.id} and relation_id = ${supplier}`.execute(t.env.svc.db);
    expect(supplierLine.rows.map((r) => Number(r.amount))).toEqual([-345600]);

    const twice = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15' });
    expect(twice.status).toBe(409);
    const list = await t.admin.get(`${t.base}/peppol/documents?status=booked`);
    expect(list.body.map((d: { id: number }) => d.id)).toEqual([up.body.id]);
  });

  it('a multipart upload of a large document keeps its 2.4 MB embedded PDF byte for byte', async () => {
    const xml = corpus('cen-FT_G2G_TD01-attachment-split-payment.xml');
    const res = await upload(t.admin, `${t.base}/peppol/documents`, { name: 'split-payment.xml', content: xml });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body).toMatchObject({ total: 124600, hasPdf: true, relationId: null });
    const pdf = await download(t.env.app, t.admin, `${t.base}/peppol/documents/${res.body.id}/pdf`);
    const embedded = /<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml)![1].replace(/\s+/g, '');
    expect(pdf.status).toBe(200);
    expect(Buffer.compare(pdf.body, Buffer.from(embedded, 'base64'))).toBe(0);
    expect(String(pdf.headers['content-disposition'])).toContain('mappatura_ubl_sdi.pdf');
  });

  it('refuses a file that is not an invoice, with the reason, and stores nothing', async () => {
    const res = await t.admin.post(`${t.base}/peppol/documents`, { xml: '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>', fileName: 'order.xml' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('peppol.document_refused');
    expect(res.body.message).toContain('order.xml');
    expect(res.body.message).toContain('Order');
    const bad = corpus('peppol-base-example.xml').replace(/(<cbc:PayableAmount[^>]*>)[^<]+/, '$19.99');
    const res2 = await t.admin.post(`${t.base}/peppol/documents`, { xml: bad });
    expect(res2.status).toBe(400);
    expect(res2.body.message).toContain('BR-CO-16');
  });

  it('rejecting needs a reason; a rejected document cannot be booked', async () => {
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml: corpus('ublbe-15000001-invoice.xml') });
    expect(up.status).toBe(201);
    const noReason = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/reject`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('peppol.reject_reason_required');
    const rejected = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/reject`, { reason: 'Not ordered' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Not ordered' });
    const book = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15' });
    expect(book.status).toBe(409);
    const bookings = await sql<{ n: number }>`select count(*)::int as n from booking where dossier_id = ${t.dossierId} and kind = 'purchase_invoice'`.execute(t.env.svc.db);
    expect(bookings.rows[0].n).toBe(1);
  });

  it('an unknown supplier is proposed as a new relation; a credit note books as a purchase credit note', async () => {
    const other = await t.admin.post('/api/v1/dossiers', { name: 'Tweede BV', fiscalYearStart: '2026-01-01' });
    const base = `/api/v1/dossiers/${other.body.id}`;
    const up = await t.admin.post(`${base}/peppol/documents`, { xml: corpus('ublbe-15000002-creditnote.xml') });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ relationId: null, documentType: 'credit_note', total: 48400 });
    expect(up.body.proposal.supplier).toMatchObject({ name: 'My Supplier Company', vatNumber: 'BE0000000196', enterpriseNumber: '0000000196' });
    const noRelation = await t.admin.post(`${base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', account: '604000' });
    expect(noRelation.status).toBe(400);
    expect(noRelation.body.code).toBe('peppol.relation_required');
    const booked = await t.admin.post(`${base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', account: '604000', createRelation: true });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.booking.kind).toBe('purchase_credit_note');
    const rel = await sql<{ name: string; vat_number: string }>`select name, vat_number from relation where dossier_id = ${other.body.id} and id = ${booked.body.document.relationId}`.execute(t.env.svc.db);
    expect(rel.rows[0]).toMatchObject({ name: 'My Supplier Company', vat_number: 'BE0000000196' });
  });

  type Line = { account: string; amount: number; kind: string; currency: string | null; currency_amount: number | null; vat_code: string | null };
  const bookingLines = async (bookingId: number) =>
    (
      await sql<Line>`select account, amount, kind, currency, currency_amount, vat_code from booking_line
                      where dossier_id = ${t.dossierId} and booking_id = ${bookingId} order by line_no`.execute(t.env.svc.db)
    ).rows.map((r) => ({ ...r, amount: Number(r.amount), currency_amount: r.currency_amount === null ? null : Number(r.currency_amount) }));
  const gridsOf = async (bookingId: number) =>
    (await sql<{ vat_grids: Record<string, number> | string | null }>`select vat_grids from booking where dossier_id = ${t.dossierId} and id = ${bookingId}`.execute(t.env.svc.db)).rows[0].vat_grids;
  const parsedGrids = (g: Record<string, number> | string | null) => Object.fromEntries(Object.entries(typeof g === 'string' ? JSON.parse(g) : (g ?? {})).map(([k, v]) => [k, Number(v)]));

  it('a USD invoice stating its VAT in EUR is shown and booked in euro at the rate it implies: VAT 68.61 EUR as on the invoice, the supplier line in USD 484.00', async () => {
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml: corpus('ublbe-15000023-currency-USD.xml') });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ currency: 'USD', total: 48400 });
    // 68.61 EUR / 84.00 USD = 0.816785714…: the net 400.00 USD is 326.71 EUR, the VAT the document's 68.61 EUR
    expect(up.body.exchange).toEqual({ currency: 'USD', taxCurrency: 'EUR', vatInEur: 6861, derivedRate: '0.816786', rate: '0.816786', rateSource: 'document' });
    expect(up.body.booking.euro).toEqual({ rate: '0.816786', lines: [32671], vat: 6861, totalInclVat: 39532 });

    const booked = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.exchange).toEqual({ currency: 'USD', rate: '0.816786', source: 'document' });
    expect(booked.body.booking.kind).toBe('purchase_invoice');
    const lines = await bookingLines(booked.body.booking.id);
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
    expect(lines.find((l) => l.kind === 'total')).toMatchObject({ amount: -39532, currency: 'USD', currency_amount: -48400 });
    expect(lines.find((l) => l.kind === 'entry')).toMatchObject({ account: '604000', amount: 32671, currency: null, vat_code: 'A21S' });
    expect(lines.filter((l) => l.kind === 'vat').map((l) => l.amount)).toEqual([6861]);
    expect(lines.some((l) => l.kind === 'rounding')).toBe(false);
    expect(parsedGrids(await gridsOf(booked.body.booking.id))).toMatchObject({ '59': 6861, '82': 32671 });
  });

  it("a rate the user gives wins over the document's: the nets follow it, the VAT stays the document's EUR VAT and the booking balances", async () => {
    const xml = corpus('ublbe-15000023-currency-USD.xml').replace('V01/15000023', 'V01/15000123');
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml });
    expect(up.status).toBe(201);
    const preview = await t.admin.get(`${t.base}/peppol/documents/${up.body.id}?exchangeRate=0.9`);
    expect(preview.status).toBe(200);
    expect(preview.body.exchange).toMatchObject({ derivedRate: '0.816786', rate: '0.9', rateSource: 'given' });
    expect(preview.body.booking.euro).toEqual({ rate: '0.9', lines: [36000], vat: 6861, totalInclVat: 42861 });
    const booked = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', exchangeRate: '0.9' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.exchange).toEqual({ currency: 'USD', rate: '0.9', source: 'given' });
    const lines = await bookingLines(booked.body.booking.id);
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
    // the ledger computes 21% of 360.00 = 75.60; the invoice says 68.61 EUR, and that is what is deducted
    expect(lines.filter((l) => l.kind === 'vat').map((l) => l.amount)).toEqual([6861]);
    expect(lines.find((l) => l.kind === 'entry')?.amount).toBe(36000);
    expect(lines.find((l) => l.kind === 'total')).toMatchObject({ amount: -42861, currency: 'USD', currency_amount: -48400 });
    expect(parsedGrids(await gridsOf(booked.body.booking.id))).toMatchObject({ '59': 6861, '82': 36000 });
  });

  it('a document in a currency without its VAT in EUR needs a rate (coded error naming exchangeRate); an ill-formed, zero or negative rate is refused', async () => {
    // USD invoice whose tax currency is SEK: nothing to derive a euro rate from
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml: corpus('cen-test-BIS_Billing_30-Valutor_i_faktura.xml') });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.exchange).toMatchObject({ currency: 'USD', taxCurrency: 'SEK', vatInEur: null, derivedRate: null, rate: null });
    expect(up.body.booking.euro).toBeNull();
    const missing = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', account: '604000', createRelation: true });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('peppol.exchange_rate_required');
    expect(missing.body.details[0].field).toBe('exchangeRate');
    expect(missing.body.message).toContain('USD');
    for (const bad of ['0,92', '0', '-0.9', 'abc', '0.000']) {
      const res = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', account: '604000', createRelation: true, exchangeRate: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.code, bad).toBe('peppol.exchange_rate_invalid');
      expect(res.body.details[0].field).toBe('exchangeRate');
    }
    const badPreview = await t.admin.get(`${t.base}/peppol/documents/${up.body.id}?exchangeRate=1,1`);
    expect(badPreview.status).toBe(400);
    expect(badPreview.body.code).toBe('peppol.exchange_rate_invalid');
    const still = await t.admin.get(`${t.base}/peppol/documents/${up.body.id}`);
    expect(still.body.status).toBe('received');
  });

  it('a USD credit note without EUR VAT books with the rate given: nets and VAT in euro, the supplier line in USD', async () => {
    const xml = corpus('ublbe-15000002-creditnote.xml')
      .replace(/currencyID="EUR"/g, 'currencyID="USD"')
      .replace('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>');
    const up = await t.admin.post(`${t.base}/peppol/documents`, { xml });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ documentType: 'credit_note', currency: 'USD', total: 48400, relationId: supplier });
    expect(up.body.exchange).toMatchObject({ currency: 'USD', taxCurrency: null, vatInEur: null, derivedRate: null });
    const preview = await t.admin.get(`${t.base}/peppol/documents/${up.body.id}?exchangeRate=0.9215`);
    // 400.00 USD × 0.9215 = 368.60 EUR; 21% = 77.406 → 77.41
    expect(preview.body.booking.euro).toEqual({ rate: '0.9215', lines: [36860], vat: 7741, totalInclVat: 44601 });
    const booked = await t.admin.post(`${t.base}/peppol/documents/${up.body.id}/book`, { date: '2026-03-15', exchangeRate: '0.9215' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.booking.kind).toBe('purchase_credit_note');
    const lines = await bookingLines(booked.body.booking.id);
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
    expect(lines.find((l) => l.kind === 'total')).toMatchObject({ amount: 44601, currency: 'USD', currency_amount: 48400 });
    expect(lines.find((l) => l.kind === 'entry')?.amount).toBe(-36860);
    expect(lines.filter((l) => l.kind === 'vat').map((l) => l.amount)).toEqual([-7741]);
  });

  it('registration: 0208 + enterprise number, kept with its state; no second dossier under the same id', async () => {
    const before = await t.admin.get(`${t.base}/peppol/registration`);
    expect(before.body).toMatchObject({ participantId: '0208:0000000295', state: 'not_registered' });
    const reg = await t.admin.post(`${t.base}/peppol/registration`);
    expect(reg.status).toBe(200);
    expect(reg.body).toMatchObject({ participantId: '0208:0000000295', state: 'registered' });
    const twin = await t.admin.post('/api/v1/dossiers', { name: 'Tweeling BV', fiscalYearStart: '2026-01-01', enterpriseNumber: '0000000295' });
    const taken = await t.admin.post(`/api/v1/dossiers/${twin.body.id}/peppol/registration`);
    expect(taken.status).toBe(409);
    const none = await t.admin.post('/api/v1/dossiers', { name: 'Zonder nummer', fiscalYearStart: '2026-01-01' });
    const missing = await t.admin.post(`/api/v1/dossiers/${none.body.id}/peppol/registration`);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('peppol.registration_enterprise_missing');
  });

  it('the inbox folder: documents are routed by receiver id to the registered dossier; an unknown receiver is set aside with the reason', async () => {
    const inbox = t.env.config.peppolInboxDir;
    fs.mkdirSync(inbox, { recursive: true });
    const xml = corpus('ublbe-15000001-invoice.xml').replace('V01/15000001', 'V01/15000099');
    fs.writeFileSync(path.join(inbox, 'a.xml'), wrapSbdh(xml, { sender: '0208:0000000196', receiver: '0208:0000000295', documentType: 'invoice', instanceId: 'm-1', createdAt: '2026-03-15T09:00:00Z' }));
    fs.writeFileSync(path.join(inbox, 'b.xml'), corpus('peppol-base-example.xml'));
    const run = await t.admin.post(`${t.base}/peppol/inbox/fetch`);
    expect(run.status).toBe(200);
    expect(run.body.received).toBe(1);
    const list = await t.admin.get(`${t.base}/peppol/documents?status=received`);
    expect(list.body.find((d: { number: string }) => d.number === 'V01/15000099')).toMatchObject({ source: 'inbox', relationId: supplier });
    expect(fs.readdirSync(inbox).filter((f) => f.endsWith('.xml'))).toEqual([]);
    const failed = fs.readdirSync(path.join(inbox, 'failed'));
    expect(failed.some((f) => f.endsWith('b.xml'))).toBe(true);
    const reason = fs.readFileSync(path.join(inbox, 'failed', failed.find((f) => f.endsWith('.reason.txt'))!), 'utf8');
    expect(reason).toContain('peppol.receiver_unknown');
  });

  it('sending: a valid invoice goes to the outbox in an SBDH; one that breaks a rule is not sent and the error names rule and field', async () => {
    // sending validates against the UBL 2.1 schemas, which an installation gets with install-schemas (last test: received documents are checked from here on too)
    await installUblSchemas(t.env.config, path.join(CORPUS, 'xsd'));
    const actor = cliActor(t.officeId);
    const lines: UblInvoice['lines'] = [{ id: '1', name: 'Brood', quantity: '10', unitCode: 'C62', unitPrice: '2.50', netAmount: 2500, vatCategory: 'S', vatRate: '6' }];
    const { vatBreakdown, totals } = computeTotals(lines);
    const inv: UblInvoice = {
      documentType: 'invoice',
      number: 'VF2026/0001',
      issueDate: '2026-03-15',
      dueDate: '2026-04-14',
      currency: 'EUR',
      buyerReference: 'REF-1',
      seller: { name: 'Bakkerij Janssens BV', endpoint: { scheme: '0208', id: '0000000295' }, vatNumber: 'BE0000000295', enterpriseNumber: '0000000295', address: { country: 'BE' } },
      buyer: { name: 'My Supplier Company', endpoint: { scheme: '0208', id: '0000000196' }, vatNumber: 'BE0000000196', address: { country: 'BE' } },
      paymentMeans: [{ code: '30', iban: 'BE68539007547034', paymentId: '+++000/0000/12345+++' }],
      lines,
      vatBreakdown,
      totals,
    };
    const sent = await sendUblInvoice(t.env.svc, actor, t.dossierId, inv);
    const files = fs.readdirSync(t.env.config.peppolOutboxDir);
    expect(files).toEqual([`${sent.messageId}.xml`]);
    const envelope = fs.readFileSync(path.join(t.env.config.peppolOutboxDir, files[0]), 'utf8');
    const un = unwrapSbdh(envelope);
    expect(un).toMatchObject({ sender: '0208:0000000295', receiver: '0208:0000000196', instanceId: sent.messageId });
    expect(parseUbl(un.xml).monetary.payable?.value).toBe('26.50');
    expect(envelope).toContain('busdox-docid-qns');
    const out = await t.admin.get(`${t.base}/peppol/documents?direction=out`);
    expect(out.body).toHaveLength(1);
    expect(out.body[0]).toMatchObject({ status: 'sent', number: 'VF2026/0001', total: 2650 });

    const broken = { ...inv, number: 'VF2026/0002', buyerReference: undefined, totals: { ...totals, payable: totals.payable + 1 } };
    const e = (await sendUblInvoice(t.env.svc, actor, t.dossierId, broken).then(() => null, (err) => err)) as AppError;
    expect(e?.code).toBe('peppol.invoice_invalid');
    const text = describeError(e, 'en');
    expect(text.message).toContain('PEPPOL-EN16931-R003');
    expect(text.message).toContain('BR-CO-16');
    expect(e.details.some((d) => d.field?.includes('BT-115'))).toBe(true);
    expect(fs.readdirSync(t.env.config.peppolOutboxDir)).toHaveLength(1);
  });
});
