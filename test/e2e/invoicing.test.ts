/**
 * Invoicing in Chromium: Invoicing → Invoices, Ctrl+N a new invoice; F4 the fields (customer, order
 * reference), F3 the lines: an article line and a free line whose price is typed incl. VAT and turned
 * into excl. VAT with F9; Ctrl+D clears all lines (they are typed again); F12 posts — the number of the
 * sales journal, the structured communication and the EN 16931 totals show, the sales booking exists;
 * Ctrl+F prints the invoice PDF and Ctrl+L the delivery note (new tabs with the PDFs); Alt+S publishes
 * it without e-mail and the list shows it sent. Shift+Print exports the PDF: Ctrl+Shift+F downloads the
 * invoice PDF, Ctrl+Shift+L the delivery note, Shift+click on the print button too. A credit note is
 * linked on its fields screen (F4) to the customer's posted invoice it corrects, chosen with the
 * keyboard; the PDF and the UBL name that invoice.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidOgm } from '../../src/core/ogm.ts';
import { invoiceLayout } from '../../src/modules/invoicing/pdf.ts';
import { loadInvoice } from '../../src/modules/invoicing/invoices.ts';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { embeddedUbl } from '../pdf.ts';
import { download } from '../relations/http.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';


describe.each(engines)('invoicing: make, post, print and publish an invoice (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let dossierId: number;
  let base: string;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.server);
    const dossier = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01', vatNumber: 'BE0403170701', modules: { invoicing: true } });
    expect(dossier.status, JSON.stringify(dossier.body)).toBe(201);
    dossierId = dossier.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    await addRelation(e2e.env, dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer', paymentDays: 30 });
    const art = await admin.post(`${base}/invoicing/articles`, { code: 'BROOD', description: 'Volkorenbrood', unit: 'C62', unitPrice: '2.50', vatCode: 'V06' });
    expect(art.status, JSON.stringify(art.body)).toBe(201);
  });
  afterAll(() => e2e?.close());

  it('F4 fields, F3 lines with an article and F9 incl.→excl. VAT, Ctrl+D, F12 posts; Ctrl+F / Ctrl+L print; Alt+S publishes', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/invoicing/invoices`);
    await page.getByRole('heading', { name: tx('nl', 'invoice.list.title') }).waitFor();
    await page.getByText(tx('nl', 'invoice.none')).waitFor();
    await page.keyboard.press('Control+KeyN');
    await page.getByTestId('invoice-editor').waitFor();

    // F4: the fields
    await page.keyboard.press('F4');
    const customer = page.getByTestId('invoice-customer');
    await expect.poll(() => customer.locator('option').count()).toBe(2);
    await customer.selectOption({ label: 'K001 — Hotel Aurora' });
    await page.getByTestId('invoice-issue-date').fill('2026-03-10');
    await page.getByTestId('invoice-order-reference').fill('PO-77');

    // F3: the lines — typed, cleared with Ctrl+D, typed again
    await page.keyboard.press('F3');
    const lines = page.getByTestId('invoice-line');
    await lines.nth(0).getByTestId('line-description').fill('Iets verkeerds');
    await page.keyboard.press('Insert');
    await expect.poll(() => lines.count()).toBe(2);
    await page.keyboard.press('Control+KeyD');
    await expect.poll(() => lines.count()).toBe(1);
    expect(await lines.nth(0).getByTestId('line-description').inputValue()).toBe('');

    await lines.nth(0).getByTestId('line-article').selectOption({ label: 'BROOD — Volkorenbrood' });
    expect(await lines.nth(0).getByTestId('line-description').inputValue()).toBe('Volkorenbrood');
    await lines.nth(0).getByTestId('line-quantity').fill('12');
    await page.getByTestId('invoice-add-line').click();
    await lines.nth(1).getByTestId('line-description').fill('Levering');
    await lines.nth(1).getByTestId('line-vat').selectOption('V21');
    const price = lines.nth(1).getByTestId('line-price');
    await price.fill('18,15');
    await price.press('F9');
    await expect.poll(() => price.inputValue()).toBe('15');

    // F12: saved and posted
    await page.keyboard.press('F12');
    await expect.poll(() => page.getByTestId('invoice-title').textContent()).toBe('Factuur VK 2026/0001');
    expect(await page.getByTestId('invoice-status').textContent()).toContain(tx('nl', 'invoice.status.posted'));
    // 12 × 2.50 = 30.00 at 6 % (1.80) + 15.00 at 21 % (3.15) = 49.95
    expect(await page.getByTestId('total-excl').textContent()).toBe('45,00');
    expect(await page.getByTestId('total-vat').textContent()).toBe('4,95');
    expect(await page.getByTestId('total-incl').textContent()).toBe('49,95');
    const ogm = (await page.getByTestId('invoice-ogm').textContent())!;
    expect(isValidOgm(ogm.replace(/\D/g, ''))).toBe(true);
    const [inv] = (await admin.get(`${base}/invoicing/invoices`)).body;
    expect(inv).toMatchObject({ number: 'VK 2026/0001', total: 4995, status: 'posted' });
    const detail = (await admin.get(`${base}/invoicing/invoices/${inv.id}`)).body;
    expect(detail.orderReference).toBe('PO-77');
    const booking = await sql<{ kind: string; amount: number; structured_communication: string }>`
      select kind, amount, structured_communication from booking where dossier_id = ${dossierId} and id = ${detail.bookingId}`.execute(e2e.env.svc.db);
    expect(booking.rows[0]).toMatchObject({ kind: 'sales_invoice', amount: 4995, structured_communication: ogm.replace(/\D/g, '') });

    // Ctrl+F: the invoice PDF in a new tab; Ctrl+L: the delivery note
    for (const [key, expected] of [['Control+KeyF', /\/invoices\/\d+\/pdf$/], ['Control+KeyL', /\/pdf\?deliveryNote=true$/]] as const) {
      const [popup] = await Promise.all([e2e.context.waitForEvent('page'), page.keyboard.press(key)]);
      await expect.poll(() => popup.url()).toMatch(expected);
      const res = await admin.request('GET', new URL(popup.url()).pathname + new URL(popup.url()).search);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('application/pdf');
      await popup.close();
    }

    // Alt+S: published without e-mail; the list shows it sent
    await page.keyboard.press('Alt+KeyS');
    await page.getByText(tx('nl', 'invoice.published')).waitFor();
    await page.keyboard.press('Escape');
    const row = page.getByTestId('invoice-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('sent');
    expect(await row.textContent()).toContain('VK 2026/0001');
    expect(await row.textContent()).toContain(tx('nl', 'invoice.status.sent'));
  });

  it('Shift+Print exports the PDF: Ctrl+Shift+F downloads the invoice, Ctrl+Shift+L the delivery note, Shift+click the same; the buttons say so', async () => {
    const { page, context } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/invoices`);
    await page.getByTestId('invoice-row').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('invoice-title').textContent()).toBe('Factuur VK 2026/0001');
    const printButton = page.getByTestId('invoice-print');
    expect(await printButton.getAttribute('title')).toBe(tx('nl', 'invoice.print.help'));
    expect(await page.getByTestId('invoice-delivery-note').getAttribute('title')).toBe(tx('nl', 'invoice.deliveryNote.help'));

    const opened: string[] = [];
    const onPage = (p: { url(): string }) => opened.push(p.url());
    context.on('page', onPage);
    for (const [key, name, ubl] of [['Control+Shift+KeyF', 'VK-2026-0001.pdf', true], ['Control+Shift+KeyL', 'Leveringsnota-VK-2026-0001.pdf', false]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
      expect(download.suggestedFilename()).toBe(name);
      const pdf = fs.readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // the invoice carries its UBL (PDF/A-3); the delivery note has no prices and no UBL
      expect(embeddedUbl(pdf) !== undefined).toBe(ubl);
    }
    const [clicked] = await Promise.all([page.waitForEvent('download'), printButton.click({ modifiers: ['Shift'] })]);
    expect(clicked.suggestedFilename()).toBe('VK-2026-0001.pdf');
    context.off('page', onPage);
    expect(opened).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('invoice-list').waitFor();
  });

  it('F4 on a credit note: the customer’s posted invoice is chosen with the keyboard; posted, the PDF and the UBL name it', async () => {
    const { page } = e2e;
    const [invoice] = (await admin.get(`${base}/invoicing/invoices?kind=invoice`)).body;
    // a draft invoice of the same customer is no choice
    await admin.post(`${base}/invoicing/invoices`, { customer: 'K001', issueDate: '2026-03-12', lines: [{ description: 'Ontwerp', unitPrice: '1', vatCode: 'V06' }] });

    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/invoices`);
    await page.getByTestId('invoice-list').waitFor();
    await page.keyboard.press('Control+KeyN');
    await page.getByTestId('invoice-editor').waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('invoice-kind').selectOption('credit_note');
    const credited = page.getByTestId('invoice-credited');
    expect(await credited.isDisabled()).toBe(true);
    expect(await page.locator('#invoice-credited-hint').textContent()).toBe(tx('nl', 'invoice.field.creditedInvoiceChooseCustomer'));
    await page.getByTestId('invoice-customer').selectOption({ label: 'K001 — Hotel Aurora' });
    await expect.poll(() => credited.locator('option').count()).toBe(2);
    expect(await credited.locator('option').nth(1).textContent()).toBe('VK 2026/0001 — 10/03/2026 — 49,95');
    // keyboard: focus the field and take the next option
    await credited.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => credited.inputValue()).toBe(String(invoice.id));
    await page.getByTestId('invoice-issue-date').fill('2026-03-20');

    await page.keyboard.press('F3');
    const line = page.getByTestId('invoice-line').nth(0);
    await line.getByTestId('line-article').selectOption({ label: 'BROOD — Volkorenbrood' });
    await line.getByTestId('line-quantity').fill('2');
    await page.keyboard.press('F12');
    await expect.poll(() => page.getByTestId('invoice-title').textContent()).toBe('Creditnota VK 2026/0002');
    await page.keyboard.press('F4');
    expect(await credited.inputValue()).toBe(String(invoice.id));
    expect(await credited.isDisabled()).toBe(true);

    const note = (await admin.get(`${base}/invoicing/invoices?kind=credit_note`)).body[0];
    const detail = await loadInvoice(e2e.env.svc.db, dossierId, note.id);
    expect(detail).toMatchObject({ kind: 'credit_note', status: 'posted', creditedInvoiceId: invoice.id, totalIncl: 530 });
    // the PDF says which invoice it credits, and carries the UBL with its BillingReference
    expect((await invoiceLayout(e2e.env.svc.db, dossierId, detail, false)).notes).toContain('Creditnota bij factuur VK 2026/0001');
    const pdf = await download(e2e.server, admin, `${base}/invoicing/invoices/${note.id}/pdf`);
    const ubl = embeddedUbl(pdf.body);
    expect(ubl).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>VK 2026\/0001<\/cbc:ID>\s*<cbc:IssueDate>2026-03-10<\/cbc:IssueDate>/);
  });
});
