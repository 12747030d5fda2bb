/**
 * Foreign currency items: an invoice in USD keeps its currency amount; matching compares currency
 * amounts and books the euro difference as an exchange difference (on the fixed accounts of exchange
 * loss / gain: 654000 / 754000 unless the dossier chose others) so the relation's open items net to
 * zero in euro; cancelling the match reverses that booking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

interface Item { bookingId: number; lineNo: number; amount: number; open: number; currency: string | null; currencyOpen: number | null }
interface Line { account: string; amount: number; relationId: number | null; currency: string | null; currencyAmount: number | null }

describe.each(engines)('matching in a foreign currency (%s)', (engine) => {
  let t: LedgerTestContext;
  let bank: number;
  let bankBalance = 0;
  let customer: number;
  let other: number;

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    customer = await addRelation(t.env, t.dossierId, { number: 'K030', name: 'Acme Inc. (New York)', kind: 'customer' });
    other = await addRelation(t.env, t.dossierId, { number: 'K031', name: 'Globex Corp.', kind: 'customer' });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const sale = async (relation: number, eur: string, usd: string | null, reference: string) => {
    const res = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_invoice', date: '2026-01-10', relationId: relation, reference, lines: [{ account: '700000', vatCode: 'VEX', amountInclVat: eur }],
      ...(usd ? { currency: 'USD', currencyAmount: usd } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const pay = async (relation: number, eur: string, usd: string | null, communication: string, date = '2026-02-10') => {
    const cents = Math.round(Number(eur) * 100);
    const res = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement', journalId: bank, date, openingBalance: bankBalance, closingBalance: bankBalance + cents,
      lines: [{ amount: eur, relationId: relation, communication, ...(usd ? { currency: 'USD', currencyAmount: usd } : {}) }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bankBalance += cents;
    return res.body.id as number;
  };
  const items = async (relation: number): Promise<Item[]> => (await t.admin.get(`${t.base}/matching/open-items?relationId=${relation}`)).body.items;
  const ref = (i: Item) => ({ bookingId: i.bookingId, lineNo: i.lineNo });
  const lines = async (bookingId: number): Promise<Line[]> => (await t.admin.get(`${t.base}/bookings/${bookingId}`)).body.lines;

  it('an invoice and a payment in USD keep their currency amount; a wrong currency or a missing amount is refused', async () => {
    const invoice = await sale(customer, '1000.00', '1100.00', 'US-1');
    const total = (await lines(invoice)).find((l) => l.account === '400000')!;
    expect([total.amount, total.currency, total.currencyAmount]).toEqual([100000, 'USD', 110000]);
    const bad = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: customer, currency: 'US', currencyAmount: '1', lines: [{ account: '700000', vatCode: 'VEX', amountInclVat: '1.00' }] });
    expect(bad.body.code).toBe('ledger.currency_invalid');
    const missing = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: customer, currency: 'USD', lines: [{ account: '700000', vatCode: 'VEX', amountInclVat: '1.00' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('ledger.currency_amount_required');
    expect(missing.body.message).toContain('USD');
    const euro = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: other, currency: 'EUR', lines: [{ account: '700000', vatCode: 'VEX', amountInclVat: '1.00' }] });
    expect((await lines(euro.body.id)).find((l) => l.account === '400000')!.currency).toBeNull();
  });

  it('F11 matches the USD payment on its currency amount and books the exchange loss, so the relation nets to zero; F9 reverses it', async () => {
    const payment = await pay(customer, '980.00', '1100.00', 'invoice US-1 thank you');
    const entry = (await lines(payment)).find((l) => l.account === '400000')!;
    expect([entry.amount, entry.currency, entry.currencyAmount]).toEqual([-98000, 'USD', -110000]);
    const auto = await t.admin.post(`${t.base}/matching/auto`, { relationId: customer });
    expect(auto.body).toMatchObject({ matched: 1, proposals: [] });
    const match = (await t.admin.get(`${t.base}/matching/matches/${auto.body.matchIds[0]}`)).body;
    expect(match).toMatchObject({ currency: 'USD', full: true, exchangeBookingId: expect.any(Number) });
    expect(match.lines.map((l: { applied: number; currencyApplied: number }) => [l.applied, l.currencyApplied]).sort()).toEqual([[-2000, 0], [-98000, -110000], [100000, 110000]].sort());
    const exchange = await t.admin.get(`${t.base}/bookings/${match.exchangeBookingId}`);
    expect(exchange.body).toMatchObject({ kind: 'miscellaneous', date: '2026-02-10' });
    expect(exchange.body.lines.map((l: Line) => [l.account, l.amount, l.relationId])).toEqual([['400000', -2000, customer], ['654000', 2000, null]]);
    expect(await items(customer)).toEqual([]);
    const ledger = (await t.admin.get(`${t.base}/matching/relation-ledger?relationId=${customer}`)).body;
    expect(ledger.totals).toEqual({ amount: 0, open: 0 });

    const cancel = await t.admin.delete(`${t.base}/matching/matches/${match.id}`);
    expect(cancel.status).toBe(200);
    const reversal = (await t.admin.get(`${t.base}/bookings/${cancel.body.exchangeReversalId}`)).body;
    expect(reversal.reversesBookingId).toBe(match.exchangeBookingId);
    expect(reversal.lines.map((l: Line) => [l.account, l.amount])).toEqual([['400000', 2000], ['654000', -2000]]);
    // exactly the invoice and the payment are open again, in euro and in dollars
    expect((await items(customer)).map((i) => [i.open, i.currency, i.currencyOpen])).toEqual([[100000, 'USD', 110000], [-98000, 'USD', -110000]]);
  });

  it('a manual match of a higher euro payment books a gain; a USD item with a euro one is refused', async () => {
    const open = await items(customer);
    const euroInvoice = await sale(customer, '50.00', null, 'EU-1');
    const mixed = await t.admin.post(`${t.base}/matching/matches`, { lines: [ref(open[1]), { bookingId: euroInvoice, lineNo: 1 }] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('matching.currencies_differ');
    expect(mixed.body.message).toContain('USD');
    expect(mixed.body.message).toContain('EUR');
    // a second USD payment of 1,100.00 at 1,020.00 euro for a new invoice: a gain of 20.00
    const invoice = await sale(customer, '1000.00', '1100.00', 'US-2');
    const payment = await pay(customer, '1020.00', '1100.00', 'x', '2026-02-12');
    const mine = (await items(customer)).filter((i) => i.bookingId === invoice || i.bookingId === payment);
    const m = await t.admin.post(`${t.base}/matching/matches`, { lines: mine.map(ref) });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const exchange = (await lines(m.body.exchangeBookingId)).map((l) => [l.account, l.amount]);
    expect(exchange).toEqual([['400000', 2000], ['754000', -2000]]);
    expect((await t.admin.get(`${t.base}/bookings/${invoice}`)).body.paymentStatus.status).toBe('paid');
  });

  it('a part payment in USD leaves the rest open in both currencies (partly paid) with the exchange difference of the part', async () => {
    const invoice = await sale(other, '500.00', '550.00', 'US-3');
    const payment = await pay(other, '240.00', '275.00', 'US-3', '2026-02-14');
    const auto = await t.admin.post(`${t.base}/matching/auto`, { relationId: other });
    expect(auto.body.matched).toBe(1);
    const open = (await items(other)).filter((i) => i.bookingId === invoice || i.bookingId === payment);
    expect(open.map((i) => [i.bookingId, i.open, i.currencyOpen])).toEqual([[invoice, 25000, 27500]]);
    expect((await t.admin.get(`${t.base}/bookings/${invoice}`)).body.paymentStatus).toMatchObject({ status: 'partly_paid', open: 25000 });
    const match = (await t.admin.get(`${t.base}/matching/matches/${auto.body.matchIds[0]}`)).body;
    expect((await lines(match.exchangeBookingId)).map((l) => [l.account, l.amount])).toEqual([['400000', -1000], ['654000', 1000]]);
  });

  it('two USD invoices of the payment’s currency amount give a proposal in USD; a euro invoice of the same euro amount is no candidate', async () => {
    const third = await addRelation(t.env, t.dossierId, { number: 'K032', name: 'Initech LLC', kind: 'customer' });
    const a = await sale(third, '90.00', '100.00', 'US-5');
    const b = await sale(third, '91.00', '100.00', 'US-6');
    await sale(third, '93.00', null, 'EU-7');
    const payment = await pay(third, '93.00', '100.00', 'payment', '2026-02-20');
    const auto = await t.admin.post(`${t.base}/matching/auto`, { relationId: third });
    expect(auto.body.matched).toBe(0);
    expect(auto.body.proposals).toMatchObject([{ bookingId: payment, by: 'amount', currency: 'USD', currencyOpen: -10000, open: -9300 }]);
    expect(auto.body.proposals[0].candidates.map((c: { bookingId: number; currencyOpen: number }) => [c.bookingId, c.currencyOpen])).toEqual([[a, 10000], [b, 10000]]);
  });

  it('F10 pairs equal currency amounts and F8 matches a relation whose USD items net to zero in dollars, each with its exchange difference', async () => {
    const fourth = await addRelation(t.env, t.dossierId, { number: 'K033', name: 'Umbrella Corp.', kind: 'customer' });
    await sale(fourth, '90.00', '100.00', 'US-8');
    await pay(fourth, '93.00', '100.00', 'x', '2026-02-21');
    const eq = await t.admin.post(`${t.base}/matching/equal-amounts`, { relationId: fourth });
    expect(eq.body.matched).toBe(1);
    const m1 = (await t.admin.get(`${t.base}/matching/matches/${eq.body.matchIds[0]}`)).body;
    expect((await lines(m1.exchangeBookingId)).map((l) => [l.account, l.amount])).toEqual([['400000', 300], ['754000', -300]]);
    await sale(fourth, '45.00', '50.00', 'US-9');
    await sale(fourth, '45.00', '50.00', 'US-10');
    await pay(fourth, '88.00', '100.00', 'y', '2026-02-22');
    const nz = await t.admin.post(`${t.base}/matching/net-zero`, { relationId: fourth });
    expect(nz.body.matched).toBe(1);
    const m2 = (await t.admin.get(`${t.base}/matching/matches/${nz.body.matchIds[0]}`)).body;
    expect((await lines(m2.exchangeBookingId)).map((l) => [l.account, l.amount])).toEqual([['400000', -200], ['654000', 200]]);
    expect(await items(fourth)).toEqual([]);
    expect((await t.admin.get(`${t.base}/matching/relation-ledger?relationId=${fourth}`)).body.totals).toEqual({ amount: 0, open: 0 });
  });
  it('books the exchange difference on the fixed account chosen for it, and names that role when it has none (nothing matched)', async () => {
    const fifth = await addRelation(t.env, t.dossierId, { number: 'K034', name: 'Stark Industries', kind: 'customer' });
    const roles = (await t.admin.get(`${t.base}/fixed-accounts`)).body;
    expect(roles.find((r: { role: string }) => r.role === 'exchange_loss')).toMatchObject({ account: '654000', label: 'Wisselverschillen (verlies)' });
    expect(roles.find((r: { role: string }) => r.role === 'exchange_gain')).toMatchObject({ account: '754000' });
    expect((await t.admin.put(`${t.base}/fixed-accounts/exchange_loss`, { account: '655000' })).status).toBe(200);
    const invoice = await sale(fifth, '100.00', '110.00', 'US-11');
    const payment = await pay(fifth, '98.00', '110.00', 'z', '2026-02-23');
    const m = await t.admin.post(`${t.base}/matching/matches`, { lines: (await items(fifth)).map(ref) });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect((await lines(m.body.exchangeBookingId)).map((l) => [l.account, l.amount])).toEqual([['400000', -200], ['655000', 200]]);

    await t.admin.put(`${t.base}/fixed-accounts/exchange_loss`, { account: null });
    await sale(fifth, '100.00', '110.00', 'US-12');
    await pay(fifth, '97.00', '110.00', 'w', '2026-02-24');
    const open = await items(fifth);
    const refused = await t.admin.post(`${t.base}/matching/matches`, { lines: open.map(ref) });
    await t.admin.put(`${t.base}/fixed-accounts/exchange_loss`, { account: '654000' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('ledger.fixed_account_missing');
    expect(refused.body.message).toContain('Wisselverschillen (verlies)');
    expect((await items(fifth)).map((i) => i.open)).toEqual(open.map((i) => i.open));
    expect([invoice, payment].every((id) => !open.some((i) => i.bookingId === id))).toBe(true);
  });
});
