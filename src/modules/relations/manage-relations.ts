/**
 * Management → Relations: list, detail, new, edit, (de)activate, delete.
 * Rights, as a Belgian accountant expects them: reading needs `view`; creating, editing and deleting a
 * relation need `book` — whoever books purchases and sales creates the supplier or customer on the way
 * (as Ctrl+R in the booking screen does) — not `accounts`, which guards the chart of accounts and journals.
 */
import { conflict, notFound, validation, type ErrorDetail } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { registerDossierContent } from '../dossiers/registry.ts';
import { audit } from '../users/manage-users.ts';
import { relationReferences } from './references.ts';
import {
  allRelationRows,
  countRelations,
  deleteRelationRow,
  findByNumber,
  findRelationRow,
  insertRelations,
  listRelationRows,
  lockRelationNumbers,
  relationNumbers,
  setRelationActive as setActiveRow,
  toValues,
  toView,
  updateRelationRow,
  type RelationQuery,
  type RelationView,
} from './repo.ts';
import { checkRelation, nextFreeNumber, RELATION_DEFAULTS, type RelationInput, type RelationValues } from './rules.ts';
import './messages.ts';

registerDossierContent('dossier.content.relations', countRelations);

export type { RelationView, RelationQuery };

/** Throws one validation error carrying every problem (the first one is the headline). */
export function invalid(problems: ErrorDetail[]): never {
  const first = problems[0];
  throw validation(first.code, { ...first.params }, problems);
}

export async function listRelations(svc: Services, actor: Actor, dossierId: number, query: RelationQuery = {}) {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500);
  const page = Math.max(query.page ?? 1, 1);
  const { rows, total } = await listRelationRows(svc.db, dossierId, { ...query, page, pageSize });
  return { items: rows.map(toView), total, page, pageSize };
}

export async function getRelation(svc: Services, actor: Actor, dossierId: number, relationId: number): Promise<RelationView> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  return toView(await mustFind(svc.db, dossierId, relationId));
}

async function mustFind(db: Db, dossierId: number, relationId: number) {
  const row = await findRelationRow(db, dossierId, relationId);
  if (!row) throw notFound('relation.not_found', { id: relationId });
  return row;
}

/** The number a new relation gets when none is typed (the form shows it, editable). */
export async function nextRelationNumber(svc: Services, actor: Actor, dossierId: number): Promise<{ number: string }> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  return { number: nextFreeNumber(await relationNumbers(svc.db, dossierId)) };
}

async function ensureNumberFree(db: Db, dossierId: number, number: string, ownId?: number): Promise<void> {
  const other = await findByNumber(db, dossierId, number);
  if (other && other.id !== ownId) {
    const params = { number, name: other.name };
    const err = conflict('relation.number_taken', params);
    err.details.push({ field: 'number', code: 'relation.number_taken', params });
    throw err;
  }
}

export async function createRelation(svc: Services, actor: Actor, dossierId: number, input: RelationInput): Promise<RelationView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const { values, problems } = checkRelation(input, RELATION_DEFAULTS);
  if (!values) invalid(problems);
  const now = svc.clock.now();
  const id = await svc.db.transaction().execute(async (trx) => {
    await lockRelationNumbers(trx, dossierId);
    const number = values.number ?? nextFreeNumber(await relationNumbers(trx, dossierId));
    await ensureNumberFree(trx, dossierId, number);
    const [newId] = await insertRelations(trx, dossierId, [{ ...values, number }], now);
    await audit(trx, actor, actor.officeId, 'relation.create', { id: newId, number, name: values.name }, dossierId);
    return newId;
  });
  return toView(await mustFind(svc.db, dossierId, id));
}

/** Re-checks the merged relation; a Peppol id that was only the default follows a new enterprise number. */
export function mergeForUpdate(stored: RelationValues, input: RelationInput) {
  const base = { ...stored };
  const wasDefault = stored.peppolId !== null && stored.peppolId === `0208:${stored.enterpriseNumber}`;
  const identityChanged = input.enterpriseNumber !== undefined || input.vatNumber !== undefined || input.country !== undefined;
  if (wasDefault && identityChanged && input.peppolId === undefined) base.peppolId = null;
  return checkRelation(input, base);
}

export async function updateRelation(svc: Services, actor: Actor, dossierId: number, relationId: number, input: RelationInput): Promise<RelationView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const now = svc.clock.now();
  await svc.db.transaction().execute(async (trx) => {
    await lockRelationNumbers(trx, dossierId);
    const stored = toValues(await mustFind(trx, dossierId, relationId));
    const { values, problems } = mergeForUpdate(stored, input);
    if (!values) invalid(problems);
    const number = values.number ?? stored.number!;
    if (number !== stored.number) await ensureNumberFree(trx, dossierId, number, relationId);
    await updateRelationRow(trx, dossierId, relationId, { ...values, number }, now);
    await audit(trx, actor, actor.officeId, 'relation.update', { id: relationId, fields: Object.keys(input) }, dossierId);
  });
  return toView(await mustFind(svc.db, dossierId, relationId));
}

export async function setRelationActive(svc: Services, actor: Actor, dossierId: number, relationId: number, active: boolean): Promise<RelationView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  await svc.db.transaction().execute(async (trx) => {
    await mustFind(trx, dossierId, relationId);
    await setActiveRow(trx, dossierId, relationId, active, svc.clock.now());
    await audit(trx, actor, actor.officeId, active ? 'relation.activate' : 'relation.deactivate', { id: relationId }, dossierId);
  });
  return toView(await mustFind(svc.db, dossierId, relationId));
}

/** Deletes a relation nothing refers to; otherwise says what refers to it and suggests deactivating. */
export async function deleteRelation(svc: Services, actor: Actor, dossierId: number, relationId: number): Promise<void> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  await svc.db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, dossierId, relationId);
    const refs = await relationReferences(trx, dossierId, relationId);
    if (refs.length) {
      throw conflict('relation.in_use', { number: row.number, name: row.name, what: refs.map((r) => r.what), references: refs });
    }
    try {
      await deleteRelationRow(trx, dossierId, relationId);
    } catch (e) {
      // A table that refers to relations without registering a counter still keeps its rows safe.
      if ((e as { code?: string }).code === '23503') {
        throw conflict('relation.in_use', { number: row.number, name: row.name, what: ['relation.referrer.records'], references: [] });
      }
      throw e;
    }
    await audit(trx, actor, actor.officeId, 'relation.delete', { id: relationId, number: row.number, name: row.name }, dossierId);
  });
}

/** All relations of the dossier as stored values (used by the import to compare). */
export async function dossierRelations(db: Db, dossierId: number) {
  return allRelationRows(db, dossierId);
}
