/**
 * Who refers to a relation. Later capabilities (bookings, invoices, documents) register a counter here,
 * without the relations module knowing them; delete refuses while any counter finds something.
 *   registerRelationReference('relation.referrer.bookings', (db, dossierId, relationId) => …count…)
 * `what` is a message code naming the referrers ("bookings"), used in the refusal message.
 */
import type { Db } from '../../db/index.ts';

export type RelationReferenceCounter = (db: Db, dossierId: number, relationId: number) => Promise<number>;

const counters = new Map<string, RelationReferenceCounter>();

export function registerRelationReference(what: string, counter: RelationReferenceCounter): void {
  counters.set(what, counter);
}

/** Test hook: removes a registration made by a test. */
export function unregisterRelationReference(what: string): void {
  counters.delete(what);
}

export async function relationReferences(db: Db, dossierId: number, relationId: number): Promise<Array<{ what: string; count: number }>> {
  const found: Array<{ what: string; count: number }> = [];
  for (const [what, counter] of counters) {
    const count = await counter(db, dossierId, relationId);
    if (count > 0) found.push({ what, count });
  }
  return found;
}
