/**
 * The opening balance the next statement of a financial journal must have on a date — the same rule
 * the posting checks (PostingContext.expectedOpening): the previous statement's closing balance, or
 * for the journal's first statement the balance of its account in that fiscal year (the starting
 * balance booked against 588888, or the opening booking). The booking screen fills it in, with the
 * number it proposes for that statement.
 */
import { sql } from 'kysely';
import { validation } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { journalById } from '../journals/repo.ts';
import type { Cents } from '../money.ts';
import { PostingContext } from './prepare.ts';

export async function statementOpening(svc: Services, actor: Actor, dossierId: number, journalId: number, date: string): Promise<{ openingBalance: Cents; statementNumber: string }> {
  await requireLedger(svc.db, actor, dossierId, 'view');
  const journal = await journalById(svc.db, dossierId, journalId);
  if (journal.type !== 'financial' || !journal.account) {
    throw validation('ledger.journal_kind_mismatch', { kind: 'ledger.kind.financial_statement', code: journal.code, type: `ledger.journal_type.${journal.type}` }, [
      { field: 'journalId', code: 'ledger.journal_kind_mismatch' },
    ]);
  }
  const ctx = new PostingContext(svc.db, dossierId, null);
  const period = await ctx.period(date, 'regular');
  const openingBalance = await ctx.expectedOpening({ ...journal, id: journalId }, period.fiscalYearId);
  return { openingBalance, statementNumber: await proposedStatementNumber(svc, dossierId, journalId, date) };
}

/**
 * The number proposed for a statement on a date: the one after the journal's last statement of that
 * calendar year (reversed statements and reversals do not count: a reversed statement is entered again
 * under its number), "1" for the year's first. Belgian banks number their statements per calendar year —
 * CODA's sequence number of the day statement "begins every year with 001" — so the first statement of a
 * new year is 1 again, not the last one's number + 1.
 */
async function proposedStatementNumber(svc: Services, dossierId: number, journalId: number, date: string): Promise<string> {
  const year = date.slice(0, 4);
  const last = await sql<{ statementNumber: string | null }>`
    select b.statement_number as "statementNumber" from booking b
    where b.dossier_id = ${dossierId} and b.journal_id = ${journalId} and b.kind = 'financial_statement'
      and b.date >= ${`${year}-01-01`} and b.date <= ${`${year}-12-31`}
      and b.reverses_booking_id is null
      and not exists (select 1 from booking r where r.dossier_id = b.dossier_id and r.reverses_booking_id = b.id)
    order by b.date desc, b.id desc limit 1`.execute(svc.db);
  return nextStatementNumber(last.rows[0]?.statementNumber ?? null);
}

/** "2025/012" → "2025/013", "7" → "8"; none (the year's first statement) → "1"; a number without digits at its end → "". */
export function nextStatementNumber(previous: string | null): string {
  if (!previous) return '1';
  const m = /^(.*?)(\d+)$/.exec(previous);
  if (!m) return '';
  return m[1] + String(Number(m[2]) + 1).padStart(m[2].length, '0');
}
