/**
 * Import relations from CSV or .xlsx: upload → column mapping → preview (every row's problems and the
 * duplicates) → commit, all or nothing, with one choice per file for duplicates: update the existing
 * relation or skip the row. The uploaded file is kept (keyed by SHA-256) between preview and commit.
 *
 * Duplicates: a row is "the same" as an existing relation with the same number, or else the same VAT
 * number, or else the same enterprise number; and as an earlier row of the file with any of these.
 * Updating takes the mapped columns of the row over the relation's stored values (the relation keeps
 * its number); a later row of the file that repeats an earlier one updates what that row creates.
 */
import crypto from 'node:crypto';
import { validation, type ErrorDetail } from '../../core/errors.ts';
import { translate, type Language } from '../../core/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { audit } from '../users/manage-users.ts';
import { mergeForUpdate } from './manage-relations.ts';
import { checkMapping, guessMapping, rowInput, type Mapping } from './mapping.ts';
import { readTable, type Table } from './read-table.ts';
import {
  allRelationRows,
  deleteUpload,
  insertRelations,
  loadImportMapping,
  loadUpload,
  lockRelationNumbers,
  saveImportMapping,
  saveUpload,
  toValues,
  updateRelationRows,
  type RelationRow,
} from './repo.ts';
import { checkRelation, duplicateKeys, nextFreeNumber, RELATION_DEFAULTS, RELATION_FIELDS, type RelationInput, type RelationValues } from './rules.ts';
import './messages.ts';

export type DuplicateChoice = 'update' | 'skip';

export interface RowProblem {
  row: number;
  field: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}

export interface Duplicate {
  row: number;
  field: 'number' | 'vatNumber' | 'enterpriseNumber';
  value: string;
  existing?: { id: number; number: string; name: string };
  sameAsRow?: number;
}

export interface ImportPreview {
  uploadId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  headers: string[];
  mapping: Mapping;
  fields: typeof RELATION_FIELDS;
  rowCount: number;
  newCount: number;
  duplicateCount: number;
  problemRowCount: number;
  problems: RowProblem[];
  duplicates: Duplicate[];
  /** The first rows as they would be imported (normalised), to show in the preview. */
  sample: Array<{ row: number; values: Partial<RelationValues> | null }>;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  rowCount: number;
}

const SAMPLE_ROWS = 20;

export async function uploadRelationImport(
  svc: Services,
  actor: Actor,
  dossierId: number,
  file: { fileName: string; content: Buffer },
  options: { mapping?: Mapping; language?: Language } = {},
): Promise<ImportPreview> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const table = await readTable(file.fileName, file.content); // refuses a file that is not CSV or .xlsx before keeping it
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  await saveUpload(svc.db, dossierId, { sha256, fileName: file.fileName, content: file.content }, svc.clock.now());
  return preview(svc, dossierId, sha256, file.fileName, table, options);
}

/** A new preview of an uploaded file, e.g. after the user changed the mapping. */
export async function previewRelationImport(
  svc: Services,
  actor: Actor,
  dossierId: number,
  uploadId: string,
  options: { mapping?: Mapping; language?: Language } = {},
): Promise<ImportPreview> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const { fileName, table } = await uploaded(svc.db, dossierId, uploadId);
  return preview(svc, dossierId, uploadId, fileName, table, options);
}

async function uploaded(db: Db, dossierId: number, uploadId: string) {
  const upload = /^[0-9a-f]{64}$/.test(uploadId) ? await loadUpload(db, dossierId, uploadId) : null;
  if (!upload) throw validation('relation.import.upload_not_found', {}, [{ field: 'uploadId', code: 'relation.import.upload_not_found' }]);
  return { fileName: upload.fileName, table: await readTable(upload.fileName, upload.content) };
}

async function chooseMapping(db: Db, dossierId: number, table: Table, given?: Mapping): Promise<Mapping> {
  if (given) return checkMapping(given, table.headers);
  const guessed = guessMapping(table.headers, await loadImportMapping(db, dossierId));
  return guessed.name ? guessed : { ...guessed }; // no name column: the preview says so
}

