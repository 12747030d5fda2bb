/**
 * Management → Accounts in Chromium: the chart is sorted on the server — by name (in the user's
 * language) and by class, ascending and descending — so paging goes through the whole chart in that
 * order, not just the rows on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { listAccounts } from '../../src/modules/ledger/accounts/manage-accounts.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { engines, seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)('Management → Accounts sorted on the server (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let dossierId: number;
  let officeId: number;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    officeId = (await seedOffice(e2e.env.svc)).officeId;
    dossierId = (await createDossier(e2e.env.svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
  });
  afterAll(() => e2e?.close());

  it('sorts by name and by class with a click on the column, both directions, over the whole chart', async () => {
    const { page, baseUrl } = e2e;
    const actor = { ...cliActor(officeId), language: 'nl' as const };
    const first = async (sort: 'name' | 'class', direction: 'asc' | 'desc') => {
      const r = await listAccounts(e2e.env.svc, actor, dossierId, { sort, direction, pageSize: 1, active: true });
      return `${r.items[0].number} ${r.items[0].name}`;
    };
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/management/accounts`);
    const rows = page.getByTestId('list-row');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('aria-label')).toMatch(/^0\d{5} /); // by number first

    const byName = page.getByTitle(tx('nl', 'list.sortBy', { column: tx('nl', 'ledger.account.name') }));
    await byName.click();
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe(await first('name', 'asc'));
    await byName.click();
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe(await first('name', 'desc'));
    expect(await first('name', 'desc')).not.toBe(await first('name', 'asc'));

    await page.getByTitle(tx('nl', 'list.sortBy', { column: tx('nl', 'ledger.account.class') })).click();
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe(await first('class', 'asc'));
    await page.getByTitle(tx('nl', 'list.sortBy', { column: tx('nl', 'ledger.account.class') })).click();
    await expect.poll(() => rows.first().getAttribute('aria-label')).toBe(await first('class', 'desc'));
    expect(await rows.first().getAttribute('aria-label')).toMatch(/^7/); // class 7 is the highest in the Belgian chart
  });
});
