/**
 * Later capabilities tell the dossier module what they keep, without the dossier module knowing them:
 * - content: what makes a dossier non-empty (relations, bookings, documents…), so delete can refuse;
 * - booking counts per fiscal year, for the dossier's "Bookings" tab;
 * - setup: what a new dossier gets in the same transaction as its creation (the ledger's chart of
 *   accounts, journals and VAT codes), so a dossier is never half made.
 */
import type { Db } from '../../db/index.ts';

export type ContentCounter = (db: Db, dossierId: number) => Promise<number>;
export interface BookingLineCounts {
  purchaseSales: number;
  financialMiscellaneous: number;
}
export type BookingCounter = (db: Db, dossierId: number, fiscalYearId: number) => Promise<BookingLineCounts>;

export type DossierSetup = (trx: Db, dossierId: number, fiscalYear: { id: number; startDate: string; endDate: string }) => Promise<void>;

const contentCounters = new Map<string, ContentCounter>();
const bookingCounters: BookingCounter[] = [];
const setups = new Map<string, DossierSetup>();

/** `what` is a message code naming the content ("dossier.content.bookings"). */
export function registerDossierContent(what: string, counter: ContentCounter): void {
  contentCounters.set(what, counter);
}
export function registerBookingCounter(counter: BookingCounter): void {
  bookingCounters.push(counter);
}

/** `name` keeps a module from registering twice (modules may be imported by several entry points). */
export function registerDossierSetup(name: string, setup: DossierSetup): void {
  setups.set(name, setup);
}

export async function setUpDossier(trx: Db, dossierId: number, fiscalYear: { id: number; startDate: string; endDate: string }): Promise<void> {
  for (const setup of setups.values()) await setup(trx, dossierId, fiscalYear);
}

export async function dossierContent(db: Db, dossierId: number): Promise<Array<{ what: string; count: number }>> {
  const found: Array<{ what: string; count: number }> = [];
  for (const [what, counter] of contentCounters) {
    const count = await counter(db, dossierId);
    if (count > 0) found.push({ what, count });
  }
  return found;
}

export async function countBookingLines(db: Db, dossierId: number, fiscalYearId: number): Promise<BookingLineCounts> {
  const total: BookingLineCounts = { purchaseSales: 0, financialMiscellaneous: 0 };
  for (const counter of bookingCounters) {
    const c = await counter(db, dossierId, fiscalYearId);
    total.purchaseSales += c.purchaseSales;
    total.financialMiscellaneous += c.financialMiscellaneous;
  }
  return total;
}