async function preview(svc: Services, dossierId: number, uploadId: string, fileName: string, table: Table, options: { mapping?: Mapping; language?: Language }): Promise<ImportPreview> {
  const lang = options.language ?? 'nl';
  const mapping = await chooseMapping(svc.db, dossierId, table, options.mapping);
  const base = {
    uploadId,
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    mapping,
    fields: RELATION_FIELDS,
    rowCount: table.rows.length,
  };
  if (!mapping.name) {
    const message = translate('relation.import.no_name_column', lang);
    return { ...base, newCount: 0, duplicateCount: 0, problemRowCount: table.rows.length, problems: [{ row: 1, field: 'mapping.name', code: 'relation.import.no_name_column', params: {}, message }], duplicates: [], sample: [] };
  }
  const analysis = analyze(table, mapping, await allRelationRows(svc.db, dossierId));
  return {
    ...base,
    newCount: analysis.plans.filter((p) => p.values && !p.duplicate).length,
    duplicateCount: new Set(analysis.duplicates.map((d) => d.row)).size,
    problemRowCount: new Set(analysis.problems.map((p) => p.row)).size,
    problems: analysis.problems.map((p) => ({ ...p, message: translate(p.code, lang, p.params) })),
    duplicates: analysis.duplicates,
    sample: analysis.plans.slice(0, SAMPLE_ROWS).map((p) => ({ row: p.row, values: p.values })),
  };
}

interface Plan {
  row: number;
  input: RelationInput;
  values: RelationValues | null;
  /** What the row is the same as: a stored relation, or the plan of an earlier row. */
  duplicate?: { existing?: RelationRow; earlier?: Plan };
}

function analyze(table: Table, mapping: Mapping, existing: RelationRow[]) {
  const byKey = new Map<string, RelationRow>();
  for (const r of existing) for (const k of duplicateKeys(toValues(r))) if (!byKey.has(k.key)) byKey.set(k.key, r);
  const fileKeys = new Map<string, Plan>();
  const problems: Array<Omit<RowProblem, 'message'>> = [];
  const duplicates: Duplicate[] = [];
  const plans: Plan[] = [];

  for (const { row, cells } of table.rows) {
    const input = rowInput(mapping, table.headers, cells);
    if (Object.values(input).every((v) => v === '' || v === undefined)) continue;
    const { values, problems: rowProblems } = checkRelation(input, RELATION_DEFAULTS);
    for (const p of rowProblems) problems.push({ row, field: p.field, code: p.code, params: p.params ?? {} });
    const plan: Plan = { row, input, values: values ?? null };
    plans.push(plan);
    if (!values) continue;

    const keys = duplicateKeys(values);
    // Stored relations: the number decides first, then the VAT number, then the enterprise number.
    for (const k of keys) {
      const match = byKey.get(k.key);
      if (match) {
        plan.duplicate = { existing: match };
        duplicates.push({ row, field: k.field, value: String(values[k.field]), existing: { id: match.id, number: match.number, name: match.name } });
        break;
      }
    }
    if (!plan.duplicate) {
      for (const k of keys) {
        const earlier = fileKeys.get(k.key);
        if (earlier) {
          plan.duplicate = { earlier };
          duplicates.push({ row, field: k.field, value: String(values[k.field]), sameAsRow: earlier.row });
          break;
        }
      }
    }
    for (const k of keys) if (!fileKeys.has(k.key)) fileKeys.set(k.key, plan);
  }
  return { plans, problems, duplicates };
}

