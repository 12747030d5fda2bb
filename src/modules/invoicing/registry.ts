/**
 * What invoicing tells other modules (registries, no imports the other way): a dossier with invoices
 * or articles is not empty, and a customer on an invoice (even a draft) cannot be deleted.
 */
import { sql } from 'kysely';
import { registerDossierContent } from '../dossiers/registry.ts';
import { registerRelationReference } from '../relations/references.ts';
import './messages.ts';

registerDossierContent('dossier.content.invoices', async (db, dossierId) => {
  const row = await sql<{ n: number }>`
    select (select count(*) from invoice where dossier_id = ${dossierId})::int + (select count(*) from invoice_article where dossier_id = ${dossierId})::int as n`.execute(db);
  return row.rows[0].n;
});

registerRelationReference('invoicing.relation_referrer.invoices', async (db, dossierId, relationId) => {
  const row = await sql<{ n: number }>`select count(*)::int as n from invoice where dossier_id = ${dossierId} and relation_id = ${relationId}`.execute(db);
  return row.rows[0].n;
});
