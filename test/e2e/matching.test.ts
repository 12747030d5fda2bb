/**
 * Matching ("afpunten") in Chromium: a customer with two sales invoices of 1,210.00 (the newer one with a
 * structured communication) and a payment of 1,210.00 in the bank journal carrying that OGM. From the
 * financial booking, F4 on the payment line opens matching for the customer; F10 matches equal amounts
 * (the oldest invoice), F9 in the overview cancels it after a question (everything open again), F11
 * matches automatically by OGM (the newer invoice), F3 goes back to the booking; the sales invoice shows
 * "paid"; Reports → Open items shows the one open invoice, aged, and saves it as CSV.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOgm, makeOgm } from '../../src/core/ogm.ts';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { openItemsAt } from '../../src/modules/matching/open-items-report.ts';
import { trialBalance } from '../../src/modules/ledger/reports/trial-balance.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

interface Item { bookingId: number; lineNo: number; amount: number; open: number }
interface Match { id: number; method: string; lines: Array<{ bookingId: number; applied: number }> }

describe.each(engines)('matching from a financial booking: F4, F10, F9, F11, F3 and the open-items report (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let officeId: number;
  let dossierId: number;
  let base: string;
  let customer: number;
  const invoice = { a: { id: 0, display: '' }, b: { id: 0, display: '' } };
  let payment = { id: 0, display: '' };
  const ogm = makeOgm('0000004242');

  beforeAll(async () => {
    e2e = await startE2E(engine);
    officeId = (await seedOffice(e2e.env.svc)).officeId;
    admin = await loggedIn(e2e.server);
    const dossier = await admin.post('/api/v1/dossiers', { name: 'Brasserie De Kroon BV', fiscalYearStart: '2026-01-01' });
    expect(dossier.status, JSON.stringify(dossier.body)).toBe(201);
    dossierId = dossier.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    customer = await addRelation(e2e.env, dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer', paymentDays: 30 });
    const bank = await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    expect(bank.status, JSON.stringify(bank.body)).toBe(201);
    const sale = async (date: string, extra: Record<string, unknown>) => {
      const res = await admin.post(`${base}/bookings`, { type: 'sales_invoice', date, relationId: customer, lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '1210.00' }], ...extra });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as number, display: res.body.display as string };
    };
    invoice.a = await sale('2026-02-02', { reference: 'F2026-001' });
    invoice.b = await sale('2026-03-02', { reference: 'F2026-002', structuredCommunication: formatOgm(ogm) });
    const st = await admin.post(`${base}/bookings`, {
      type: 'financial_statement', journalId: bank.body.id, date: '2026-03-20', statementNumber: '1', openingBalance: '0.00', closingBalance: '1210.00',
      lines: [{ amount: '1210.00', relationId: customer, structuredCommunication: formatOgm(ogm) }],
    });
    expect(st.status, JSON.stringify(st.body)).toBe(201);
    payment = { id: st.body.id, display: st.body.display };
  });
  afterAll(() => e2e?.close());

  const openItems = async (): Promise<Item[]> => (await admin.get(`${base}/matching/open-items?relationId=${customer}`)).body.items;
  const matches = async (): Promise<Match[]> => (await admin.get(`${base}/matching/matches?relationId=${customer}`)).body.items;
  const rows = () => e2e.page.getByTestId('matching-items').locator('tbody tr[data-line]');

  it('F4 on the payment line opens matching for the customer; F10 matches equal amounts; F9 cancels it; F11 matches by OGM; F3 goes back', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/financial`);
    await page.getByRole('heading', { name: tx('nl', 'menu.financial') }).waitFor();
    // Ctrl+− opens the journal's last statement.
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toContain(payment.display);
    const paymentLine = page.getByTestId('bk-line-rel-financial-0');
    expect(await paymentLine.inputValue()).toBe('Hotel Aurora');

    await paymentLine.focus();
    await paymentLine.press('F4');
    const panel = page.getByTestId('booking-matching');
    await panel.getByRole('heading', { name: tx('nl', 'matching.fromBooking', { relation: 'Hotel Aurora' }) }).waitFor();
    expect(await page.getByTestId('booking-editor').isVisible()).toBe(false);
    // the customer's three open items; the payment line F4 was pressed on is selected
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().allTextContents()).toEqual([
      expect.stringContaining(invoice.a.display),
      expect.stringContaining(invoice.b.display),
      expect.stringContaining(payment.display),
    ]);
    expect(await rows().nth(0).textContent()).toContain(tx('nl', 'matching.status.open'));
    expect(await rows().filter({ hasText: payment.display }).getAttribute('aria-selected')).toBe('true');
    expect(await rows().filter({ hasText: payment.display }).textContent()).toContain('-1.210,00');
    expect(await page.getByTestId('matching-selection').textContent()).toBe(tx('nl', 'matching.selection', { count: 1, amount: '-1.210,00' }));

    // F10: equal amounts — the oldest invoice takes the payment
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.result.equal', { count: 1 }));
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().nth(0).textContent()).toContain(invoice.b.display);
    const [equal] = await matches();
    expect(equal.method).toBe('equal_amounts');
    expect(equal.lines.map((l) => [l.bookingId, l.applied])).toEqual([[invoice.a.id, 121000], [payment.id, -121000]]);
    expect((await openItems()).map((i) => [i.bookingId, i.open])).toEqual([[invoice.b.id, 121000]]);
    // Ctrl+D shows the matched lines again, as paid and allocated
    await page.keyboard.press('Control+KeyD');
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().filter({ hasText: invoice.a.display }).textContent()).toContain(tx('nl', 'matching.status.paid'));
    expect(await rows().filter({ hasText: payment.display }).textContent()).toContain(tx('nl', 'matching.payment.paid'));
    await page.keyboard.press('Control+KeyD');
    await expect.poll(() => rows().count()).toBe(1);

    // F9 in the overview of matches: a question first, then the match is cancelled and all is open again
    expect(await page.getByTestId('matching-match-position').textContent()).toBe(tx('nl', 'matching.matchOf', { n: 1, count: 1 }));
    await page.keyboard.press('F9');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(tx('nl', 'matching.confirmCancel', { id: equal.id }));
    await dialog.getByRole('button', { name: tx('nl', 'matching.confirmYes'), exact: true }).click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.cancelled', { id: equal.id }));
    await expect.poll(() => rows().count()).toBe(3);
    expect(await page.getByTestId('matching-match-position').textContent()).toBe(tx('nl', 'matching.noMatches'));
    expect(await matches()).toEqual([]);
    expect((await openItems()).map((i) => [i.bookingId, i.amount, i.open])).toEqual([
      [invoice.a.id, 121000, 121000],
      [invoice.b.id, 121000, 121000],
      [payment.id, -121000, -121000],
    ]);

    // F11: automatic — by the structured communication, the newer invoice (not the oldest, not a proposal)
    await page.getByTestId('matching-list').focus();
    await page.keyboard.press('F11');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.result.auto', { count: 1, proposals: 0 }));
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().nth(0).textContent()).toContain(invoice.a.display);
    const [auto] = await matches();
    expect(auto.method).toBe('ogm');
    expect(auto.lines.map((l) => [l.bookingId, l.applied])).toEqual([[invoice.b.id, 121000], [payment.id, -121000]]);
    expect(await page.getByTestId('matching-matches').textContent()).toContain(tx('nl', 'matching.method.ogm'));

    // F3: back to the statement as it was
    await page.keyboard.press('F3');
    await page.getByTestId('booking-editor').waitFor();
    expect(await panel.count()).toBe(0);
    expect(await page.getByTestId('booking-number').textContent()).toContain(payment.display);
    expect(await paymentLine.inputValue()).toBe('Hotel Aurora');
  });

  it('the invoice paid by the OGM match shows "paid" in the sales booking', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/sales`);
    await page.getByRole('heading', { name: tx('nl', 'menu.sales') }).waitFor();
    await page.keyboard.press('Control+Minus'); // the journal's last booking: invoice b
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toContain(invoice.b.display);
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toBe(`${tx('nl', 'matching.status')}: ${tx('nl', 'matching.status.paid')}`);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toContain(invoice.a.display);
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toBe(`${tx('nl', 'matching.status')}: ${tx('nl', 'matching.status.open')}`);
  });

  it('Reports → Open items shows the open invoice aged at the chosen date, totals equal to the customer account, and saves it as CSV', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/reports/open-items`);
    await page.getByRole('heading', { name: tx('nl', 'menu.openItems') }).waitFor();
    await page.getByTestId('open-items-date').fill('2026-04-30');
    const relation = page.getByTestId('open-items-relation');
    await expect.poll(() => relation.count()).toBe(1);
    expect(await relation.locator('tr.group-row').textContent()).toBe('K001 Hotel Aurora · 400000');
    const items = relation.getByTestId('open-item');
    expect(await items.count()).toBe(1);
    // due 2026-03-04 (30 days), 57 days overdue on 2026-04-30: the 31–60 column
    const cells = await items.nth(0).locator('td').allTextContents();
    expect(cells).toEqual([`${invoice.a.display} · F2026-001`, '02/02/2026', '04/03/2026', '1.210,00', '1.210,00', '', '', '1.210,00', '', '']);
    expect(await relation.getByTestId('open-items-relation-total').textContent()).toContain('1.210,00');
    expect(await page.getByTestId('report-totals').locator('td').allTextContents()).toEqual([tx('nl', 'openItems.total'), '1.210,00', '0,00', '0,00', '1.210,00', '0,00', '0,00']);

    // suppliers: none open
    await page.getByTestId('open-items-kind').selectOption('suppliers');
    await expect.poll(() => page.getByTestId('report-table').textContent()).toContain(tx('nl', 'openItems.empty'));

    // what the API holds: the open amount equals the customer account's balance at that date
    const { svc } = e2e.env;
    const report = await openItemsAt(svc, cliActor(officeId), dossierId, { date: '2026-04-30', kind: 'customers' });
    expect(report.items.map((i) => [i.bookingId, i.open, i.bucket])).toEqual([[invoice.a.id, 121000, 'd31_60']]);
    const year = await svc.db.selectFrom('fiscal_year').select('id').where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
    const tb = await trialBalance(svc, cliActor(officeId), dossierId, { fiscalYearId: year.id });
    expect(tb.rows.find((r) => r.account === '400000')?.closing).toBe(report.totals.open);

    // Ctrl+S: the customers' report as CSV from the server's export
    await page.getByTestId('open-items-kind').selectOption('customers');
    await expect.poll(() => relation.count()).toBe(1);
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog', { name: tx('nl', 'rp.saveTitle') }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-csv').click()]);
    expect(download.suggestedFilename()).toBe('open-items-2026-04-30.csv');
    const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.find((l) => l.includes(invoice.a.display))).toMatch(/^K001,Hotel Aurora,400000,/);
    expect(lines.some((l) => l.includes(invoice.b.display))).toBe(false);
  });
});
