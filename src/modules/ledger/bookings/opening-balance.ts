/**
 * Starting in Argonaut (seed step 12): the bank's balance on the day the books start here is booked
 * as a miscellaneous booking — the financial journal's account against the opening account 588888 —
 * so the journal's first statement opens at the bank's balance.
 */
import { validation } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { fixedAccount } from '../accounts/fixed-accounts.ts';
import { journalById } from '../journals/repo.ts';
import { toCents, type Cents } from '../money.ts';
import { defaultJournal } from '../journals/repo.ts';
import type { BookingView } from './get-bookings.ts';
import { postBooking } from './post-booking.ts';

export async function bookOpeningBankBalance(
  svc: Services,
  actor: Actor,
  dossierId: number,
  journalId: number,
  input: { date: string; amount: Cents | string; description?: string },
): Promise<BookingView> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  const journal = await journalById(svc.db, dossierId, journalId);
  if (journal.type !== 'financial' || !journal.account) {
    throw validation('ledger.journal_kind_mismatch', { kind: 'ledger.kind.financial_statement', code: journal.code, type: `ledger.journal_type.${journal.type}` }, [
      { field: 'journalId', code: 'ledger.journal_kind_mismatch' },
    ]);
  }
  const opening = await fixedAccount(svc.db, dossierId, 'opening');
  const misc = await defaultJournal(svc.db, dossierId, 'miscellaneous');
  const amount = toCents(input.amount);
  return postBooking(svc, actor, dossierId, {
    type: 'miscellaneous',
    journalId: misc?.id,
    date: input.date,
    description: input.description ?? `${journal.code} ${journal.name}`,
    lines: [
      { account: journal.account, amount },
      { account: opening, amount: -amount },
    ],
  });
}
