/**
 * Invoicing through the API on both engines: the module switch, articles, a draft with article and free
 * lines (EN 16931 totals), posting (number in the sales journal per fiscal year, structured communication,
 * the sales booking on the customer), the unlinked-journal message, and an invoice that turns paid after
 * the bank import of its payment (a CODA file carrying its structured communication); a credit note
 * linked to the posted invoice it corrects.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { isValidOgm } from '../../core/ogm.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

const CODA = readFileSync(new URL('../../../../shared/corpus/coda/pycoda_Coda_v2_3_single_statement.txt', import.meta.url), 'latin1');
/** The corpus KBC statement (2009-03-05, first movement a credit of 20.00) with that movement carrying `ogm`. */
function codaPaying(ogm: string): string {
  const lines = CODA.split('\r\n');
  const i = lines.findIndex((l) => l.startsWith('21'));
  lines[i] = lines[i].slice(0, 61) + '1' + ('101' + ogm).padEnd(53, ' ') + lines[i].slice(115);
  return lines.join('\r\n');
}

describe.each(engines)('invoicing API (%s)', (engine) => {
  let t: LedgerTestContext;
  let inv: string;
  let customer: number;

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2009-01-01', modules: { invoicing: true } });
    inv = `${t.base}/invoicing`;
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Stora Enso', kind: 'customer', paymentDays: 30, endOfMonth: true });
  });
  afterAll(() => t?.env.close());

  it('refuses invoicing in a dossier whose invoicing module is off, saying where to switch it on', async () => {
    const other = await t.admin.post('/api/v1/dossiers', { name: 'Zonder Facturatie BV', fiscalYearStart: '2009-01-01' });
    const res = await t.admin.get(`/api/v1/dossiers/${other.body.id}/invoicing/invoices`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invoicing.module_off');
    expect(res.body.message).toContain('Modules');
  });

  it('keeps articles and computes line nets and VAT per rate on the sum (EN 16931), in cents', async () => {
    const a = await t.admin.post(`${inv}/articles`, { code: 'brood', description: 'Volkorenbrood', unit: 'C62', unitPrice: '2.4545', vatCode: 'V06' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ code: 'BROOD', unitPrice: '2.4545', vatCode: 'V06' });
    const res = await t.admin.post(`${inv}/invoices`, {
      customerId: customer,
      issueDate: '2009-02-10',
      orderReference: 'PO-77',
      lines: [
        { article: 'BROOD', quantity: 3 }, // 7.3635 → 7.36
        { article: 'BROOD', quantity: '1', discountPercent: '10' }, // 2.45, discount 0.25 → 2.20
        { description: 'Levering', quantity: 1, unitPrice: '0.05', vatCode: 'V21' },
        { description: 'Taart', quantity: 1, unitPrice: '0.05', vatCode: 'V21' },
      ],
    });
    expect(res.status).toBe(201);
    const d = res.body;
    expect(d.status).toBe('draft');
    expect(d.number).toBeNull();
    expect(d.lines.map((l: { net: number }) => l.net)).toEqual([736, 220, 5, 5]);
    // VAT per rate on the sum of nets: 6 % of 9.56 = 0.5736 → 0.57; 21 % of 0.10 = 0.021 → 0.02 (per line it would be 0.01 + 0.01)
    expect(d.vat).toEqual(expect.arrayContaining([{ vatCode: 'V06', rateBp: 600, base: 956, vat: 57 }, { vatCode: 'V21', rateBp: 2100, base: 10, vat: 2 }]));
    expect([d.totalExcl, d.totalVat, d.totalIncl]).toEqual([966, 59, 1025]);
    // due date from the customer's payment terms: 30 days, end of month
    expect(d.dueDate).toBe('2009-03-31');
  });

  it('names the line and field of a bad line and writes nothing', async () => {
    const before = (await t.admin.get(`${inv}/invoices`)).body.length;
    const res = await t.admin.post(`${inv}/invoices`, { customerId: customer, issueDate: '2009-02-10', lines: [{ description: 'x', unitPrice: '1' , vatCode: 'V21' }, { description: 'y', unitPrice: 'abc', vatCode: 'A21' }] });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'lines.1.unitPrice', line: 2 }), expect.objectContaining({ field: 'lines.1.vatCode', line: 2 })]));
    expect((await t.admin.get(`${inv}/invoices`)).body.length).toBe(before);
  });

  it('does not post through an invoicing journal that is not linked to a sales journal, and says so', async () => {
    const journals = (await t.admin.get(`${inv}/journals`)).body;
    expect(journals[0]).toMatchObject({ code: 'FAC', salesJournalCode: 'VK' });
    const salesJournalId = journals[0].salesJournalId;
    await t.admin.post(`${inv}/journals`, { id: journals[0].id, salesJournalId: null });
    const draft = (await t.admin.get(`${inv}/invoices`)).body[0];
    const res = await t.admin.post(`${inv}/invoices/${draft.id}/post`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invoicing.journal_not_linked');
    expect(res.body.message).toContain('FAC');
    expect((await t.admin.get(`${inv}/invoices/${draft.id}`)).body.status).toBe('draft');
    await t.admin.post(`${inv}/journals`, { id: journals[0].id, salesJournalId });
  });

  it('posts: next number of the sales journal in the fiscal year, structured communication, sales booking on the customer', async () => {
    const draft = (await t.admin.get(`${inv}/invoices`)).body[0];
    const res = await t.admin.post(`${inv}/invoices/${draft.id}/post`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ status: 'posted', number: 1, displayNumber: 'VK 2009/0001', totalIncl: 1025, open: 1025 });
    expect(isValidOgm(p.structuredCommunication)).toBe(true);
    const booking = (await t.admin.get(`${t.base}/bookings/${p.bookingId}`)).body;
    expect(booking).toMatchObject({ kind: 'sales_invoice', number: 1, relationId: customer, dueDate: '2009-03-31', structuredCommunication: p.structuredCommunication, amount: 1025 });
    const byAccount = Object.fromEntries(booking.lines.map((l: { account: string; amount: number; vatCode: string | null }) => [`${l.account}/${l.vatCode ?? ''}`, l.amount]));
    expect(byAccount).toMatchObject({ '400000/': 1025, '700000/V06': -956, '700000/V21': -10, '451000/V06': -57, '451000/V21': -2 });
    // a posted invoice is not changed any more
    const again = await t.admin.put(`${inv}/invoices/${draft.id}`, { notes: 'x' });
    expect(again.status).toBe(409);
  });

  it('numbers the next invoice 2 in the same journal and year; a credit note books a sales credit note', async () => {
    const c = await t.admin.post(`${inv}/invoices`, { kind: 'credit_note', customer: 'K001', issueDate: '2009-02-11', lines: [{ description: 'Retour', quantity: 1, unitPrice: '1', vatCode: 'V21' }] });
    const p = (await t.admin.post(`${inv}/invoices/${c.body.id}/post`)).body;
    expect(p).toMatchObject({ number: 2, displayNumber: 'VK 2009/0002', totalIncl: 121 });
    const booking = (await t.admin.get(`${t.base}/bookings/${p.bookingId}`)).body;
    expect(booking.kind).toBe('sales_credit_note');
    expect(booking.lines.find((l: { account: string }) => l.account === '400000').amount).toBe(-121);
  });

  it('links a credit note to a posted invoice of its customer (BillingReference in the UBL); refuses another customer’s invoice, a draft, or a link on an invoice', async () => {
    const first = (await t.admin.get(`${inv}/invoices?kind=invoice`)).body.find((i: { number: string | null }) => i.number === 'VK 2009/0001');
    const other = await addRelation(t.env, t.dossierId, { number: 'K010', name: 'Brasserie Zuid', kind: 'customer' });
    const line = [{ description: 'Retour', quantity: 1, unitPrice: '5', vatCode: 'V21' }];
    const otherDraft = await t.admin.post(`${inv}/invoices`, { customerId: other, issueDate: '2009-02-12', lines: line });

    const wrongCustomer = await t.admin.post(`${inv}/invoices`, { kind: 'credit_note', customerId: other, creditedInvoiceId: first.id, issueDate: '2009-02-13', lines: line });
    expect(wrongCustomer.status).toBe(400);
    expect(wrongCustomer.body.code).toBe('invoicing.credited_invoice_other_customer');
    expect(wrongCustomer.body.message).toContain('VK 2009/0001');
    const draft = await t.admin.post(`${inv}/invoices`, { kind: 'credit_note', customerId: other, creditedInvoiceId: otherDraft.body.id, issueDate: '2009-02-13', lines: line });
    expect(draft.status).toBe(400);
    expect(draft.body.code).toBe('invoicing.credited_invoice_not_posted');
    const onInvoice = await t.admin.post(`${inv}/invoices`, { kind: 'invoice', customerId: customer, creditedInvoiceId: first.id, issueDate: '2009-02-13', lines: line });
    expect(onInvoice.status).toBe(400);
    expect(onInvoice.body.code).toBe('invoicing.credited_only_credit_note');

    const c = await t.admin.post(`${inv}/invoices`, { kind: 'credit_note', customerId: customer, creditedInvoiceId: first.id, issueDate: '2009-02-13', lines: line });
    expect(c.status).toBe(201);
    expect(c.body.creditedInvoiceId).toBe(first.id);
    // changing the draft to an invoice drops the link
    const asInvoice = await t.admin.put(`${inv}/invoices/${c.body.id}`, { kind: 'invoice' });
    expect(asInvoice.body.creditedInvoiceId).toBeNull();
    await t.admin.put(`${inv}/invoices/${c.body.id}`, { kind: 'credit_note', creditedInvoiceId: first.id });
    const posted = await t.admin.post(`${inv}/invoices/${c.body.id}/post`);
    expect(posted.body).toMatchObject({ kind: 'credit_note', creditedInvoiceId: first.id, status: 'posted' });
    const ubl = await t.admin.get(`${inv}/invoices/${c.body.id}/ubl`);
    expect(String(ubl.body)).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>VK 2009\/0001<\/cbc:ID>\s*<cbc:IssueDate>2009-02-10<\/cbc:IssueDate>/);
  });

  it('refuses to delete a customer that is on an invoice (even a draft), saying so', async () => {
    const other = await addRelation(t.env, t.dossierId, { number: 'K009', name: 'Café Nieuw', kind: 'customer' });
    await t.admin.post(`${inv}/invoices`, { customerId: other, issueDate: '2009-02-12', lines: [{ description: 'Koffie', unitPrice: '2', vatCode: 'V21' }] });
    const res = await t.admin.delete(`${t.base}/relations/${other}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('facturen');
  });

  it('turns paid after the bank import of its payment (CODA with its structured communication)', async () => {
    const j = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE86 4070 5141 6150', bic: 'KREDBEBB' });
    expect(j.status).toBe(201);
    const created = await t.admin.post(`${inv}/invoices`, { customerId: customer, issueDate: '2009-03-01', lines: [{ description: 'Bestelling', quantity: 2, unitPrice: '10', vatCode: 'V00' }] });
    const posted = (await t.admin.post(`${inv}/invoices/${created.body.id}/post`)).body;
    expect(posted.totalIncl).toBe(2000);
    const { importStatementFile } = await import('../banking/import-statement.ts');
    const { cliActor } = await import('../users/offices.ts');
    const result = await importStatementFile(t.env.svc, cliActor(t.officeId), t.dossierId, { fileName: 'kbc.cod', content: codaPaying(posted.structuredCommunication) });
    expect(result.statements[0].matched).toBe(1);
    const after = (await t.admin.get(`${inv}/invoices/${created.body.id}`)).body;
    expect(after).toMatchObject({ status: 'paid', open: 0 });
    const list = (await t.admin.get(`${inv}/invoices?status=paid`)).body;
    expect(list.map((i: { id: number }) => i.id)).toEqual([created.body.id]);
  });
});
