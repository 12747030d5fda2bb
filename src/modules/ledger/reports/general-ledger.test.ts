/**
 * Reports → General ledger over many lines, page by page: every page shows the lines of the range in
 * order (account, period, date, booking) with the right booking, relation and running balance — the
 * first page, a page that starts in the middle of an account's month, the last page — for all accounts,
 * a range of accounts, one account and a range of periods; checked against the lines as booked. And
 * the journal listing's pages and totals, and the booking history of an account or relation (Ctrl+H).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

interface Line { account: string; booking: string; date: string; periodNo: number; relationName: string | null; description: string | null; debit: number; credit: number; balance: number }

describe.each(engines)('general ledger, paged (%s)', (engine) => {
  let t: LedgerTestContext;

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    const customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Hotel Aurora', kind: 'customer' });
    // an opening booking (period 0), then 120 bookings over the year on a few accounts, several per day
    const opening = await t.admin.post(`${t.base}/bookings`, { type: 'opening', date: '2026-01-01', lines: [{ account: '550000', debit: '5000.00' }, { account: '100000', credit: '5000.00' }] });
    expect(opening.status, JSON.stringify(opening.body)).toBe(201);
    const accounts = ['604000', '611000', '612000', '620000'];
    const bookings = Array.from({ length: 120 }, (_, i) => {
      const month = 1 + (i % 12);
      const day = 1 + ((i * 7) % 28);
      const cents = 1000 + ((i * 7919) % 50000);
      const account = accounts[i % accounts.length];
      return {
        type: 'miscellaneous', journal: 'DIV', date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, description: `boeking ${i}`,
        lines: [
          { account, amount: cents, description: i % 5 === 0 ? null : `lijn ${i}` },
          ...(i % 3 === 0 ? [{ account: '400000', amount: -cents, relationId: customer }] : [{ account: '550000', amount: -cents }]),
        ],
      };
    });
    const res = await t.admin.post(`${t.base}/bookings/import`, { bookings });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
  afterAll(() => t?.env.close());

  /** What the report must show: the lines as booked, in the report's order, each account's balance running from its opening. */
  async function expected(lo: string, hi: string, from: number, to: number): Promise<Line[]> {
    const { rows } = await sql<{ account: string; number: number; code: string; date: string; period_no: number; amount: number; relation: string | null; description: string | null }>`
      select l.account, b.number, j.code, l.date, l.period_no, l.amount, r.name as relation, coalesce(l.description, l.communication, b.description, b.reference) as description
      from booking_line l join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id join journal j on j.dossier_id = l.dossier_id and j.id = l.journal_id
      left join relation r on r.dossier_id = l.dossier_id and r.id = l.relation_id
      where l.dossier_id = ${t.dossierId} and l.account between ${lo} and ${hi} and l.period_no <= ${to}
      order by l.account, l.period_no, l.date, l.booking_id, l.line_no`.execute(t.env.svc.db);
    const out: Line[] = [];
    const balance = new Map<string, number>();
    for (const r of rows) {
      const b = (balance.get(r.account) ?? 0) + Number(r.amount);
      balance.set(r.account, b);
      if (r.period_no < from) continue;
      out.push({
        account: r.account, booking: `${r.code} 2026/${String(r.number).padStart(4, '0')}`, date: r.date, periodNo: r.period_no, relationName: r.relation,
        description: r.description, debit: r.amount > 0 ? Number(r.amount) : 0, credit: r.amount < 0 ? -Number(r.amount) : 0, balance: b,
      });
    }
    return out;
  }

  async function allPages(query: string, pageSize: number): Promise<{ lines: Line[]; total: number; pages: number }> {
    const lines: Line[] = [];
    let total = 0;
    let page = 1;
    for (;;) {
      const res = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=${pageSize}&page=${page}${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      total = res.body.total;
      const got = res.body.lines as Line[];
      lines.push(...got.map((l) => ({ account: l.account, booking: l.booking, date: l.date, periodNo: l.periodNo, relationName: l.relationName, description: l.description, debit: l.debit, credit: l.credit, balance: l.balance })));
      if (page * pageSize >= total) break;
      expect(got).toHaveLength(pageSize);
      page++;
    }
    return { lines, total, pages: page };
  }

  it('shows every line of all accounts once, in order, with the running balance, page after page (pages start in the middle of a month)', async () => {
    const want = await expected('0', '9999999999', 0, 13);
    expect(want.length).toBe(242);
    const got = await allPages('', 17);
    expect(got.total).toBe(want.length);
    expect(got.pages).toBe(15);
    expect(got.lines).toEqual(want);
  });

  it('asked for one page only: the last one, and one in the middle, are the same as when read through', async () => {
    const want = await expected('0', '9999999999', 0, 13);
    const last = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=17&page=15`);
    expect(last.body.lines.map((l: Line) => [l.booking, l.account, l.balance])).toEqual(want.slice(14 * 17).map((l) => [l.booking, l.account, l.balance]));
    const middle = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=17&page=8`);
    expect(middle.body.lines.map((l: Line) => [l.booking, l.account, l.balance])).toEqual(want.slice(7 * 17, 8 * 17).map((l) => [l.booking, l.account, l.balance]));
    const beyond = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=17&page=16`);
    expect(beyond.body.lines).toEqual([]);
    expect(beyond.body.total).toBe(want.length);
  });

  it('a range of accounts and a range of periods: the opening of the range carries into the running balance', async () => {
    const want = await expected('550000', '611999', 4, 9);
    const got = await allPages('&accountFrom=550000&accountTo=611999&fromPeriod=4&toPeriod=9', 5);
    expect(got.lines).toEqual(want);
    const accounts = (await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&accountFrom=550000&accountTo=611999&fromPeriod=4&toPeriod=9`)).body.accounts;
    expect(accounts.map((a: { account: string }) => a.account)).toEqual(['550000', '604000', '611000']);
    const bank = accounts[0];
    expect(bank.opening + bank.debit - bank.credit).toBe(bank.closing);
    expect(want.filter((l) => l.account === '550000').at(-1)!.balance).toBe(bank.closing);
    expect(want.filter((l) => l.account === '550000')[0].balance).toBe(bank.opening + (want.find((l) => l.account === '550000')!.debit - want.find((l) => l.account === '550000')!.credit));
  });

  it('one account, with its relation names and the booking text where the line has none', async () => {
    const want = await expected('400000', '400000', 0, 13);
    const got = await allPages('&account=400000', 6);
    expect(got.lines).toEqual(want);
    expect(got.lines.every((l) => l.relationName === 'Hotel Aurora')).toBe(true);
    const own = await allPages('&account=604000', 4);
    expect(own.lines.filter((l) => l.description?.startsWith('boeking ')).length).toBeGreaterThan(0);
  });
  it('journal listing: the pages of a journal by number with their lines, and the totals of all its lines', async () => {
    const journal = (await t.admin.get(`${t.base}/journals`)).body.items.find((j: { code: string }) => j.code === 'DIV');
    const { rows } = await sql<{ debit: number; credit: number; n: number }>`
      select sum(case when l.amount > 0 then l.amount else 0 end)::bigint as debit, sum(case when l.amount < 0 then -l.amount else 0 end)::bigint as credit,
        count(distinct l.booking_id)::int as n
      from booking_line l where l.dossier_id = ${t.dossierId} and l.journal_id = ${journal.id} and l.period_no between 3 and 8`.execute(t.env.svc.db);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await t.admin.get(`${t.base}/reports/journal?fiscalYearId=1&journalId=${journal.id}&fromPeriod=3&toPeriod=8&pageSize=7&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body.totals).toEqual({ debit: Number(rows[0].debit), credit: Number(rows[0].credit) });
      expect(res.body.total).toBe(rows[0].n);
      for (const b of res.body.bookings) {
        seen.push(b.display);
        const debit = b.lines.reduce((s: number, l: { debit: number }) => s + l.debit, 0);
        expect(b.lines.reduce((s: number, l: { credit: number }) => s + l.credit, 0)).toBe(debit);
        expect(b.lines.length).toBe(2);
        expect(b.lines.every((l: { accountName: string }) => l.accountName.length > 0)).toBe(true);
      }
      if (page * 7 >= res.body.total) break;
    }
    expect(seen.length).toBe(rows[0].n);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });
  it('saved as a file (Ctrl+S), the general ledger holds the whole selection, not the page on screen: each account opens with its balance', async () => {
    const want = await expected('0', '9999999999', 0, 13);
    const csv = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=17&page=2&format=csv`);
    expect(csv.status).toBe(200);
    const rows = String(csv.body).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const accounts = [...new Set(want.map((l) => l.account))];
    // a header, an opening row per account, every line, the totals
    expect(rows.length).toBe(1 + accounts.length + want.length + 1);
    expect(rows.filter((r) => r.includes('Beginsaldo'))).toHaveLength(accounts.length);
    expect(rows.find((r) => r.startsWith('550000,') && r.includes('Beginsaldo'))).toMatch(/,0\.00$/);
    const last550 = want.filter((l) => l.account === '550000').at(-1)!;
    expect(rows.filter((r) => r.startsWith('550000,')).at(-1)).toMatch(new RegExp(`,${(last550.balance / 100).toFixed(2)}$`));
  });

  it('history (Ctrl+H): the bookings of an account, of a relation, and of both, newest first, page by page', async () => {
    const customer = (await sql<{ id: number }>`select id from relation where dossier_id = ${t.dossierId} and number = 'K001'`.execute(t.env.svc.db)).rows[0].id;
    const want = async (where: ReturnType<typeof sql>) =>
      (
        await sql<{ id: number }>`select b.id from booking b where b.dossier_id = ${t.dossierId} and ${where} order by b.date desc, b.journal_id, b.number desc`.execute(t.env.svc.db)
      ).rows.map((r) => Number(r.id));
    const got = async (query: string) => {
      const out: number[] = [];
      for (let page = 1; ; page++) {
        const res = await t.admin.get(`${t.base}/bookings?pageSize=9&page=${page}${query}`);
        expect(res.status).toBe(200);
        out.push(...res.body.items.map((b: { id: number }) => b.id));
        if (page * 9 >= res.body.total) return { ids: out, total: res.body.total };
      }
    };
    const onAccount = await want(sql`exists (select 1 from booking_line l where l.dossier_id = b.dossier_id and l.booking_id = b.id and l.account = '611000')`);
    expect(onAccount.length).toBe(30);
    expect(await got('&account=611000')).toEqual({ ids: onAccount, total: 30 });
    const ofRelation = await want(sql`exists (select 1 from booking_line l where l.dossier_id = b.dossier_id and l.booking_id = b.id and l.relation_id = ${customer})`);
    expect(ofRelation.length).toBe(40);
    expect(await got(`&relationId=${customer}`)).toEqual({ ids: ofRelation, total: 40 });
    const both = ofRelation.filter((id) => onAccount.includes(id));
    expect(both.length).toBe(10);
    expect(await got(`&relationId=${customer}&account=611000`)).toEqual({ ids: both, total: 10 });
    expect(await got('&account=999999')).toEqual({ ids: [], total: 0 });
  });

  it('refuses to save more than 100,000 lines in one file, saying how to narrow it; the screen still pages through them', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ type: 'miscellaneous', journal: 'DIV', date: '2026-11-30', lines: [{ account: '612000', amount: 100 + (i % 900) }, { account: '550000', amount: -(100 + (i % 900)) }] }));
    const res = await t.admin.post(`${t.base}/bookings/import`, { bookings: many });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    const csv = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&format=csv`);
    expect(csv.status).toBe(400);
    expect(csv.body.code).toBe('ledger.report_too_large');
    expect(csv.body.message).toContain('Kies minder rekeningen of periodes');
    const narrowed = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&account=604000&format=csv`);
    expect(narrowed.status).toBe(200);
    const page = await t.admin.get(`${t.base}/reports/general-ledger?fiscalYearId=1&pageSize=1000&page=101`);
    expect(page.body.total).toBe(242 + 100_000);
    expect(page.body.lines).toHaveLength(242);
  });
});
