import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codaFile } from '../../../test/bank/coda-file.ts';
import { engines, loggedIn, seedOffice } from '../../../test/helpers.ts';
import { upload } from '../../../test/relations/http.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Line { bookingId: number; lineNo: number; date: string; journal: string; statementNumber: string; amount: number; counterpartyName: string | null; communication: string | null }

describe.each(engines)('Accounting → Unassigned bank lines (%s)', (engine) => {
  let t: LedgerTestContext;
  let customer: number;
  let supplier: number;
  let invoice: number;
  const list = async (): Promise<Line[]> => {
    const res = await t.admin.get(`${t.base}/bank/unassigned`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  const assign = (l: { bookingId: number; lineNo: number }, body: Record<string, unknown>) => t.admin.post(`${t.base}/bank/unassigned/${l.bookingId}/${l.lineNo}/assign`, body);
  const bookingCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from booking where dossier_id = ${t.dossierId}`.execute(t.env.svc.db)).rows[0].n;

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Café De Hoek', kind: 'customer' });
    supplier = await addRelation(t.env, t.dossierId, { number: 'L001', name: 'Immo Peeters', kind: 'supplier' });
    const journal = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' });
    expect(journal.status, JSON.stringify(journal.body)).toBe(201);
    const inv = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_invoice', date: '2026-02-20', relationId: customer, reference: 'VF-2026-12',
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '121.00' }],
    });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
    invoice = inv.body.id;
    const file = codaFile({
      iban: 'BE68539007547034', sequence: '003', date: '2026-03-10', opening: 0,
      movements: [
        { amount: 12100, communication: 'factuur VF-2026-12', counterpartyName: 'Café De Hoek', counterpartyAccount: 'BE71096123456769' },
        { amount: -4550, communication: 'Huur maart', counterpartyName: 'Immo Peeters' },
        { amount: 2000, communication: 'Onbekend' },
        { amount: -3025, communication: 'voorschot AF-77', counterpartyName: 'Immo Peeters' },
      ],
    });
    const res = await upload(t.admin, `${t.base}/bank/import`, { name: 'kbc.cod', content: Buffer.from(file, 'utf8') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.statements).toEqual([expect.objectContaining({ journal: 'KBC', number: '003', lines: 4, matched: 0, suspense: 4 })]);
  });
  afterAll(() => t?.env.close());

  it('lists the statement lines on the CODA suspense account: date, journal, statement, amount as the bank sees it, counterparty, communication', async () => {
    const items = await list();
    expect(items.map((i) => [i.date, i.journal, i.statementNumber, i.amount, i.counterpartyName, i.communication])).toEqual([
      ['2026-03-10', 'KBC', '003', 12100, 'Café De Hoek', 'factuur VF-2026-12'],
      ['2026-03-10', 'KBC', '003', -4550, 'Immo Peeters', 'Huur maart'],
      ['2026-03-10', 'KBC', '003', 2000, null, 'Onbekend'],
      ['2026-03-10', 'KBC', '003', -3025, 'Immo Peeters', 'voorschot AF-77'],
    ]);
    const res = await t.admin.get(`${t.base}/bank/unassigned`);
    expect(res.body.account).toBe('499000');
  });

  it('assigns a payment to the customer and its invoice: a new miscellaneous booking, the invoice paid, the line gone from the list', async () => {
    const [line] = await list();
    const open = await t.admin.get(`${t.base}/matching/open-items?relationId=${customer}`);
    const inv = open.body.items.find((i: { bookingId: number }) => i.bookingId === invoice);
    const before = await bookingCount();
    const res = await assign(line, { amount: '121.00', relationId: customer, invoices: [{ bookingId: inv.bookingId, lineNo: inv.lineNo }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ account: '400000', relationId: customer, full: true, matchId: expect.any(Number) });
    expect(await bookingCount()).toBe(before + 1);

    // the statement itself is unchanged (append-only); the new booking moves 121.00 off 499000 to the customer
    const booking = await t.admin.get(`${t.base}/bookings/${res.body.assignmentBookingId}`);
    expect(booking.body).toMatchObject({ kind: 'miscellaneous', date: '2026-03-10' });
    expect(booking.body.lines.map((l: { account: string; amount: number; relationId: number | null }) => [l.account, l.amount, l.relationId])).toEqual([
      ['499000', 12100, null],
      ['400000', -12100, customer],
    ]);
    const statement = await t.admin.get(`${t.base}/bookings/${line.bookingId}`);
    expect(statement.body.lines.find((l: { lineNo: number }) => l.lineNo === line.lineNo)).toMatchObject({ account: '499000', amount: -12100 });

    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body).toMatchObject({ status: 'paid', open: 0 });
    expect((await list()).map((i) => i.amount)).toEqual([-4550, 2000, -3025]);
    // the suspense account's two lines cancel out in its open items too
    const suspense = await t.admin.get(`${t.base}/matching/open-items?account=499000`);
    expect(suspense.body.items.map((i: { amount: number }) => i.amount)).toEqual([4550, -2000, 3025]);
  });

  it('refuses to assign a line twice (409), books nothing', async () => {
    const assigned = (await sql<{ booking_id: number; line_no: number }>`select booking_id, line_no from bank_line_assignment where dossier_id = ${t.dossierId}`.execute(t.env.svc.db)).rows[0];
    const before = await bookingCount();
    const res = await assign({ bookingId: Number(assigned.booking_id), lineNo: assigned.line_no }, { amount: '121.00', account: '740000' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('banking.line_already_assigned');
    expect(res.body.message).toContain('al toegewezen');
    expect(await bookingCount()).toBe(before);
  });

  it('refuses an amount that differs from the line (tampering or a stale screen), books nothing', async () => {
    const [, rent] = [null, (await list())[0]];
    const before = await bookingCount();
    const res = await assign(rent, { amount: '-45.00', relationId: supplier });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('banking.assign_amount_mismatch');
    expect(res.body.message).toContain('-45.50');
    const plus = await assign(rent, { amount: 4550, relationId: supplier });
    expect(plus.status).toBe(400);
    expect(plus.body.code).toBe('banking.assign_amount_mismatch');
    expect(await bookingCount()).toBe(before);
    expect(await list()).toHaveLength(3);
  });

  it('refuses without a target, invoices without a relation, an invoice of another relation, the suspense account itself', async () => {
    const [rent] = await list();
    const before = await bookingCount();
    const none = await assign(rent, { amount: -4550 });
    expect([none.status, none.body.code]).toEqual([400, 'banking.assign_target_required']);
    const noRel = await assign(rent, { amount: -4550, account: '610000', invoices: [{ bookingId: invoice, lineNo: 1 }] });
    expect([noRel.status, noRel.body.code]).toEqual([400, 'banking.assign_invoices_need_relation']);
    const otherRel = await assign(rent, { amount: -4550, relationId: supplier, invoices: [{ bookingId: invoice, lineNo: 1 }] });
    expect([otherRel.status, otherRel.body.code]).toEqual([400, 'banking.assign_invoice_invalid']);
    const self = await assign(rent, { amount: -4550, account: '499000' });
    expect([self.status, self.body.code]).toEqual([400, 'banking.assign_to_suspense']);
    const missing = await assign({ bookingId: invoice, lineNo: 1 }, { amount: 12100, relationId: customer });
    expect([missing.status, missing.body.code]).toEqual([404, 'banking.unassigned_line_not_found']);
    expect(await bookingCount()).toBe(before);
  });

  it('a part payment to a supplier: its purchase invoice is partly paid, the rest stays open', async () => {
    const purchase = await t.admin.post(`${t.base}/bookings`, {
      type: 'purchase_invoice', date: '2026-02-25', relationId: supplier, reference: 'AF-77',
      lines: [{ account: '610000', vatCode: 'A21S', amount: '50.00' }],
    });
    expect(purchase.status, JSON.stringify(purchase.body)).toBe(201);
    const items = (await t.admin.get(`${t.base}/matching/open-items?relationId=${supplier}`)).body.items;
    const inv = items.find((i: { bookingId: number }) => i.bookingId === purchase.body.id);
    expect(inv).toMatchObject({ account: '440000', open: -6050 });
    const advance = (await list()).find((l) => l.amount === -3025)!;
    const res = await assign(advance, { amount: '-30.25', relationId: supplier, invoices: [{ bookingId: inv.bookingId, lineNo: inv.lineNo }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ account: '440000', relationId: supplier, full: false, matchId: expect.any(Number) });
    expect((await t.admin.get(`${t.base}/matching/bookings/${purchase.body.id}/status`)).body).toMatchObject({ status: 'partly_paid', open: -3025 });
    expect((await list()).map((i) => i.amount)).toEqual([-4550, 2000]);
  });

  it('two assignments of the same line at the same moment: one books, the other is refused as already assigned', async () => {
    const [, unknown] = await list();
    const before = await bookingCount();
    const [a, b] = await Promise.all([
      assign(unknown, { amount: 2000, account: '740000' }),
      assign(unknown, { amount: 2000, relationId: customer }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('banking.line_already_assigned');
    expect(await bookingCount()).toBe(before + 1);
    // undo for the next test: the assignment was the last booking of its journal
    const won = [a, b].find((r) => r.status === 201)!;
    expect((await t.admin.delete(`${t.base}/bookings/${won.body.assignmentBookingId}`)).status).toBe(200);
    expect((await list()).map((i) => i.amount)).toEqual([-4550, 2000]);
  });

  it('assigns a line to a general account (rent on 610000) and to a supplier; deleting an assignment booking puts its line back', async () => {
    const [rent, unknown] = await list();
    const res = await assign(rent, { amount: '-45.50', account: '610000' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ account: '610000', relationId: null, matchId: null });
    const booking = await t.admin.get(`${t.base}/bookings/${res.body.assignmentBookingId}`);
    expect(booking.body.lines.map((l: { account: string; amount: number }) => [l.account, l.amount])).toEqual([['499000', -4550], ['610000', 4550]]);
    expect((await list()).map((i) => i.amount)).toEqual([2000]);

    const toSupplier = await assign(unknown, { amount: '20.00', relationId: supplier });
    expect(toSupplier.status, JSON.stringify(toSupplier.body)).toBe(201);
    expect(toSupplier.body).toMatchObject({ account: '440000', relationId: supplier });
    expect(await list()).toEqual([]);

    // the last booking of the miscellaneous journal deleted: its line waits again
    const del = await t.admin.delete(`${t.base}/bookings/${toSupplier.body.assignmentBookingId}`);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect((await list()).map((i) => i.amount)).toEqual([2000]);
  });

  it('a user of another office gets 404 for the list and the assignment, and nothing is booked', async () => {
    await seedOffice(t.env.svc, 'Kantoor Anders', 'stranger');
    const stranger = await loggedIn(t.env.app, 'stranger');
    const [line] = await list();
    const before = await bookingCount();
    const get = await stranger.get(`${t.base}/bank/unassigned`);
    const post = await stranger.post(`${t.base}/bank/unassigned/${line.bookingId}/${line.lineNo}/assign`, { amount: line.amount, account: '740000' });
    expect([get.status, post.status]).toEqual([404, 404]);
    expect(await bookingCount()).toBe(before);
    expect(await list()).toHaveLength(1);
  });
});
