/**
 * Preferences in Chromium: switching the language (the whole UI follows, and it is remembered for
 * the user), and Help → Change theme (colour scheme and font size apply at once and are remembered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice } from '../helpers.ts';
import { loginAs, logout, startE2E, tx, type E2E } from './harness.ts';

describe('language, theme and font size (Chromium)', () => {
  let e2e: E2E;
  let adminId: number;
  beforeAll(async () => {
    e2e = await startE2E();
    adminId = (await seedOffice(e2e.env.svc)).adminId;
  });
  afterAll(() => e2e?.close());

  const savedUser = () => e2e.env.svc.db.selectFrom('app_user').select(['language', 'theme', 'font_size']).where('id', '=', adminId).executeTakeFirstOrThrow();

  it('switches the language from the user menu, and keeps it for the user after logging out and in', async () => {
    const { page } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    expect(await page.getByTestId('menu-management').textContent()).toContain('Beheer');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-fr').click();
    await page.getByRole('heading', { name: tx('fr', 'chooser.title') }).waitFor();
    expect(await page.getByTestId('menu-management').textContent()).toContain(tx('fr', 'menu.management'));
    expect(await page.getByTestId('menu-help').textContent()).toContain(tx('fr', 'menu.help'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(async () => (await savedUser()).language).toBe('fr');

    // Remembered for the user: after logging out (and on another browser) the user gets French.
    await logout(e2e);
    await e2e.context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await loginAs(e2e, 'admin', 'admin-pass-1', 'nl');
    await page.getByRole('heading', { name: tx('fr', 'chooser.title') }).waitFor();

    // Error messages from the server follow too.
    await page.goto(`${e2e.baseUrl}/d/999999`);
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toBe("Ce dossier n'existe pas ou vous n'y avez pas accès.");

    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('menu-management').filter({ hasText: tx('en', 'menu.management') }).waitFor();
    await expect.poll(async () => (await savedUser()).language).toBe('en');
  });

  it('changes the colour scheme and font size through Help → Change theme, at once and for good', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/dossiers`);
    const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = { size: await rootFontSize(), background: await background() };
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await page.getByTestId('menu-help').click();
    await page.getByTestId('menuitem-theme').click();
    await page.getByRole('heading', { name: tx('en', 'menu.theme') }).waitFor();

    await page.getByLabel(tx('en', 'theme.dark'), { exact: true }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(background).not.toBe(before.background);

    await page.getByLabel(tx('en', 'theme.size.xlarge'), { exact: true }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('xlarge');
    await expect.poll(rootFontSize).toBeGreaterThan(before.size);
    await page.getByText(tx('en', 'theme.saved')).waitFor();
    await expect.poll(savedUser).toMatchObject({ theme: 'dark', font_size: 'xlarge' });

    // High contrast is a third scheme, different from both.
    await page.getByLabel(tx('en', 'theme.contrast'), { exact: true }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
    const contrastBackground = await background();
    expect(contrastBackground).not.toBe(before.background);

    // Remembered for the user: a fresh browser state gets the same theme after logging in.
    await logout(e2e);
    await e2e.context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await loginAs(e2e, 'admin', 'admin-pass-1', 'nl'); // a fresh browser shows the login page in Dutch
    await expect.poll(() => page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.fontSize])).toEqual(['contrast', 'xlarge']);
    expect(await rootFontSize()).toBeGreaterThan(before.size);
  });
});
