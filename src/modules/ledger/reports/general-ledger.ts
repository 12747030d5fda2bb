/**
 * Reports → General ledger (grootboek) of one account or a range of accounts over a range of
 * periods: every line with its booking, the opening balance and a running balance. Paged.
 *
 * Fast on big dossiers whatever page is asked, and whether or not the database has statistics yet
 * (right after a large import it has none): the per-period balances kept with every posting
 * (account_balance: debit, credit and line count per account and period) give the accounts, the totals
 * and where a page starts — which account and period, and how many of that period's lines to skip —
 * so only the lines of the page's periods are read (by booking_line's index on account and date), and
 * the balance before the page comes from the kept sums plus at most one period's lines. Bookings,
 * journals and relations of the page's lines are looked up by key afterwards.
 */
import { sql } from 'kysely';
import { validation } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { accountName } from '../accounts/rules.ts';
import { bookingDisplay } from '../bookings/rules.ts';
import { periodsOf, yearById } from '../fiscal-years/repo.ts';

export interface GeneralLedgerQuery {
  fiscalYearId: number;
  account?: string;
  accountFrom?: string;
  accountTo?: string;
  fromPeriod?: number;
  toPeriod?: number;
  page?: number;
  pageSize?: number;
}

export interface GeneralLedgerLine {
  account: string;
  bookingId: number;
  booking: string;
  journalCode: string;
  date: string;
  periodNo: number;
  lineNo: number;
  relationId: number | null;
  relationName: string | null;
  description: string | null;
  debit: number;
  credit: number;
  /** the account's balance after this line, the opening included */
  balance: number;
}

