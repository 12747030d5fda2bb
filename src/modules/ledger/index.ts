/**
 * The general ledger: chart of accounts, fixed accounts, fiscal years and periods, journals, VAT
 * codes, bookings, the year transfer and the reports. Importing this module registers what the
 * dossier module needs to know (setup of a new dossier, booking counts, content that blocks delete).
 */
import { sql } from 'kysely';
import { registerBookingCounter, registerDossierContent, registerDossierSetup } from '../dossiers/registry.ts';
import { registerRelationReference } from '../relations/references.ts';
import { setUpDossierLedger } from './setup.ts';
import './messages.ts';

registerDossierSetup('ledger', (trx, dossierId) => setUpDossierLedger(trx, dossierId));

registerDossierContent('dossier.content.bookings', async (db, dossierId) => {
  const row = await db.selectFrom('booking').select(sql<number>`count(*)::int`.as('n')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
  return row.n;
});

registerBookingCounter(async (db, dossierId, fiscalYearId) => {
  const rows = await db
    .selectFrom('booking')
    .innerJoin('journal', (j) => j.onRef('journal.dossier_id', '=', 'booking.dossier_id').onRef('journal.id', '=', 'booking.journal_id'))
    .select(['journal.type', sql<number>`coalesce(sum(booking.line_count), 0)::int`.as('n')])
    .where('booking.dossier_id', '=', dossierId)
    .where('booking.fiscal_year_id', '=', fiscalYearId)
    .groupBy('journal.type')
    .execute();
  const n = (types: string[]) => rows.filter((r) => types.includes(r.type)).reduce((s, r) => s + r.n, 0);
  return { purchaseSales: n(['purchase', 'sales']), financialMiscellaneous: n(['financial', 'miscellaneous', 'opening']) };
});

// A relation with bookings (as the booking's relation or on any line, e.g. a statement movement) cannot be deleted.
registerRelationReference('ledger.relation_referrer.bookings', async (db, dossierId, relationId) => {
  const row = await sql<{ n: number }>`
    select (select count(*) from booking where dossier_id = ${dossierId} and relation_id = ${relationId})::int
         + (select count(*) from booking_line where dossier_id = ${dossierId} and relation_id = ${relationId})::int as n`.execute(db);
  return row.rows[0].n;
});
