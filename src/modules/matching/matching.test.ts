import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOgm, formatOgm } from '../../core/ogm.ts';
import { engines, loggedIn, seedOffice } from '../../../test/helpers.ts';
import { download } from '../../../test/relations/http.ts';
import { createUser } from '../users/manage-users.ts';
import { cliActor } from '../users/offices.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Item { bookingId: number; lineNo: number; account: string; amount: number; open: number; bookingKind: string; relationId: number; document: string }

describe.each(engines)('matching (%s)', (engine) => {
  let t: LedgerTestContext;
  let bank: number;
  let bankBalance = 0;
  const rel: Record<string, number> = {};
  const ogm1 = makeOgm('0000012345');

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    for (const [key, number, name] of [['a', 'K001', 'Hotel Aurora'], ['b', 'K002', 'Café De Zwaan'], ['c', 'K003', 'Bistro Den Hoek'], ['d', 'K004', 'Tearoom Paulette'], ['e', 'K005', 'Hotel Royal']])
      rel[key] = await addRelation(t.env, t.dossierId, { number, name, kind: 'customer', paymentDays: 30 });
    rel.s = await addRelation(t.env, t.dossierId, { number: 'L001', name: 'Molens Dossche', kind: 'supplier', paymentDays: 30 });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const sale = async (relation: number, inclVat: string, extra: Record<string, unknown> = {}) => {
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: relation, lines: [{ account: '700000', vatCode: 'V21', amountInclVat: inclVat }], ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const statement = async (date: string, lines: Array<Record<string, unknown>>) => {
    const sum = lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date, openingBalance: bankBalance, closingBalance: bankBalance + sum, lines });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bankBalance += sum;
    return res.body.id as number;
  };
  const items = async (relation: number, includeMatched = false): Promise<Item[]> =>
    (await t.admin.get(`${t.base}/matching/open-items?relationId=${relation}${includeMatched ? '&includeMatched=true' : ''}`)).body.items;
  const ref = (i: Item) => ({ bookingId: i.bookingId, lineNo: i.lineNo });

  it('lists a customer’s invoice total as an open item, and matches a part payment by hand (partly paid), then cancels it (F9)', async () => {
    const invoice = await sale(rel.c, '1210.00', { reference: 'F2026-0100' });
    await statement('2026-02-05', [{ amount: '500.00', relationId: rel.c, communication: 'voorschot' }]);
    const open = await items(rel.c);
    expect(open.map((i) => [i.account, i.amount, i.open, i.bookingKind])).toEqual([
      ['400000', 121000, 121000, 'sales_invoice'],
      ['400000', -50000, -50000, 'financial_statement'],
    ]);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body).toMatchObject({ status: 'open', amount: 121000, open: 121000 });

    const m = await t.admin.post(`${t.base}/matching/matches`, { lines: open.map(ref) });
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({ kind: 'manual', method: 'selection', account: '400000', relationId: rel.c, full: false });
    expect(m.body.lines.map((l: { applied: number; open: number }) => [l.applied, l.open])).toEqual([[50000, 71000], [-50000, 0]]);
    const after = await items(rel.c);
    expect(after.map((i) => [i.amount, i.open])).toEqual([[121000, 71000]]);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body).toMatchObject({ status: 'partly_paid', open: 71000, matchIds: [m.body.id] });
    // the matched line shows again with Ctrl+D
    expect((await items(rel.c, true)).map((i) => i.open)).toEqual([71000, 0]);

    // an invoice line already fully matched is refused; the amounts never change
    const cancel = await t.admin.delete(`${t.base}/matching/matches/${m.body.id}`);
    expect(cancel.status).toBe(200);
    expect((await items(rel.c)).map((i) => [i.amount, i.open])).toEqual([[121000, 121000], [-50000, -50000]]);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body.status).toBe('open');
    expect((await t.admin.delete(`${t.base}/matching/matches/${m.body.id}`)).status).toBe(404);

    // the rest paid later: invoice + both payments net to zero, a full match
    await statement('2026-02-20', [{ amount: '710.00', relationId: rel.c, communication: 'saldo' }]);
    const full = await t.admin.post(`${t.base}/matching/matches`, { lines: (await items(rel.c)).map(ref) });
    expect(full.body.full).toBe(true);
    expect(await items(rel.c)).toEqual([]);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body.status).toBe('paid');
    const again = await t.admin.post(`${t.base}/matching/matches`, { lines: full.body.lines.map(ref) });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('matching.line_already_matched');
  });

  it('refuses lines of different relations or accounts, one side only, and lines that are not open items, naming what differs', async () => {
    await sale(rel.d, '242.00');
    await t.admin.post(`${t.base}/bookings`, { type: 'purchase_invoice', date: '2026-01-12', relationId: rel.s, reference: 'MD-1', lines: [{ account: '600000', vatCode: 'A21G', amount: '100.00' }] });
    await statement('2026-02-21', [{ amount: '242.00', relationId: rel.e, communication: 'x' }]);
    const d = await items(rel.d);
    const e = await items(rel.e);
    const s = await items(rel.s);
    const mixedRelations = await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(d[0]), ref(e[0])] });
    expect(mixedRelations.status).toBe(400);
    expect(mixedRelations.body.code).toBe('matching.relations_differ');
    expect(mixedRelations.body.message).toContain('K004 Tearoom Paulette');
    expect(mixedRelations.body.message).toContain('K005 Hotel Royal');
    const mixedAccounts = await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(d[0]), ref(s[0])] });
    expect(mixedAccounts.status).toBe(400);
    expect(mixedAccounts.body.code).toBe('matching.accounts_differ');
    expect(mixedAccounts.body.message).toMatch(/400000.*440000/);
    const vatLine = await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(d[0]), { bookingId: d[0].bookingId, lineNo: d[0].lineNo + 1 }] });
    expect(vatLine.body.code).toBe('matching.account_not_reconcilable');
    const missing = await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(d[0]), { bookingId: 999999, lineNo: 1 }] });
    expect(missing.body).toMatchObject({ code: 'matching.line_not_found', details: [{ field: 'lines.1' }] });
    expect((await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(d[0])] })).body.code).toBe('matching.lines_required');
    // nothing was written
    expect((await items(rel.d)).map((i) => i.open)).toEqual([24200]);
  });

  it('F10 matches equal amounts; F8 matches relations whose open items net to zero', async () => {
    // relation E has a payment of 242.00 and no invoice: a new one of 242.00 matches by equal amount
    await sale(rel.e, '242.00');
    const eq = await t.admin.post(`${t.base}/matching/equal-amounts`, { relationId: rel.e });
    expect(eq.body.matched).toBe(1);
    expect(await items(rel.e)).toEqual([]);
    // relation D: invoice 242.00, then two payments 200 + 42 net to zero with it
    await statement('2026-02-22', [{ amount: '200.00', relationId: rel.d }, { amount: '42.00', relationId: rel.d }]);
    expect((await t.admin.post(`${t.base}/matching/equal-amounts`, { relationId: rel.d })).body.matched).toBe(0);
    const nz = await t.admin.post(`${t.base}/matching/net-zero`, {});
    expect(nz.body.matched).toBe(1);
    expect(await items(rel.d)).toEqual([]);
    const list = await t.admin.get(`${t.base}/matching/matches?relationId=${rel.d}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'auto', method: 'net_zero', full: true });
    expect(list.body.items[0].lines).toHaveLength(3);
  });

  it('F11 matches by OGM, then by reference in a free communication, then by exact amount; several candidates give proposals', async () => {
    const byOgm = await sale(rel.a, '1210.00', { reference: 'F2026-0001', structuredCommunication: formatOgm(ogm1) });
    const byRef = await sale(rel.a, '605.00', { reference: 'F2026-0002' });
    const byAmount = await sale(rel.a, '363.00', { reference: 'F2026-0003' });
    await sale(rel.b, '121.00', { reference: 'F2026-0004' });
    await sale(rel.b, '121.00', { reference: 'F2026-0005' });
    await statement('2026-02-23', [
      { amount: '1210.00', relationId: rel.a, structuredCommunication: formatOgm(ogm1) },
      { amount: '605.00', relationId: rel.a, communication: 'Betaling factuur F2026-0002 dank u' },
      { amount: '363.00', relationId: rel.a, communication: 'betaling' },
      { amount: '121.00', relationId: rel.b, communication: 'betaling' },
      { amount: '55.00', relationId: rel.b, communication: 'voorschot' },
    ]);
    const res = await t.admin.post(`${t.base}/matching/auto`, {});
    expect(res.status).toBe(200);
    expect(res.body.matched).toBe(3);
    expect(res.body.proposals).toHaveLength(1);
    expect(res.body.proposals[0]).toMatchObject({ by: 'amount', open: -12100, relationId: rel.b });
    expect(res.body.proposals[0].candidates.map((c: { reference: string }) => c.reference).sort()).toEqual(['F2026-0004', 'F2026-0005']);
    const methods = (await t.admin.get(`${t.base}/matching/matches?relationId=${rel.a}`)).body.items.map((m: { method: string; lines: Array<{ bookingId: number }> }) => [m.method, m.lines[0].bookingId]);
    expect(methods.sort()).toEqual([['amount', byAmount], ['ogm', byOgm], ['reference', byRef]].sort());
    expect(await items(rel.a)).toEqual([]);
    // relation B stays open: two invoices, the ambiguous payment and the advance
    expect((await items(rel.b)).map((i) => i.open)).toEqual([12100, 12100, -12100, -5500]);
    // running it again matches nothing new and proposes the same
    const again = await t.admin.post(`${t.base}/matching/auto`, { relationId: rel.b });
    expect(again.body).toMatchObject({ matched: 0, proposals: [{ by: 'amount' }] });
  });

  it('reports open items at a date, aged, whose sum per relation equals the relation’s balance; exports CSV, XLSX and PDF', async () => {
    const before = await t.admin.get(`${t.base}/matching/reports/open-items?date=2026-01-31`);
    expect(before.status).toBe(200);
    // at 31 January no payment is booked yet: every invoice is fully open (matches made later do not count)
    const c = before.body.items.filter((i: { relationId: number }) => i.relationId === rel.c);
    expect(c.map((i: { open: number; bucket: string }) => [i.open, i.bucket])).toEqual([[121000, 'notDue']]);
    const at = await t.admin.get(`${t.base}/matching/reports/open-items?date=2026-03-31`);
    // in the report's order: by account, then relation number, then due date
    const order = at.body.items.map((i: { account: string; relation: string | null; dueDate: string | null; date: string }) => `${i.account}|${i.relation ?? '\uffff'}|${i.dueDate ?? i.date}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(order.map((o: string) => o.split('|')[1])).size).toBeGreaterThan(1);
    const year = (await t.admin.get(`${t.base}/fiscal-years`)).body.items?.[0]?.id ?? 1;
    for (const kind of ['customers', 'suppliers'] as const) {
      const balances = (await t.admin.get(`${t.base}/reports/relation-balances?fiscalYearId=${year}&kind=${kind}`)).body.items as Array<{ relationId: number; balance: number }>;
      for (const b of balances) {
        const sum = at.body.items.filter((i: { relationId: number; account: string }) => i.relationId === b.relationId && i.account === (kind === 'customers' ? '400000' : '440000')).reduce((s: number, i: { open: number }) => s + i.open, 0);
        expect(sum, `relation ${b.relationId}`).toBe(b.balance);
      }
    }
    // invoices of 10 January due 9 February are 31–60 days overdue on 31 March
    const b = at.body.items.filter((i: { relationId: number }) => i.relationId === rel.b);
    expect(b.map((i: { open: number; bucket: string }) => [i.open, i.bucket])).toEqual([[12100, 'd31_60'], [12100, 'd31_60'], [-12100, 'd31_60'], [-5500, 'd31_60']]);
    expect(at.body.totals.aging.d31_60).toBe(at.body.totals.open - at.body.totals.aging.notDue - at.body.totals.aging.d0_30);
    const csv = await download(t.env.app, t.admin, `${t.base}/matching/reports/open-items?date=2026-03-31&format=csv`);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const csvText = csv.body.toString('utf8');
    expect(csvText).toContain('Café De Zwaan');
    expect(csvText).toContain('-121.00');
    const xlsx = await download(t.env.app, t.admin, `${t.base}/matching/reports/open-items?date=2026-03-31&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const pdf = await download(t.env.app, t.admin, `${t.base}/matching/reports/open-items?date=2026-03-31&format=pdf`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.admin.get(`${t.base}/matching/reports/open-items?date=2030-01-01`)).status).toBe(404);
  });

  it('a user of another office gets 404 for every matching route of the dossier', async () => {
    await seedOffice(t.env.svc, 'Kantoor Anders', 'stranger');
    const stranger = await loggedIn(t.env.app, 'stranger');
    const url = (p: string) => `${t.base}/matching${p}`;
    const responses = [
      await stranger.get(url('/open-items')),
      await stranger.get(url('/matches')),
      await stranger.get(url('/matches/1')),
      await stranger.post(url('/matches'), { lines: [{ bookingId: 1, lineNo: 1 }, { bookingId: 2, lineNo: 1 }] }),
      await stranger.delete(url('/matches/1')),
      await stranger.post(url('/auto'), {}),
      await stranger.post(url('/equal-amounts'), {}),
      await stranger.post(url('/net-zero'), {}),
      await stranger.get(url('/bookings/1/status')),
      await stranger.get(url('/reports/open-items?date=2026-03-31')),
    ];
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 404));
    // and nothing of it changed
    expect((await t.admin.get(`${t.base}/matching/matches`)).body.items.length).toBeGreaterThan(0);
  });

  it('deleting a matched booking cancels its matches: the invoice is open again', async () => {
    const invoice = await sale(rel.d, '50.00', { date: '2026-03-01' });
    const payment = await statement('2026-03-10', [{ amount: '50.00', relationId: rel.d, communication: 'x' }]);
    const m = await t.admin.post(`${t.base}/matching/matches`, { lines: (await items(rel.d)).map(ref) });
    expect(m.body.full).toBe(true);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body.status).toBe('paid');
    const del = await t.admin.delete(`${t.base}/bookings/${payment}`);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    bankBalance -= 5000;
    expect((await items(rel.d)).map((i) => [i.bookingId, i.open])).toEqual([[invoice, 5000]]);
    expect((await t.admin.get(`${t.base}/matching/matches/${m.body.id}`)).status).toBe(404);
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body.status).toBe('open');
  });

  it('a user with only the view right reads open items and matches but may not match or cancel (403 naming the right)', async () => {
    await createUser(t.env.svc, cliActor(t.officeId), { login: 'viewer', password: 'viewer-pass-1', role: 'staff', rights: [{ dossierId: t.dossierId, rights: ['view'] }] }, t.officeId);
    const viewer = await loggedIn(t.env.app, 'viewer', 'viewer-pass-1');
    expect((await viewer.get(`${t.base}/matching/open-items?relationId=${rel.b}`)).body.items).toHaveLength(4);
    const list = await viewer.get(`${t.base}/matching/matches`);
    expect(list.status).toBe(200);
    const refused = [
      await viewer.post(`${t.base}/matching/matches`, { lines: (await items(rel.b)).map(ref) }),
      await viewer.post(`${t.base}/matching/auto`, {}),
      await viewer.post(`${t.base}/matching/net-zero`, {}),
      await viewer.post(`${t.base}/matching/equal-amounts`, {}),
      await viewer.delete(`${t.base}/matching/matches/${list.body.items[0].id}`),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await items(rel.b)).map((i) => i.open)).toEqual([12100, 12100, -12100, -5500]);
  });
});