export async function generalLedger(svc: Services, actor: Actor, dossierId: number, query: GeneralLedgerQuery) {
  await requireLedger(svc.db, actor, dossierId);
  const db = svc.db;
  const year = await yearById(db, dossierId, query.fiscalYearId);
  const periods = await periodsOf(db, dossierId, year.id);
  const last = periods[periods.length - 1].period_no;
  const from = query.fromPeriod ?? 0;
  const to = query.toPeriod ?? last;
  if (from < 0 || to > last || from > to) throw validation('ledger.period_range_invalid', { from, to }, [{ field: 'fromPeriod', code: 'ledger.period_range_invalid', params: { from, to } }]);
  const lo = query.account ?? query.accountFrom ?? '0';
  const hi = query.account ?? query.accountTo ?? '9999999999';
  const pageSize = Math.min(Math.max(query.pageSize ?? 200, 1), 5000);
  const page = Math.max(query.page ?? 1, 1);

  // per account and period, in the report's order
  const groups = (
    await sql<{ account: string; period_no: number; debit: number; credit: number; line_count: number }>`
      select account, period_no, debit, credit, line_count from account_balance
      where dossier_id = ${dossierId} and fiscal_year_id = ${year.id} and account between ${lo} and ${hi} and period_no <= ${to}
      order by account, period_no`.execute(db)
  ).rows;
  const summary = new Map<string, { opening: number; debit: number; credit: number }>();
  for (const g of groups) {
    let a = summary.get(g.account);
    if (!a) summary.set(g.account, (a = { opening: 0, debit: 0, credit: 0 }));
    if (g.period_no < from) a.opening += Number(g.debit) - Number(g.credit);
    else {
      a.debit += Number(g.debit);
      a.credit += Number(g.credit);
    }
  }
  const names = summary.size
    ? (
        await sql<{ number: string; name_nl: string; name_fr: string; name_en: string }>`
          select number, name_nl, name_fr, name_en from account where dossier_id = ${dossierId} and number = any(${[...summary.keys()]}::text[])`.execute(db)
      ).rows
    : [];
  const nameOf = new Map(names.map((n) => [n.number, accountName(n, actor.language)]));

  // The lines of the range, group by group: where the page starts, and the groups it spans.
  const inRange = groups.filter((g) => g.period_no >= from && g.line_count > 0);
  const total = inRange.reduce((n, g) => n + g.line_count, 0);
  const offset = (page - 1) * pageSize;
  let first = 0;
  let before = 0; // lines of the range before group `first`
  while (first < inRange.length && before + inRange[first].line_count <= offset) before += inRange[first++].line_count;
  const lines: GeneralLedgerLine[] = [];
  if (first < inRange.length) {
    const skip = offset - before;
    let lastGroup = first;
    for (let n = inRange[first].line_count - skip; n < pageSize && lastGroup + 1 < inRange.length; ) n += inRange[++lastGroup].line_count;
    const start = inRange[first];
    const end = inRange[lastGroup];
    // the dates of those periods bound the index scan (account, date) on both sides
    const period = (no: number) => periods.find((p) => p.period_no === no)!;
    const startDate = period(start.period_no).start_date;
    const endDate = period(end.period_no).end_date;
    const rows = (
      await sql<{ account: string; booking_id: number; line_no: number; date: string; period_no: number; amount: number; relation_id: number | null; journal_id: number; text: string | null }>`
        select account, booking_id, line_no, date, period_no, amount, relation_id, journal_id, coalesce(description, communication) as text
        from booking_line
        where dossier_id = ${dossierId} and fiscal_year_id = ${year.id}
          and (account, date) >= (${start.account}, ${startDate}::date) and (account, date) <= (${end.account}, ${endDate}::date)
          and period_no between ${from} and ${to}
          and (account, period_no) >= (${start.account}, ${start.period_no}) and (account, period_no) <= (${end.account}, ${end.period_no})
        order by account, period_no, date, booking_id, line_no
        limit ${pageSize} offset ${skip}`.execute(db)
    ).rows;

    // the balance before the page: the opening, the kept sums of the account's earlier periods in the
    // range, and the skipped lines of the page's first period
    let running = summary.get(start.account)!.opening;
    for (const g of inRange) {
      if (g.account === start.account && g.period_no < start.period_no) running += Number(g.debit) - Number(g.credit);
    }
    if (skip > 0) {
      const skipped = await sql<{ sum: number | null }>`
        select sum(amount)::bigint as sum from (
          select amount from booking_line
          where dossier_id = ${dossierId} and fiscal_year_id = ${year.id} and account = ${start.account} and period_no = ${start.period_no}
            and date between ${startDate}::date and ${period(start.period_no).end_date}::date
          order by date, booking_id, line_no limit ${skip}) s`.execute(db);
      running += Number(skipped.rows[0].sum ?? 0);
    }

    const bookingIds = [...new Set(rows.map((r) => Number(r.booking_id)))];
    const relationIds = [...new Set(rows.flatMap((r) => (r.relation_id === null ? [] : [r.relation_id])))];
    const [bookings, relations, journals] = await Promise.all([
      bookingIds.length
        ? sql<{ id: number; number: number; description: string | null; reference: string | null }>`
            select id, number, description, reference from booking where dossier_id = ${dossierId} and id = any(${bookingIds}::bigint[])`.execute(db)
        : { rows: [] },
      relationIds.length
        ? sql<{ id: number; name: string }>`select id, name from relation where dossier_id = ${dossierId} and id = any(${relationIds}::int[])`.execute(db)
        : { rows: [] },
      sql<{ id: number; code: string }>`select id, code from journal where dossier_id = ${dossierId}`.execute(db),
    ]);
    const bookingOf = new Map(bookings.rows.map((b) => [Number(b.id), b]));
    const relationName = new Map(relations.rows.map((r) => [r.id, r.name]));
    const journalCode = new Map(journals.rows.map((j) => [j.id, j.code]));
    let account = start.account;
    for (const r of rows) {
      if (r.account !== account) {
        account = r.account;
        running = summary.get(account)!.opening;
      }
      const amount = Number(r.amount);
      running += amount;
      const b = bookingOf.get(Number(r.booking_id))!;
      const code = journalCode.get(r.journal_id) ?? '';
      lines.push({
        account: r.account,
        bookingId: Number(r.booking_id),
        booking: bookingDisplay(code, year.start_date, b.number),
        journalCode: code,
        date: r.date,
        periodNo: r.period_no,
        lineNo: r.line_no,
        relationId: r.relation_id,
        relationName: r.relation_id === null ? null : (relationName.get(r.relation_id) ?? null),
        description: r.text ?? b.description ?? b.reference,
        debit: amount > 0 ? amount : 0,
        credit: amount < 0 ? -amount : 0,
        balance: running,
      });
    }
  }
  return {
    fiscalYearId: year.id,
    fromPeriod: from,
    toPeriod: to,
    accounts: [...summary].map(([account, a]) => ({
      account,
      name: nameOf.get(account) ?? '',
      opening: a.opening,
      debit: a.debit,
      credit: a.credit,
      closing: a.opening + a.debit - a.credit,
    })),
    lines,
    total,
    page,
    pageSize,
  };
}
