/**
 * F11 on the Customers or Suppliers tab without a relation chosen: `kind` limits automatic matching to
 * that tab's accounts (receivable or payable); the other side's payments and invoices stay open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Item { bookingId: number; account: string; open: number }

describe.each(engines)('automatic matching limited to customers or suppliers (%s)', (engine) => {
  let t: LedgerTestContext;
  const rel: Record<string, number> = {};
  const inv: Record<string, number> = {};

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    rel.customer = await addRelation(t.env, t.dossierId, { number: 'K100', name: 'Hotel Aurora', kind: 'customer' });
    rel.supplier = await addRelation(t.env, t.dossierId, { number: 'L100', name: 'Drukkerij Vanden Broele', kind: 'supplier' });
    const bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
    const post = async (body: Record<string, unknown>) => {
      const res = await t.admin.post(`${t.base}/bookings`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    inv.customer = await post({ type: 'sales_invoice', date: '2026-01-10', relationId: rel.customer, reference: 'F-0001', lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '1210.00' }] });
    inv.supplier = await post({ type: 'purchase_invoice', date: '2026-01-12', relationId: rel.supplier, reference: 'VB-77', lines: [{ account: '600000', vatCode: 'A21G', amountInclVat: '605.00' }] });
    await post({
      type: 'financial_statement', journalId: bank, date: '2026-02-10', openingBalance: '0.00', closingBalance: '605.00',
      lines: [{ amount: '1210.00', relationId: rel.customer, communication: 'F-0001' }, { amount: '-605.00', relationId: rel.supplier, communication: 'VB-77' }],
    });
  });
  afterAll(() => t?.env.close());

  const openOf = async (relationId: number): Promise<Item[]> => (await t.admin.get(`${t.base}/matching/open-items?relationId=${relationId}`)).body.items;

  it('kind customers matches only on the customers accounts; kind suppliers then the suppliers', async () => {
    const customers = await t.admin.post(`${t.base}/matching/auto`, { kind: 'customers' });
    expect(customers.status, JSON.stringify(customers.body)).toBe(200);
    expect(customers.body.matched).toBe(1);
    expect(await openOf(rel.customer)).toEqual([]);
    // the supplier's invoice and payment are untouched
    expect((await openOf(rel.supplier)).map((i) => [i.account, i.open]).sort()).toEqual([['440000', -60500], ['440000', 60500]].sort());

    const suppliers = await t.admin.post(`${t.base}/matching/auto`, { kind: 'suppliers' });
    expect(suppliers.body.matched).toBe(1);
    expect(await openOf(rel.supplier)).toEqual([]);
    const status = await t.admin.get(`${t.base}/matching/bookings/${inv.supplier}/status`);
    expect(status.body.status).toBe('paid');
  });

  it('refuses an unknown kind', async () => {
    const res = await t.admin.post(`${t.base}/matching/auto`, { kind: 'employees' });
    expect(res.status).toBe(400);
  });
});
