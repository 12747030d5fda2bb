import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('VAT codes (%s)', (engine) => {
  let t: LedgerTestContext;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
  });
  afterAll(() => t?.env.close());

  it('gives a new dossier the Belgian codes with their rates and grids', async () => {
    const res = await t.admin.get(`${t.base}/vat-codes?kind=sales`);
    const v21 = res.body.items.find((c: { code: string }) => c.code === 'V21');
    expect(v21).toMatchObject({ kind: 'sales', name: 'Verkoop binnenland 21%', rateBp: 2100, grids: { invoice: [{ grid: '03', of: 'base', sign: 1 }, { grid: '54', of: 'vat', sign: 1 }] } });
    const purchases = await t.admin.get(`${t.base}/vat-codes?kind=purchase`);
    expect(purchases.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['A21G', 'A21S', 'A21I', 'A06S', 'A21S-D50', 'AICG', 'AICSV', 'ACC']));
  });

  it('tells which rate applies to accommodation before and after 1 March 2026', async () => {
    const before = await t.admin.get(`${t.base}/vat-codes?date=2026-02-28`);
    expect(before.body.rateChanges.find((c: { category: string }) => c.category === 'accommodation')).toMatchObject({ rateBp: 600, salesCode: 'V06' });
    const after = await t.admin.get(`${t.base}/vat-codes?date=2026-03-01`);
    expect(after.body.rateChanges.find((c: { category: string }) => c.category === 'accommodation')).toMatchObject({ rateBp: 1200, salesCode: 'V12' });
    expect(after.body.rateChanges.find((c: { category: string }) => c.category === 'phytopharmaceuticals')).toMatchObject({ rateBp: 2100, salesCode: 'V21' });
  });

  it('adds a rate from a date: the rate follows the document date', async () => {
    const res = await t.admin.patch(`${t.base}/vat-codes/V12`, { addRate: { validFrom: '2027-01-01', rateBp: 1300 } });
    expect(res.status).toBe(200);
    expect((await t.admin.get(`${t.base}/vat-codes?date=2026-12-31&kind=sales`)).body.items.find((c: { code: string }) => c.code === 'V12').rateBp).toBe(1200);
    expect((await t.admin.get(`${t.base}/vat-codes?date=2027-01-01&kind=sales`)).body.items.find((c: { code: string }) => c.code === 'V12').rateBp).toBe(1300);
  });
});
