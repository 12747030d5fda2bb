/**
 * The opening balance the next statement of a financial journal must have on a date — the same rule
 * the posting checks (PostingContext.expectedOpening): the previous statement's closing balance, or
 * for the journal's first statement the balance of its account in that fiscal year (the starting
 * balance booked against 588888, or the opening booking). The booking screen fills it in.
 */
import { validation } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { journalById } from '../journals/repo.ts';
import type { Cents } from '../money.ts';
import { PostingContext } from './prepare.ts';

export async function statementOpening(svc: Services, actor: Actor, dossierId: number, journalId: number, date: string): Promise<{ openingBalance: Cents }> {
  await requireLedger(svc.db, actor, dossierId, 'view');
  const journal = await journalById(svc.db, dossierId, journalId);
  if (journal.type !== 'financial' || !journal.account) {
    throw validation('ledger.journal_kind_mismatch', { kind: 'ledger.kind.financial_statement', code: journal.code, type: `ledger.journal_type.${journal.type}` }, [
      { field: 'journalId', code: 'ledger.journal_kind_mismatch' },
    ]);
  }
  const ctx = new PostingContext(svc.db, dossierId, null);
  const period = await ctx.period(date, 'regular');
  return { openingBalance: await ctx.expectedOpening({ ...journal, id: journalId }, period.fiscalYearId) };
}
