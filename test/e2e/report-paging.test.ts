/**
 * A long report on screen, in Chromium, with the keyboard (the seed's list keys): the general ledger
 * of a year with 1,300 lines comes in pages of 1,000 — Ctrl+End goes to the last page and its end,
 * Ctrl+Home back to the first page and its top, Page Down scrolls and at the bottom of a page goes on
 * to the next one, Page Up at the top of a page goes back to the end of the previous one; Ctrl+F
 * searches all pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { importBookings } from '../../src/modules/ledger/bookings/import-bookings.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe('report pages with the keyboard (Chromium)', () => {
  let e2e: E2E;
  let dossierId: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const { svc } = e2e.env;
    const { officeId } = await seedOffice(svc);
    dossierId = (await createDossier(svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
    const bookings = Array.from({ length: 650 }, (_, i) => ({
      type: 'miscellaneous' as const,
      journal: 'DIV',
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      description: `Kasverrichting ${i + 1}`,
      lines: [{ account: '612000', amount: 1000 + i }, { account: '570000', amount: -(1000 + i) }],
    }));
    await importBookings(svc, cliActor(officeId), dossierId, bookings);
  });
  afterAll(() => e2e?.close());

  it('Ctrl+End, Ctrl+Home, Page Down and Page Up move through the pages of the general ledger', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/reports/ledger`);
    const table = page.getByTestId('report-table');
    await table.waitFor();
    const pager = page.getByTestId('report-page');
    await expect.poll(() => pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 1, pages: 2 }));
    await table.focus();
    const scrollTop = () => table.evaluate((el) => el.scrollTop);
    const atBottom = () => table.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);

    await page.keyboard.press('Control+End');
    await expect.poll(() => pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 2, pages: 2 }));
    await expect.poll(atBottom).toBe(true);
    // page 2 holds only the last 300 lines of 612000 (page 1: all of 570000 and the first 350 of 612000)
    expect(await table.textContent()).toContain('612000');
    expect(await table.textContent()).not.toContain('570000');

    await page.keyboard.press('Control+Home');
    await expect.poll(() => pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 1, pages: 2 }));
    await expect.poll(scrollTop).toBe(0);

    // Page Down scrolls within the page first, then goes on to the next page at its top
    await page.keyboard.press('PageDown');
    await expect.poll(scrollTop).toBeGreaterThan(0);
    expect(await pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 1, pages: 2 }));
    for (let i = 0; i < 200 && (await pager.textContent()) !== tx('nl', 'rp.pageOf', { page: 2, pages: 2 }); i++) await page.keyboard.press('PageDown');
    await expect.poll(() => pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 2, pages: 2 }));
    await expect.poll(scrollTop).toBe(0);

    // Page Up at the top of page 2 goes back to the end of page 1
    await page.keyboard.press('PageUp');
    await expect.poll(() => pager.textContent()).toBe(tx('nl', 'rp.pageOf', { page: 1, pages: 2 }));
    await expect.poll(atBottom).toBe(true);
  });
  it('Ctrl+F searches every page of the selection, not only the page on screen', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/reports/ledger`);
    const table = page.getByTestId('report-table');
    await table.waitFor();
    await expect.poll(() => page.getByTestId('report-page').textContent()).toBe(tx('nl', 'rp.pageOf', { page: 1, pages: 2 }));
    // booking 648 (December) is on 570000 on page 1, and on 612000 only on page 2
    await page.keyboard.press('Control+KeyF');
    await page.keyboard.type('Kasverrichting 648');
    await expect.poll(() => page.getByTestId('report-search-scope').textContent()).toBe(tx('nl', 'rp.searchAll'));
    const found = table.locator('tbody tr').filter({ hasText: 'Kasverrichting 648' });
    // page 1 alone holds one of them
    await expect.poll(() => found.count()).toBe(2);
  });
});
