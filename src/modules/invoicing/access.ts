/**
 * Every invoicing use case starts here: the dossier must be visible with the right (as the ledger
 * checks it), and its invoicing module switched on (Management → Dossiers → Modules).
 */
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/actor.ts';
import { requireLedger } from '../ledger/access.ts';
import type { Right } from '../users/rights.ts';
import './messages.ts';
import './registry.ts';

export async function requireInvoicing(db: Db, actor: Actor, dossierId: number, right: Right = 'view'): Promise<Right[]> {
  const rights = await requireLedger(db, actor, dossierId, right);
  const dossier = await db.selectFrom('dossier').select(['module_invoicing', 'name']).where('id', '=', dossierId).executeTakeFirstOrThrow();
  if (!dossier.module_invoicing) throw conflict('invoicing.module_off', { dossier: dossier.name });
  return rights;
}
