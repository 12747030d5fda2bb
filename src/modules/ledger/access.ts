/**
 * Every ledger use case starts here: the dossier must be visible to the actor with the right
 * (404 / 403 as in the dossier module), and its ledger set up (dossiers made before the ledger
 * existed get it on first use).
 */
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import type { Right } from '../users/rights.ts';
import { setUpDossierLedger } from './setup.ts';

export async function requireLedger(db: Db, actor: Actor, dossierId: number, right: Right = 'view'): Promise<Right[]> {
  const rights = await requireDossier(db, actor, dossierId, right);
  const ready = await db.selectFrom('dossier_ledger').select('dossier_id').where('dossier_id', '=', dossierId).executeTakeFirst();
  if (!ready) {
    if (db.isTransaction) await setUpDossierLedger(db, dossierId);
    else await db.transaction().execute((trx) => setUpDossierLedger(trx, dossierId));
  }
  return rights;
}
