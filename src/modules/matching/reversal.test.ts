/** Reversing an invoice closes it against its reversal, so neither stays an open item. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Item { bookingId: number; lineNo: number; amount: number; open: number }

describe.each(engines)('reversal and open items (%s)', (engine) => {
  let t: LedgerTestContext;
  let customer: number;
  let bank: number;

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    customer = await addRelation(t.env, t.dossierId, { number: 'K100', name: 'Brouwerij Kwak', kind: 'customer' });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'BEL', name: 'Belfius', type: 'financial', iban: 'BE68539007547034', bic: 'GKCCBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const sale = async (inclVat: string, reference: string) => {
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: customer, reference, lines: [{ account: '700000', vatCode: 'V21', amountInclVat: inclVat }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const openItems = async () => (await t.admin.get(`${t.base}/matching/open-items?relationId=${customer}`)).body.items as Item[];

  it('a reversed invoice and its reversal close each other; cancelling that match opens both again', async () => {
    const invoice = await sale('242.00', 'F-R1');
    expect((await openItems()).map((i) => i.bookingId)).toContain(invoice);
    const rev = await t.admin.post(`${t.base}/bookings/${invoice}/reverse`, {});
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    const open = await openItems();
    expect(open.filter((i) => i.bookingId === invoice || i.bookingId === rev.body.id)).toEqual([]);
    // the match shows in the relation's matches with its method, and F9 cancels it
    const matches = (await t.admin.get(`${t.base}/matching/matches?relationId=${customer}`)).body.items as Array<{ id: number; method: string; lines: Array<{ bookingId: number }> }>;
    const match = matches.find((m) => m.lines.some((l) => l.bookingId === rev.body.id))!;
    expect(match.method).toBe('reversal');
    expect(match.lines.map((l) => l.bookingId).sort()).toEqual([invoice, rev.body.id].sort());
    expect((await t.admin.delete(`${t.base}/matching/matches/${match.id}`)).status).toBe(200);
    const reopened = (await openItems()).filter((i) => i.bookingId === invoice || i.bookingId === rev.body.id);
    expect(reopened.map((i) => i.open).sort((a, b) => a - b)).toEqual([-24200, 24200]);
  });

  it('reversing an invoice already paid in part leaves the paid part open on the reversal (money owed back)', async () => {
    const invoice = await sale('121.00', 'F-R2');
    const st = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement', journalId: bank, date: '2026-02-01', openingBalance: 0, closingBalance: '21.00',
      lines: [{ amount: '21.00', relationId: customer, communication: 'F-R2 voorschot' }],
    });
    expect(st.status, JSON.stringify(st.body)).toBe(201);
    const items = await openItems();
    const line = (bookingId: number) => items.find((i) => i.bookingId === bookingId)!;
    const paid = await t.admin.post(`${t.base}/matching/matches`, { lines: [line(invoice), line(st.body.id)].map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo })) });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const rev = await t.admin.post(`${t.base}/bookings/${invoice}/reverse`, {});
    expect(rev.status).toBe(201);
    const after = await openItems();
    expect(after.find((i) => i.bookingId === invoice)).toBeUndefined();
    expect(after.find((i) => i.bookingId === rev.body.id)).toMatchObject({ amount: -12100, open: -2100 });
  });
});
