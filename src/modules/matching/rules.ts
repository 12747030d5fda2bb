/** Pure rules of matching: how a match applies amounts to its lines. */

export interface Allocatable {
  open: number;
}

/**
 * The amounts a match applies to its lines, in the given order: when debits and credits net to zero
 * every line is applied in full; otherwise the smaller side is applied in full and the larger side
 * up to the same total, first line first (a part payment leaves the rest of the last line open).
 * The applied amounts always sum to zero.
 */
export function allocate<T extends Allocatable>(items: T[]): { applied: number[]; full: boolean } {
  const debit = items.filter((i) => i.open > 0).reduce((s, i) => s + i.open, 0);
  const credit = -items.filter((i) => i.open < 0).reduce((s, i) => s + i.open, 0);
  const total = Math.min(debit, credit);
  let leftDebit = total;
  let leftCredit = total;
  const applied = items.map((i) => {
    if (i.open > 0) {
      const a = Math.min(i.open, leftDebit);
      leftDebit -= a;
      return a;
    }
    const a = Math.min(-i.open, leftCredit);
    leftCredit -= a;
    return -a;
  });
  return { applied, full: debit === credit };
}

/** Aging bucket of an open item at a date: days past its due date (or its date when it has none). */
export type AgeBucket = 'notDue' | 'd0_30' | 'd31_60' | 'd61_90' | 'over90';
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
export function ageBucket(due: string, at: string): AgeBucket {
  const days = daysBetween(due, at);
  if (days < 0) return 'notDue';
  if (days <= 30) return 'd0_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'over90';
}

/** Upper-case letters and digits only, for finding an invoice reference inside a free communication. */
export function normalizeReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
