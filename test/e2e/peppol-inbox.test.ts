/**
 * Invoicing → Peppol inbox in Chromium: a UBL invoice uploaded on the screen shows with its supplier
 * (found by VAT number); Enter opens the proposal with the VAT code per line (from the UBL category and
 * rate) and the supplier's default account; F12 books it as a purchase invoice. A second document is
 * rejected with F8 and a reason. A USD invoice shows the rate derived from its EUR VAT and the euro amounts
 * (a typed rate is previewed) and books in euro with the supplier line in USD. The dossier registers as a Peppol receiver under 0208:<enterprise number>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/ubl');
const file = (name: string) => ({ name, mimeType: 'application/xml', buffer: fs.readFileSync(path.join(CORPUS, name)) });

describe.each(engines)('Peppol inbox (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let dossierId: number;
  let supplier: number;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.env.app);
    const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01', enterpriseNumber: '0000000295' });
    expect(res.status).toBe(201);
    dossierId = res.body.id;
    supplier = await addRelation(e2e.env, dossierId, { number: 'L001', name: 'My Supplier Company', kind: 'supplier' });
    await sql`update relation set vat_number = 'BE0000000196', enterprise_number = '0000000196', default_account = '604000'
              where dossier_id = ${dossierId} and id = ${supplier}`.execute(e2e.env.svc.db);
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(() => e2e?.close());

  it('uploads an invoice, opens it with Enter and books it with F12', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/invoicing/peppol`);
    await page.getByRole('heading', { name: tx('nl', 'peppol.inbox.title') }).waitFor();
    await page.getByTestId('peppol-file').setInputFiles([file('ublbe-15000004-multi-vat-rates.xml')]);
    await page.getByText(tx('nl', 'peppol.inbox.uploaded', { number: 'V01/15000004' })).waitFor();
    const row = page.getByTestId('peppol-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('My Supplier Company');
    await row.click();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('peppol-document');
    await dialog.waitFor();
    expect(await dialog.getByTestId('peppol-supplier').textContent()).toContain(tx('nl', 'peppol.supplier.found', { name: 'My Supplier Company' }));
    const vat = await dialog.getByTestId('peppol-line-vat').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(vat.sort()).toEqual(['A00S', 'A06S', 'A12S', 'A21S']);
    const accounts = await dialog.getByTestId('peppol-line-account').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(accounts).toEqual(['604000', '604000', '604000', '604000']);
    await dialog.getByTestId('peppol-date').fill('2026-03-15');
    await page.keyboard.press('F12');
    await page.getByText(tx('nl', 'peppol.booked', { number: 'V01/15000004' })).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const doc = await e2e.env.svc.db.selectFrom('peppol_document').select(['status', 'booking_id']).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
    expect(doc.status).toBe('booked');
    const booking = await e2e.env.svc.db.selectFrom('booking').select(['kind', 'relation_id']).where('dossier_id', '=', dossierId).where('id', '=', doc.booking_id!).executeTakeFirstOrThrow();
    expect(booking).toMatchObject({ kind: 'purchase_invoice', relation_id: supplier });
    expect(await page.getByTestId('peppol-row').count()).toBe(0);
  });

  it('rejects a document with F8 and a reason', async () => {
    const { page } = e2e;
    const up = await admin.post(`/api/v1/dossiers/${dossierId}/peppol/documents`, { xml: fs.readFileSync(path.join(CORPUS, 'ublbe-15000001-invoice.xml'), 'utf8') });
    expect(up.status).toBe(201);
    await page.keyboard.press('F5');
    const row = page.getByTestId('peppol-row').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('peppol-document');
    await dialog.getByTestId('peppol-lines').waitFor();
    await page.keyboard.press('F8');
    await dialog.getByTestId('peppol-reject-reason').fill('Niet besteld');
    await dialog.getByTestId('peppol-reject-confirm').click();
    await page.getByText(tx('nl', 'peppol.rejected', { number: 'V01/15000001' })).waitFor();
    const doc = await e2e.env.svc.db.selectFrom('peppol_document').select(['status', 'reject_reason']).where('dossier_id', '=', dossierId).where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(doc).toEqual({ status: 'rejected', reject_reason: 'Niet besteld' });
  });

  it('a USD invoice shows its currency, the rate derived from its EUR VAT and the euro amounts (a typed rate previewed); F12 books it in euro, the supplier line in USD', async () => {
    const { page } = e2e;
    const up = await admin.post(`/api/v1/dossiers/${dossierId}/peppol/documents`, { xml: fs.readFileSync(path.join(CORPUS, 'ublbe-15000023-currency-USD.xml'), 'utf8') });
    expect(up.status).toBe(201);
    await page.keyboard.press('F5');
    const row = page.getByTestId('peppol-row').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('peppol-document');
    const fx = dialog.getByTestId('peppol-fx');
    await fx.waitFor();
    expect(await fx.getByTestId('peppol-fx-rate').textContent()).toBe(tx('nl', 'peppol.fx.derived', { currency: 'USD', rate: '0.816786' }));
    const amounts = fx.getByTestId('peppol-fx-amounts');
    // 400.00 USD net → 326.71 EUR, the VAT the invoice's 68.61 EUR, the supplier 395.32 EUR (484.00 USD)
    for (const figure of ['326,71', '68,61', '395,32', '484,00']) expect(await amounts.textContent()).toContain(figure);
    expect(await dialog.getByTestId('peppol-line-eur').textContent()).toBe('326,71');
    await dialog.getByTestId('peppol-rate').fill('0.9');
    await page.waitForFunction(() => document.querySelector('[data-testid="peppol-fx-amounts"]')?.textContent?.includes('428,61'));
    expect(await dialog.getByTestId('peppol-line-eur').textContent()).toBe('360,00');
    await dialog.getByTestId('peppol-rate').fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid="peppol-fx-amounts"]')?.textContent?.includes('395,32'));
    await dialog.getByTestId('peppol-date').fill('2026-03-15');
    await page.keyboard.press('F12');
    await page.getByText(tx('nl', 'peppol.booked', { number: 'V01/15000023' })).waitFor();
    const doc = await e2e.env.svc.db.selectFrom('peppol_document').select(['status', 'booking_id']).where('dossier_id', '=', dossierId).where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(doc.status).toBe('booked');
    const lines = await e2e.env.svc.db
      .selectFrom('booking_line')
      .select(['kind', 'amount', 'currency', 'currency_amount'])
      .where('dossier_id', '=', dossierId)
      .where('booking_id', '=', doc.booking_id!)
      .orderBy('line_no')
      .execute();
    const plain = lines.map((l) => ({ kind: l.kind, amount: Number(l.amount), currency: l.currency, currencyAmount: l.currency_amount === null ? null : Number(l.currency_amount) }));
    expect(plain).toEqual([
      { kind: 'total', amount: -39532, currency: 'USD', currencyAmount: -48400 },
      { kind: 'entry', amount: 32671, currency: null, currencyAmount: null },
      { kind: 'vat', amount: 6861, currency: null, currencyAmount: null },
    ]);
  });

  it('registers the dossier as a Peppol receiver', async () => {
    const { page } = e2e;
    const section = page.getByTestId('peppol-registration');
    expect(await section.textContent()).toContain('0208:0000000295');
    await section.getByTestId('peppol-register').click();
    await section.getByTestId('peppol-deregister').waitFor();
    const reg = await admin.get(`/api/v1/dossiers/${dossierId}/peppol/registration`);
    expect(reg.body).toMatchObject({ participantId: '0208:0000000295', state: 'registered' });
  });
});
