/**
 * The bulk import path: many bookings in one transaction, all-or-nothing. Each booking is checked
 * exactly like a posted one (same preparation), then everything is written with a few multi-row
 * statements; the per-period account balances are gathered over the whole import and written once,
 * at the end (one aggregated upsert). An error names the booking (its position in the file, 1-based)
 * and the field/line.
 */
import { AppError } from '../../../core/errors.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { actorUserId } from './post-booking.ts';
import { PostingContext, prepareBooking, type BookingInput } from './prepare.ts';
import { BalanceTotals, newLockedReferences, writeBookings, type PreparedBooking, type WrittenBooking } from './write.ts';

/** Bookings checked and written per step; the next step is checked while the previous one is written. */
const CHUNK = 5000;
/**
 * Checking is JavaScript that waits on nothing once the context is loaded: without a turn of the event
 * loop now and then, the driver would neither send the rest of the step being written (its COPY data)
 * nor its next statement until the whole next step is checked.
 */
const YIELD_EVERY = 250;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportResult {
  bookings: number;
  lines: number;
  ids: { first: number; last: number } | null;
}

export async function importBookings(svc: Services, actor: Actor, dossierId: number, inputs: BookingInput[], origin: PreparedBooking['origin'] = 'import'): Promise<ImportResult> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    const ctx = new PostingContext(trx, dossierId, actorUserId(actor), origin);
    const balances = new BalanceTotals();
    ctx.pendingBalances = balances;
    await ctx.loadRelations(inputs.map((b) => (b as { relationId?: number }).relationId).filter((x): x is number => typeof x === 'number'));
    // Pipelined: while one chunk is written (the database works), the next is checked (JS works).
    let first: WrittenBooking | undefined;
    let last: WrittenBooking | undefined;
    let count = 0;
    let lines = 0;
    let writing: Promise<WrittenBooking[]> | null = null;
    const locked = newLockedReferences();
    const took = (written: WrittenBooking[]) => {
      if (!written.length) return;
      first ??= written[0];
      last = written[written.length - 1];
      count += written.length;
    };
    try {
      for (let start = 0; start < inputs.length; start += CHUNK) {
        const prepared: PreparedBooking[] = [];
        for (let i = start; i < Math.min(inputs.length, start + CHUNK); i++) {
          if (writing && (i - start) % YIELD_EVERY === YIELD_EVERY - 1) await turn();
          try {
            const booking = await prepareBooking(ctx, inputs[i]);
            prepared.push(booking);
            balances.addBooking(booking);
            lines += booking.lines.length;
          } catch (e) {
            if (e instanceof AppError) {
              throw new AppError(e.code, e.kind, { ...e.params, booking: i + 1 }, [
                ...e.details.map((d) => ({ ...d, field: `bookings.${i}${d.field ? `.${d.field}` : ''}` })),
              ]);
            }
            throw e;
          }
        }
        if (writing) took(await writing);
        let dispatched!: () => void;
        const sent = new Promise<void>((resolve) => (dispatched = resolve));
        writing = writeBookings(trx, dossierId, prepared, { locked, onDispatch: dispatched, balancesByCaller: true });
        // Check the next step while the database writes this one: wait until the write is sent
        // (and a turn of the event loop, so the driver has put it on the wire), not until it is done.
        await Promise.race([sent.then(() => new Promise((resolve) => setImmediate(resolve))), writing]);
      }
      if (writing) took(await writing);
    } catch (e) {
      await writing?.catch(() => undefined);
      throw e;
    }
    await balances.write(trx, dossierId);
    return {
      bookings: count,
      lines,
      ids: first && last ? { first: first.id, last: last.id } : null,
    };
  });
}