/** Imports the uploaded file: everything or, when any row is bad, nothing (the error lists every bad row). */
export async function commitRelationImport(
  svc: Services,
  actor: Actor,
  dossierId: number,
  uploadId: string,
  options: { mapping?: Mapping; duplicates: DuplicateChoice },
): Promise<ImportResult> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const now = svc.clock.now();
  const result = await svc.db.transaction().execute(async (trx) => {
    await lockRelationNumbers(trx, dossierId);
    const { fileName, table } = await uploaded(trx, dossierId, uploadId);
    const mapping = await chooseMapping(trx, dossierId, table, options.mapping);
    if (!mapping.name) checkMapping(mapping, table.headers); // throws: no name column
    const existing = await allRelationRows(trx, dossierId);
    const { plans, problems } = analyze(table, mapping, existing);

    // Resolve every row to what it writes: a new relation, an update of a stored one, or nothing.
    type Target = { kind: 'new'; values: RelationValues } | { kind: 'update'; row: RelationRow; values: RelationValues } | { kind: 'skip' };
    const targets = new Map<Plan, Target>();
    const updatesById = new Map<number, Extract<Target, { kind: 'update' }>>();
    let skipped = 0;
    for (const plan of plans) {
      if (!plan.values) continue;
      if (!plan.duplicate) {
        targets.set(plan, { kind: 'new', values: plan.values });
        continue;
      }
      if (options.duplicates === 'skip') {
        targets.set(plan, { kind: 'skip' });
        skipped++;
        continue;
      }
      // Update: onto the stored relation, or onto whatever the earlier row of the file writes.
      const stored = plan.duplicate.existing;
      const target = stored ? updatesById.get(stored.id) : targets.get(plan.duplicate.earlier!);
      const baseValues = target && target.kind !== 'skip' ? target.values : stored ? toValues(stored) : null;
      const merged = baseValues ? mergeForUpdate(baseValues, plan.input) : checkRelation(plan.input, RELATION_DEFAULTS);
      if (!merged.values) {
        for (const p of merged.problems) problems.push({ row: plan.row, field: p.field, code: p.code, params: p.params ?? {} });
        continue;
      }
      if (target && target.kind !== 'skip') {
        // A repeated row keeps the number of what it repeats.
        target.values = { ...merged.values, number: target.kind === 'update' ? target.row.number : target.values.number };
        targets.set(plan, target);
      } else if (stored) {
        const update = { kind: 'update' as const, row: stored, values: { ...merged.values, number: stored.number } };
        updatesById.set(stored.id, update);
        targets.set(plan, update);
      } else {
        targets.set(plan, { kind: 'new', values: merged.values });
      }
    }
    if (problems.length) {
      const details: ErrorDetail[] = problems
        .sort((a, b) => a.row - b.row)
        .map((p) => ({ line: p.row, field: p.field, code: p.code, params: p.params }));
      throw validation('relation.import.rows_invalid', { count: new Set(problems.map((p) => p.row)).size, fileName }, details);
    }

    const inserts: Array<RelationValues & { number: string }> = [];
    const updates: Array<{ id: number; values: RelationValues & { number: string } }> = [];
    const written = new Set(targets.values());
    const numbers = [...existing.map((r) => r.number), ...[...written].flatMap((t) => (t.kind === 'new' && t.values.number ? [t.values.number] : []))];
    let next = Number(nextFreeNumber(numbers));
    for (const t of written) {
      if (t.kind === 'new') inserts.push({ ...t.values, number: t.values.number ?? String(next++) });
      if (t.kind === 'update') updates.push({ id: t.row.id, values: { ...t.values, number: t.row.number } });
    }
    await insertRelations(trx, dossierId, inserts, now);
    await updateRelationRows(trx, dossierId, updates, now);
    await saveImportMapping(trx, dossierId, mapping as Record<string, string | null>, now);
    await deleteUpload(trx, dossierId, uploadId);
    const summary = { created: inserts.length, updated: updates.length, skipped, rowCount: table.rows.length };
    await audit(trx, actor, actor.officeId, 'relation.import', { fileName, sha256: uploadId, ...summary, duplicates: options.duplicates }, dossierId);
    return summary;
  });
  return result;
}
