/**
 * Accounts in Chromium: "forgot password" through the outbox (no SMTP server: the administrator
 * reads the mail in Management → Outgoing mail and the link works once), the advice for a user
 * without e-mail, and a client user who sees only their own dossier and cannot open another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { createUser } from '../../src/modules/users/manage-users.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { seedOffice } from '../helpers.ts';
import { loginAs, logout, startE2E, tx, type E2E } from './harness.ts';

describe('forgot password and a client user (Chromium)', () => {
  let e2e: E2E;
  let own: number;
  let other: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const { svc } = e2e.env;
    const { officeId } = await seedOffice(svc);
    const office = cliActor(officeId);
    own = (await createDossier(svc, office, { name: 'Kapsalon Kim' })).id;
    other = (await createDossier(svc, office, { name: 'Vertrouwelijk Vastgoed NV', city: 'Knokke' })).id;
    await createUser(svc, office, { login: 'lotte', displayName: 'Lotte Claes', email: 'lotte@claes.be', password: 'lotte-pass-1', role: 'staff' }, officeId);
    await createUser(svc, office, { login: 'jef', password: 'jef-pass-123', role: 'staff' }, officeId);
    await createUser(svc, office, { login: 'kim', displayName: 'Kim Kapper', password: 'kim-pass-1234', role: 'client', rights: [{ dossierId: own, rights: ['view', 'book'] }] }, officeId);
  });
  afterAll(() => e2e?.close());

  it('says to ask the administrator when the user has no e-mail address', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login').fill('jef');
    await page.getByRole('link', { name: tx('nl', 'login.forgot') }).click();
    await page.waitForURL(/\/forgot-password$/);
    expect(await page.locator('#login').inputValue()).toBe('jef'); // carried over from the login page
    await page.getByRole('button', { name: tx('nl', 'forgot.submit') }).click();
    const message = page.getByTestId('no-email-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(tx('nl', 'forgot.noEmail'));
  });

  it('mails a link to the outbox; the administrator finds it there, and the link sets a new password once', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/forgot-password`);
    await page.locator('#login').fill('lotte');
    await page.getByRole('button', { name: tx('nl', 'forgot.submit') }).click();
    await page.getByText(tx('nl', 'forgot.mailed')).waitFor();

    // The administrator reads the outbox (no SMTP server configured).
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.getByTestId('menu-management').click();
    await page.getByTestId('menuitem-outbox').click();
    await page.getByRole('heading', { name: tx('nl', 'menu.outbox') }).waitFor();
    await page.getByTestId('outbox-list').getByRole('row').filter({ hasText: 'lotte@claes.be' }).click();
    const message = page.getByTestId('outbox-message');
    const link = message.getByRole('link').filter({ hasText: '/reset-password?token=' });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${baseUrl}/reset-password?token=`)).toBe(true);
    expect(await message.textContent()).toContain('Dag Lotte Claes');
    await logout(e2e);

    // Lotte follows the link.
    await page.goto(href);
    await page.getByRole('heading', { name: tx('nl', 'reset.title') }).waitFor();
    await page.locator('#newPassword').fill('lotte-nieuw-22');
    await page.locator('#newPassword2').fill('lotte-nieuw-22');
    await page.getByRole('button', { name: tx('nl', 'reset.submit') }).click();
    await page.getByText(tx('nl', 'reset.done', { login: 'lotte' })).waitFor();

    await loginAs(e2e, 'lotte', 'lotte-nieuw-22');
    await logout(e2e);

    // The same link a second time: refused, with the way out.
    await page.goto(href);
    await page.locator('#newPassword').fill('iemand-anders-3');
    await page.locator('#newPassword2').fill('iemand-anders-3');
    await page.getByRole('button', { name: tx('nl', 'reset.submit') }).click();
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toBe('Deze link om het wachtwoord te herstellen is ongeldig of al gebruikt. Vraag een nieuwe aan.');
    await page.getByRole('link', { name: tx('nl', 'reset.askNew') }).waitFor();
  });

  it('shows a client user only their own dossier, and refuses another one opened by its address', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'kim', 'kim-pass-1234');
    const rows = page.getByTestId('list-row');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('Kapsalon Kim')]);
    expect(await page.locator('body').textContent()).not.toContain('Vertrouwelijk');
    // A client does not create dossiers.
    expect(await page.getByRole('button', { name: tx('nl', 'dossier.new'), exact: true }).count()).toBe(0);

    await rows.first().dblclick();
    await page.waitForURL(new RegExp(`/d/${own}$`));
    expect(await page.getByTestId('current-dossier').textContent()).toBe('Kapsalon Kim');

    // Typing another dossier's address: refused, nothing of it shown.
    await page.goto(`${baseUrl}/d/${other}`);
    const error = page.getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toBe('Dit dossier bestaat niet of je hebt er geen toegang toe.');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Vertrouwelijk');
    expect(body).not.toContain('Knokke');
    expect(await page.getByTestId('current-dossier').count()).toBe(0);

    await page.goto(`${baseUrl}/management/dossiers/${other}`);
    await error.waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Vertrouwelijk');
  });
});
