/**
 * Who may do what in a dossier. Every dossier-scoped use case starts with `requireDossier`:
 * a dossier of another office, or one the user was not given, is "not found" (its existence is
 * not revealed); a missing right on a visible dossier is "forbidden" and names the right.
 */
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/actor.ts';
import { RIGHTS, normalizeRights, type Right } from '../users/rights.ts';
import '../users/messages.ts';
import './messages.ts';

export async function dossierRights(db: Db, actor: Actor, dossierId: number): Promise<Right[] | null> {
  if (!Number.isSafeInteger(dossierId)) return null;
  const dossier = await db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirst();
  if (!dossier || dossier.office_id !== actor.officeId) return null;
  if (actor.role === 'admin') return [...RIGHTS];
  const row = await db
    .selectFrom('dossier_right')
    .select('rights')
    .where('dossier_id', '=', dossierId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  const rights = row ? normalizeRights(row.rights) : [];
  return rights.length ? rights : null;
}

export async function requireDossier(db: Db, actor: Actor, dossierId: number, right: Right = 'view'): Promise<Right[]> {
  const rights = await dossierRights(db, actor, dossierId);
  if (!rights) throw notFound('dossier.not_found', { id: dossierId });
  if (!rights.includes(right)) throw forbidden('right.missing', { right: `right.${right}` });
  return rights;
}
