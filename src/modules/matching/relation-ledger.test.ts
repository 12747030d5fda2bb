/** A relation's ledger shows each line's match and each invoice's payment status; so does a booking read through the API. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Line { bookingId: number; lineNo: number; document: string; amount: number; open: number; balance: number; matchIds: number[]; state: string; paymentStatus: string | null; bookingKind: string }

describe.each(engines)('relation ledger with matches (%s)', (engine) => {
  let t: LedgerTestContext;
  let customer: number;
  let bank: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    customer = await addRelation(t.env, t.dossierId, { number: 'K020', name: 'Hotel Aurora', kind: 'customer' });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
    const sale = async (inclVat: string, reference: string) =>
      (await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: customer, reference, lines: [{ account: '700000', vatCode: 'V21', amountInclVat: inclVat }] })).body.id as number;
    ids.first = await sale('1210.00', 'F-1');
    ids.second = await sale('500.00', 'F-2');
    ids.third = await sale('99.00', 'F-3');
    const st = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement', journalId: bank, date: '2026-02-01', openingBalance: 0, closingBalance: '900.00',
      lines: [{ amount: '400.00', relationId: customer, communication: 'F-1 voorschot' }, { amount: '500.00', relationId: customer, communication: 'F-2' }],
    });
    expect(st.status, JSON.stringify(st.body)).toBe(201);
    ids.statement = st.body.id;
    const lines = (await t.admin.get(`${t.base}/matching/open-items?relationId=${customer}`)).body.items as Line[];
    const line = (bookingId: number, amount: number) => lines.find((l) => l.bookingId === bookingId && l.amount === amount)!;
    const part = await t.admin.post(`${t.base}/matching/matches`, { lines: [line(ids.first, 121000), line(ids.statement, -40000)].map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo })) });
    const full = await t.admin.post(`${t.base}/matching/matches`, { lines: [line(ids.second, 50000), line(ids.statement, -50000)].map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo })) });
    expect([part.status, full.status]).toEqual([201, 201]);
    ids.part = part.body.id;
    ids.full = full.body.id;
  });
  afterAll(() => t?.env.close());

  it('lists every line of the relation with its matches, open amount, running balance and the invoices’ payment status', async () => {
    const res = await t.admin.get(`${t.base}/matching/relation-ledger?relationId=${customer}`);
    expect(res.status).toBe(200);
    expect(res.body.relation).toMatchObject({ id: customer, number: 'K020', name: 'Hotel Aurora' });
    const items = res.body.items as Line[];
    expect(items.map((i) => [i.bookingId, i.amount, i.open, i.balance, i.matchIds, i.state, i.paymentStatus])).toEqual([
      [ids.first, 121000, 81000, 121000, [ids.part], 'partly_matched', 'partly_paid'],
      [ids.second, 50000, 0, 171000, [ids.full], 'matched', 'paid'],
      [ids.third, 9900, 9900, 180900, [], 'open', 'open'],
      [ids.statement, -40000, 0, 140900, [ids.part], 'matched', null],
      [ids.statement, -50000, 0, 90900, [ids.full], 'matched', null],
    ]);
    // the open amounts add up to the relation's balance
    expect(res.body.totals).toEqual({ amount: 90900, open: 90900 });
  });

  it('a booking read through the API carries the invoice’s payment status and each reconcilable line’s open amount and matches', async () => {
    const invoice = (await t.admin.get(`${t.base}/bookings/${ids.first}`)).body;
    expect(invoice.paymentStatus).toEqual({ status: 'partly_paid', amount: 121000, open: 81000, matchIds: [ids.part] });
    const total = invoice.lines.find((l: { account: string }) => l.account === '400000');
    expect(total).toMatchObject({ open: 81000, matchIds: [ids.part] });
    // a revenue line is no open item
    expect(invoice.lines.find((l: { account: string }) => l.account === '700000').matchIds).toBeUndefined();
    expect((await t.admin.get(`${t.base}/bookings/${ids.second}`)).body.paymentStatus.status).toBe('paid');
    expect((await t.admin.get(`${t.base}/bookings/${ids.third}`)).body.paymentStatus.status).toBe('open');
    // a statement has no payment status, but its lines show their matches
    const statement = (await t.admin.get(`${t.base}/bookings/${ids.statement}`)).body;
    expect(statement.paymentStatus).toBeUndefined();
    expect(statement.lines.filter((l: { kind: string }) => l.kind === 'entry').map((l: { matchIds: number[]; open: number }) => [l.matchIds, l.open])).toEqual([[[ids.part], 0], [[ids.full], 0]]);
    // cancelling the part match makes the first invoice open again, everywhere
    expect((await t.admin.delete(`${t.base}/matching/matches/${ids.part}`)).status).toBe(200);
    expect((await t.admin.get(`${t.base}/bookings/${ids.first}`)).body.paymentStatus).toEqual({ status: 'open', amount: 121000, open: 121000, matchIds: [] });
    const ledger = (await t.admin.get(`${t.base}/matching/relation-ledger?relationId=${customer}&account=400000`)).body.items as Line[];
    expect(ledger[0]).toMatchObject({ bookingId: ids.first, matchIds: [], state: 'open', paymentStatus: 'open' });
  });

  it('a booking numbered beyond 9999 shows its whole number in the relation ledger and the open items', async () => {
    // a busy sales journal passes 9,999 invoices in a year; the number must not be cut to four digits
    await sql`update booking set number = 12345 where dossier_id = ${t.dossierId} and id = ${ids.third}`.execute(t.env.svc.db);
    const ledger = (await t.admin.get(`${t.base}/matching/relation-ledger?relationId=${customer}`)).body.items as Line[];
    const open = (await t.admin.get(`${t.base}/matching/open-items?relationId=${customer}`)).body.items as Line[];
    const inLedger = ledger.find((l) => l.bookingId === ids.third)!.document;
    expect(inLedger).toMatch(/ 2026\/12345$/);
    expect(open.find((l) => l.bookingId === ids.third)!.document).toBe(inLedger);
    expect(ledger.find((l) => l.bookingId === ids.second)!.document).toMatch(/ 2026\/0002$/);
  });

  it('an unknown relation is a 404 naming it', async () => {
    const res = await t.admin.get(`${t.base}/matching/relation-ledger?relationId=999999`);
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('999999');
  });
});
