import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';

export async function journalById(db: Db, dossierId: number, id: number) {
  const row = await db.selectFrom('journal').selectAll().where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ledger.journal_not_found', { id });
  return row;
}

export async function journalByCode(db: Db, dossierId: number, code: string) {
  const row = await db.selectFrom('journal').selectAll().where('dossier_id', '=', dossierId).where('code', '=', code.trim().toUpperCase()).executeTakeFirst();
  if (!row) throw notFound('ledger.journal_not_found', { code });
  return row;
}

/** The first active journal of a type (the default Purchase, Sales, Miscellaneous or Opening journal). */
export async function defaultJournal(db: Db, dossierId: number, type: 'purchase' | 'sales' | 'miscellaneous' | 'opening' | 'financial') {
  return db
    .selectFrom('journal')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('type', '=', type)
    .where('active', '=', true)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
