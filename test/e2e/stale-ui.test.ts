/**
 * A page loaded before an upgrade, in Chromium: the script of a screen it opens is gone from the
 * server. The server answers 404 for a missing /assets file (not the page, which the browser would
 * refuse as a script), and the page loads itself again and shows the screen instead of staying blank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe('a screen whose script is gone after an upgrade (Chromium)', () => {
  let e2e: E2E;
  let dossierId: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const { officeId } = await seedOffice(e2e.env.svc);
    dossierId = (await createDossier(e2e.env.svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
  });
  afterAll(() => e2e?.close());

  it('a missing /assets file is a 404; a screen path is still the page', async () => {
    const gone = await fetch(`${e2e.baseUrl}/assets/BookingPage-gone.js`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).not.toContain('text/html');
    const screen = await fetch(`${e2e.baseUrl}/d/${dossierId}/accounting/purchases`);
    expect(screen.status).toBe(200);
    expect(screen.headers.get('content-type')).toContain('text/html');
  });

  it('opening a screen whose script is gone loads the page again and shows the screen', async () => {
    await loginAs(e2e, 'admin', 'admin-pass-1');
    // Its own tab: the failed script load is an error in this page, on purpose.
    const page = await e2e.context.newPage();
    let refused = 0;
    await page.route(/\/assets\/BookingPage-[^/]+\.js$/, (route) => (refused++ === 0 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.goto(`${e2e.baseUrl}/d/${dossierId}`);
    await page.getByTestId('menu-accounting').click();
    await page.getByTestId('menuitem-purchases').click();
    await page.getByRole('heading', { name: tx('nl', 'menu.purchases') }).waitFor();
    expect(refused).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
