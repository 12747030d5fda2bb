/**
 * A report on screen, in Chromium: the amounts of adjacent columns stand apart ("10.628,50" next to
 * "10.628,50" stood 4 px apart, and in French, with a space as thousands separator, read as one number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { postBooking } from '../../src/modules/ledger/bookings/post-booking.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe('report table layout (Chromium)', () => {
  let e2e: E2E;
  let dossierId: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const { svc } = e2e.env;
    const { officeId } = await seedOffice(svc);
    dossierId = (await createDossier(svc, cliActor(officeId), { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' })).id;
    await postBooking(svc, cliActor(officeId), dossierId, {
      type: 'miscellaneous',
      date: '2026-01-02',
      lines: [
        { account: '550000', amount: '10628.50' },
        { account: '588888', amount: '-10628.50' },
      ],
    });
    await postBooking(svc, cliActor(officeId), dossierId, {
      type: 'miscellaneous',
      date: '2026-02-10',
      lines: [
        { account: '658000', amount: '12.50' },
        { account: '550000', amount: '-12.50' },
      ],
    });
  });
  afterAll(() => e2e?.close());

  it('leaves room between the amounts of the trial balance columns', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/reports/trial-balance`);
    const totals = page.getByTestId('report-totals');
    await totals.waitFor();
    // The horizontal gap between the text of each amount cell and the next one.
    const gaps = await totals.evaluate((row) => {
      const cells = [...row.querySelectorAll('td')].slice(2);
      const box = (td: Element) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getBoundingClientRect();
      };
      return cells.slice(1).map((td, i) => box(td).left - box(cells[i]).right);
    });
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(12);
  });

  it("general ledger: an account's first row says it is the opening balance, as in the export; no totals under another heading", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/d/${dossierId}/reports/ledger`);
    await page.getByLabel(tx('nl', 'rp.fromPeriod')).selectOption('2');
    await page.getByLabel(tx('nl', 'rp.account')).fill('550000');
    await page.keyboard.press('F5');
    const table = page.getByTestId('report-table');
    await table.getByRole('row').filter({ hasText: '10/02/2026' }).waitFor();
    const cells = await table.getByRole('row').filter({ hasText: '550000' }).first().getByRole('cell').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(['550000', 'Kredietinstellingen - rekening-courant (bank)', '', tx('nl', 'rp.opening'), '', '', '10.628,50']);
    const line = await table.getByRole('row').filter({ hasText: '10/02/2026' }).getByRole('cell').allTextContents();
    expect(line.slice(-3).map((c) => c.trim())).toEqual(['0,00', '12,50', '10.616,00']);
  });
});
