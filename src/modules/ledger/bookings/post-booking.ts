/** Accounting → post a booking (F12): one booking, or a preview of the lines without posting (F5). */
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { loadBooking, type BookingView } from './get-bookings.ts';
import { PostingContext, prepareBooking, type BookingInput } from './prepare.ts';
import { writeBookings } from './write.ts';
import '../messages.ts';

export const actorUserId = (actor: Actor): number | null => (actor.via === 'cli' ? null : actor.userId);

export async function postBooking(svc: Services, actor: Actor, dossierId: number, input: BookingInput): Promise<BookingView> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  const id = await svc.db.transaction().execute(async (trx) => {
    const ctx = new PostingContext(trx, dossierId, actorUserId(actor));
    const prepared = await prepareBooking(ctx, input);
    const [written] = await writeBookings(trx, dossierId, [prepared]);
    return written.id;
  });
  return loadBooking(svc.db, dossierId, id, actor.language);
}

/** The lines, VAT grids and totals a booking would get, without posting it (nothing is written). */
export async function previewBooking(svc: Services, actor: Actor, dossierId: number, input: BookingInput) {
  await requireLedger(svc.db, actor, dossierId, 'book');
  const ctx = new PostingContext(svc.db, dossierId, actorUserId(actor));
  const p = await prepareBooking(ctx, input);
  return {
    kind: p.kind,
    journalId: p.journalId,
    fiscalYearId: p.fiscalYearId,
    periodNo: p.periodNo,
    date: p.date,
    dueDate: p.dueDate,
    amount: p.amount,
    lines: p.lines.map((l, i) => ({ lineNo: i + 1, ...l })),
    vatGrids: p.grids,
  };
}
