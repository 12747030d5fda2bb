/**
 * Sending invoices from the invoice screen in Chromium. By e-mail: the user opens a posted invoice and
 * presses Ctrl+E; a real SMTP server on loopback (smtp-server) receives the mail for the customer's address
 * with the invoice PDF attached. Over Peppol: the settings under the invoice list say the UBL 2.1 schemas
 * are not installed and how to install them, and Alt+P is refused with that message and writes nothing;
 * once the administrator has installed them (argonaut peppol install-schemas, here from the corpus copy of
 * the OASIS xsd/ folder) the settings say so, Alt+P sends the invoice of a customer registered on Peppol and
 * its SBDH document lands in the Peppol outbox folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installUblSchemas } from '../../src/modules/peppol/install-schemas.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';
import { startSmtp } from '../smtp.ts';

const CORPUS_XSD = fileURLToPath(new URL('../../../shared/corpus/ubl/xsd', import.meta.url));


describe.each(engines)('invoicing: send by e-mail and over Peppol from the invoice screen (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: ApiClient;
  let dossierId: number;
  let base: string;
  let outbox: string;
  const ids: Record<'mail' | 'peppol', number> = { mail: 0, peppol: 0 };

  beforeAll(async () => {
    smtp = await startSmtp();
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-peppol-out-'));
    e2e = await startE2E(engine);
    // as SMTP_URL, MAIL_FROM and PEPPOL_OUTBOX_DIR would set them; the UBL schemas are left at the installation's default (not installed)
    Object.assign(e2e.env.config, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Argonaut <noreply@argonaut.test>', peppolOutboxDir: outbox });
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.server);
    const d = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01', vatNumber: 'BE0403170701', street: 'Kerkstraat 1', postcode: '9000', city: 'Gent', email: 'info@bakkerij-janssens.be', modules: { invoicing: true } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    dossierId = d.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' });
    const customers = await sql<{ id: number }>`
      insert into relation (dossier_id, number, name, kind, street, postcode, city, country, language, email, vat_number, enterprise_number, peppol_id, peppol_registered)
      values (${dossierId}, 'K001', 'Hotel Aurora NV', 'customer', 'Meir 1', '2000', 'Antwerpen', 'BE', 'nl', 'boekhouding@aurora.be', null, null, null, null),
             (${dossierId}, 'K002', 'Boulangerie Dupont SRL', 'customer', 'Rue Haute 5', '1000', 'Bruxelles', 'BE', 'fr', null, 'BE0202239951', '0202239951', '0208:0202239951', true)
      returning id`.execute(e2e.env.svc.db);
    for (const [key, customerId, issueDate] of [['mail', customers.rows[0].id, '2026-03-10'], ['peppol', customers.rows[1].id, '2026-03-11']] as const) {
      const inv = await admin.post(`${base}/invoicing/invoices`, { customerId, issueDate, buyerReference: 'REF-9', lines: [{ description: 'Volkorenbrood', quantity: 12, unitPrice: '2.50', vatCode: 'V06' }] });
      ids[key] = inv.body.id;
      expect((await admin.post(`${base}/invoicing/invoices/${inv.body.id}/post`)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await e2e?.close();
    await smtp.close();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  /** Opens an invoice from the list with the keyboard (↓ to its row, Enter). */
  async function openInvoice(number: string) {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/invoices`);
    const rows = page.getByTestId('invoice-row');
    await rows.first().waitFor();
    await rows.first().focus();
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await rows.nth(i).textContent())!.includes(number)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('invoice-title').textContent()).toContain(number);
  }

  it('Ctrl+E mails the invoice: the SMTP server receives it for the customer with the invoice PDF attached; the invoice is sent', async () => {
    const { page } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await openInvoice('VK 2026/0001');
    await page.keyboard.press('Control+KeyE');
    await page.getByText(tx('nl', 'invoice.sentTo', { to: 'boekhouding@aurora.be' })).waitFor();
    expect(await page.getByTestId('invoice-status').textContent()).toContain(tx('nl', 'invoice.status.sent'));

    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0];
    expect(envelopeTo).toEqual(['boekhouding@aurora.be']);
    expect(mail.from?.value[0]).toMatchObject({ address: 'noreply@argonaut.test', name: 'Bakkerij Janssens BV via Argonaut' });
    expect(mail.replyTo?.value[0].address).toBe('info@bakkerij-janssens.be');
    expect(mail.subject).toBe('Factuur VK 2026/0001 van Bakkerij Janssens BV');
    expect(mail.text).toContain('31,80 €');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'VK-2026-0001.pdf', contentType: 'application/pdf' });
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await admin.get(`${base}/invoicing/invoices/${ids.mail}`)).body).toMatchObject({ status: 'sent', sentHow: 'email', sentTo: 'boekhouding@aurora.be' });
  });

  it('Alt+P is refused while the UBL schemas are missing (the settings say how to install them); once installed it sends the SBDH document to the outbox', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/invoices`);
    const status = page.getByTestId('ubl-schemas');
    await status.waitFor();
    expect(await status.getAttribute('data-installed')).toBe('false');
    const dir = e2e.env.config.ublXsdDir;
    expect(dir).toBe(path.join(e2e.env.dataDir, 'ubl-2.1-xsd'));
    expect(await status.textContent()).toContain('argonaut peppol install-schemas UBL-2.1.zip');
    expect(await status.textContent()).toContain(dir);

    await openInvoice('VK 2026/0002');
    await page.getByTestId('invoice-send-peppol').waitFor();
    await page.keyboard.press('Alt+KeyP');
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toContain('argonaut peppol install-schemas UBL-2.1.zip');
    expect(fs.readdirSync(outbox)).toEqual([]);
    expect(await page.getByTestId('invoice-status').textContent()).toContain(tx('nl', 'invoice.status.posted'));

    // the administrator installs them (argonaut peppol install-schemas); no restart
    await installUblSchemas(e2e.env.config, CORPUS_XSD);
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/invoices`);
    await expect.poll(() => status.getAttribute('data-installed')).toBe('true');
    expect(await status.textContent()).toContain(tx('nl', 'invoice.settings.schemasInstalled', { dir }));

    await openInvoice('VK 2026/0002');
    await page.keyboard.press('Alt+KeyP');
    await page.getByText(tx('nl', 'invoice.sentPeppol', { to: '0208:0202239951' })).waitFor();
    expect(await page.getByTestId('invoice-status').textContent()).toContain(tx('nl', 'invoice.status.sent'));
    const files = fs.readdirSync(outbox, { recursive: true }).map(String).filter((f) => f.endsWith('.xml'));
    expect(files).toHaveLength(1);
    const envelope = fs.readFileSync(path.join(outbox, files[0]), 'utf8');
    expect(envelope).toContain('StandardBusinessDocumentHeader');
    expect(envelope).toContain('0208:0202239951');
    expect(envelope).toContain('0208:0403170701');
    expect(envelope).toContain('<cbc:ID>VK 2026/0002</cbc:ID>');
    expect(envelope).toMatch(/EmbeddedDocumentBinaryObject[^>]*mimeCode="application\/pdf"/);
    expect((await admin.get(`${base}/invoicing/invoices/${ids.peppol}`)).body).toMatchObject({ status: 'sent', sentHow: 'peppol', sentTo: '0208:0202239951' });
    expect(smtp.received).toHaveLength(1);
  });
});
