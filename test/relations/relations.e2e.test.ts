/**
 * Management → Relations in Chromium: import a file with bad rows (nothing imported, every bad row
 * shown), fix it and import it, export to Excel, check Peppol registration of all customers against
 * the loopback SML/SMP, then new / edit / save / delete with the keyboard.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../src/modules/dossiers/manage-dossiers.ts';
import { cliActor } from '../../src/modules/users/offices.ts';
import { seedOffice } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from '../e2e/harness.ts';
import { CREDIT_NOTE, INVOICE, startPeppolNetwork, type PeppolTestNetwork } from './peppol-servers.ts';

describe('Management → Relations (Chromium)', () => {
  let e2e: E2E;
  let net: PeppolTestNetwork;
  let dossierId: number;
  let listUrl: string;

  beforeAll(async () => {
    net = await startPeppolNetwork();
    e2e = await startE2E();
    e2e.env.config.peppolSmlZone = net.zone;
    e2e.env.config.peppolDnsServer = net.dnsServer;
    const { officeId } = await seedOffice(e2e.env.svc);
    dossierId = (await createDossier(e2e.env.svc, cliActor(officeId), { name: 'Brouwerij De Kroon BV', fiscalYearStart: '2026-01-01' })).id;
    listUrl = `${e2e.baseUrl}/d/${dossierId}/management/relations`;
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(async () => {
    await e2e?.close();
    await net?.close();
  });

  const rows = () => e2e.page.getByTestId('list-row');
  const relationCount = async () => (await e2e.env.svc.db.selectFrom('relation').select('id').where('dossier_id', '=', dossierId).execute()).length;

  it('imports nothing from a file with a bad row and lists every bad row; the corrected file imports', async () => {
    const { page } = e2e;
    await page.goto(listUrl);
    await page.getByRole('heading', { level: 1, name: tx('nl', 'menu.relations') }).waitFor();
    await page.getByText(tx('nl', 'relation.none')).waitFor();

    await page.getByTestId('relations-import').click();
    await page.getByRole('heading', { name: tx('nl', 'relation.import.title') }).waitFor();
    const bad = 'Naam;Btw-nummer;Gemeente;Soort\nBakkerij Janssens BV;BE0403170701;Gent;klant\nFout BV;BE0403170702;Brugge;klant\nTransport Dubois;BE0477472701;Namen;beide\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('import-upload').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      `3${tx('nl', 'relation.field.vatNumber')}Het btw-nummer BE0403170702 is ongeldig: de controlecijfers (modulo 97) kloppen niet.`,
    ]);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.locator('#map-vatNumber').inputValue()).toBe('Btw-nummer');
    expect(await relationCount()).toBe(0);

    await page.getByTestId('import-file').setInputFiles({ name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.replace('BE0403170702', 'BE0202239951')) });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-sample').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByText(tx('nl', 'relation.import.done', { created: 3, updated: 0, skipped: 0 })).waitFor();
    expect(await relationCount()).toBe(3);

    await page.getByRole('button', { name: tx('nl', 'relation.import.back') }).first().click();
    await page.waitForURL(/\/management\/relations$/);
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('exports the list to Excel', async () => {
    const { page } = e2e;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(2).text).toBe('Naam');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).text)).toEqual(['Bakkerij Janssens BV', 'Fout BV', 'Transport Dubois']);
  });

  it('checks the Peppol registration of all customers and shows it in the list and the detail', async () => {
    const { page } = e2e;
    net.register('0208:0403170701', [INVOICE, CREDIT_NOTE]);
    await page.getByTestId('peppol-check-all').click();
    await page.getByText(tx('nl', 'relation.peppol.checkAllResult', { checked: 3, registered: 1, notRegistered: 2 })).waitFor();
    const janssens = rows().filter({ hasText: 'Bakkerij Janssens BV' });
    await expect.poll(() => janssens.getByTestId('peppol-status').textContent()).toBe(tx('nl', 'relation.peppol.registered'));
    expect(await rows().filter({ hasText: 'Fout BV' }).getByTestId('peppol-status').textContent()).toBe(tx('nl', 'relation.peppol.notRegistered'));

    await janssens.dblclick();
    await page.waitForURL(/\/management\/relations\/\d+$/);
    await page.getByTestId('peppol-document-types').waitFor();
    expect(await page.getByTestId('peppol-document-types').locator('li').allTextContents()).toEqual(['Invoice (UBL)', 'Credit note (UBL)']);
  });

  it('edits and saves with the keyboard, refuses an invalid IBAN under its field, deletes with Delete', async () => {
    const { page } = e2e;
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: '1 Bakkerij Janssens BV' }).waitFor();
    await page.keyboard.press('Control+e');
    await page.getByText(tx('nl', 'record.editing')).waitFor();
    await page.locator('#relation-city').fill('Sint-Amandsberg');
    await page.keyboard.press('Control+s');
    await page.getByText(tx('nl', 'common.saved')).waitFor();
    const stored = await e2e.env.svc.db.selectFrom('relation').select(['name', 'city']).where('id', '=', id).execute();
    expect(stored).toEqual([{ name: 'Bakkerij Janssens BV', city: 'Sint-Amandsberg' }]);

    await page.keyboard.press('Control+n');
    await page.waitForURL(/\/management\/relations\/new$/);
    await page.locator('#relation-name').fill('Drukkerij Peeters');
    await page.locator('#relation-iban').fill('BE68 5390 0754 7035');
    await page.keyboard.press('Control+s');
    const ibanError = page.locator('#relation-iban-error');
    await ibanError.waitFor();
    expect(await ibanError.textContent()).toBe('Het rekeningnummer (IBAN) BE68 5390 0754 7035 is ongeldig.');
    await page.locator('#relation-iban').fill('BE68 5390 0754 7034');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/management\/relations\/\d+$/);
    await page.getByRole('heading', { level: 1, name: '4 Drukkerij Peeters' }).waitFor();

    await page.getByRole('heading', { level: 1 }).click(); // out of the (read-only) field, where Delete edits text
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: tx('nl', 'common.delete') }).click();
    await page.waitForURL(/\/management\/relations$/);
    await expect.poll(() => relationCount()).toBe(3);
  });
});
