/**
 * A relation's ledger in Chromium: a customer with a sales invoice of 1,210.00 and a bank payment of it,
 * and a supplier with a purchase invoice of 605.00 and its payment. Management → Relations, Ctrl+H on the
 * customer opens Reports → Relation ledger: the invoice is open, nothing matched. On Accounting → Matching
 * (Customers tab, no relation chosen) F11 matches the customer only — the supplier's items stay open.
 * The ledger then shows the invoice as paid with its match (the linked lines on hover and below); Enter
 * on the invoice line opens that match in the overview of Matching, F9 cancels it, and the ledger shows
 * the invoice as open again without a match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRelation } from '../../src/modules/ledger/test-support.ts';
import { engines, loggedIn, seedOffice, type ApiClient } from '../helpers.ts';
import { loginAs, startE2E, tx, type E2E } from './harness.ts';

describe.each(engines)("a relation's ledger shows each line's match and the invoice's payment status (Chromium, %s)", (engine) => {
  let e2e: E2E;
  let admin: ApiClient;
  let dossierId: number;
  let base: string;
  let customer: number;
  let supplier: number;
  let invoice = { id: 0, display: '' };
  let payment = { id: 0, display: '' };

  beforeAll(async () => {
    e2e = await startE2E(engine);
    await seedOffice(e2e.env.svc);
    admin = await loggedIn(e2e.server);
    const dossier = await admin.post('/api/v1/dossiers', { name: 'Brasserie De Kroon BV', fiscalYearStart: '2026-01-01' });
    expect(dossier.status, JSON.stringify(dossier.body)).toBe(201);
    dossierId = dossier.body.id;
    base = `/api/v1/dossiers/${dossierId}`;
    customer = await addRelation(e2e.env, dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer', paymentDays: 30 });
    supplier = await addRelation(e2e.env, dossierId, { number: 'L001', name: 'Drukkerij Vanden Broele', kind: 'supplier', paymentDays: 30 });
    const bank = await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    expect(bank.status, JSON.stringify(bank.body)).toBe(201);
    const post = async (body: Record<string, unknown>) => {
      const res = await admin.post(`${base}/bookings`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as number, display: res.body.display as string };
    };
    invoice = await post({ type: 'sales_invoice', date: '2026-02-02', relationId: customer, reference: 'F2026-001', lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '1210.00' }] });
    await post({ type: 'purchase_invoice', date: '2026-02-03', relationId: supplier, reference: 'VB-77', lines: [{ account: '600000', vatCode: 'A21G', amountInclVat: '605.00' }] });
    payment = await post({
      type: 'financial_statement', journalId: bank.body.id, date: '2026-03-20', statementNumber: '1', openingBalance: '0.00', closingBalance: '605.00',
      lines: [{ amount: '1210.00', relationId: customer, communication: 'F2026-001' }, { amount: '-605.00', relationId: supplier, communication: 'VB-77' }],
    });
  });
  afterAll(() => e2e?.close());

  const rows = () => e2e.page.getByTestId('relation-ledger').locator('tbody tr[data-line]');
  const invoiceRow = () => rows().filter({ hasText: invoice.display });
  const paymentRow = () => rows().filter({ hasText: payment.display });
  const openOf = async (relationId: number) => ((await admin.get(`${base}/matching/open-items?relationId=${relationId}`)).body.items as unknown[]).length;

  it('Ctrl+H on the relation opens its ledger: the invoice is open, no match; F11 on the Customers tab matches only customers', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'admin', 'admin-pass-1');
    await page.goto(`${baseUrl}/d/${dossierId}/management/relations/${customer}`);
    await page.getByTestId('relation-detail').getByRole('heading', { name: 'K001 Hotel Aurora' }).waitFor();
    await page.keyboard.press('Control+KeyH');
    await page.getByRole('heading', { name: tx('nl', 'relationLedger.title') }).waitFor();
    expect(page.url()).toContain(`reports/relation-ledger?relation=${customer}`);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().allTextContents()).toEqual([expect.stringContaining(invoice.display), expect.stringContaining(payment.display)]);
    expect(await invoiceRow().getByTestId('relation-ledger-status').textContent()).toBe(tx('nl', 'matching.status.open'));
    expect(await invoiceRow().getByTestId('relation-ledger-match').textContent()).toBe('');
    expect(await invoiceRow().textContent()).toContain('1.210,00');
    // debit, then credit: the running balance ends at zero
    expect(await page.getByTestId('relation-ledger-total').textContent()).toBe('0,00');

    // F11 on Accounting → Matching, Customers tab, no relation: only the customer's payment is matched
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/matching`);
    await page.getByRole('heading', { name: tx('nl', 'menu.matching') }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: tx('nl', 'matching.auto') }).isEnabled()).toBe(true);
    await page.keyboard.press('F11');
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.result.auto', { count: 1, proposals: 0 }));
    expect(await openOf(customer)).toBe(0);
    expect(await openOf(supplier)).toBe(2);
  });

  it('after matching the ledger shows the invoice paid with its match; Enter opens the match in Matching, F9 cancels it and the ledger shows it open again', async () => {
    const { page, baseUrl } = e2e;
    const [match] = (await admin.get(`${base}/matching/matches?relationId=${customer}`)).body.items as Array<{ id: number }>;
    // from the Matching screen with the relation chosen, the link opens its ledger
    await page.goto(`${baseUrl}/d/${dossierId}/accounting/matching?kind=customers&relation=${customer}`);
    await page.getByTestId('matching-ledger-link').click();
    await page.getByRole('heading', { name: tx('nl', 'relationLedger.title') }).waitFor();
    await expect.poll(() => invoiceRow().getByTestId('relation-ledger-status').textContent()).toBe(tx('nl', 'matching.status.paid'));
    expect(await invoiceRow().getByTestId('relation-ledger-match').textContent()).toBe(`#${match.id}`);
    expect(await paymentRow().getByTestId('relation-ledger-match').textContent()).toBe(`#${match.id}`);
    expect(await paymentRow().getAttribute('data-state')).toBe('matched');
    // the linked lines: on hover (title) and below the list for the current line
    await expect.poll(() => invoiceRow().locator('.mode-tag').getAttribute('title')).toContain(payment.display);
    const linked = page.getByTestId('relation-ledger-linked');
    expect(await linked.textContent()).toContain(tx('nl', 'relationLedger.linked', { id: match.id }));
    expect(await linked.textContent()).toContain(payment.display);
    expect(await linked.textContent()).toContain('-1.210,00');

    // ↓ to the payment, ↑ back to the invoice, Enter: the match in Matching's overview
    await page.getByTestId('relation-ledger-list').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => paymentRow().getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => invoiceRow().getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: tx('nl', 'menu.matching') }).waitFor();
    expect(page.url()).toContain(`match=${match.id}`);
    await expect.poll(() => page.getByTestId('matching-matches').locator(`tr[data-match="${match.id}"]`).getAttribute('aria-current')).toBe('true');
    expect(await page.getByTestId('matching-show-matched').isChecked()).toBe(true);

    await page.keyboard.press('F9');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: tx('nl', 'matching.confirmYes'), exact: true }).click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toBe(tx('nl', 'matching.cancelled', { id: match.id }));

    // Ctrl+H back to the ledger: the invoice is open again, no line carries a match
    await page.keyboard.press('Control+KeyH');
    await page.getByRole('heading', { name: tx('nl', 'relationLedger.title') }).waitFor();
    await expect.poll(() => invoiceRow().getByTestId('relation-ledger-status').textContent()).toBe(tx('nl', 'matching.status.open'));
    expect(await invoiceRow().getByTestId('relation-ledger-match').textContent()).toBe('');
    expect(await paymentRow().getByTestId('relation-ledger-match').textContent()).toBe('');
    expect(await paymentRow().getAttribute('data-state')).toBe('open');
    expect(await page.getByTestId('relation-ledger-linked').textContent()).toBe(tx('nl', 'relationLedger.noMatch'));
  });
});
