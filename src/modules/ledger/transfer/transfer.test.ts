import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

type Row = { account: string; opening: number; debit: number; credit: number; closing: number };

describe.each(engines)('opening balances, year transfer and reports (%s)', (engine) => {
  let t: LedgerTestContext;
  let supplier: number;
  let customer: number;
  let bank: number;
  const tb = async (fiscalYearId: number, query = '') => (await t.admin.get(`${t.base}/reports/trial-balance?fiscalYearId=${fiscalYearId}${query}`)).body;
  const byAccount = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.account, r.closing]));

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2025-01-01' });
    supplier = await addRelation(t.env, t.dossierId, { number: 'L01', name: 'Drukkerij Peeters', kind: 'supplier', paymentDays: 30 });
    customer = await addRelation(t.env, t.dossierId, { number: 'K01', name: 'Café De Zwaan', kind: 'customer', paymentDays: 30 });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'BNK', name: 'Belfius', type: 'financial', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' })).body.id;
    expect((await t.admin.post(`${t.base}/fiscal-years`, {})).status).toBe(201);
  });
  afterAll(() => t?.env.close());

  it('takes opening balances from another package: an opening booking against 588888, and the bank counter-booked in its first statement', async () => {
    const opening = await t.admin.post(`${t.base}/bookings`, {
      type: 'opening',
      date: '2025-01-01',
      description: 'Beginbalans uit vorig pakket',
      lines: [
        { account: '240000', debit: '5000.00' },
        { account: '400000', debit: '1210.00', relationId: customer, dueDate: '2025-01-31' },
        { account: '588888', debit: '13000.00' },
        { account: '440000', credit: '605.00', relationId: supplier },
        { account: '100000', credit: '18605.00' },
      ],
    });
    expect(opening.status).toBe(201);
    expect(opening.body).toMatchObject({ display: 'OPN 2025/0001', periodNo: 0, kind: 'opening' });
    const warn = await tb(1);
    expect(warn.warnings).toEqual([{ code: 'ledger.warning.opening_not_zero', account: '588888', balance: 1300000 }]);
    const first = await t.admin.post(`${t.base}/bookings`, {
      type: 'financial_statement',
      journalId: bank,
      date: '2025-01-02',
      statementNumber: '0',
      openingBalance: 0,
      closingBalance: '13000.00',
      lines: [{ amount: '13000.00', account: '588888', communication: 'Beginsaldo' }],
    });
    expect(first.status).toBe(201);
    expect((await tb(1)).warnings).toEqual([]);
  });

  it('books the year and shows a trial balance whose debit and credit totals agree', async () => {
    const post = (body: Record<string, unknown>) => t.admin.post(`${t.base}/bookings`, body);
    expect((await post({ type: 'purchase_invoice', date: '2025-03-10', relationId: supplier, reference: 'D-17', lines: [{ account: '615000', vatCode: 'A21S', amount: '1000.00' }] })).status).toBe(201);
    expect((await post({ type: 'sales_invoice', date: '2025-04-02', relationId: customer, reference: 'V-1', lines: [{ account: '700000', vatCode: 'V21', amount: '2000.00' }] })).status).toBe(201);
    const s = await post({
      type: 'financial_statement',
      journalId: bank,
      date: '2025-04-30',
      statementNumber: '1',
      openingBalance: '13000.00',
      closingBalance: '16025.00',
      lines: [
        { amount: '1210.00', relationId: customer },
        { amount: '2420.00', relationId: customer },
        { amount: '-605.00', relationId: supplier },
      ],
    });
    expect(s.status).toBe(201);
    const report = await tb(1);
    expect(report.totals.debit).toBe(report.totals.credit);
    expect(report.totals.closing).toBe(0);
    expect(byAccount(report.rows)).toMatchObject({ '550000': 1602500, '588888': 0, '400000': 0, '440000': -121000, '615000': 100000, '700000': -200000 });
    const q1 = await tb(1, '&fromPeriod=1&toPeriod=3');
    const bankQ1 = q1.rows.find((r: Row) => r.account === '550000');
    expect(bankQ1).toMatchObject({ opening: 0, debit: 1300000, credit: 0, closing: 1300000 });
    const q2 = await tb(1, '&fromPeriod=4&toPeriod=6');
    expect(q2.rows.find((r: Row) => r.account === '550000')).toMatchObject({ opening: 1300000, debit: 363000, credit: 60500, closing: 1602500 });
  });

  it('transfers the year: classes 6–7 closed into the result, classes 0–5 carried per relation, result to profit carried forward', async () => {
    const res = await t.admin.post(`${t.base}/fiscal-years/1/transfer`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fiscalYearId: 1, nextFiscalYearId: 2, result: 100000, replaced: false });
    const closing = await t.admin.get(`${t.base}/bookings/${res.body.closingBookingId}`);
    expect(closing.body).toMatchObject({ kind: 'closing', date: '2025-12-31', periodNo: 13, display: 'DIV 2025/0001' });
    expect(closing.body.lines.map((l: { account: string; amount: number }) => [l.account, l.amount])).toEqual([
      ['615000', -100000],
      ['700000', 200000],
      ['149000', -100000],
    ]);
    const closed = await tb(1);
    expect(byAccount(closed.rows)).toMatchObject({ '615000': 0, '700000': 0, '149000': -100000 });
    const opening = await t.admin.get(`${t.base}/bookings/${res.body.openingBookingId}`);
    expect(opening.body).toMatchObject({ kind: 'opening', date: '2026-01-01', periodNo: 0, display: 'OPN 2026/0001', origin: 'transfer' });
    expect(opening.body.lines.map((l: { account: string; amount: number; relationId: number | null }) => [l.account, l.amount, l.relationId])).toEqual([
      ['100000', -1860500, null],
      ['240000', 500000, null],
      ['411000', 21000, null],
      ['440000', -121000, supplier],
      ['451000', -42000, null],
      ['550000', 1602500, null],
      ['140000', -100000, null],
    ]);
    const next = await tb(2);
    expect(next.totals.debit).toBe(next.totals.credit);
    expect((await t.admin.get(`${t.base}/fiscal-years/1`)).body).toMatchObject({ transferredAt: expect.any(String), transferOutdated: false });
  });

  it('starts the next year’s numbering at 1 and its bank journal at the previous closing balance', async () => {
    const inv = await t.admin.post(`${t.base}/bookings`, { type: 'purchase_invoice', date: '2026-01-05', relationId: supplier, lines: [{ account: '615000', vatCode: 'A21S', amount: 50 }] });
    expect(inv.body.display).toBe('AK 2026/0001');
    const wrong = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-01-31', openingBalance: 0, closingBalance: '-12.10', lines: [{ amount: '-12.10', account: '658000' }] });
    expect(wrong.body.code).toBe('ledger.statement_opening_mismatch');
    const ok = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-01-31', statementNumber: '2', openingBalance: '16025.00', closingBalance: '16012.90', lines: [{ amount: '-12.10', account: '658000' }] });
    expect(ok.body.display).toBe('BNK 2026/0001');
  });

  it('replaces the transfer after a late booking in the old year, never doubling it', async () => {
    const late = await t.admin.post(`${t.base}/bookings`, { type: 'purchase_invoice', date: '2025-12-20', relationId: supplier, reference: 'D-99', lines: [{ account: '615000', vatCode: 'A21S', amount: '100.00' }] });
    expect(late.status).toBe(201);
    // the year says it changed after its transfer, until it is transferred again
    expect((await t.admin.get(`${t.base}/fiscal-years`)).body.map((y: { transferOutdated: boolean }) => y.transferOutdated)).toEqual([true, false]);
    const again = await t.admin.post(`${t.base}/fiscal-years/1/transfer`);
    expect((await t.admin.get(`${t.base}/fiscal-years/1`)).body.transferOutdated).toBe(false);
    expect(again.body).toMatchObject({ result: 90000, replaced: true });
    const transferBookings = (await t.admin.get(`${t.base}/bookings?pageSize=200`)).body.items.filter((b: { origin: string }) => b.origin === 'transfer');
    expect(transferBookings.map((b: { display: string }) => b.display).sort()).toEqual(['DIV 2025/0001', 'OPN 2026/0001']);
    const next = await tb(2, '&toPeriod=0');
    expect(byAccount(next.rows)).toMatchObject({ '440000': -133100, '140000': -90000, '411000': 23100 });
    expect(next.totals.debit).toBe(next.totals.credit);
  });

  it('refuses to delete a booking of the transfer from the journal (the next year would lose its opening while the year says transferred)', async () => {
    const opening = (await t.admin.get(`${t.base}/bookings?pageSize=200`)).body.items.find((b: { display: string }) => b.display === 'OPN 2026/0001');
    const refused = await t.admin.delete(`${t.base}/bookings/${opening.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ledger.transfer_booking_not_deletable');
    expect(refused.body.message).toBe('Boeking OPN 2026/0001 werd gemaakt door Boekjaar overboeken en kan niet verwijderd worden. Boek het boekjaar opnieuw over (Beheer, Boekjaren) nadat je het hebt aangepast.');
    expect((await t.admin.get(`${t.base}/bookings/${opening.id}`)).status).toBe(200);
  });

  it('lists supplier and customer balances per relation', async () => {
    const suppliers = await t.admin.get(`${t.base}/reports/relation-balances?fiscalYearId=2&kind=suppliers`);
    expect(suppliers.body.items).toEqual([expect.objectContaining({ relationId: supplier, name: 'Drukkerij Peeters', opening: -133100, credit: 61, balance: -133161 })]);
    const customers = await t.admin.get(`${t.base}/reports/relation-balances?fiscalYearId=1&kind=customers&openOnly=true`);
    expect(customers.body.items).toEqual([]);
  });

  it('shows the general ledger of the bank account with a running balance, and a journal listing', async () => {
    const gl = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&account=550000`);
    expect(gl.body.accounts).toEqual([expect.objectContaining({ account: '550000', opening: 0, closing: 1602500 })]);
    expect(gl.body.lines.map((l: { balance: number }) => l.balance)).toEqual([1300000, 1421000, 1663000, 1602500]);
    const fromQ2 = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&account=550000&fromPeriod=4`);
    expect(fromQ2.body.accounts[0].opening).toBe(1300000);
    expect(fromQ2.body.lines[0].balance).toBe(1421000);
    const jl = await t.admin.get(`${t.base}/reports/journal?fiscalYearId=1&journalId=1`);
    expect(jl.body.bookings.map((b: { display: string }) => b.display)).toEqual(['AK 2025/0001', 'AK 2025/0002']);
    expect(jl.body.totals.debit).toBe(jl.body.totals.credit);
  });

  it('saves the trial balance as CSV, XLSX and PDF', async () => {
    const csv = await t.admin.get(`${t.base}/reports/trial-balance?fiscalYearId=1&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('trial-balance-2025.csv');
    const text = String(csv.body);
    expect(text).toContain('Rekening,Naam,Beginsaldo,Debet,Credit,Eindsaldo');
    expect(text).toContain('550000,Kredietinstellingen - rekening-courant (bank),0.00,16630.00,605.00,16025.00');
    const xlsx = await t.env.app.inject({ method: 'GET', url: `${t.base}/reports/trial-balance?fiscalYearId=1&format=xlsx`, headers: { cookie: t.admin.cookie } });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.env.app.inject({ method: 'GET', url: `${t.base}/reports/trial-balance?fiscalYearId=1&format=pdf`, headers: { cookie: t.admin.cookie } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1500);
  });
});
