/**
 * Accounting → Opening balances (seed step 11): a dossier coming from another package starts with an
 * opening booking in the Opening journal — the balance sheet accounts, and every open customer and
 * supplier invoice as its own line (relation, document reference and date, due date), which then is
 * an open item for matching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

interface OpenItem { bookingId: number; lineNo: number; account: string; amount: number; open: number; date: string; dueDate: string | null; reference: string | null; bookingKind: string }

describe.each(engines)('opening booking of the first fiscal year (%s)', (engine) => {
  let t: LedgerTestContext;
  let customer: number;
  let supplier: number;
  let bank: number;
  let bankAccount: string;

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2026-01-01' });
    customer = await addRelation(t.env, t.dossierId, { number: 'K100', name: 'Hotel Aurora', kind: 'customer', paymentDays: 30 });
    supplier = await addRelation(t.env, t.dossierId, { number: 'L100', name: 'Molens Dossche', kind: 'supplier', paymentDays: 60, endOfMonth: true });
    const journal = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    bank = journal.body.id;
    bankAccount = journal.body.account;
  });
  afterAll(() => t?.env.close());

  const openingLines = () => [
    { account: bankAccount, debit: '8450.25' },
    { account: '400000', debit: '1210.00', relationId: customer, reference: 'F2025-0312', documentDate: '2025-12-15' },
    { account: '400000', debit: '363.00', relationId: customer, reference: 'F2025-0330', documentDate: '2025-12-28', dueDate: '2026-01-10' },
    { account: '440000', credit: '605.00', relationId: supplier, reference: 'AK-77812', documentDate: '2025-11-20' },
    { account: '100000', credit: '9418.25' },
  ];
  const bookingsOfKind = async () => (await t.admin.get(`${t.base}/bookings?kind=opening`)).body.total as number;
  const openItems = async (relationId: number): Promise<OpenItem[]> => (await t.admin.get(`${t.base}/matching/open-items?relationId=${relationId}`)).body.items;

  it('refuses an unbalanced opening booking, naming the difference, and writes nothing', async () => {
    const lines = openingLines();
    lines[4] = { account: '100000', credit: '9418.00' };
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', lines });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.booking_unbalanced');
    expect(res.body.message).toContain('0.25');
    expect(await bookingsOfKind()).toBe(0);
  });

  it('refuses a customers or suppliers line without relation, naming the line and the account', async () => {
    const lines = openingLines();
    lines[3] = { account: '440000', credit: '605.00' } as (typeof lines)[number];
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', lines });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.line_relation_required');
    expect(res.body.details[0]).toMatchObject({ field: 'lines.3.relationId', line: 4 });
    expect(res.body.message).toContain('Lijn 4');
    expect(res.body.message).toContain('440000');
    t.admin.language = 'fr';
    const fr = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', lines });
    t.admin.language = '';
    expect(fr.body.message).toContain('Ligne 4');
    expect(await bookingsOfKind()).toBe(0);
  });

  it('posts the opening booking in the opening period; each invoice line is an open item with its own reference, document date and due date', async () => {
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', description: 'Beginbalans uit vorig pakket', lines: openingLines() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ display: 'OPN 2026/0001', kind: 'opening', periodNo: 0, amount: 1002325 });
    expect(res.body.lines.map((l: { account: string; amount: number; reference: string | null; documentDate: string | null; dueDate: string | null }) => [l.account, l.amount, l.reference, l.documentDate, l.dueDate])).toEqual([
      [bankAccount, 845025, null, null, null],
      ['400000', 121000, 'F2025-0312', '2025-12-15', '2026-01-14'], // 30 days after the invoice date
      ['400000', 36300, 'F2025-0330', '2025-12-28', '2026-01-10'], // as given
      ['440000', -60500, 'AK-77812', '2025-11-20', '2026-01-31'], // 60 days, end of month
      ['100000', -941825, null, null, null],
    ]);

    const customerItems = await openItems(customer);
    expect(customerItems.map((i) => [i.account, i.amount, i.open, i.reference, i.date, i.dueDate, i.bookingKind])).toEqual([
      ['400000', 121000, 121000, 'F2025-0312', '2025-12-15', '2026-01-14', 'opening'],
      ['400000', 36300, 36300, 'F2025-0330', '2025-12-28', '2026-01-10', 'opening'],
    ]);
    const supplierItems = await openItems(supplier);
    expect(supplierItems.map((i) => [i.account, i.open, i.reference, i.date])).toEqual([['440000', -60500, 'AK-77812', '2025-11-20']]);

    // The trial balance of the year opens with these balances.
    const years = (await t.admin.get(`${t.base}/fiscal-years`)).body as Array<{ id: number }>;
    const tb = (await t.admin.get(`${t.base}/reports/trial-balance?fiscalYearId=${years[0].id}`)).body;
    const closing = Object.fromEntries(tb.rows.map((r: { account: string; closing: number }) => [r.account, r.closing]));
    expect(closing).toMatchObject({ [bankAccount]: 845025, '400000': 157300, '440000': -60500, '100000': -941825 });
  });

  it('matches a customer’s payment on the bank against the invoice carried in the opening booking', async () => {
    const [first] = await openItems(customer);
    const stmt = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement',
      journalId: bank,
      date: '2026-01-12',
      openingBalance: '8450.25',
      closingBalance: '9660.25',
      lines: [{ amount: '1210.00', relationId: customer, communication: 'F2025-0312' }],
    });
    expect(stmt.status, JSON.stringify(stmt.body)).toBe(201);
    const payment = (await openItems(customer)).find((i) => i.bookingKind === 'financial_statement')!;
    const match = await t.admin.post(`${t.base}/matching/matches`, { lines: [{ bookingId: first.bookingId, lineNo: first.lineNo }, { bookingId: payment.bookingId, lineNo: payment.lineNo }] });
    expect(match.status, JSON.stringify(match.body)).toBe(201);
    expect((await openItems(customer)).map((i) => [i.reference, i.open])).toEqual([['F2025-0330', 36300]]);
  });

  it('corrects a posted opening booking by reversing it and entering it again (the books stay append-only)', async () => {
    const list = (await t.admin.get(`${t.base}/bookings?kind=opening`)).body.items as Array<{ id: number }>;
    const original = list[0].id;
    const reversal = await t.admin.post(`${t.base}/bookings/${original}/reverse`, {});
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ display: 'OPN 2026/0002', kind: 'opening', periodNo: 0, reversesBookingId: original });
    // The reversal carries the invoices' references and dates (so its lines pair with the originals).
    expect(reversal.body.lines[3]).toMatchObject({ account: '440000', amount: 60500, reference: 'AK-77812', documentDate: '2025-11-20', relationId: supplier });
    expect((await t.admin.get(`${t.base}/bookings/${original}`)).body).toMatchObject({ reversedByBookingId: reversal.body.id });
    const again = await t.admin.post(`${t.base}/bookings/${original}/reverse`, {});
    expect(again.status).toBe(409);

    // Re-enter: the copy has the lines with their documents; the supplier invoice was 650.00, not 605.00.
    const copy = (await t.admin.get(`${t.base}/bookings/${original}/copy`)).body;
    expect(copy).toMatchObject({ type: 'opening', date: '2026-01-01' });
    expect(copy.lines[1]).toMatchObject({ account: '400000', amount: 121000, relationId: customer, reference: 'F2025-0312', documentDate: '2025-12-15', dueDate: '2026-01-14' });
    copy.lines[3].amount = -65000;
    copy.lines[4].amount = -937325;
    const corrected = await t.admin.post(`${t.base}/bookings`, copy);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(corrected.body.display).toBe('OPN 2026/0003');

    const years = (await t.admin.get(`${t.base}/fiscal-years`)).body as Array<{ id: number }>;
    const tb = (await t.admin.get(`${t.base}/reports/trial-balance?fiscalYearId=${years[0].id}&toPeriod=0`)).body;
    const closing = Object.fromEntries(tb.rows.map((r: { account: string; closing: number }) => [r.account, r.closing]));
    expect(closing).toMatchObject({ '440000': -65000, '100000': -937325, '400000': 157300 });
  });

  it('refuses an opening booking in a later fiscal year, which gets its opening balance from the year transfer', async () => {
    const next = await t.admin.post(`${t.base}/fiscal-years`, {});
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const before = await bookingsOfKind();
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2027-01-01', lines: openingLines() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.opening_not_first_year');
    expect(res.body.message).toContain('2026-01-01 – 2026-12-31');
    expect(res.body.message).toContain('Overboeken boekjaar');
    expect(await bookingsOfKind()).toBe(before);
    // the first year still takes one
    const first = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', lines: openingLines() });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
  });
});
