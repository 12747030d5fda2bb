/**
 * Invoice PDF and e-mail on both engines, against a real SMTP server (smtp-server on loopback) and a DNS
 * server on loopback (dns2) answering the SPF TXT records: the sender follows the SPF check (own domain
 * when it includes our include, else noreply with the dossier's reply-to) and the settings say why; the
 * mail reaches the customer in their language with the PDF/A-3 invoice carrying its UBL; "publish without
 * e-mail" marks an invoice sent and mails nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import dns2 from 'dns2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';
import { pdfStreams } from '../../../test/pdf.ts';
import { download } from '../../../test/relations/http.ts';
import { formatOgm } from '../../core/ogm.ts';
import { validateUblXml } from '../../formats/ubl/validate.ts';
import { invoiceLayout } from './pdf.ts';
import { loadInvoice } from './invoices.ts';
import type { AddressInfo } from 'node:net';
import { startSmtp } from '../../../test/smtp.ts';

const INCLUDE = 'spf.argonaut.test';
/** The OASIS UBL 2.1 schemas of the reference corpus (an installation installs them with `argonaut peppol install-schemas`). */
const UBL_XSD = new URL('../../../../shared/corpus/ubl/xsd', import.meta.url).pathname;


/** A DNS server on loopback answering TXT questions from `records` (NXDOMAIN otherwise). */
async function startDns(records: Record<string, string[]>) {
  const server = dns2.createUDPServer((request, send) => {
    const response = dns2.Packet.createResponseFromRequest(request);
    const [q] = request.questions;
    const txt = records[q.name.toLowerCase()];
    if (txt && q.type === dns2.Packet.TYPE.TXT) for (const data of txt) response.answers.push({ name: q.name, type: dns2.Packet.TYPE.TXT, class: dns2.Packet.CLASS.IN, ttl: 60, data } as never);
    else if (!txt) response.header.rcode = 3;
    void send(response);
  });
  await server.listen(0, '127.0.0.1');
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}


