/**
 * A newcomer's first minutes, in Chromium: the welcome page creates the office and its
 * administrator, the dossier chooser is empty, a dossier is created (an invalid VAT number is
 * refused first, naming the field), opened from the chooser, and the administrator logs out and in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, logout, startE2E, tx, type E2E } from './harness.ts';

describe('first run, log in and create a dossier (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('sends a new installation to the welcome page, which creates the office and its administrator', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/setup$/);
    await page.getByRole('heading', { name: tx('nl', 'setup.title') }).waitFor();

    await page.locator('#officeName').fill('Boekhoudkantoor Claes');
    await page.locator('#login').fill('marie');
    await page.locator('#displayName').fill('Marie Claes');
    await page.locator('#email').fill('marie@claes.be');
    await page.locator('#password').fill('marie-wachtwoord-1');
    await page.locator('#password2').fill('marie-wachtwoord-1');
    await page.getByRole('button', { name: tx('nl', 'setup.submit') }).click();

    await page.waitForURL(/\/dossiers$/);
    await page.getByRole('heading', { name: tx('nl', 'chooser.title') }).waitFor();
    await page.getByText(tx('nl', 'chooser.none')).waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('Marie Claes');
    expect(await page.locator('.office-name').textContent()).toBe('Boekhoudkantoor Claes');

    const users = await e2e.env.svc.db.selectFrom('app_user').select(['login', 'role', 'email']).execute();
    expect(users).toEqual([{ login: 'marie', role: 'admin', email: 'marie@claes.be' }]);
  });

  it('creates a dossier: an invalid VAT number is refused under its field, the corrected one is saved', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: tx('nl', 'dossier.new'), exact: true }).click();
    await page.waitForURL(/\/management\/dossiers\/new$/);
    await page.locator('#name').fill('Bakkerij Peeters BV');
    await page.locator('#legalForm').fill('BV');
    await page.locator('#vatNumber').fill('BE0403170702');
    await page.locator('#city').fill('Mechelen');
    await page.getByRole('button', { name: tx('nl', 'common.save'), exact: true }).click();

    const fieldError = page.locator('#vatNumber-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('Het btw-nummer BE0403170702 is ongeldig');
    expect(await page.locator('#vatNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await e2e.env.svc.db.selectFrom('dossier').select('id').execute()).toEqual([]);

    await page.locator('#vatNumber').fill('BE 0403.170.701');
    await page.getByRole('button', { name: tx('nl', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/management\/dossiers\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Peeters BV' }).waitFor();
    expect(await page.locator('#vatNumber').inputValue()).toBe('BE0403170701');

    // The mailbox tab shows the dossier's own inbound address.
    await page.getByRole('tab', { name: tx('nl', 'dossier.tab.mailbox') }).click();
    expect(await page.getByTestId('mailbox-address').textContent()).toMatch(/^bakkerij-peeters-bv-[0-9a-f]{8}@/);

    const rows = await e2e.env.svc.db.selectFrom('dossier').select(['name', 'vat_number', 'city', 'legal_form']).execute();
    expect(rows).toEqual([{ name: 'Bakkerij Peeters BV', vat_number: 'BE0403170701', city: 'Mechelen', legal_form: 'BV' }]);
  });

  it('opens the dossier from the chooser into the app shell with its menus', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/dossiers`);
    const row = page.getByTestId('list-row').filter({ hasText: 'Bakkerij Peeters BV' });
    await row.dblclick();
    await page.waitForURL(/\/d\/\d+$/);
    expect(await page.getByTestId('current-dossier').textContent()).toBe('Bakkerij Peeters BV');
    for (const menu of ['management', 'accounting', 'bank', 'invoicing', 'reports', 'help'] as const) {
      expect(await page.getByTestId(`menu-${menu}`).textContent()).toContain(tx('nl', `menu.${menu}`));
    }
  });

  it('logs out, refuses a wrong password with a clear message, and logs in again', async () => {
    const { page } = e2e;
    await logout(e2e);
    await page.locator('#login').fill('marie');
    await page.locator('#password').fill('verkeerd-wachtwoord');
    await page.getByRole('button', { name: tx('nl', 'login.submit'), exact: true }).click();
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toBe('Onbekende gebruikersnaam of verkeerd wachtwoord.');
    expect(page.url()).toMatch(/\/login$/);

    await loginAs(e2e, 'marie', 'marie-wachtwoord-1');
    await page.getByTestId('list-row').filter({ hasText: 'Bakkerij Peeters BV' }).waitFor();
  });
});
