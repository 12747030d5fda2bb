/**
 * Bank statements in Chromium: Bank → Import statements refuses a CODA file whose account has no
 * financial journal, with the server's message and what to check; once the journal exists, two files
 * are imported at once — the statement is booked (per statement: journal, number, movements, matched,
 * on the suspense account) and the second file is said plainly to be imported before; then in
 * Accounting → Unassigned bank lines a payment is assigned with the keyboard to the customer's invoice,
 * leaves the list, and the invoice is paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOgm } from '../../src/core/ogm.ts';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { codaFile } from '../bank/coda-file.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

const OGM = makeOgm('0000012345');
const STATEMENT = codaFile({
  iban: 'BE68539007547034', sequence: '003', date: '2026-03-10', opening: 0,
  movements: [
    { amount: 5000, ogm: OGM, counterpartyName: 'Bakkerij Verlinden' },
    { amount: 12100, communication: 'factuur VF-2026-12', counterpartyName: 'Café De Hoek', counterpartyAccount: 'BE71096123456769' },
    { amount: -4550, communication: 'Huur maart', counterpartyName: 'Immo Peeters' },
  ],
});
const codaUpload = (name: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(STATEMENT, 'utf8') });

describe.each(engines)('bank statement import and unassigned bank lines (Chromium, %s)', (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let dossierId: number;
  let base: string;
  let invoice: number;
  const statements = async () =>
    (await e2e.env.svc.db.selectFrom('booking').select('id').where('dossier_id', '=', dossierId).where('kind', '=', 'financial_statement').execute()).length;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.env.app);
    const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01' });
    expect(res.status).toBe(201);
    dossierId = res.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    const verlinden = await addRelation(e2e.env, dossierId, { number: 'K001', name: 'Bakkerij Verlinden', kind: 'customer' });
    const hoek = await addRelation(e2e.env, dossierId, { number: 'K002', name: 'Café De Hoek', kind: 'customer' });
    const paidByOgm = await admin.post(`${base}/bookings`, {
      type: 'sales_invoice', date: '2026-02-10', relationId: verlinden, structuredCommunication: OGM,
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '50.00' }],
    });
    expect(paidByOgm.status, JSON.stringify(paidByOgm.body)).toBe(201);
    const inv = await admin.post(`${base}/bookings`, {
      type: 'sales_invoice', date: '2026-02-20', relationId: hoek, reference: 'VF-2026-12',
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '121.00' }],
    });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
    invoice = inv.body.id;
    await loginAs(e2e, 'admin', 'admin-pass-1');
  });
  afterAll(() => e2e?.close());

  it('refuses a CODA file whose account has no financial journal, showing the message and what to check; nothing is booked', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/bank/import`);
    await page.getByRole('heading', { name: tx('nl', 'menu.bankImport') }).waitFor();
    await page.getByTestId('bank-import-files').setInputFiles([codaUpload('kbc-003.cod')]);
    await page.getByTestId('bank-import-submit').click();

    const result = page.getByTestId('bank-import-result');
    await result.waitFor();
    expect(await result.getByTestId('error-message').textContent()).toContain('BE68539007547034');
    expect(await result.getByTestId('error-message').textContent()).toContain('Beheer → Dagboeken');
    const advice = result.getByTestId('bank-import-advice');
    expect(await advice.getAttribute('data-code')).toBe('banking.journal_not_found');
    expect(await advice.textContent()).toContain(tx('nl', 'bank.advice.journal.1'));
    expect(await advice.textContent()).toContain(tx('nl', 'bank.advice.journal.2'));
    expect(await result.textContent()).toContain(tx('nl', 'bank.import.failed'));
    expect(await advice.getByRole('button', { name: tx('nl', 'bank.import.open', { screen: tx('nl', 'menu.journals') }) }).isVisible()).toBe(true);
    expect(await statements()).toBe(0);
  });

  it('imports two files at once: the statement booked with its counts, the second said to be imported before', async () => {
    const journal = await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC zichtrekening', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' });
    expect(journal.status, JSON.stringify(journal.body)).toBe(201);
    const { page } = e2e;
    await page.getByTestId('bank-import-files').setInputFiles([codaUpload('kbc-003.cod'), codaUpload('kbc-003-kopie.cod')]);
    expect(await page.locator('.hint').filter({ hasText: 'kbc-003-kopie.cod' }).count()).toBe(1);
    await page.keyboard.press('F12');

    const results = page.getByTestId('bank-import-result');
    await results.nth(1).waitFor();
    const first = results.nth(0);
    expect(await first.getAttribute('data-file')).toBe('kbc-003.cod');
    const cells = await first.getByTestId('bank-import-statements').locator('tbody tr td').allTextContents();
    // journal, statement number, movements, matched (the OGM payment), on the suspense account
    expect(cells).toEqual(['KBC', '003', '3', '1', '2']);
    const second = results.nth(1);
    expect(await second.getByTestId('bank-import-duplicates').textContent()).toContain('Uittreksel 003 van rekening BE68539007547034 is al ingelezen; er werd niets geboekt.');
    expect(await second.getByTestId('bank-import-statements').count()).toBe(0);
    expect(await statements()).toBe(1);
    expect(await page.getByText(tx('nl', 'bank.import.waiting', { count: 2 })).isVisible()).toBe(true);
  });

  it('assigns an unassigned payment to the customer invoice with the keyboard: it leaves the list and the invoice is paid', async () => {
    const { page } = e2e;
    await page.getByTestId('bank-import-to-unassigned').click();
    await page.waitForURL(/\/accounting\/unassigned-bank-lines$/);
    const rows = page.getByTestId('unassigned-line');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['2026-03-10', 'KBC', '003', '121,00', 'Café De Hoek BE71096123456769', 'factuur VF-2026-12']);
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('−45,50');

    // ↓ then ↑ moves the cursor; Enter opens the assignment of the current line
    await page.keyboard.press('ArrowDown');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('assign-dialog');
    await dialog.waitFor();
    // a customer (money in), searched by the bank's counterparty name: Café De Hoek proposed with its open invoice
    expect(await dialog.getByLabel(tx('nl', 'bank.assign.target.customer')).isChecked()).toBe(true);
    expect(await page.locator('#assign-search').inputValue()).toBe('Café De Hoek');
    await dialog.getByTestId('assign-relation').locator('option', { hasText: 'K002 Café De Hoek' }).waitFor();
    const items = dialog.getByTestId('assign-items');
    await items.waitFor();
    expect(await items.locator('tr').count()).toBe(1);
    await items.focus();
    await page.keyboard.press('Space');
    expect(await items.locator('input[type=checkbox]').isChecked()).toBe(true);
    await dialog.getByText(tx('nl', 'bank.assign.chosen', { amount: '121,00', movement: '121,00' })).waitFor();
    await page.keyboard.press('F12');

    await dialog.waitFor({ state: 'detached' });
    const banner = page.getByTestId('success-message');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^Beweging toegewezen met boeking DIV 2026\/\d{4} en afgepunt met de gekozen posten\.$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unassigned-line"]').length === 1);
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toBe('−45,50');
    const status = await admin.get(`${base}/matching/bookings/${invoice}/status`);
    expect(status.body).toMatchObject({ status: 'paid', open: 0 });
    // the statement itself was not touched: still one statement booking, and one assignment booking
    expect(await statements()).toBe(1);

    // the rent to a general account: Enter opens, Enter in the account field books
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByLabel(tx('nl', 'bank.assign.target.account')).check();
    await page.locator('#assign-account').fill('610000');
    await page.locator('#assign-account').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('unassigned-empty').waitFor();
    expect(await page.getByTestId('unassigned-empty').textContent()).toBe(tx('nl', 'bank.unassigned.empty'));
    const rent = await e2e.env.svc.db
      .selectFrom('booking_line')
      .innerJoin('bank_line_assignment', (j) => j.onRef('bank_line_assignment.dossier_id', '=', 'booking_line.dossier_id').onRef('bank_line_assignment.assignment_booking_id', '=', 'booking_line.booking_id'))
      .select(['booking_line.account', 'booking_line.amount'])
      .where('booking_line.dossier_id', '=', dossierId)
      .where('booking_line.account', '=', '610000')
      .execute();
    expect(rent).toEqual([{ account: '610000', amount: 4550 }]);
  });

  it('a dropped statement whose opening balance does not follow the journal is refused, with what to check (588888 for a first import)', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/d/${dossierId}/bank/import`);
    await page.getByRole('heading', { name: tx('nl', 'menu.bankImport') }).waitFor();
    // statement 005 starts at 999.00 while the journal stands at 125.50 (statement 004 is missing)
    const next = codaFile({ iban: 'BE68539007547034', sequence: '005', date: '2026-03-12', opening: 99900, movements: [{ amount: 1000, communication: 'rente' }] });
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kbc-005.cod', { type: 'text/plain' }));
      return dt;
    }, next);
    await page.getByTestId('bank-import-drop').dispatchEvent('drop', { dataTransfer });
    await page.locator('.hint').filter({ hasText: 'kbc-005.cod' }).waitFor();
    await page.getByTestId('bank-import-submit').click();

    const advice = page.getByTestId('bank-import-advice');
    await advice.waitFor();
    expect(await advice.getAttribute('data-code')).toBe('banking.opening_mismatch');
    const message = await page.getByTestId('bank-import-result').getByTestId('error-message').textContent();
    expect(message).toContain('(125.50)');
    expect(message).toContain('(999.00)');
    expect(await advice.textContent()).toContain(tx('nl', 'bank.advice.opening.1'));
    expect(await advice.textContent()).toContain(tx('nl', 'bank.advice.opening.3'));
    expect(await statements()).toBe(1);
  });

  it('shows what to check when the CODA suspense account is missing, and when no fiscal-year period holds the date', async () => {
    const { page } = e2e;
    const upload = async (name: string, content: string) => {
      await page.getByTestId('bank-import-files').setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(content, 'utf8') }]);
      await page.getByTestId('bank-import-submit').click();
      await page.getByTestId('bank-import-result').filter({ hasText: name }).waitFor();
      return page.getByTestId('bank-import-advice');
    };
    const cleared = await admin.put(`${base}/fixed-accounts/coda_suspense`, { account: null });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    const follows = codaFile({ iban: 'BE68539007547034', sequence: '004', date: '2026-03-11', opening: 12550, movements: [{ amount: 1000, communication: 'rente' }] });
    let advice = await upload('kbc-004.cod', follows);
    expect(await advice.getAttribute('data-code')).toBe('banking.suspense_missing');
    expect(await page.getByTestId('bank-import-result').getByTestId('error-message').textContent()).toContain('Vaste rekeningen');
    expect(await advice.textContent()).toContain(tx('nl', 'bank.advice.suspense.1'));
    expect(await advice.getByRole('button', { name: tx('nl', 'bank.import.open', { screen: tx('nl', 'menu.fixedAccounts') }) }).isVisible()).toBe(true);
    expect((await admin.put(`${base}/fixed-accounts/coda_suspense`, { account: '499000' })).status).toBe(200);

    // a statement of January 2027: the dossier has no fiscal year 2027 yet
    const nextYear = codaFile({ iban: 'BE68539007547034', sequence: '001', date: '2027-01-05', opening: 12550, movements: [{ amount: 1000, communication: 'rente' }] });
    advice = await upload('kbc-2027-001.cod', nextYear);
    expect(await advice.getAttribute('data-code')).toBe('banking.no_fiscal_period');
    expect(await page.getByTestId('bank-import-result').getByTestId('error-message').textContent()).toContain('2027-01-05');
    for (const key of ['bank.advice.period.1', 'bank.advice.period.2', 'bank.advice.period.3'] as const) {
      expect(await advice.textContent()).toContain(tx('nl', key));
    }
    expect(await statements()).toBe(1);
  });
});
