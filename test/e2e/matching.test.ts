/**
 * Matching ("afpunten") in Chromium: a customer with two sales invoices of 1,210.00 (the newer one with a
 * structured communication) and a payment of 1,210.00 in the bank journal carrying that OGM. From the
 * financial booking, F4 on the payment line opens matching for the customer; F10 matches equal amounts
 * (the oldest invoice), F9 in the overview cancels it after a question (everything open again), F11
 * matches automatically by OGM (the newer invoice), F3 goes back to the booking; the sales invoice shows
 * "paid". On Accounting → Matching, F11 proposes two invoices that fit a payment by amount and the user
 * picks one, Space/Enter match a part payment, Ctrl+←/→ move through the overview and F9 cancels the
 * chosen match, F8 matches a customer whose items net to zero. Reports → Open items shows the open
 * items per relation, aged, with totals equal to the customer account, and saves them as CSV.
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
    // Ctrl+− opens the journal's last statement (once the journal is known).
    await expect.poll(() => page.locator('#bk-journal-financial').inputValue()).not.toBe('');
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
    await expect.poll(() => rows().filter({ hasText: payment.display }).getAttribute('aria-selected')).toBe('true');
    expect(await rows().filter({ hasText: payment.display }).textContent()).toContain('-1.210,00');
    await expect.poll(() => page.getByTestId('matching-selection').textContent()).toBe(tx('nl', 'matching.selection', { count: 1, amount: '-1.210,00' }));

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
    await expect.poll(() => page.locator('#bk-journal-sales').inputValue()).not.toBe('');
    await page.keyboard.press('Control+Minus'); // the journal's last booking: invoice b
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toContain(invoice.b.display);
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toBe(`${tx('nl', 'matching.status')}: ${tx('nl', 'matching.status.paid')}`);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toContain(invoice.a.display);
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toBe(`${tx('nl', 'matching.status')}: ${tx('nl', 'matching.status.open')}`);
  });

  it('Accounting → Matching: F11 proposes when two invoices fit, the user picks one; Space/Enter match partly; Ctrl+←/→ and F9 in the overview; F8 matches a relation that nets to zero', async () => {
    const { page, baseUrl } = e2e;
    const zwaan = await addRelation(e2e.env, dossierId, { number: 'K002', name: 'Café De Zwaan', kind: 'customer', paymentDays: 30 });
    const hoek = await addRelation(e2e.env, dossierId, { number: 'K003', name: 'Bistro Den Hoek', kind: 'customer', paymentDays: 30 });
    const post = async (body: Record<string, unknown>) => {
      const res = await admin.post(`${base}/bookings`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as number, display: res.body.display as string };
    };
    const line = (amount: string) => [{ account: '700000', vatCode: 'V21', amountInclVat: amount }];
    const inv1 = await post({ type: 'sales_invoice', date: '2026-01-10', relationId: zwaan, lines: line('500.00') });
    const inv2 = await post({ type: 'sales_invoice', date: '2026-01-15', relationId: zwaan, lines: line('500.00') });
    await post({ type: 'sales_invoice', date: '2026-01-20', relationId: hoek, lines: line('100.00') });
    await post({ type: 'sales_credit_note', date: '2026-01-21', relationId: hoek, lines: line('100.00') });
    const journals = (await admin.get(`${base}/journals`)).body.items as Array<{ id: number; code: string }>;
    const st = await post({
      type: 'financial_statement', journalId: journals.find((j) => j.code === 'KBC')!.id, date: '2026-03-25', statementNumber: '2', openingBalance: '1210.00', closingBalance: '1910.00',
      lines: [{ amount: '500.00', relationId: zwaan }, { amount: '200.00', relationId: zwaan, communication: 'voorschot' }],
    });
    const items = async (relation: number): Promise<Item[]> => (await admin.get(`${base}/matching/open-items?relationId=${relation}`)).body.items;

    await page.goto(`${baseUrl}/d/${dossierId}/accounting/matching`);
    await page.getByRole('heading', { name: tx('nl', 'menu.matching') }).waitFor();
    expect(await page.getByTestId('tab-customers').getAttribute('aria-selected')).toBe('true');
    const search = page.getByTestId('matching-relation');
    await search.fill('Zwaan');
    await page.getByTestId('matching-relation-list').getByRole('option', { name: /Café De Zwaan/ }).waitFor();
    await search.press('Enter');
    await expect.poll(() => rows().count()).toBe(4);
    expect(page.url()).toContain(`relation=${zwaan}`);

    // F11: the 500.00 payment fits both invoices by amount: a proposal, nothing matched; the user picks the second invoice
    await page.keyboard.press('F11');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.result.auto', { count: 0, proposals: 1 }));
    const proposal = page.getByTestId('matching-proposal');
    expect(await proposal.count()).toBe(1);
    expect(await proposal.textContent()).toContain(tx('nl', 'matching.proposal.by.amount'));
    expect(await proposal.getByRole('button').count()).toBe(2);
    await proposal.getByRole('button', { name: new RegExp(tx('nl', 'matching.proposal.pick', { document: inv2.display })) }).click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.done'));
    await expect.poll(() => rows().count()).toBe(2);
    expect(await proposal.count()).toBe(0);
    expect((await items(zwaan)).map((i) => [i.bookingId, i.open])).toEqual([[inv1.id, 50000], [st.id, -20000]]);

    // Space selects (↓ moves), Enter matches the selection: a part payment leaves 300.00 open, partly paid
    await page.getByTestId('matching-list').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('matching-selection').textContent()).toBe(tx('nl', 'matching.selection', { count: 2, amount: '300,00' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.donePartial'));
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().nth(0).textContent()).toContain(tx('nl', 'matching.status.partly_paid'));
    expect(await rows().nth(0).textContent()).toContain('300,00');
    expect((await items(zwaan)).map((i) => [i.bookingId, i.open])).toEqual([[inv1.id, 30000]]);

    // the overview: newest first; Ctrl+→ goes to the older match (the proposal picked), F9 cancels that one
    const all = (await admin.get(`${base}/matching/matches?relationId=${zwaan}`)).body.items as Match[];
    expect(all.map((m) => m.method)).toEqual(['selection', 'selection']);
    const position = page.getByTestId('matching-match-position');
    expect(await position.textContent()).toBe(tx('nl', 'matching.matchOf', { n: 1, count: 2 }));
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(() => position.textContent()).toBe(tx('nl', 'matching.matchOf', { n: 2, count: 2 }));
    await page.keyboard.press('Control+ArrowLeft');
    await expect.poll(() => position.textContent()).toBe(tx('nl', 'matching.matchOf', { n: 1, count: 2 }));
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(() => position.textContent()).toBe(tx('nl', 'matching.matchOf', { n: 2, count: 2 }));
    await page.keyboard.press('F9');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(tx('nl', 'matching.confirmCancel', { id: all[1].id }));
    await dialog.getByRole('button', { name: tx('nl', 'matching.confirmYes'), exact: true }).click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.cancelled', { id: all[1].id }));
    await expect.poll(() => rows().count()).toBe(3);
    expect((await admin.get(`${base}/matching/matches?relationId=${zwaan}`)).body.items.map((m: Match) => m.id)).toEqual([all[0].id]);
    expect((await items(zwaan)).map((i) => [i.bookingId, i.open])).toEqual([[inv1.id, 30000], [inv2.id, 50000], [st.id, -50000]]);

    // F8: every customer whose open items net to zero (Bistro Den Hoek: invoice and credit note) is matched
    expect((await items(hoek)).length).toBe(2);
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.result.netZero', { count: 1 }));
    expect(await items(hoek)).toEqual([]);
    expect((await items(zwaan)).length).toBe(3);
  });

  it('Reports → Open items shows the open invoice aged at the chosen date, totals equal to the customer account, and saves it as CSV', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/reports/open-items`);
    await page.getByRole('heading', { name: tx('nl', 'menu.openItems') }).waitFor();
    await page.getByTestId('open-items-date').fill('2026-04-30');
    const relations = page.getByTestId('open-items-relation');
    await expect.poll(() => relations.count()).toBe(2); // Hotel Aurora and Café De Zwaan (Bistro Den Hoek nets to zero)
    const relation = relations.nth(0);
    expect(await relation.locator('tr.group-row').textContent()).toBe('K001 Hotel Aurora · 400000');
    const items = relation.getByTestId('open-item');
    expect(await items.count()).toBe(1);
    // due 2026-03-04 (30 days), 57 days overdue on 2026-04-30: the 31–60 column
    const cells = await items.nth(0).locator('td').allTextContents();
    expect(cells).toEqual([`${invoice.a.display} · F2026-001`, '02/02/2026', '04/03/2026', '1.210,00', '1.210,00', '', '', '1.210,00', '', '']);
    expect(await relation.getByTestId('open-items-relation-total').textContent()).toContain('1.210,00');
    // Café De Zwaan: 300.00 and 500.00 open (61–90 days), the unallocated payment of 500.00 (31–60): 300.00 in all
    expect(await relations.nth(1).locator('tr.group-row').textContent()).toBe('K002 Café De Zwaan · 400000');
    expect(await relations.nth(1).getByTestId('open-item').count()).toBe(3);
    expect(await relations.nth(1).getByTestId('open-items-relation-total').locator('td').allTextContents()).toEqual([
      tx('nl', 'openItems.totalOf', { relation: 'K002 Café De Zwaan · 400000' }), '300,00', '', '', '-500,00', '800,00', '',
    ]);
    expect(await page.getByTestId('report-totals').locator('td').allTextContents()).toEqual([tx('nl', 'openItems.total'), '1.510,00', '0,00', '0,00', '710,00', '800,00', '0,00']);

    // suppliers: none open
    await page.getByTestId('open-items-kind').selectOption('suppliers');
    await expect.poll(() => page.getByTestId('report-table').textContent()).toContain(tx('nl', 'openItems.empty'));

    // what the API holds: the open amount equals the customer account's balance at that date
    const { svc } = e2e.env;
    const report = await openItemsAt(svc, cliActor(officeId), dossierId, { date: '2026-04-30', kind: 'customers' });
    expect(report.items.filter((i) => i.relationId === customer).map((i) => [i.bookingId, i.open, i.bucket])).toEqual([[invoice.a.id, 121000, 'd31_60']]);
    expect(report.totals.open).toBe(151000);
    const year = await svc.db.selectFrom('fiscal_year').select('id').where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
    const tb = await trialBalance(svc, cliActor(officeId), dossierId, { fiscalYearId: year.id });
    expect(tb.rows.find((r) => r.account === '400000')?.closing).toBe(report.totals.open);

    // Ctrl+S: the customers' report as CSV from the server's export
    await page.getByTestId('open-items-kind').selectOption('customers');
    await expect.poll(() => relations.count()).toBe(2);
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog', { name: tx('nl', 'rp.saveTitle') }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-csv').click()]);
    expect(download.suggestedFilename()).toBe('open-items-2026-04-30.csv');
    const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.find((l) => l.includes(invoice.a.display))).toMatch(/^K001,Hotel Aurora,400000,/);
    expect(lines.some((l) => l.includes(invoice.b.display))).toBe(false);
  });

  it('a link to Accounting → Matching with a relation and a booking opens that relation with the line selected; the Suppliers tab lists suppliers only', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/matching?kind=customers&relation=${customer}&line=${invoice.a.id}`);
    await expect.poll(() => page.getByTestId('matching-relation').inputValue()).toBe('Hotel Aurora');
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => rows().nth(0).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('matching-selection').textContent()).toBe(tx('nl', 'matching.selection', { count: 1, amount: '1.210,00' }));

    await addRelation(e2e.env, dossierId, { number: 'L001', name: 'Brouwerij Het Anker', kind: 'supplier', paymentDays: 30 });
    await page.getByTestId('tab-suppliers').click();
    await expect.poll(() => page.getByTestId('matching-relation').inputValue()).toBe('');
    expect(page.url()).toContain('kind=suppliers');
    expect(await page.getByTestId('matching-items').count()).toBe(0);
    await page.getByTestId('matching-relation').fill('a');
    const list = page.getByTestId('matching-relation-list');
    await list.getByRole('option', { name: /Brouwerij Het Anker/ }).waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual(['L001 — Brouwerij Het Anker']);
  });
});
