import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, loggedIn } from '../../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('bookings (%s)', (engine) => {
  let t: LedgerTestContext;
  let supplier: number;
  let customer: number;
  let bank: number;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    supplier = await addRelation(t.env, t.dossierId, { number: 'L001', name: 'Brouwerij Het Anker', kind: 'supplier', paymentDays: 30, endOfMonth: true });
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer', paymentDays: 15 });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const purchase = (extra: Record<string, unknown> = {}) => ({
    type: 'purchase_invoice',
    date: '2026-01-15',
    relationId: supplier,
    reference: 'F2026-0042',
    lines: [{ account: '604000', vatCode: 'A21G', amount: '1000.00', description: 'Bier' }],
    ...extra,
  });

  it('posts a purchase invoice: number 1, VAT computed, due date from the supplier’s terms, total on 440000', async () => {
    const res = await t.admin.post(`${t.base}/bookings`, purchase({ structuredCommunication: '+++123/4567/89002+++' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ display: 'AK 2026/0001', number: 1, kind: 'purchase_invoice', amount: 121000, dueDate: '2026-02-28', relationName: 'Brouwerij Het Anker', periodNo: 1 });
    expect(res.body.lines.map((l: { account: string; debit: string | null; credit: string | null }) => [l.account, l.debit, l.credit])).toEqual([
      ['440000', null, '1210.00'],
      ['604000', '1000.00', null],
      ['411000', '210.00', null],
    ]);
    expect(res.body.lines[0]).toMatchObject({ relationId: supplier, dueDate: '2026-02-28', structuredCommunication: '123456789002' });
    expect(res.body.vatGrids).toEqual({ '59': 21000, '81': 100000 });
  });

  it('previews a booking (F5) without posting it', async () => {
    const res = await t.admin.post(`${t.base}/bookings/preview`, purchase({ lines: [{ account: '604000', vatCode: 'A06G', amountInclVat: '106.00' }] }));
    expect(res.status).toBe(200);
    expect(res.body.amount).toBe(10600);
    expect(res.body.lines.map((l: { amount: number }) => l.amount)).toEqual([-10600, 10000, 600]);
    expect((await t.admin.get(`${t.base}/bookings?journalId=1`)).body.total).toBe(1);
  });

  it('refuses a misdated booking with the fiscal-period message in the user language, and writes nothing', async () => {
    const nl = await t.admin.post(`${t.base}/bookings`, purchase({ date: '2025-12-31' }));
    expect(nl.status).toBe(400);
    expect(nl.body.code).toBe('ledger.no_fiscal_period');
    expect(nl.body.message).toBe('Er kon geen boekjaarperiode gevonden worden die overeenstemt met de datum van de verrichting.');
    t.admin.language = 'en';
    const en = await t.admin.post(`${t.base}/bookings`, purchase({ date: '2027-01-01' }));
    t.admin.language = 'fr';
    const fr = await t.admin.post(`${t.base}/bookings`, purchase({ date: '2027-01-01' }));
    t.admin.language = '';
    expect(en.body.message).toBe('No fiscal-year period matches the date of the transaction');
    expect(fr.body.message).toContain("période d'exercice");
    expect((await t.admin.get(`${t.base}/bookings`)).body.total).toBe(1);
  });

  it('refuses a booking in a closed period, then accepts it once the period is reopened', async () => {
    await t.admin.post(`${t.base}/fiscal-years/1/periods/2/close`);
    const closed = await t.admin.post(`${t.base}/bookings`, purchase({ date: '2026-02-10' }));
    expect(closed.status).toBe(400);
    expect(closed.body.code).toBe('ledger.no_fiscal_period');
    expect(closed.body.details[0].code).toBe('ledger.no_fiscal_period.closed_period');
    await t.admin.post(`${t.base}/fiscal-years/1/periods/2/reopen`);
    const ok = await t.admin.post(`${t.base}/bookings`, purchase({ date: '2026-02-10', reference: 'F2026-0050' }));
    expect(ok.body.display).toBe('AK 2026/0002');
  });

  it('refuses an unbalanced miscellaneous booking to the cent', async () => {
    const res = await t.admin.post(`${t.base}/bookings`, {
      type: 'miscellaneous',
      date: '2026-01-31',
      lines: [
        { account: '620000', debit: '2500.00' },
        { account: '455000', credit: '2499.99' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.booking_unbalanced');
    expect(res.body.message).toContain('0.01');
  });

  it('names the missing fixed account when a booking needs it', async () => {
    await t.admin.put(`${t.base}/fixed-accounts/suppliers`, { account: null });
    const res = await t.admin.post(`${t.base}/bookings`, purchase());
    await t.admin.put(`${t.base}/fixed-accounts/suppliers`, { account: '440000' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.fixed_account_missing');
    expect(res.body.message).toContain('Leveranciers');
  });

  it('names the line of an unknown account', async () => {
    const res = await t.admin.post(`${t.base}/bookings`, purchase({ lines: [{ account: '604000', vatCode: 'A21G', amount: 100 }, { account: '999999', vatCode: 'A21G', amount: 100 }] }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ledger.line_account_missing');
    expect(res.body.details[0]).toMatchObject({ line: 2, field: 'lines.1.account' });
  });

  it('posts a sales invoice entered including VAT, and a sales credit note', async () => {
    const inv = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_invoice',
      date: '2026-01-20',
      relationId: customer,
      reference: 'VF-001',
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '605.00' }],
    });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ display: 'VK 2026/0001', amount: 60500, dueDate: '2026-02-04' });
    expect(inv.body.vatGrids).toEqual({ '03': 50000, '54': 10500 });
    const cn = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_credit_note',
      date: '2026-01-22',
      relationId: customer,
      lines: [{ account: '700000', vatCode: 'V21', amount: '100.00' }],
    });
    expect(cn.body.lines[0]).toMatchObject({ account: '400000', credit: '121.00' });
    expect(cn.body.vatGrids).toEqual({ '49': 10000, '64': 2100 });
  });

  it('starts a bank journal at the bank balance via 588888 and chains statement balances', async () => {
    const opening = await t.admin.post(`${t.base}/journals/${bank}/opening-balance`, { date: '2026-01-01', amount: '5000.00' });
    expect(opening.status).toBe(201);
    expect(opening.body.lines.map((l: { account: string; amount: number }) => [l.account, l.amount])).toEqual([
      ['550000', 500000],
      ['588888', -500000],
    ]);
    const wrong = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-01-31', statementNumber: '1', openingBalance: 0, closingBalance: 0, lines: [{ amount: '10', account: '658000' }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('ledger.statement_opening_mismatch');
    expect(wrong.body.message).toContain('5000.00');
    const s1 = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement',
      journalId: bank,
      date: '2026-01-31',
      statementNumber: '2026/001',
      openingBalance: '5000.00',
      closingBalance: '4379.50',
      lines: [
        { amount: '484.00', relationId: customer, communication: 'VF-001' },
        { amount: '-1210.00', relationId: supplier, structuredCommunication: '+++123/4567/89002+++' },
        { amount: '105.50', account: '751000', communication: 'Interest' },
      ],
    });
    expect(s1.status).toBe(201);
    expect(s1.body).toMatchObject({ display: 'KBC 2026/0001', statementOpening: 500000, statementClosing: 437950, amount: -62050 });
    expect(s1.body.lines.map((l: { account: string; amount: number; relationId: number | null }) => [l.account, l.amount, l.relationId])).toEqual([
      ['550000', 48400, null],
      ['400000', -48400, customer],
      ['550000', -121000, null],
      ['440000', 121000, supplier],
      ['550000', 10550, null],
      ['751000', -10550, null],
    ]);
    const badClose = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-02-28', openingBalance: '4379.50', closingBalance: '4000.00', lines: [{ amount: '-10.00', account: '658000' }] });
    expect(badClose.body.code).toBe('ledger.statement_closing_mismatch');
    const s2 = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-02-28', openingBalance: '4379.50', closingBalance: '4369.50', lines: [{ amount: '-10.00', account: '658000' }] });
    expect(s2.body.display).toBe('KBC 2026/0002');
  });

  it('reverses a booking in one action, once', async () => {
    const list = await t.admin.get(`${t.base}/bookings?journalId=1&direction=asc`);
    const first = list.body.items[0];
    const rev = await t.admin.post(`${t.base}/bookings/${first.id}/reverse`, { date: '2026-02-15' });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ display: 'AK 2026/0003', reversesBookingId: first.id, amount: -121000, date: '2026-02-15' });
    expect(rev.body.lines.map((l: { account: string; amount: number }) => [l.account, l.amount])).toEqual([
      ['440000', 121000],
      ['604000', -100000],
      ['411000', -21000],
    ]);
    expect(rev.body.vatGrids).toEqual({ '59': -21000, '81': -100000 });
    const original = await t.admin.get(`${t.base}/bookings/${first.id}`);
    expect(original.body.reversedByBookingId).toBe(rev.body.id);
    const again = await t.admin.post(`${t.base}/bookings/${first.id}/reverse`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ledger.already_reversed');
  });

  it('copies a booking as new and posts the copy with the next number', async () => {
    const first = (await t.admin.get(`${t.base}/bookings?journalId=1&direction=asc`)).body.items[0];
    const copy = await t.admin.get(`${t.base}/bookings/${first.id}/copy`);
    expect(copy.body).toMatchObject({ type: 'purchase_invoice', relationId: supplier, lines: [{ account: '604000', vatCode: 'A21G', amount: 100000 }] });
    const posted = await t.admin.post(`${t.base}/bookings`, { ...copy.body, reference: 'F2026-0042b' });
    expect(posted.body.display).toBe('AK 2026/0004');
  });

  it('deletes only the last booking of a journal, with the right, audited, and gives its number back', async () => {
    const items = (await t.admin.get(`${t.base}/bookings?journalId=1`)).body.items.sort((a: { number: number }, b: { number: number }) => a.number - b.number);
    const notLast = await t.admin.delete(`${t.base}/bookings/${items[1].id}`);
    expect(notLast.status).toBe(409);
    expect(notLast.body.code).toBe('ledger.not_last_booking');
    await t.admin.post('/api/v1/users', { login: 'boekhouder', password: 'boekhouder-1', role: 'staff', rights: [{ dossierId: t.dossierId, rights: ['book'] }] });
    const bookkeeper = await loggedIn(t.env.app, 'boekhouder', 'boekhouder-1');
    expect((await bookkeeper.delete(`${t.base}/bookings/${items[3].id}`)).status).toBe(403);
    const del = await t.admin.delete(`${t.base}/bookings/${items[3].id}`);
    expect(del.status).toBe(200);
    expect(del.body.deleted).toBe('AK 2026/0004');
    const audit = await t.env.svc.db.selectFrom('audit_event').select(['action', 'details']).where('dossier_id', '=', t.dossierId).where('action', '=', 'ledger.booking.delete_last').execute();
    expect(audit).toHaveLength(1);
    expect((audit[0].details as { booking: { display: string } }).booking.display).toBe('AK 2026/0004');
    const detail = await t.admin.get(`${t.base}/journals/1`);
    expect(detail.body.lastBooking.number).toBe(3);
    const again = await t.admin.post(`${t.base}/bookings`, purchase({ reference: 'F2026-0099' }));
    expect(again.body.display).toBe('AK 2026/0004');
  });

  it('numbers concurrent posts in one journal without gaps or doubles', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.admin.post(`${t.base}/bookings`, { type: 'miscellaneous', date: '2026-03-01', reference: `C${i}`, lines: [{ account: '620000', amount: 100 + i }, { account: '455000', amount: -(100 + i) }] }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    // Number 1 of the miscellaneous journal is the opening bank balance booked above.
    expect(results.map((r) => r.body.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps the per-period balances equal to the lines, and lists the history of a relation (Ctrl+H)', async () => {
    const { rows } = await sql<{ account: string; lines: number; kept: number }>`
      select l.account, sum(l.amount)::bigint as lines,
        (select sum(b.debit - b.credit) from account_balance b where b.dossier_id = l.dossier_id and b.fiscal_year_id = l.fiscal_year_id and b.account = l.account)::bigint as kept
      from booking_line l where l.dossier_id = ${t.dossierId} group by l.dossier_id, l.fiscal_year_id, l.account`.execute(t.env.svc.db);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(Number(r.kept)).toBe(Number(r.lines));
    const history = await t.admin.get(`${t.base}/bookings?relationId=${supplier}&direction=asc`);
    expect(history.body.items.map((b: { display: string }) => b.display).sort()).toEqual(['AK 2026/0001', 'AK 2026/0002', 'AK 2026/0003', 'AK 2026/0004', 'KBC 2026/0001']);
  });

  it('keeps a relation with bookings from being deleted (also one only on a statement line)', async () => {
    const res = await t.admin.delete(`${t.base}/relations/${supplier}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('relation.in_use');
    expect(res.body.message).toContain('boekingen');
    const onlyOnLine = await addRelation(t.env, t.dossierId, { number: 'K099', name: 'Losse klant', kind: 'customer' });
    const statement = (await t.admin.get(`${t.base}/journals/${bank}`)).body.lastBooking;
    const closing = (await t.admin.get(`${t.base}/bookings/${statement.id}`)).body.statementClosing;
    await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-03-31', openingBalance: closing, closingBalance: closing + 500, lines: [{ amount: 500, relationId: onlyOnLine }] });
    expect((await t.admin.delete(`${t.base}/relations/${onlyOnLine}`)).status).toBe(409);
  });

  it('counts the lines in the dossier’s Bookings tab and blocks deleting the dossier', async () => {
    const dossier = await t.admin.get(`/api/v1/dossiers/${t.dossierId}`);
    expect(dossier.body.fiscalYears[0].purchaseSalesLines).toBeGreaterThan(10);
    expect(dossier.body.fiscalYears[0].financialMiscellaneousLines).toBeGreaterThan(10);
    const del = await t.admin.delete(`/api/v1/dossiers/${t.dossierId}`);
    expect(del.status).toBe(409);
    expect(del.body.message).toContain('boekingen');
    const start = await t.admin.patch(`${t.base}/fiscal-years/1`, { startDate: '2025-12-01' });
    expect(start.body.code).toBe('ledger.fiscal_year_start_locked_bookings');
  });

  it('imports many bookings all or nothing, naming the failing booking', async () => {
    const good = Array.from({ length: 50 }, (_, i) => ({ type: 'miscellaneous', journal: 'DIV', date: '2026-04-01', lines: [{ account: '620000', amount: 1000 + i }, { account: '455000', amount: -(1000 + i) }] }));
    const bad = [...good, { type: 'miscellaneous', journal: 'DIV', date: '2026-04-01', lines: [{ account: '620000', amount: 1 }, { account: '455000', amount: -2 }] }];
    const refused = await t.admin.post(`${t.base}/bookings/import`, { bookings: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('ledger.booking_unbalanced');
    expect(refused.body.details[0].field).toBe('bookings.50.lines');
    const before = (await t.admin.get(`${t.base}/bookings?journalId=3`)).body.total;
    expect(before).toBe(9);
    const ok = await t.admin.post(`${t.base}/bookings/import`, { bookings: good });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ bookings: 50, lines: 100 });
    const last = (await t.admin.get(`${t.base}/journals/3`)).body.lastBooking;
    expect(last.number).toBe(59);
  });

  it('books the invoice total as printed with its cent of difference on the rounding account, and names that role when it has no account', async () => {
    // two lines of 1.07 at 21 %: 0.45 VAT on the sum (2.59), the supplier rounded per line (0.22 + 0.22: 2.58)
    const twoLines = { lines: [{ account: '604000', vatCode: 'A21G', amount: '1.07' }, { account: '604000', vatCode: 'A21G', amount: '1.07' }] };
    await t.admin.put(`${t.base}/fixed-accounts/rounding_differences`, { account: null });
    const missing = await t.admin.post(`${t.base}/bookings`, purchase({ ...twoLines, reference: 'R-1', totalInclVat: '2.58' }));
    await t.admin.put(`${t.base}/fixed-accounts/rounding_differences`, { account: '643000' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('ledger.fixed_account_missing');
    expect(missing.body.message).toContain('Afrondingsverschillen');

    const res = await t.admin.post(`${t.base}/bookings`, purchase({ ...twoLines, reference: 'R-1', totalInclVat: '2.58' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.amount).toBe(258);
    const lines = res.body.lines.map((l: { account: string; amount: number }) => [l.account, l.amount]);
    expect(lines).toEqual(expect.arrayContaining([['440000', -258], ['411000', 45], ['643000', -1]]));

    const far = await t.admin.post(`${t.base}/bookings`, purchase({ ...twoLines, reference: 'R-2', totalInclVat: '2.70' }));
    expect(far.status).toBe(400);
    expect(far.body.code).toBe('ledger.total_mismatch');
    expect(far.body.details[0].field).toBe('totalInclVat');
  });
});
