/**
 * Reports → Trial balance (proef- en saldibalans) for any range of periods of a fiscal year: per
 * account the opening balance (periods before the range), the debit and credit movements in the
 * range and the closing balance, with totals. Read from the per-period balances, so it costs the
 * same on a dossier with a million lines as on one with a hundred (the SQL is below, reviewed).
 */
import { sql } from 'kysely';
import { validation } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n/index.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { fixedAccounts } from '../accounts/fixed-accounts.ts';
import { accountName } from '../accounts/rules.ts';
import { periodsOf, yearById } from '../fiscal-years/repo.ts';

export interface TrialBalanceRow {
  account: string;
  name: string;
  /** balance before the range (debit − credit), cents */
  opening: number;
  debit: number;
  credit: number;
  /** opening + debit − credit */
  closing: number;
  lines: number;
}

export interface TrialBalance {
  fiscalYearId: number;
  startDate: string;
  endDate: string;
  fromPeriod: number;
  toPeriod: number;
  rows: TrialBalanceRow[];
  totals: { opening: number; debit: number; credit: number; closing: number };
  /** things an accountant checks: the opening account 588888 and the suspense account should be zero */
  warnings: Array<{ code: string; account: string; balance: number }>;
}

export interface TrialBalanceQuery {
  fiscalYearId: number;
  fromPeriod?: number;
  toPeriod?: number;
  /** only accounts starting with these digits (a class "6", a group "61") */
  accountPrefix?: string;
}

export function trialBalanceSql(dossierId: number, fiscalYearId: number, from: number, to: number, prefix: string | null) {
  return sql<{ account: string; name_nl: string; name_fr: string; name_en: string; opening: number; debit: number; credit: number; lines: number }>`
    select b.account, a.name_nl, a.name_fr, a.name_en,
      sum(case when b.period_no < ${from} then b.debit - b.credit else 0 end)::bigint as opening,
      sum(case when b.period_no >= ${from} then b.debit else 0 end)::bigint as debit,
      sum(case when b.period_no >= ${from} then b.credit else 0 end)::bigint as credit,
      sum(case when b.period_no >= ${from} then b.line_count else 0 end)::int as lines
    from account_balance b
    join account a on a.dossier_id = b.dossier_id and a.number = b.account
    where b.dossier_id = ${dossierId} and b.fiscal_year_id = ${fiscalYearId} and b.period_no <= ${to}
      ${prefix ? sql`and b.account like ${`${prefix}%`}` : sql``}
    group by b.account, a.name_nl, a.name_fr, a.name_en
    order by b.account`;
}

export async function computeTrialBalance(db: Db, dossierId: number, query: TrialBalanceQuery, lang: Language): Promise<TrialBalance> {
  const year = await yearById(db, dossierId, query.fiscalYearId);
  const periods = await periodsOf(db, dossierId, year.id);
  const last = periods[periods.length - 1].period_no;
  const from = query.fromPeriod ?? 0;
  const to = query.toPeriod ?? last;
  if (from < 0 || to > last || from > to) {
    throw validation('ledger.period_range_invalid', { from, to }, [{ field: 'fromPeriod', code: 'ledger.period_range_invalid', params: { from, to } }]);
  }
  const prefix = query.accountPrefix?.replace(/\D/g, '') || null;
  const { rows } = await trialBalanceSql(dossierId, year.id, from, to, prefix).execute(db);
  const out: TrialBalanceRow[] = [];
  const totals = { opening: 0, debit: 0, credit: 0, closing: 0 };
  for (const r of rows) {
    const opening = Number(r.opening);
    const debit = Number(r.debit);
    const credit = Number(r.credit);
    if (opening === 0 && debit === 0 && credit === 0 && r.lines === 0) continue;
    const closing = opening + debit - credit;
    out.push({ account: r.account, name: accountName(r, lang), opening, debit, credit, closing, lines: r.lines });
    totals.opening += opening;
    totals.debit += debit;
    totals.credit += credit;
    totals.closing += closing;
  }
  const roles = await fixedAccounts(db, dossierId);
  const warnings: TrialBalance['warnings'] = [];
  for (const [role, code] of [
    ['opening', 'ledger.warning.opening_not_zero'],
    ['coda_suspense', 'ledger.warning.suspense_not_zero'],
  ] as const) {
    const account = roles.get(role);
    const row = account ? out.find((r) => r.account === account) : undefined;
    if (row && row.closing !== 0) warnings.push({ code, account: row.account, balance: row.closing });
  }
  return { fiscalYearId: year.id, startDate: year.start_date, endDate: year.end_date, fromPeriod: from, toPeriod: to, rows: out, totals, warnings };
}

export async function trialBalance(svc: Services, actor: Actor, dossierId: number, query: TrialBalanceQuery): Promise<TrialBalance> {
  await requireLedger(svc.db, actor, dossierId);
  return computeTrialBalance(svc.db, dossierId, query, actor.language);
}
