/**
 * Foreign currency items are matched on their currency amount. The euro amounts a match applies then
 * follow from it: a line closed in its currency is closed in euro too, a part of a line applies the
 * same part of its euro amount. What the euro amounts leave after that is the exchange difference: the
 * match books it (miscellaneous booking on the fixed accounts of exchange loss / gain — 654000 / 754000
 * in a new dossier — against the relation's account, on the date of the match's latest line) and includes that booking's relation line, so the match nets
 * to zero in euro as well. Cancelling the match reverses the booking.
 */
import { sql } from 'kysely';
import { defineMessages, translate, type Language } from '../../core/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import { PostingContext, prepareBooking } from '../ledger/bookings/prepare.ts';
import { writeBookings } from '../ledger/bookings/write.ts';
import { formatCents } from '../ledger/money.ts';
import type { OpenItem } from './open-items.ts';
import { allocate } from './rules.ts';

defineMessages({
  'matching.currencies_differ': {
    nl: 'Alleen lijnen in dezelfde munt kunnen samen afgepunt worden: {first} en {other} verschillen.',
    fr: 'Seules des lignes dans la même devise peuvent être lettrées ensemble : {first} et {other} diffèrent.',
    en: 'Only lines in the same currency can be matched together: {first} and {other} differ.',
  },
  'matching.exchange_description': {
    nl: 'Koersverschil {currency} afpunting {documents}',
    fr: 'Différence de change {currency} lettrage {documents}',
    en: 'Exchange difference {currency} match {documents}',
  },
});


/** The currency items are matched in: their common foreign currency, or null (euro). */
export const currencyOf = (i: Pick<OpenItem, 'currency'>) => i.currency ?? null;

export interface ForeignAllocation {
  /** euro applied per item */
  applied: number[];
  /** currency applied per item */
  currencyApplied: number[];
  full: boolean;
  /** what the euro amounts applied leave: > 0 a loss (more debit than credit applied), < 0 a gain */
  exchange: number;
}

/** Allocation of a match over items of one foreign currency (pure). */
export function allocateForeign(items: Array<Pick<OpenItem, 'open' | 'currencyOpen'>>): ForeignAllocation {
  const { applied: currencyApplied, full } = allocate(items.map((i) => ({ open: i.currencyOpen ?? 0 })));
  const applied = items.map((item, k) => {
    const cOpen = item.currencyOpen ?? 0;
    const c = currencyApplied[k];
    // a euro-only line (an exchange difference) and a line closed in its currency apply all their euro
    if (cOpen === 0 || c === cOpen) return item.open;
    const part = Math.round((item.open * c) / cOpen);
    // a line left open in its currency stays open in euro
    return Math.abs(part) >= Math.abs(item.open) ? item.open - Math.sign(item.open) : part;
  });
  return { applied, currencyApplied, full, exchange: applied.reduce((s, a) => s + a, 0) };
}

export interface ExchangeNeed {
  account: string;
  relationId: number | null;
  currency: string;
  exchange: number;
  date: string;
  documents: string;
}

/** Books one exchange-difference booking per need; returns their ids (line 1 is the relation's line). */
export async function bookExchangeDifferences(trx: Db, dossierId: number, needs: ExchangeNeed[], createdBy: number | null, language: Language = 'nl'): Promise<number[]> {
  if (!needs.length) return [];
  const ctx = new PostingContext(trx, dossierId, createdBy);
  const prepared = [];
  for (const n of needs) {
    const description = translate('matching.exchange_description', language, { currency: n.currency, documents: n.documents });
    prepared.push(
      await prepareBooking(ctx, {
        type: 'miscellaneous',
        date: n.date,
        description,
        lines: [
          { account: n.account, relationId: n.relationId, amount: formatCents(-n.exchange), currency: n.currency, currencyAmount: 0, description },
          // the fixed accounts of exchange differences (654000 loss / 754000 gain in a new dossier)
          { account: await ctx.role(n.exchange > 0 ? 'exchange_loss' : 'exchange_gain'), amount: formatCents(n.exchange), description },
        ],
      }),
    );
  }
  return (await writeBookings(trx, dossierId, prepared)).map((w) => w.id);
}

/**
 * Reverses the exchange-difference booking of a cancelled match (same date, opposite lines) and
 * matches its relation line with the reversal's, so neither shows as an open item. Returns the reversal's id.
 */
export async function reverseExchangeDifference(trx: Db, dossierId: number, bookingId: number, createdBy: number | null): Promise<number | null> {
  const original = await trx.selectFrom('booking').select(['id', 'date', 'description', 'journal_id']).where('dossier_id', '=', dossierId).where('id', '=', bookingId).executeTakeFirst();
  if (!original) return null; // the booking was deleted (and its match with it)
  const lines = await trx
    .selectFrom('booking_line')
    .select(['line_no', 'account', 'relation_id', 'amount', 'currency', 'currency_amount', 'description'])
    .where('dossier_id', '=', dossierId)
    .where('booking_id', '=', bookingId)
    .orderBy('line_no')
    .execute();
  const ctx = new PostingContext(trx, dossierId, createdBy);
  const prepared = await prepareBooking(ctx, {
    type: 'miscellaneous',
    journalId: original.journal_id,
    date: original.date,
    description: original.description,
    lines: lines.map((l) => ({
      account: l.account, relationId: l.relation_id, amount: formatCents(-Number(l.amount)), description: l.description,
      ...(l.currency ? { currency: l.currency, currencyAmount: formatCents(-Number(l.currency_amount ?? 0)) } : {}),
    })),
  });
  prepared.reversesBookingId = bookingId;
  const [written] = await writeBookings(trx, dossierId, [prepared]);
  const relationLine = lines.find((l) => l.line_no === 1)!;
  const amount = Number(relationLine.amount);
  const [{ id }] = (await sql<{ id: number }>`
    insert into match (dossier_id, kind, method, account, relation_id, currency, created_by)
    values (${dossierId}, 'auto', 'net_zero', ${relationLine.account}, ${relationLine.relation_id}, ${relationLine.currency}, ${createdBy}::integer)
    returning id`.execute(trx)).rows;
  await sql`
    insert into match_line (dossier_id, match_id, booking_id, line_no, amount, currency_amount)
    values (${dossierId}, ${id}, ${bookingId}, 1, ${amount}, ${relationLine.currency ? 0 : null}),
           (${dossierId}, ${id}, ${written.id}, 1, ${-amount}, ${relationLine.currency ? 0 : null})`.execute(trx);
  return written.id;
}
