/**
 * Reports → General ledger (grootboek) of one account or a range of accounts over a range of
 * periods: every line with its booking, the opening balance and a running balance. Paged.
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

  const accounts = await sql<{ account: string; name_nl: string; name_fr: string; name_en: string; opening: number; debit: number; credit: number }>`
    select b.account, a.name_nl, a.name_fr, a.name_en,
      sum(case when b.period_no < ${from} then b.debit - b.credit else 0 end)::bigint as opening,
      sum(case when b.period_no >= ${from} then b.debit else 0 end)::bigint as debit,
      sum(case when b.period_no >= ${from} then b.credit else 0 end)::bigint as credit
    from account_balance b join account a on a.dossier_id = b.dossier_id and a.number = b.account
    where b.dossier_id = ${dossierId} and b.fiscal_year_id = ${year.id} and b.period_no <= ${to} and b.account between ${lo} and ${hi}
    group by b.account, a.name_nl, a.name_fr, a.name_en order by b.account`.execute(db);
  const openings = new Map(accounts.rows.map((r) => [r.account, Number(r.opening)]));

  const total = (
    await sql<{ n: number }>`select count(*)::int as n from booking_line
      where dossier_id = ${dossierId} and fiscal_year_id = ${year.id} and account between ${lo} and ${hi} and period_no between ${from} and ${to}`.execute(db)
  ).rows[0].n;
  const rows = await sql<{
    account: string;
    booking_id: number;
    line_no: number;
    date: string;
    period_no: number;
    amount: number;
    running: number;
    relation_id: number | null;
    relation_name: string | null;
    description: string | null;
    number: number;
    code: string;
  }>`
    select l.account, l.booking_id, l.line_no, l.date, l.period_no, l.amount, l.relation_id,
      (select r.name from relation r where r.dossier_id = l.dossier_id and r.id = l.relation_id) as relation_name,
      coalesce(l.description, l.communication, b.description, b.reference) as description, b.number, j.code,
      sum(l.amount) over (partition by l.account order by l.period_no, l.date, l.booking_id, l.line_no)::bigint as running
    from booking_line l
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    join journal j on j.dossier_id = l.dossier_id and j.id = l.journal_id
    where l.dossier_id = ${dossierId} and l.fiscal_year_id = ${year.id} and l.account between ${lo} and ${hi} and l.period_no between ${from} and ${to}
    order by l.account, l.period_no, l.date, l.booking_id, l.line_no
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  const lines: GeneralLedgerLine[] = rows.rows.map((r) => ({
    account: r.account,
    bookingId: Number(r.booking_id),
    booking: bookingDisplay(r.code, year.start_date, r.number),
    journalCode: r.code,
    date: r.date,
    periodNo: r.period_no,
    lineNo: r.line_no,
    relationId: r.relation_id,
    relationName: r.relation_name,
    description: r.description,
    debit: r.amount > 0 ? Number(r.amount) : 0,
    credit: r.amount < 0 ? -Number(r.amount) : 0,
    balance: (openings.get(r.account) ?? 0) + Number(r.running),
  }));
  return {
    fiscalYearId: year.id,
    fromPeriod: from,
    toPeriod: to,
    accounts: accounts.rows.map((r) => ({
      account: r.account,
      name: accountName(r, actor.language),
      opening: Number(r.opening),
      debit: Number(r.debit),
      credit: Number(r.credit),
      closing: Number(r.opening) + Number(r.debit) - Number(r.credit),
    })),
    lines,
    total,
    page,
    pageSize,
  };
}
