/**
 * Invoicing → Journals: an invoicing journal numbers and books its invoices through a linked sales
 * journal of the ledger. A dossier gets one ("FAC", linked to its first sales journal) when invoicing is
 * first used; an invoicing journal without a linked sales journal cannot post, and says so.
 */
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../users/manage-users.ts';
import { requireInvoicing } from './access.ts';
import { invalid } from './rules.ts';
import './schema.ts';

export interface InvoicingJournalView {
  id: number;
  code: string;
  name: string;
  salesJournalId: number | null;
  salesJournalCode: string | null;
  active: boolean;
}

/** The dossier's invoicing journals; the first one is made (linked to the first sales journal) when there is none. */
export async function ensureInvoicingJournal(db: Db, dossierId: number): Promise<void> {
  const any = await db.selectFrom('invoicing_journal').select('id').where('dossier_id', '=', dossierId).executeTakeFirst();
  if (any) return;
  const sales = await db
    .selectFrom('journal')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .where('type', '=', 'sales')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  await db
    .insertInto('invoicing_journal')
    .values({ dossier_id: dossierId, code: 'FAC', name: 'Facturatie', sales_journal_id: sales?.id ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function loadInvoicingJournals(db: Db, dossierId: number): Promise<InvoicingJournalView[]> {
  const rows = await db
    .selectFrom('invoicing_journal as ij')
    .leftJoin('journal as j', (join) => join.onRef('j.dossier_id', '=', 'ij.dossier_id').onRef('j.id', '=', 'ij.sales_journal_id'))
    .select(['ij.id', 'ij.code', 'ij.name', 'ij.sales_journal_id', 'ij.active', 'j.code as sales_code'])
    .where('ij.dossier_id', '=', dossierId)
    .orderBy('ij.id')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, salesJournalId: r.sales_journal_id, salesJournalCode: r.sales_code ?? null, active: r.active }));
}

export async function listInvoicingJournals(svc: Services, actor: Actor, dossierId: number): Promise<InvoicingJournalView[]> {
  await requireInvoicing(svc.db, actor, dossierId);
  await ensureInvoicingJournal(svc.db, dossierId);
  return loadInvoicingJournals(svc.db, dossierId);
}

async function checkSalesJournal(db: Db, dossierId: number, salesJournalId: number | null | undefined): Promise<void> {
  if (salesJournalId === null || salesJournalId === undefined) return;
  const j = await db.selectFrom('journal').select(['type', 'code']).where('dossier_id', '=', dossierId).where('id', '=', salesJournalId).executeTakeFirst();
  if (!j) throw invalid('invoicing.sales_journal_not_found', 'salesJournalId', { id: salesJournalId });
  if (j.type !== 'sales') throw invalid('invoicing.sales_journal_wrong_type', 'salesJournalId', { code: j.code });
}

export async function saveInvoicingJournal(
  svc: Services,
  actor: Actor,
  dossierId: number,
  input: { id?: number; code?: string; name?: string; salesJournalId?: number | null; active?: boolean },
): Promise<InvoicingJournalView[]> {
  await requireInvoicing(svc.db, actor, dossierId, 'accounts');
  await checkSalesJournal(svc.db, dossierId, input.salesJournalId);
  await svc.db.transaction().execute(async (trx) => {
    if (input.id === undefined) {
      const code = input.code?.trim().toUpperCase();
      if (!code) throw invalid('invoicing.journal_code_required', 'code');
      const taken = await trx.selectFrom('invoicing_journal').select('id').where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
      if (taken) throw conflict('invoicing.journal_code_taken', { code });
      await trx
        .insertInto('invoicing_journal')
        .values({ dossier_id: dossierId, code, name: input.name?.trim() || code, sales_journal_id: input.salesJournalId ?? null, active: input.active ?? true })
        .execute();
    } else {
      const row = await trx.selectFrom('invoicing_journal').select('id').where('dossier_id', '=', dossierId).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw notFound('invoicing.journal_not_found', { id: input.id });
      const set: Record<string, unknown> = {};
      if (input.name !== undefined) set.name = input.name.trim();
      if (input.salesJournalId !== undefined) set.sales_journal_id = input.salesJournalId;
      if (input.active !== undefined) set.active = input.active;
      if (Object.keys(set).length) await trx.updateTable('invoicing_journal').set(set).where('dossier_id', '=', dossierId).where('id', '=', input.id).execute();
    }
    await audit(trx, actor, actor.officeId, 'invoicing.journal.save', { ...input }, dossierId);
  });
  return loadInvoicingJournals(svc.db, dossierId);
}
