/**
 * Accounting → Opening balances in Chromium (seed step 11): the opening booking of a dossier coming
 * from another package, entered with the keyboard — a bank line, an open customer invoice and an
 * open supplier invoice (relation search, document reference and date, due date from the terms) and
 * the equity line added with Insert; refused while the difference is not 0.00, posted with F12, then
 * seen in Reports → Trial balance and as open items for matching; then opened (Ctrl+O), reversed and
 * entered again corrected (Ctrl+Alt+N).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { loadOpenItems } from '../../src/modules/matching/open-items.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { engines, seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)('opening booking entered with the keyboard and posted with F12 (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let dossierId: number;
  let customer: number;
  let supplier: number;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    const { svc } = e2e.env;
    const { officeId } = await seedOffice(svc);
    dossierId = (await createDossier(svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
    customer = await addRelation(e2e.env, dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer', paymentDays: 30 });
    supplier = await addRelation(e2e.env, dossierId, { number: 'L001', name: 'Molens Dossche', kind: 'supplier', paymentDays: 60, endOfMonth: true });
  });
  afterAll(() => e2e?.close());

  it('enters bank, customer and supplier items and equity, is refused while unbalanced, posts with F12 and shows in the trial balance', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    // Accounting → Opening balances, from the menu.
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/purchases`);
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    await page.getByTestId('menu-accounting').click();
    await page.getByTestId('menuitem-opening').click();
    await page.getByRole('heading', { name: tx('nl', 'menu.openingBookings') }).waitFor();
    // The booking date is the first day of the first fiscal year.
    await expect.poll(() => page.getByLabel(tx('nl', 'bk.date'), { exact: true }).inputValue()).toBe('2026-01-01');
    await page.getByLabel(tx('nl', 'bk.description'), { exact: true }).fill('Beginbalans uit vorig pakket');

    // 1: the bank account.
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 1 })).fill('550000');
    const debit1 = page.getByLabel(tx('nl', 'bk.debitOfLine', { n: 1 }));
    await debit1.fill('8450,25');
    expect(await page.getByTestId('opening-difference').textContent()).toBe(tx('nl', 'ob.difference', { amount: '8.450,25', side: tx('nl', 'bk.debit') }));

    // 2: an open customer invoice — Insert adds the line, the relation is searched (F2 / Enter).
    await debit1.press('Insert');
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 2 })).fill('400000');
    const rel2 = page.getByTestId('ob-rel-1');
    await rel2.fill('Aurora');
    await page.getByTestId('ob-rel-1-list').getByRole('option', { name: /Hotel Aurora/ }).waitFor();
    await rel2.press('Enter');
    expect(await rel2.inputValue()).toBe('Hotel Aurora');
    await page.getByLabel(tx('nl', 'ob.referenceOfLine', { n: 2 })).fill('F2025-0312');
    await page.getByLabel(tx('nl', 'ob.documentDateOfLine', { n: 2 })).fill('2025-12-15');
    // 30 days after the invoice date.
    expect(await page.getByLabel(tx('nl', 'ob.dueDateOfLine', { n: 2 })).inputValue()).toBe('2026-01-14');
    await page.getByLabel(tx('nl', 'bk.debitOfLine', { n: 2 })).fill('1210,00');

    // 3: an open supplier invoice (60 days end of month).
    await page.getByLabel(tx('nl', 'bk.debitOfLine', { n: 2 })).press('Insert');
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 3 })).fill('440000');
    const rel3 = page.getByTestId('ob-rel-2');
    await rel3.fill('Dossche');
    await page.getByTestId('ob-rel-2-list').getByRole('option', { name: /Molens Dossche/ }).waitFor();
    await rel3.press('Enter');
    await page.getByLabel(tx('nl', 'ob.referenceOfLine', { n: 3 })).fill('AK-77812');
    await page.getByLabel(tx('nl', 'ob.documentDateOfLine', { n: 3 })).fill('2025-11-20');
    expect(await page.getByLabel(tx('nl', 'ob.dueDateOfLine', { n: 3 })).inputValue()).toBe('2026-01-31');
    const credit3 = page.getByLabel(tx('nl', 'bk.creditOfLine', { n: 3 }));
    await credit3.fill('605,00');
    expect(await page.getByTestId('opening-difference').textContent()).toBe(tx('nl', 'ob.difference', { amount: '9.055,25', side: tx('nl', 'bk.debit') }));

    // Unbalanced: F12 is refused with the server's message, nothing is posted.
    await credit3.press('F12');
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toContain('niet in evenwicht');
    expect(await error.textContent()).toContain('9055.25');
    expect(await page.getByTestId('opening-number').count()).toBe(0);

    // 4: the equity line: Insert proposes the amount that balances.
    await credit3.press('Insert');
    expect(await page.getByLabel(tx('nl', 'bk.creditOfLine', { n: 4 })).inputValue()).toBe('9055,25');
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 4 })).fill('100000');
    expect(await page.getByTestId('opening-difference').textContent()).toBe(tx('nl', 'ob.balanced'));
    await page.getByLabel(tx('nl', 'bk.accountOfLine', { n: 4 })).press('F12');
    await expect.poll(() => page.getByTestId('opening-number').textContent()).toContain('OPN 2026/0001');
    expect(await page.getByTestId('success-message').textContent()).toBe(tx('nl', 'bk.posted', { number: 'OPN 2026/0001' }));
    expect(await error.count()).toBe(0);

    // The invoices are open items for matching, with their own document.
    const { svc } = e2e.env;
    const customerItems = await loadOpenItems(svc.db, dossierId, { relationId: customer });
    expect(customerItems.map((i) => [i.account, i.open, i.reference, i.date, i.dueDate, i.bookingKind])).toEqual([['400000', 121000, 'F2025-0312', '2025-12-15', '2026-01-14', 'opening']]);
    const supplierItems = await loadOpenItems(svc.db, dossierId, { relationId: supplier });
    expect(supplierItems.map((i) => [i.account, i.open, i.reference])).toEqual([['440000', -60500, 'AK-77812']]);

    // Reports → Trial balance.
    await page.goto(`${baseUrl}/d/${dossierId}/reports/trial-balance`);
    const totals = page.getByTestId('report-totals');
    await totals.waitFor();
    const row = (account: string) => page.getByTestId('report-table').getByRole('row').filter({ hasText: account }).textContent();
    expect(await row('550000')).toContain('8.450,25');
    expect(await row('400000')).toContain('1.210,00');
    expect(await row('440000')).toContain('605,00');
    expect(await row('100000')).toContain('9.055,25');
    expect(await totals.textContent()).toContain('9.660,25');
  });

  it('opens the posted opening booking (Ctrl+O), reverses it and enters it again corrected (Ctrl+Alt+N, F12)', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/opening`);
    await page.getByRole('heading', { name: tx('nl', 'menu.openingBookings') }).waitFor();
    await page.getByText(tx('nl', 'ob.exists', { number: 'OPN 2026/0001' })).waitFor();
    await page.keyboard.press('Control+KeyO');
    const list = page.getByTestId('opening-list');
    await list.getByRole('button', { name: 'OPN 2026/0001' }).click();
    await expect.poll(() => page.getByTestId('opening-number').textContent()).toContain('OPN 2026/0001');
    expect(await page.getByLabel(tx('nl', 'ob.referenceOfLine', { n: 3 })).inputValue()).toBe('AK-77812');
    expect(await page.getByLabel(tx('nl', 'bk.creditOfLine', { n: 3 })).isEditable()).toBe(false);

    // Reverse: a counter-booking in the Opening journal; the original stays as it was.
    await page.getByTestId('opening-reverse').click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'ob.reversed', { number: 'OPN 2026/0001', reversal: 'OPN 2026/0002' }));
    expect(await page.getByTestId('opening-number').textContent()).toContain(tx('nl', 'bk.isReversal'));

    // Enter again: the lines come back editable; the supplier invoice was 650.00, not 605.00.
    await page.keyboard.press('Control+Alt+KeyN');
    await expect.poll(() => page.getByTestId('opening-number').count()).toBe(0);
    const credit3 = page.getByLabel(tx('nl', 'bk.creditOfLine', { n: 3 }));
    expect(await credit3.inputValue()).toBe('605,00');
    expect(await page.getByTestId('ob-rel-2').inputValue()).toBe('Molens Dossche');
    await credit3.fill('650,00');
    expect(await page.getByTestId('opening-difference').textContent()).toBe(tx('nl', 'ob.difference', { amount: '45,00', side: tx('nl', 'bk.credit') }));
    await page.getByLabel(tx('nl', 'bk.creditOfLine', { n: 4 })).fill('9010,25');
    expect(await page.getByTestId('opening-difference').textContent()).toBe(tx('nl', 'ob.balanced'));
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('opening-number').textContent()).toContain('OPN 2026/0003');

    // The supplier now owes 650.00 on open items (the first item and its reversal net to nothing).
    const items = await loadOpenItems(e2e.env.svc.db, dossierId, { relationId: supplier });
    expect(items.reduce((sum, i) => sum + i.open, 0)).toBe(-65000);
    expect(items.filter((i) => i.open === -65000).map((i) => [i.reference, i.date])).toEqual([['AK-77812', '2025-11-20']]);
  });
});
