/**
 * What the booking screens fill in for the user, in Chromium: the due date follows the supplier's
 * payment terms when only the booking date is typed (the document date follows it) and on a copy
 * (Ctrl+Alt+N) whose document date is changed; Alt+N in the relation field of the purchase screen
 * opens a new relation that is a supplier; the first statement of a bank journal opens at the
 * starting balance booked against 588888 (the server refuses any other opening balance), reversing it asks
 * first (cancel leaves it); the proposed statement number starts at 1 in a new year; Ctrl+H lists the bookings of the relation or account and focuses the first; in a second
 * work tab a field's label names that tab's field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { bookOpeningBankBalance } from '../../src/modules/ledger/bookings/opening-balance.ts';
import { createFiscalYear } from '../../src/modules/ledger/fiscal-years/manage-fiscal-years.ts';
import { createJournal } from '../../src/modules/ledger/journals/manage-journals.ts';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { engines, seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)('booking screen defaults (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let dossierId: number;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    const { svc } = e2e.env;
    const { officeId } = await seedOffice(svc);
    dossierId = (await createDossier(svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
    await addRelation(e2e.env, dossierId, { number: 'L001', name: 'Molens Vandamme', kind: 'supplier', paymentDays: 30 });
    const bank = await createJournal(svc, cliActor(officeId), dossierId, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    await bookOpeningBankBalance(svc, cliActor(officeId), dossierId, bank.id, { date: '2026-01-01', amount: '10000.00' });
    await createFiscalYear(svc, cliActor(officeId), dossierId, {}); // 2027
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(() => e2e?.close());

  const field = (key: Parameters<typeof tx>[1]) => e2e.page.getByLabel(tx('nl', key), { exact: true });

  it('the due date follows the booking date when the document date follows it, and on a copy whose document date changes', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    const relation = page.getByTestId('bk-relation-purchase');
    await relation.fill('Vandamme');
    await page.getByTestId('bk-relation-purchase-list').getByRole('option').first().waitFor();
    await relation.press('Enter');
    // Only the booking date is typed: the document date follows, and so must the due date (30 days).
    await field('bk.date').fill('2026-03-10');
    expect(await field('bk.documentDate').inputValue()).toBe('2026-03-10');
    expect(await field('bk.dueDate').inputValue()).toBe('2026-04-09');

    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 1 })).fill('604000');
    await page.getByLabel(tx('nl', 'bk.vatCodeOfLine', { n: 1 })).selectOption('A21G');
    await page.getByLabel(tx('nl', 'bk.amountExclOfLine', { n: 1 })).fill('100,00');
    await page.keyboard.press('F12');
    await page.getByTestId('booking-number').waitFor();

    // A copy keeps the supplier: a new document date gives the due date of its terms, not the same day.
    await page.keyboard.press('Control+Alt+N');
    await page.getByTestId('success-message').filter({ hasText: 'AK 2026/0001' }).waitFor();
    await field('bk.documentDate').fill('2026-05-02');
    await expect.poll(() => field('bk.dueDate').inputValue()).toBe('2026-06-01');
  });

  it('a posted booking: its number, date, amount and payment status read as one line', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    await page.keyboard.press('Control+O');
    await page.getByTestId('booking-history').getByRole('button', { name: 'AK 2026/0001' }).click();
    const facts = page.getByTestId('booking-number');
    await facts.getByTestId('payment-status').waitFor();
    const layout = await facts.evaluate((p) => {
      const number = p.querySelector('strong')!.getBoundingClientRect();
      const range = document.createRange();
      range.setStart(p.querySelector('strong')!.nextSibling!, 0);
      range.setEnd(p.querySelector('strong')!.nextSibling!, 3);
      const after = range.getBoundingClientRect();
      const tag = p.lastElementChild!.getBoundingClientRect();
      return { gap: after.left - number.right, sameLine: Math.abs(tag.top - number.top) < number.height };
    });
    expect(layout.gap).toBeLessThan(12);
    expect(layout.sameLine).toBe(true);
  });

  it("Ctrl+H shows the relation's or the account's bookings below the form and puts the focus on the first one", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    const relation = page.getByTestId('bk-relation-purchase');
    await relation.fill('Vandamme');
    await page.getByTestId('bk-relation-purchase-list').getByRole('option').first().waitFor();
    await relation.press('Enter');
    await relation.press('Control+h');
    const history = page.getByTestId('booking-history');
    await history.getByRole('heading', { name: tx('nl', 'bk.historyRelation', { name: 'Molens Vandamme' }) }).waitFor();
    const focused = () => page.evaluate(() => ({ inHistory: !!document.activeElement?.closest('[data-testid="booking-history"]'), text: document.activeElement?.textContent ?? '' }));
    await expect.poll(focused).toEqual({ inHistory: true, text: 'AK 2026/0001' });
    // In view: the focused booking is inside the window.
    const box = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);

    // From the account field: that account's bookings, the focus again on the first one.
    const account = page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 1 }));
    await account.fill('604000');
    await account.press('Control+h');
    await history.getByRole('heading', { name: tx('nl', 'bk.historyAccount', { account: '604000' }) }).waitFor();
    await expect.poll(focused).toEqual({ inHistory: true, text: 'AK 2026/0001' });
  });

  it('Alt+N in the relation field of the purchase screen opens a new relation that is a supplier', async () => {
    const { page, baseUrl, context } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('bk-relation-purchase').press('Alt+n')]);
    await popup.locator('#relation-kind-field').waitFor();
    expect(await popup.locator('#relation-kind-field').inputValue()).toBe('supplier');
    await popup.close();
  });

  it('a second work tab (Ctrl+1): a label names the field of its own tab, no id is in the page twice', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByTestId('booking-tab-2').and(page.locator('[aria-selected=true]')).waitFor();
    const shown = page.locator('[role=tabpanel]:not([hidden])');
    await shown.locator('label', { hasText: tx('nl', 'bk.reference') }).click();
    await page.keyboard.type('F-77');
    expect(await shown.locator('input[id^="bk-ref-"]').inputValue()).toBe('F-77');
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
  });

  it("the first statement of a bank journal opens at the bank's starting balance", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/financial`);
    await page.getByRole('heading', { name: tx('nl', 'menu.financial') }).waitFor();
    await field('bk.date').fill('2026-01-31');
    await expect.poll(() => field('bk.openingBalance').inputValue()).toBe('10000,00');
    await page.getByTestId('bk-line-rel-financial-0').waitFor();
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 1 })).fill('658000');
    await page.getByLabel(tx('nl', 'bk.amountOfLine', { n: 1 })).fill('-12,50');
    await field('bk.closingBalance').fill('9987,50');
    await page.keyboard.press('F12');
    await page.getByTestId('booking-number').waitFor();
    expect(await page.getByTestId('booking-number').textContent()).toContain('KBC 2026/0001');
    expect(await field('bk.statementNumber').inputValue()).toBe('1');

    // Reversing posts at once: it is asked first, naming the statement; cancel leaves it as it is.
    const dialog = page.getByTestId('confirm-dialog');
    await page.getByTestId('booking-reverse').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(tx('nl', 'bk.reverseConfirm', { number: 'KBC 2026/0001' }));
    await dialog.getByRole('button', { name: tx('nl', 'common.cancel') }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const bookings = () => e2e.env.svc.db.selectFrom('booking').select('id').where('dossier_id', '=', dossierId).where('reverses_booking_id', 'is not', null).execute();
    expect(await bookings()).toHaveLength(0);
    expect(await page.getByTestId('booking-number').textContent()).toContain('KBC 2026/0001');
    expect(await page.getByTestId('booking-reverse').isEnabled()).toBe(true);

    // Reversed (confirmed), the statement is entered again: same number, same opening balance.
    await page.getByTestId('booking-reverse').click();
    await dialog.getByRole('button', { name: tx('nl', 'bk.reverse') }).click();
    await page.getByTestId('booking-number').filter({ hasText: 'KBC 2026/0002' }).waitFor();
    expect(await bookings()).toHaveLength(1);
    await page.getByRole('button', { name: tx('nl', 'bk.new'), exact: true }).click();
    await expect.poll(() => field('bk.openingBalance').inputValue()).toBe('10000,00');
    expect(await field('bk.statementNumber').inputValue()).toBe('1');
  });

  it('the proposed statement number starts again at 1 in a new year and follows the date; a typed number stays', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/financial`);
    await page.getByRole('heading', { name: tx('nl', 'menu.financial') }).waitFor();
    await field('bk.date').fill('2026-01-31');
    await expect.poll(() => field('bk.openingBalance').inputValue()).toBe('10000,00');
    await expect.poll(() => field('bk.statementNumber').inputValue()).toBe('1');
    await page.getByTestId('bk-line-rel-financial-0').waitFor();
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 1 })).fill('658000');
    await page.getByLabel(tx('nl', 'bk.amountOfLine', { n: 1 })).fill('-12,50');
    await field('bk.closingBalance').fill('9987,50');
    await page.keyboard.press('F12');
    await page.getByTestId('booking-number').waitFor();

    await page.getByRole('button', { name: tx('nl', 'bk.new'), exact: true }).click();
    await expect.poll(() => field('bk.statementNumber').inputValue()).toBe('2');
    // The first statement of 2027: the bank numbers it 1; the balance carries on.
    await field('bk.date').fill('2027-01-31');
    await expect.poll(() => field('bk.statementNumber').inputValue()).toBe('1');
    expect(await field('bk.openingBalance').inputValue()).toBe('9987,50');
    await field('bk.date').fill('2026-02-28');
    await expect.poll(() => field('bk.statementNumber').inputValue()).toBe('2');
    // A number the user typed is kept when the date changes.
    await field('bk.statementNumber').fill('7');
    await field('bk.date').fill('2027-01-31');
    await expect.poll(() => field('bk.openingBalance').inputValue()).toBe('9987,50');
    await page.waitForTimeout(300);
    expect(await field('bk.statementNumber').inputValue()).toBe('7');
  });
});
