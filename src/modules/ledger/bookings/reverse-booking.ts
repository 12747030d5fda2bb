/**
 * Correcting a posted booking: a reversal (one action) books the same lines with opposite amounts in
 * the same journal — the original stays as it was. Then post the right booking (copy as new helps).
 */
import { sql } from 'kysely';
import { conflict } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { checkDate } from '../fiscal-years/rules.ts';
import { resolvePeriod } from '../fiscal-years/repo.ts';
import { loadBooking, type BookingView } from './get-bookings.ts';
import { actorUserId } from './post-booking.ts';
import { writeBookings } from './write.ts';
import type { Db } from '../../../db/index.ts';

/**
 * What another capability does when a booking is reversed, in the same transaction (matching: the
 * reversal's lines on customer and supplier accounts close the original's open items).
 */
export type ReversalHook = (trx: Db, dossierId: number, reversal: { originalId: number; reversalId: number; createdBy: number | null }) => Promise<void>;
const reversalHooks: ReversalHook[] = [];
export function registerReversalHook(hook: ReversalHook): void {
  reversalHooks.push(hook);
}

export async function reverseBooking(svc: Services, actor: Actor, dossierId: number, id: number, input: { date?: string; description?: string | null } = {}): Promise<BookingView> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  const newId = await svc.db.transaction().execute(async (trx) => {
    // Keeps the original from being deleted (delete-last-booking locks it FOR UPDATE) until this commits.
    await sql`select id from booking where dossier_id = ${dossierId} and id = ${id} for key share`.execute(trx);
    const original = await loadBooking(trx, dossierId, id, actor.language);
    if (original.origin === 'transfer') throw conflict('ledger.transfer_booking_readonly');
    if (original.reversedByBookingId) {
      const by = await loadBooking(trx, dossierId, original.reversedByBookingId, actor.language);
      throw conflict('ledger.already_reversed', { number: by.display });
    }
    const date = checkDate(input.date ?? original.date, 'date');
    const target = original.kind === 'opening' ? 'opening' : original.kind === 'closing' ? 'closing' : 'regular';
    const period = await resolvePeriod(trx, dossierId, date, target);
    const grids = Object.fromEntries(Object.entries(original.vatGrids).map(([g, v]) => [g, -v]));
    const [written] = await writeBookings(trx, dossierId, [
      {
        journalId: original.journalId,
        fiscalYearId: period.fiscalYearId,
        periodNo: period.periodNo,
        kind: original.kind,
        date,
        documentDate: original.documentDate,
        dueDate: original.dueDate,
        relationId: original.relationId,
        reference: original.reference,
        description: input.description ?? original.description,
        structuredCommunication: original.structuredCommunication,
        statementNumber: original.statementNumber,
        statementOpening: null,
        statementClosing: null,
        amount: -original.amount,
        reversesBookingId: original.id,
        origin: null,
        createdBy: actorUserId(actor),
        lines: original.lines.map((l) => ({
          account: l.account,
          amount: -l.amount,
          kind: l.kind as never,
          relationId: l.relationId,
          vatCode: l.vatCode,
          vatBase: l.vatBase === null ? null : -l.vatBase,
          dueDate: l.dueDate,
          reference: l.reference,
          documentDate: l.documentDate,
          description: l.description,
          communication: l.communication,
          structuredCommunication: l.structuredCommunication,
          currency: l.currency,
          currencyAmount: l.currencyAmount === null ? null : -l.currencyAmount,
        })),
        grids,
      },
    ]);
    for (const hook of reversalHooks) await hook(trx, dossierId, { originalId: original.id, reversalId: written.id, createdBy: actorUserId(actor) });
    await audit(trx, actor, actor.officeId, 'ledger.booking.reverse', { id, display: original.display, reversalId: written.id }, dossierId);
    return written.id;
  });
  return loadBooking(svc.db, dossierId, newId, actor.language);
}