/** A small red PNG (4 × 4), made here so the test needs no image file. */
function redPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe.each(engines)('invoice PDF and e-mail (%s)', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let dnsServer: Awaited<ReturnType<typeof startDns>>;
  let admin: ApiClient;
  let base: string;
  let invoiceId: number;
  let dossierId: number;
  let peppolOutbox: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    dnsServer = await startDns({
      'bakkerij-janssens.be': ['v=spf1 mx include:spf.argonaut.test ~all'],
      'andere-bakker.be': ['v=spf1 include:_spf.mailhost.example -all'],
    });
    peppolOutbox = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-peppol-out-'));
    env = await createTestEnv(engine, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Argonaut <noreply@argonaut.test>', spfInclude: INCLUDE, dnsServer: dnsServer.address, peppolOutboxDir: peppolOutbox, ublXsdDir: UBL_XSD });
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    const d = await admin.post('/api/v1/dossiers', {
      name: 'Bakkerij Janssens BV',
      fiscalYearStart: '2026-01-01',
      vatNumber: 'BE0403170701',
      street: 'Kerkstraat 1',
      postcode: '9000',
      city: 'Gent',
      email: 'info@bakkerij-janssens.be',
      modules: { invoicing: true },
    });
    dossierId = d.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' });
    const customer = await sql<{ id: number }>`
      insert into relation (dossier_id, number, name, kind, street, postcode, city, country, language, email, vat_number, enterprise_number)
      values (${dossierId}, 'K001', 'Boulangerie Dupont SRL', 'customer', 'Rue Haute 5', '1000', 'Bruxelles', 'BE', 'fr', 'compta@dupont.be', 'BE0202239951', '0202239951')
      returning id`.execute(env.svc.db);
    const inv = await admin.post(`${base}/invoicing/invoices`, {
      customerId: customer.rows[0].id,
      issueDate: '2026-03-10',
      buyerReference: 'REF-9',
      lines: [
        { description: 'Pains au chocolat', quantity: 40, unit: 'C62', unitPrice: '1.25', vatCode: 'V06' },
        { description: 'Livraison', quantity: 1, unitPrice: '15', vatCode: 'V21', discountPercent: '10' },
      ],
    });
    invoiceId = inv.body.id;
    const posted = await admin.post(`${base}/invoicing/invoices/${invoiceId}/post`);
    expect(posted.status).toBe(200);
  });
  afterAll(async () => {
    await env?.close();
    await smtp.close();
    await dnsServer?.server.close();
    if (peppolOutbox) fs.rmSync(peppolOutbox, { recursive: true, force: true });
  });

  it('lays the invoice out in the customer’s language, with the payment instruction and the EPC QR payload', async () => {
    const inv = await loadInvoice(env.svc.db, dossierId, invoiceId);
    const layout = await invoiceLayout(env.svc.db, dossierId, inv, false);
    expect(layout.title).toBe('Facture VK 2026/0001');
    expect(layout.columns).toContain('Prix unitaire');
    expect(layout.rows[0]).toEqual(['Pains au chocolat', '40', 'pce', '1,25', '', '6 %', '50,00']);
    expect(layout.totals.at(-1)).toEqual(['À payer', '69,34 €']);
    expect(layout.payment[0]).toContain(formatOgm(inv.structuredCommunication!));
    expect(layout.payment[0]).toContain('BE68 5390 0754 7034');
    expect(layout.qrPayload!.split('\n').slice(0, 8)).toEqual(['BCD', '002', '1', 'SCT', 'KREDBEBB', 'Bakkerij Janssens BV', 'BE68539007547034', 'EUR69.34']);
    const note = await invoiceLayout(env.svc.db, dossierId, inv, true);
    expect(note.title).toBe('Bon de livraison VK 2026/0001');
    expect(note.columns).toEqual(['Description', 'Quantité', 'Unité']);
    expect(note.totals).toEqual([]);
    expect(note.qrPayload).toBeNull();
  });

  it('prints a PDF/A-3 invoice with its UBL attached, and a delivery note without prices', async () => {
    const res = await download(env.app, admin, `${base}/invoicing/invoices/${invoiceId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const streams = pdfStreams(res.body);
    expect(streams.some((s) => s.includes('<pdfaid:part>3</pdfaid:part>'))).toBe(true);
    const ubl = streams.find((s) => s.includes('<Invoice'));
    expect(ubl).toBeDefined();
    expect(ubl).toContain('<cbc:ID>VK 2026/0001</cbc:ID>');
    expect(ubl).toContain('<cbc:PayableAmount currencyID="EUR">69.34</cbc:PayableAmount>');
    expect(res.body.toString('latin1')).toContain('/AFRelationship /Alternative');
    const note = await download(env.app, admin, `${base}/invoicing/invoices/${invoiceId}/pdf?deliveryNote=true`);
    expect(note.status).toBe(200);
    expect(pdfStreams(note.body).some((s) => s.includes('<Invoice'))).toBe(false);
  });

  it('puts the dossier’s logo on the invoice; refuses a logo that is no PNG or JPEG', async () => {
    const bad = await admin.put(`${base}/invoicing/settings`, { logo: Buffer.from('GIF89a...').toString('base64') });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invoicing.logo_invalid');
    const before = await download(env.app, admin, `${base}/invoicing/invoices/${invoiceId}/pdf`);
    expect(before.body.toString('latin1')).not.toContain('/Subtype /Image');
    const ok = await admin.put(`${base}/invoicing/settings`, { logo: redPng().toString('base64') });
    expect(ok.body.hasLogo).toBe(true);
    const after = await download(env.app, admin, `${base}/invoicing/invoices/${invoiceId}/pdf`);
    expect(after.body.toString('latin1')).toContain('/Subtype /Image');
  });

  it('makes a Peppol BIS 3.0 UBL of the posted invoice that passes the UBL 2.1 XSD and our EN 16931 / Peppol rules', async () => {
    const res = await download(env.app, admin, `${base}/invoicing/invoices/${invoiceId}/ubl`);
    expect(res.status).toBe(200);
    const xml = res.body.toString('utf8');
    const check = await validateUblXml(xml, { xsdDir: UBL_XSD, outgoing: true });
    expect({ xsd: check.xsd, rules: check.rules }).toEqual({ xsd: [], rules: [] });
    expect(xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
    expect(xml).toContain('<cbc:EndpointID schemeID="0208">0202239951</cbc:EndpointID>');
    expect(xml).toContain('<cbc:PaymentID>+++');
    expect(xml).toContain('<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf"');
  });

  it('sends from the noreply address with the dossier’s reply-to while no own sender is set, and says why', async () => {
    const s = (await admin.get(`${base}/invoicing/settings`)).body;
    expect(s.sender).toMatchObject({ mode: 'noreply', replyTo: 'info@bakkerij-janssens.be' });
    expect(s.sender.explanation).toContain('geen eigen afzenderadres');
  });

  it('says the SPF record lacks our include for a domain that does not include it, and keeps noreply', async () => {
    await admin.put(`${base}/invoicing/settings`, { senderEmail: 'facturen@andere-bakker.be' });
    const s = (await admin.get(`${base}/invoicing/settings`)).body;
    expect(s.sender.mode).toBe('noreply');
    expect(s.sender.explanation).toContain(`include:${INCLUDE}`);
    expect(s.sender.explanation).toContain('andere-bakker.be');
  });

  it('mails the invoice from the dossier’s own domain when its SPF includes ours: French text, PDF attached; status sent', async () => {
    const put = await admin.put(`${base}/invoicing/settings`, { senderEmail: 'facturen@bakkerij-janssens.be' });
    expect(put.body.sender.mode).toBe('own_domain');
    const res = await admin.post(`${base}/invoicing/invoices/${invoiceId}/send`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ to: 'compta@dupont.be', senderMode: 'own_domain', delivered: true });
    expect(res.body.invoice.status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0];
    expect(envelopeTo).toEqual(['compta@dupont.be']);
    expect(mail.from?.value[0].address).toBe('facturen@bakkerij-janssens.be');
    expect(mail.subject).toBe('Facture VK 2026/0001 de Bakkerij Janssens BV');
    expect(mail.text).toContain('69,34 €');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('VK-2026-0001.pdf');
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('falls back to noreply with the own address as reply-to when the SPF lookup no longer includes ours', async () => {
    await admin.put(`${base}/invoicing/settings`, { senderEmail: 'facturen@andere-bakker.be', replyTo: null });
    const res = await admin.post(`${base}/invoicing/invoices/${invoiceId}/send`, { to: 'boekhouding@dupont.be' });
    expect(res.status).toBe(200);
    const { mail } = smtp.received[1];
    expect(mail.from?.value[0].address).toBe('noreply@argonaut.test');
    expect(mail.from?.value[0].name).toBe('Bakkerij Janssens BV via Argonaut');
    expect(mail.replyTo?.value[0].address).toBe('info@bakkerij-janssens.be');
  });

  it('publishes without e-mail: marks a posted invoice sent and mails nothing; a draft is refused', async () => {
    const draft = await admin.post(`${base}/invoicing/invoices`, { customer: 'K001', issueDate: '2026-03-11', lines: [{ description: 'Taart', unitPrice: '20', vatCode: 'V06' }] });
    const refused = await admin.post(`${base}/invoicing/publish`, { ids: [draft.body.id] });
    expect(refused.status).toBe(409);
    await admin.post(`${base}/invoicing/invoices/${draft.body.id}/post`);
    const before = smtp.received.length;
    const res = await admin.post(`${base}/invoicing/publish`, { ids: [draft.body.id] });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ status: 'sent', sentHow: 'published', sentTo: null });
    expect(smtp.received.length).toBe(before);
  });

  it('refuses to mail a customer without an e-mail address, naming the customer', async () => {
    await sql`update relation set email = null where dossier_id = ${dossierId} and number = 'K001'`.execute(env.svc.db);
    const res = await admin.post(`${base}/invoicing/invoices/${invoiceId}/send`, {});
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('Boulangerie Dupont SRL');
  });

  it('sends the invoice over Peppol only to a customer registered on Peppol: SBDH with the checked UBL and its PDF in the outbox; status sent', async () => {
    const refused = await admin.post(`${base}/invoicing/invoices/${invoiceId}/peppol`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Boulangerie Dupont SRL');
    expect(fs.readdirSync(peppolOutbox)).toEqual([]);

    // as Relations → Check Peppol registration records it
    await sql`update relation set peppol_id = '0208:0202239951', peppol_registered = true where dossier_id = ${dossierId} and number = 'K001'`.execute(env.svc.db);
    const sent = await admin.post(`${base}/invoicing/invoices/${invoiceId}/peppol`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.to).toBe('0208:0202239951');
    expect(sent.body.invoice).toMatchObject({ status: 'sent', sentHow: 'peppol', sentTo: '0208:0202239951' });

    const files = fs.readdirSync(peppolOutbox, { recursive: true }).map(String).filter((f) => f.endsWith('.xml'));
    expect(files).toHaveLength(1);
    const envelope = fs.readFileSync(path.join(peppolOutbox, files[0]), 'utf8');
    expect(envelope).toContain('StandardBusinessDocumentHeader');
    expect(envelope).toContain('0208:0202239951');
    expect(envelope).toContain(sent.body.invoice.displayNumber);
    expect(envelope).toMatch(/EmbeddedDocumentBinaryObject[^>]*mimeCode="application\/pdf"/);
    const out = await env.svc.db.selectFrom('peppol_document').select(['direction', 'status', 'receiver_id']).where('dossier_id', '=', dossierId).execute();
    expect(out).toEqual([{ direction: 'out', status: 'sent', receiver_id: '0208:0202239951' }]);
  });
});
