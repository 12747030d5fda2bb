/**
 * Ledger management screens in Chromium: a financial journal refused with a bad IBAN (the server's
 * message under the field, nothing saved) and saved with a good one; and Management → Fiscal years:
 * a transfer refused while there is no next year, then the next year created and the year transferred
 * after the confirmation, with its result on screen, and the warning that it changed after a late
 * booking (Accounting → Transfer and close the fiscal year) until it is transferred again; Management → Accounts: a new account saved and
 * deleted, and the server's refusal shown for an account in use; the bank's opening balance booked
 * against 588888 from the journal, and that (last) booking deleted again after a confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, loggedIn, seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)('ledger management screens (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let dossierId: number;
  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    const admin = await loggedIn(e2e.env.app);
    const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' });
    expect(res.status).toBe(201);
    dossierId = res.body.id;
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(() => e2e?.close());

  const journals = () => e2e.env.svc.db.selectFrom('journal').select(['code', 'iban', 'bic', 'type']).where('dossier_id', '=', dossierId).where('code', '=', 'KBC').execute();

  it('refuses a financial journal with a bad IBAN, showing why, and saves it with a good one', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/management/journals`);
    await page.getByTestId('journal-new-financial').click();
    await page.getByRole('heading', { name: tx('nl', 'ledger.journal.newFinancial') }).waitFor();
    await page.locator('#journal-code').fill('KBC');
    await page.locator('#journal-name').fill('KBC zichtrekening');
    await page.locator('#journal-iban').fill('BE68 5390 0754 7035');
    await page.locator('#journal-bic').fill('KREDBEBB');
    await page.keyboard.press('Control+s');

    const banner = page.getByTestId('error-message');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('BE68 5390 0754 7035');
    expect(await page.locator('#journal-iban').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/management\/journals\/new/);
    expect(await journals()).toEqual([]);

    await page.locator('#journal-iban').fill('BE68 5390 0754 7034');
    await page.getByRole('button', { name: tx('nl', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/management\/journals\/\d+$/);
    await page.getByRole('heading', { name: 'KBC KBC zichtrekening' }).waitFor();
    expect(await page.getByTestId('success-message').textContent()).toBe(tx('nl', 'common.saved'));
    expect(await journals()).toEqual([{ code: 'KBC', iban: 'BE68539007547034', bic: 'KREDBEBB', type: 'financial' }]);
  });

  it("books the bank's opening balance against 588888, and deletes that last booking after a confirmation", async () => {
    const { page } = e2e;
    const db = e2e.env.svc.db;
    const bookings = () =>
      db
        .selectFrom('booking')
        .innerJoin('booking_line', 'booking_line.booking_id', 'booking.id')
        .innerJoin('journal', 'journal.id', 'booking.journal_id')
        .select(['journal.code', 'booking.number', 'booking_line.account'])
        .where('booking.dossier_id', '=', dossierId)
        .orderBy('booking_line.account')
        .execute();
    // Still on the KBC journal saved above.
    await page.locator('#opening-date').fill('2026-01-01');
    await page.locator('#opening-amount').fill('1500,00');
    await page.getByRole('button', { name: tx('nl', 'ledger.journal.openingBook'), exact: true }).click();
    await page.getByTestId('success-message').filter({ hasText: tx('nl', 'ledger.journal.openingDone') }).waitFor();
    const booked = await bookings();
    expect(booked.map((b) => b.account)).toEqual(['550000', '588888']);
    const journalCode = booked[0].code;

    const journal = await db.selectFrom('journal').select('id').where('dossier_id', '=', dossierId).where('code', '=', journalCode).executeTakeFirstOrThrow();
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/management/journals/${journal.id}`);
    await page.getByTestId('journal-last-booking').waitFor();
    await page.getByTestId('journal-delete-last').click();
    await page.getByRole('button', { name: tx('nl', 'common.delete'), exact: true }).last().click();
    await page.getByTestId('success-message').waitFor();
    // the journal's detail reloads after the deletion: it then says there is no booking left
    await page.getByText(tx('nl', 'ledger.journal.noBooking')).waitFor();
    expect(await page.getByText(tx('nl', 'ledger.journal.noBooking')).count()).toBe(1);
    expect(await bookings()).toEqual([]);
    const audited = await db.selectFrom('audit_event').select('action').where('dossier_id', '=', dossierId).where('action', '=', 'ledger.booking.delete_last').execute();
    expect(audited).toHaveLength(1);
  });

  it('transfers a fiscal year after the confirmation, once there is a next year', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/management/fiscal-years`);
    await page.getByTestId('fiscal-year-detail').waitFor();

    // Without a next year the server refuses, and says what to do.
    await page.getByTestId('fy-transfer').click();
    await page.getByRole('button', { name: tx('nl', 'ledger.fy.transfer'), exact: true }).last().click();
    const banner = page.getByTestId('error-message');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('Maak eerst het volgende boekjaar aan om naar over te boeken.');

    await page.getByTestId('fy-create-next').click();
    await expect.poll(() => page.locator('[data-testid=fiscal-years] tbody tr').count()).toBe(2);

    // Back to 2026 (the first row), and transfer it.
    await page.locator('[data-testid=fiscal-years] tbody tr').first().click();
    await page.getByTestId('fy-transfer').click();
    await page.getByRole('button', { name: tx('nl', 'ledger.fy.transfer'), exact: true }).last().click();
    const result = page.getByTestId('fy-transfer-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Boekjaar overgeboekt.');

    const years = await e2e.env.svc.db.selectFrom('fiscal_year').select(['start_date', 'transferred_at']).where('dossier_id', '=', dossierId).orderBy('start_date').execute();
    expect(years.map((y) => y.start_date)).toEqual(['2026-01-01', '2027-01-01']);
    expect(years[0].transferred_at).not.toBeNull();
    expect(years[1].transferred_at).toBeNull();
  });

  it('says a transferred year changed after a late booking, reached from Accounting → Transfer and close the fiscal year, until it is transferred again', async () => {
    const { page } = e2e;
    const admin = await loggedIn(e2e.env.app);
    const late = await admin.post(`/api/v1/dossiers/${dossierId}/bookings`, { type: 'miscellaneous', date: '2026-12-31', lines: [{ account: '612000', debit: '45.00' }, { account: '499000', credit: '45.00' }] });
    expect(late.status, JSON.stringify(late.body)).toBe(201);

    await page.goto(`${e2e.baseUrl}/d/${dossierId}/accounting/close-year`);
    await page.getByTestId('fiscal-year-detail').waitFor();
    expect(await page.getByTestId('not-available').count()).toBe(0);
    const first = page.locator('[data-testid=fiscal-years] tbody tr').first();
    await expect.poll(() => first.getByTestId('fy-transfer-outdated').count()).toBe(1);
    expect(await first.textContent()).toContain(tx('nl', 'ledger.fy.transferOutdatedTag'));
    await first.click();
    const banner = page.getByTestId('fy-transfer-outdated-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('de beginbalans van het volgende boekjaar klopt niet meer');

    await page.getByTestId('fy-transfer').click();
    await page.getByRole('button', { name: tx('nl', 'ledger.fy.transfer'), exact: true }).last().click();
    await page.getByTestId('fy-transfer-result').waitFor();
    await expect.poll(() => page.getByTestId('fy-transfer-outdated').count()).toBe(0);
    await expect.poll(() => banner.count()).toBe(0); // the year's detail is read again after the list
  });
  it('adds and deletes an account, and shows why an account in use cannot be deleted', async () => {
    const { page } = e2e;
    const account = (n: string) => e2e.env.svc.db.selectFrom('account').select(['number', 'name_nl', 'name_fr', 'active']).where('dossier_id', '=', dossierId).where('number', '=', n).executeTakeFirst();
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/management/accounts`);
    await page.getByRole('button', { name: tx('nl', 'ledger.account.new'), exact: true }).click();
    await page.locator('#account-number').fill('550900');
    await page.locator('#account-nl').fill('Spaarrekening');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/management\/accounts\/550900$/);
    await page.getByRole('heading', { name: '550900 Spaarrekening' }).waitFor();
    expect(await account('550900')).toEqual({ number: '550900', name_nl: 'Spaarrekening', name_fr: 'Spaarrekening', active: true });

    await page.getByRole('button', { name: tx('nl', 'common.delete'), exact: true }).first().click();
    await page.getByRole('button', { name: tx('nl', 'common.delete'), exact: true }).last().click();
    await page.waitForURL(/\/management\/accounts$/);
    await expect.poll(() => account('550900')).toBeUndefined();

    // 400000 is the customers' fixed account: the server refuses, the screen says why.
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/management/accounts/400000`);
    await page.getByTestId('account-detail').waitFor();
    await page.getByRole('button', { name: tx('nl', 'common.delete'), exact: true }).first().click();
    await page.getByRole('button', { name: tx('nl', 'common.delete'), exact: true }).last().click();
    const banner = page.getByTestId('error-message');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('De rekening 400000 kan niet verwijderd worden');
    expect(await account('400000')).toBeDefined();
  });
});
