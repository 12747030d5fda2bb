import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('bulk import of bookings (%s)', (engine) => {
  let t: LedgerTestContext;
  let customer: number;
  let bank: number;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Hotel "Aurora", Brussel', kind: 'customer', paymentDays: 15 });
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  it('keeps texts exactly as given (quotes, backslashes, tabs, line breaks, commas, braces, the word NULL, \\N, accents) and the balances equal to the lines', async () => {
    const texts = [
      'Factuur "Lente", 2026', 'C:\\boeken\\map', '{kortingen}', 'NULL', 'null', '  spaties  ', 'Crème brûlée €', '',
      'kolom\tkolom', 'regel 1\nregel 2\r\nregel 3\rregel 4', '\\N', '\\.', 'C:\\nieuw\\tabel\\', '\\\\',
    ];
    const bookings = texts.map((text, i) => ({
      type: 'sales_invoice',
      date: '2026-02-10',
      relationId: customer,
      reference: text || null,
      description: `Verkoop ${i}: ${text}`,
      lines: [{ account: '700000', vatCode: 'V21', amount: 100 + i, description: text || null }],
    }));
    const res = await t.admin.post(`${t.base}/bookings/import`, { bookings });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bookings: texts.length });
    for (let i = 0; i < texts.length; i++) {
      const booking = (await t.admin.get(`${t.base}/bookings/${res.body.ids.first + i}`)).body;
      expect(booking.description).toBe(`Verkoop ${i}: ${texts[i]}`.trim());
      expect(booking.reference).toBe(texts[i].trim() || null);
      expect(booking.lines.find((l: { account: string }) => l.account === '700000').description).toBe(texts[i].trim() || null);
    }
    const { rows } = await sql<{ account: string; lines: number; kept: number | null }>`
      select l.account, sum(l.amount)::bigint as lines,
        (select sum(b.debit - b.credit) from account_balance b where b.dossier_id = l.dossier_id and b.fiscal_year_id = l.fiscal_year_id and b.account = l.account)::bigint as kept
      from booking_line l where l.dossier_id = ${t.dossierId} group by l.dossier_id, l.fiscal_year_id, l.account`.execute(t.env.svc.db);
    expect(rows.map((r) => r.account).sort()).toEqual(['400000', '451000', '700000']);
    for (const r of rows) expect(Number(r.kept)).toBe(Number(r.lines));
  });

  it('accepts in one import a bank journal’s starting balance against 588888 and its first statement opening at it', async () => {
    const res = await t.admin.post(`${t.base}/bookings/import`, {
      bookings: [
        { type: 'miscellaneous', journal: 'DIV', date: '2026-01-01', description: 'Beginsaldo KBC', lines: [{ account: '550000', amount: '2500.00' }, { account: '588888', amount: '-2500.00' }] },
        { type: 'financial_statement', journalId: bank, date: '2026-01-31', statementNumber: '1', openingBalance: '2500.00', closingBalance: '2600.00', lines: [{ amount: '100.00', relationId: customer }] },
        { type: 'financial_statement', journalId: bank, date: '2026-02-28', statementNumber: '2', openingBalance: '2600.00', closingBalance: '2590.00', lines: [{ amount: '-10.00', account: '658000' }] },
      ],
    });
    expect(res.status).toBe(201);
    const wrong = await t.admin.post(`${t.base}/bookings/import`, {
      bookings: [{ type: 'financial_statement', journalId: bank, date: '2026-03-31', statementNumber: '3', openingBalance: '2500.00', closingBalance: '2500.00', lines: [{ amount: '-1.00', account: '658000' }, { amount: '1.00', account: '658000' }] }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('ledger.statement_opening_mismatch');
    expect(wrong.body.message).toContain('2590.00');
    const balance = await sql<{ balance: number }>`
      select sum(debit - credit)::bigint as balance from account_balance where dossier_id = ${t.dossierId} and account = '550000'`.execute(t.env.svc.db);
    expect(Number(balance.rows[0].balance)).toBe(259000);
  });

  it('writes nothing, balances included, when one booking of an import is refused', async () => {
    const before = await sql<{ lines: number; balance: number }>`
      select (select count(*) from booking_line where dossier_id = ${t.dossierId})::int as lines,
        (select coalesce(sum(debit), 0) from account_balance where dossier_id = ${t.dossierId})::bigint as balance`.execute(t.env.svc.db);
    const good = Array.from({ length: 12_000 }, (_, i) => ({ type: 'miscellaneous', journal: 'DIV', date: '2026-05-02', lines: [{ account: '620000', amount: 100 + i }, { account: '455000', amount: -(100 + i) }] }));
    const res = await t.admin.post(`${t.base}/bookings/import`, { bookings: [...good, { type: 'miscellaneous', journal: 'DIV', date: '2026-05-02', lines: [{ account: '999999', amount: 1 }, { account: '455000', amount: -1 }] }] });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('bookings.12000.lines.0.account');
    const after = await sql<{ lines: number; balance: number }>`
      select (select count(*) from booking_line where dossier_id = ${t.dossierId})::int as lines,
        (select coalesce(sum(debit), 0) from account_balance where dossier_id = ${t.dossierId})::bigint as balance`.execute(t.env.svc.db);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
