/**
 * CODA mandates and the bank inbox in Chromium: without the bank module the screen says where to
 * switch it on; with it, a mandate is requested with the keyboard (Ctrl+N) — internal in black, external
 * in green —, its detail is changed and saved with Ctrl+S; a file that failed in the daily run shows in
 * Bank → Bank inbox with its dossier, status and message, Enter shows its history (mailed to the
 * mandate's address) and F9 tries it again now. A file whose account is in no dossier says so in its
 * status, with the account and what to do; once the journal exists, F9 imports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInbox } from '../../src/modules/banking/inbox.ts';
import { codaFile } from '../bank/coda-file.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)('CODA mandates and the bank inbox (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let dossierId: number;
  const journalIds: Record<string, number> = {};

  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.env.app);
    const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' });
    dossierId = res.body.id;
    for (const j of [
      { code: 'KBC', name: 'KBC zicht', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' },
      { code: 'BEL', name: 'Belfius', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' },
    ]) {
      const res = await admin.post(`/api/v1/dossiers/${dossierId}/journals`, { ...j, type: 'financial' });
      expect(res.status).toBe(201);
      journalIds[j.code] = res.body.id;
    }
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(() => e2e?.close());

  it('says where to switch on the bank module before a mandate can be requested', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/bank/coda-mandates`);
    await page.getByRole('heading', { name: tx('nl', 'menu.codaMandates') }).waitFor();
    await page.getByText(tx('nl', 'bank.mandates.moduleOff')).waitFor();
    expect(await page.getByTestId('mandate-new').isDisabled()).toBe(true);
  });

  it('requests an internal mandate (black) and an external one (green) with the keyboard', async () => {
    const { page } = e2e;
    expect((await admin.patch(`/api/v1/dossiers/${dossierId}`, { modules: { bank: true } })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: tx('nl', 'menu.codaMandates') }).waitFor();
    await page.getByText(tx('nl', 'bank.mandates.none')).waitFor();

    await page.keyboard.press('Control+n');
    const dialog = page.getByTestId('mandate-new-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('mandate-journal').selectOption(String(journalIds.KBC));
    await dialog.getByTestId('mandate-email').fill('fouten@janssens.be');
    await page.keyboard.press('Control+s');
    await dialog.waitFor({ state: 'detached' });
    const rows = page.getByTestId('mandate-row');
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain('KBC zicht');
    expect(await rows.first().textContent()).toContain('KBC'); // the bank, from the journal's BIC
    expect(await rows.first().textContent()).toContain(tx('nl', 'bank.mandates.status.requested'));

    await page.keyboard.press('Control+n');
    await dialog.waitFor();
    expect(await dialog.getByTestId('mandate-journal').inputValue()).toBe(String(journalIds.BEL)); // the journal without a mandate
    await dialog.getByLabel(tx('nl', 'bank.mandates.kind.external')).check();
    await dialog.getByTestId('mandate-email').fill('coda@boekhouder.be');
    await dialog.getByTestId('mandate-request').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mandate-row"]').length === 2);
    const colors = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kind'), getComputedStyle(tr).color]));
    const success = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--success)';
      document.body.appendChild(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(colors).toContainEqual(['external', success]);
    const internal = colors.find(([kind]) => kind === 'internal')!;
    expect(internal[1]).not.toBe(success);
  });

  it('opens the detail with Enter, changes the error address and saves it with Ctrl+S', async () => {
    const { page } = e2e;
    await page.getByTestId('mandate-row').filter({ hasText: 'KBC' }).click();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('mandate-detail');
    await detail.waitFor();
    await detail.getByTestId('mandate-email').fill('boekhouding@janssens.be');
    await detail.getByTestId('mandate-pdf').check();
    await page.keyboard.press('Control+s');
    await detail.getByText(tx('nl', 'bank.mandates.saved')).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('mandate-row').filter({ hasText: 'boekhouding@janssens.be' }).waitFor();
    const [kbc] = (await admin.get(`/api/v1/dossiers/${dossierId}/bank/mandates`)).body.filter((m: { journalCode: string }) => m.journalCode === 'KBC');
    expect(kbc).toMatchObject({ errorEmail: 'boekhouding@janssens.be', linkPdfInDms: true });
  });

  it('shows a failed file in the bank inbox with its history, and F9 tries it again', async () => {
    const { page } = e2e;
    // statement 007 opens at 250.00 while the journal is at 0.00
    const file = codaFile({ iban: 'BE68539007547034', sequence: '007', date: '2026-03-10', opening: 25000, movements: [{ amount: 1000, communication: 'betaling' }] });
    fs.mkdirSync(e2e.env.config.bankInboxDir, { recursive: true });
    fs.writeFileSync(path.join(e2e.env.config.bankInboxDir, 'kbc-007.cod'), file);
    expect(await runInbox(e2e.env.svc)).toMatchObject({ received: 1, failed: 1 });

    await page.goto(`${e2e.baseUrl}/d/${dossierId}/bank/inbox`);
    await page.getByRole('heading', { name: tx('nl', 'menu.bankInbox') }).waitFor();
    const row = page.getByTestId('inbox-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    const text = await row.textContent();
    expect(text).toContain('kbc-007.cod');
    expect(text).toContain('Bakkerij Janssens BV');
    expect(text).toContain('250.00');
    await row.click();
    await page.keyboard.press('Enter');
    const history = page.getByTestId('inbox-history');
    await history.waitFor();
    await history.getByTestId('inbox-attempts').getByText('boekhouding@janssens.be').waitFor();
    await page.keyboard.press('F9');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="inbox-attempts"] tbody tr').length === 2);
    await page.keyboard.press('Escape');
    expect((await admin.get('/api/v1/bank/inbox')).body[0]).toMatchObject({ fileName: 'kbc-007.cod', status: 'failed', attempts: 2 });
  });

  it('shows a file whose account is in no dossier with that account and what to do; once the journal exists, F9 imports it', async () => {
    const { page } = e2e;
    const file = codaFile({ iban: 'BE62510007547061', sequence: '001', date: '2026-03-11', opening: 0, movements: [{ amount: 4200, communication: 'huur maart' }] });
    fs.writeFileSync(path.join(e2e.env.config.bankInboxDir, 'ing-001.cod'), file);
    expect(await runInbox(e2e.env.svc)).toMatchObject({ received: 1, failed: 1 });

    await page.goto(`${e2e.baseUrl}/d/${dossierId}/bank/inbox`);
    const row = page.getByTestId('inbox-row').filter({ hasText: 'ing-001.cod' });
    await row.waitFor();
    expect(await row.getAttribute('data-unrouted')).toBe('true');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(tx('nl', 'bank.inbox.noDossier'));
    expect(text).toContain('BE62 5100 0754 7061');
    expect(text).toContain(tx('nl', 'bank.inbox.status.unrouted'));
    await row.click();
    await page.keyboard.press('Enter');
    const history = page.getByTestId('inbox-history');
    await history.locator('pre').getByText('Maak in het juiste dossier een financieel dagboek aan', { exact: false }).waitFor();

    // the accountant creates the journal with that IBAN, then tries the file again at once
    expect((await admin.post(`/api/v1/dossiers/${dossierId}/journals`, { code: 'ING', name: 'ING zicht', type: 'financial', iban: 'BE62 5100 0754 7061', bic: 'BBRUBEBB' })).status).toBe(201);
    await page.keyboard.press('F9');
    await history.getByText(tx('nl', 'bank.inbox.status.imported')).first().waitFor();
    await page.keyboard.press('Escape');
    const entry = (await admin.get('/api/v1/bank/inbox')).body.find((e: { fileName: string }) => e.fileName === 'ing-001.cod');
    expect(entry).toMatchObject({ status: 'imported', dossierName: 'Bakkerij Janssens BV', account: 'BE62 5100 0754 7061' });
  });
});
