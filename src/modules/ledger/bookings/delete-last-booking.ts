/**
 * Journal detail → delete the last booking: the one delete the books allow. Only the booking with the
 * highest number of its journal in its fiscal year, with the "delete_bookings" right; its number is
 * given back (the next booking takes it, so numbering stays gapless) and the whole booking is kept in
 * the audit trail.
 */
import { sql } from 'kysely';
import { conflict } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { loadBooking } from './get-bookings.ts';
import { removeBooking } from './write.ts';

export async function deleteLastBooking(svc: Services, actor: Actor, dossierId: number, bookingId: number): Promise<{ deleted: string }> {
  await requireLedger(svc.db, actor, dossierId, 'delete_bookings');
  return svc.db.transaction().execute(async (trx) => {
    // Waits for a reversal of this booking being posted right now, then sees it below.
    await sql`select id from booking where dossier_id = ${dossierId} and id = ${bookingId} for update`.execute(trx);
    const booking = await loadBooking(trx, dossierId, bookingId, actor.language);
    // Lock the journal-year counter: nobody posts in this journal meanwhile.
    const counter = await sql<{ next_number: number }>`
      select next_number from journal_counter
      where dossier_id = ${dossierId} and journal_id = ${booking.journalId} and fiscal_year_id = ${booking.fiscalYearId} for update`.execute(trx);
    const last = await trx
      .selectFrom('booking')
      .select(['id', 'number'])
      .where('dossier_id', '=', dossierId)
      .where('journal_id', '=', booking.journalId)
      .where('fiscal_year_id', '=', booking.fiscalYearId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (last.id !== booking.id) throw conflict('ledger.not_last_booking', { last: last.number });
    // The closing and opening bookings of a year transfer belong to it: deleting one would leave the
    // year "transferred" with its result not closed, or the next year without opening balances.
    if (booking.origin === 'transfer') throw conflict('ledger.transfer_booking_not_deletable', { number: booking.display });
    if (booking.reversedByBookingId) {
      const by = await loadBooking(trx, dossierId, booking.reversedByBookingId, actor.language);
      throw conflict('ledger.already_reversed', { number: by.display });
    }
    await removeBooking(trx, dossierId, booking.id);
    if (counter.rows[0]?.next_number === booking.number + 1) {
      await trx
        .updateTable('journal_counter')
        .set({ next_number: booking.number })
        .where('dossier_id', '=', dossierId)
        .where('journal_id', '=', booking.journalId)
        .where('fiscal_year_id', '=', booking.fiscalYearId)
        .execute();
    }
    await audit(trx, actor, actor.officeId, 'ledger.booking.delete_last', { booking }, dossierId);
    return { deleted: booking.display };
  });
}
