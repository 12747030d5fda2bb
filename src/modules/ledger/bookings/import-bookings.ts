/**
 * The bulk import path: many bookings in one transaction, all-or-nothing. Each booking is checked
 * exactly like a posted one (same preparation), then everything is written with a few multi-row
 * statements. An error names the booking (its position in the file, 1-based) and the field/line.
 */
import { AppError } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { actorUserId } from './post-booking.ts';
import { PostingContext, prepareBooking, type BookingInput } from './prepare.ts';
import { writeBookings, type PreparedBooking } from './write.ts';

export interface ImportResult {
  bookings: number;
  lines: number;
  ids: { first: number; last: number } | null;
}

export async function importBookings(svc: Services, actor: Actor, dossierId: number, inputs: BookingInput[], origin: PreparedBooking['origin'] = 'import'): Promise<ImportResult> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    const ctx = new PostingContext(trx, dossierId, actorUserId(actor), origin);
    await ctx.loadRelations(inputs.map((b) => (b as { relationId?: number }).relationId).filter((x): x is number => typeof x === 'number'));
    const prepared: PreparedBooking[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        prepared.push(await prepareBooking(ctx, input));
      } catch (e) {
        if (e instanceof AppError) {
          throw new AppError(e.code, e.kind, { ...e.params, booking: i + 1 }, [
            ...e.details.map((d) => ({ ...d, field: `bookings.${i}${d.field ? `.${d.field}` : ''}` })),
          ]);
        }
        throw e;
      }
    }
    const written = await writeBookings(trx, dossierId, prepared);
    return {
      bookings: written.length,
      lines: prepared.reduce((s, p) => s + p.lines.length, 0),
      ids: written.length ? { first: written[0].id, last: written[written.length - 1].id } : null,
    };
  });
}
