import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('chart of accounts and fixed accounts (%s)', (engine) => {
  let t: LedgerTestContext;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
  });
  afterAll(() => t?.env.close());

  it('gives a new dossier the Belgian chart, with names in the user language', async () => {
    const all = await t.admin.get(`${t.base}/accounts?pageSize=1000`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(244);
    const customers = all.body.items.find((a: { number: string }) => a.number === '400000');
    expect(customers).toMatchObject({ name: 'Handelsdebiteuren (klanten)', type: 'receivable', reconcilable: true, class: 4, active: true });
    t.admin.language = 'fr';
    const fr = await t.admin.get(`${t.base}/accounts?search=440`);
    t.admin.language = '';
    expect(fr.body.items[0]).toMatchObject({ number: '440000', name: 'Fournisseurs', reconcilable: true });
    const byName = await t.admin.get(`${t.base}/accounts?search=openingsrekening`);
    expect(byName.body.items.map((a: { number: string }) => a.number)).toEqual(['588888']);
  });

  it('sorts the chart on the server by number, name (in the user language) and class, page by page', async () => {
    type Row = { number: string; name: string; class: number };
    const numbers = (r: { body: { items: Row[] } }) => r.body.items.map((a) => a.number);
    const all = (await t.admin.get(`${t.base}/accounts?pageSize=1000`)).body.items as Row[];
    const byNumberDesc = await t.admin.get(`${t.base}/accounts?sort=number&direction=desc&pageSize=5`);
    expect(numbers(byNumberDesc)).toEqual(all.map((a) => a.number).sort().reverse().slice(0, 5));

    // By name: the whole chart in name order, the second page continues where the first stopped.
    const cmp = (a: Row, b: Row) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.number < b.number ? -1 : 1);
    const expected = [...all].sort(cmp).map((a) => a.number);
    const page1 = await t.admin.get(`${t.base}/accounts?sort=name&pageSize=20&page=1`);
    const page2 = await t.admin.get(`${t.base}/accounts?sort=name&pageSize=20&page=2`);
    expect(page1.body).toMatchObject({ total: all.length, page: 1, pageSize: 20 });
    expect([...numbers(page1), ...numbers(page2)]).toEqual(expected.slice(0, 40));
    expect(numbers(page1)).not.toEqual(all.slice(0, 20).map((a) => a.number));

    // In French the names (and so the order) are the French ones.
    t.admin.language = 'fr';
    const fr = await t.admin.get(`${t.base}/accounts?sort=name&class=4&pageSize=1000`);
    t.admin.language = '';
    const frNames = (fr.body.items as Row[]).map((a) => a.name.toLowerCase());
    expect(frNames).toEqual([...frNames].sort());
    expect(frNames.indexOf('clients')).toBeLessThan(frNames.indexOf('fournisseurs'));

    // By class (descending): class 9 … 0 first, by name inside a class.
    const byClass = (await t.admin.get(`${t.base}/accounts?sort=class&direction=desc&pageSize=1000`)).body.items as Row[];
    const classes = byClass.map((a) => a.class);
    expect(classes).toEqual([...classes].sort((a, b) => b - a));
    expect(classes[0]).toBeGreaterThan(classes[classes.length - 1]);
    const sixes = byClass.filter((a) => a.class === 6).map((a) => a.name.toLowerCase());
    expect(sixes).toEqual([...sixes].sort().reverse());

    const bad = await t.admin.get(`${t.base}/accounts?sort=balance`);
    expect(bad.status).toBe(400);
  });

  it('adds an account with a type from its class, edits, deactivates and deletes it while unused', async () => {
    const created = await t.admin.post(`${t.base}/accounts`, { number: '550100', name: 'KBC zichtrekening' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: '550100', type: 'bank', reconcilable: false, names: { nl: 'KBC zichtrekening', fr: 'KBC zichtrekening' } });
    const again = await t.admin.post(`${t.base}/accounts`, { number: '550100', name: 'dubbel' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ledger.account_exists');
    const bad = await t.admin.post(`${t.base}/accounts`, { number: '55A', name: 'fout' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('number');
    const edited = await t.admin.patch(`${t.base}/accounts/550100`, { names: { fr: 'KBC compte à vue' }, active: false });
    expect(edited.body).toMatchObject({ active: false, names: { nl: 'KBC zichtrekening', fr: 'KBC compte à vue' } });
    const inactive = await t.admin.get(`${t.base}/accounts?active=false`);
    expect(inactive.body.items.map((a: { number: string }) => a.number)).toContain('550100');
    expect((await t.admin.delete(`${t.base}/accounts/550100`)).status).toBe(204);
    expect((await t.admin.get(`${t.base}/accounts/550100`)).status).toBe(404);
  });

  it('refuses to delete an account used as a fixed account and says why', async () => {
    const res = await t.admin.delete(`${t.base}/accounts/440000`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ledger.account_in_use');
    expect(res.body.message).toContain('vaste rekening');
  });

  it('lists the fixed accounts per role and lets them change', async () => {
    const list = await t.admin.get(`${t.base}/fixed-accounts`);
    const byRole = Object.fromEntries(list.body.map((f: { role: string; account: string }) => [f.role, f.account]));
    expect(byRole).toMatchObject({
      customers: '400000',
      suppliers: '440000',
      vat_receivable: '411000',
      vat_payable: '451000',
      coda_suspense: '499000',
      opening: '588888',
    });
    const coda = list.body.find((f: { role: string }) => f.role === 'coda_suspense');
    expect(coda.label).toBe('Wachtrekening CODA-import');
    const set = await t.admin.put(`${t.base}/fixed-accounts/rounding_differences`, { account: '658000' });
    expect(set.status).toBe(200);
    expect(set.body.find((f: { role: string }) => f.role === 'rounding_differences').account).toBe('658000');
    const unknown = await t.admin.put(`${t.base}/fixed-accounts/rounding_differences`, { account: '999999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('ledger.account_not_found');
  });

  it('refuses a customers or suppliers account that is not reconcilable (their invoices are matched there)', async () => {
    const expense = await t.admin.put(`${t.base}/fixed-accounts/customers`, { account: '604000' });
    expect(expense.status).toBe(400);
    expect(expense.body.code).toBe('ledger.fixed_account_not_reconcilable');
    expect(expense.body.message).toBe('De rekening 604000 is niet afpointbaar: de rol "Klanten" heeft een afpointbare rekening nodig, want de facturen worden erop afgepunt.');
    const supplier = await t.admin.put(`${t.base}/fixed-accounts/suppliers`, { account: '550000' });
    expect(supplier.status).toBe(400);
    const list = await t.admin.get(`${t.base}/fixed-accounts`);
    expect(list.body.find((f: { role: string }) => f.role === 'customers').account).toBe('400000');
    expect(list.body.find((f: { role: string }) => f.role === 'suppliers').account).toBe('440000');
    // another reconcilable account is fine
    const other = await t.admin.put(`${t.base}/fixed-accounts/suppliers`, { account: '440000' });
    expect(other.status).toBe(200);
  });

  it('hides another office’s dossier and needs the accounts right to change the chart', async () => {
    const res = await t.admin.get(`/api/v1/dossiers/999999/accounts`);
    expect(res.status).toBe(404);
    const staff = await t.admin.post('/api/v1/users', {
      login: 'viewer',
      password: 'viewer-pass-1',
      role: 'staff',
      rights: [{ dossierId: t.dossierId, rights: ['view'] }],
    });
    expect(staff.status).toBe(201);
    const { loggedIn } = await import('../../../../test/helpers.ts');
    const viewer = await loggedIn(t.env.app, 'viewer', 'viewer-pass-1');
    expect((await viewer.get(`${t.base}/accounts?search=400000`)).status).toBe(200);
    const denied = await viewer.post(`${t.base}/accounts`, { number: '400100', name: 'Klanten export' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('right.missing');
  });
});
