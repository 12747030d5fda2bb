/** Relations: the only SQL of the module. Every query is scoped by dossier_id. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { RelationKind, RelationValues } from './rules.ts';
import type { RelationTable } from './schema.ts';
import './schema.ts';

export type RelationRow = Selectable<RelationTable>;

export interface RelationView extends Omit<RelationValues, 'number'> {
  id: number;
  number: string;
  peppolRegistered: boolean | null;
  peppolDocumentTypes: string[];
  peppolCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toView(r: RelationRow): RelationView {
  return {
    id: r.id,
    ...toValues(r),
    number: r.number,
    peppolRegistered: r.peppol_registered,
    peppolDocumentTypes: r.peppol_document_types ?? [],
    peppolCheckedAt: r.peppol_checked_at ? new Date(r.peppol_checked_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function toValues(r: RelationRow): RelationValues {
  return {
    number: r.number,
    name: r.name,
    kind: r.kind,
    street: r.street,
    postcode: r.postcode,
    city: r.city,
    country: r.country,
    language: r.language,
    enterpriseNumber: r.enterprise_number,
    vatNumber: r.vat_number,
    iban: r.iban,
    bic: r.bic,
    email: r.email,
    phone: r.phone,
    paymentDays: r.payment_days,
    paymentEndOfMonth: r.payment_end_of_month,
    defaultVatCode: r.default_vat_code,
    defaultAccount: r.default_account,
    peppolId: r.peppol_id,
    active: r.active,
    notes: r.notes,
  };
}

type Columns = Omit<Insertable<RelationTable>, 'dossier_id' | 'created_at'>;

function toColumns(v: RelationValues & { number: string }): Columns {
  return {
    number: v.number,
    name: v.name,
    kind: v.kind,
    street: v.street,
    postcode: v.postcode,
    city: v.city,
    country: v.country,
    language: v.language,
    enterprise_number: v.enterpriseNumber,
    vat_number: v.vatNumber,
    iban: v.iban,
    bic: v.bic,
    email: v.email,
    phone: v.phone,
    payment_days: v.paymentDays,
    payment_end_of_month: v.paymentEndOfMonth,
    default_vat_code: v.defaultVatCode,
    default_account: v.defaultAccount,
    peppol_id: v.peppolId,
    active: v.active,
    notes: v.notes,
  };
}

export interface RelationFilter {
  search?: string;
  status?: 'active' | 'inactive' | 'all';
  kind?: 'customer' | 'supplier' | 'all';
  peppol?: 'registered' | 'not_registered' | 'unchecked' | 'all';
}
export const RELATION_SORTS = ['number', 'name', 'city', 'vatNumber', 'kind', 'peppol'] as const;
export type RelationSort = (typeof RELATION_SORTS)[number];
export interface RelationQuery extends RelationFilter {
  sort?: RelationSort;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** Numbers sort as numbers ("2" before "10"), other numbers after them as text. */
const numberOrder = sql`case when relation.number ~ '^[0-9]{1,20}$' then lpad(relation.number, 20, '0') else '~' || lower(relation.number) end`;

function filtered(db: Db, dossierId: number, f: RelationFilter) {
  let q = db.selectFrom('relation').where('relation.dossier_id', '=', dossierId);
  if (f.status === 'active') q = q.where('relation.active', '=', true);
  if (f.status === 'inactive') q = q.where('relation.active', '=', false);
  if (f.kind === 'customer') q = q.where('relation.kind', 'in', ['customer', 'both']);
  if (f.kind === 'supplier') q = q.where('relation.kind', 'in', ['supplier', 'both']);
  if (f.peppol === 'registered') q = q.where('relation.peppol_registered', '=', true);
  if (f.peppol === 'not_registered') q = q.where('relation.peppol_registered', '=', false);
  if (f.peppol === 'unchecked') q = q.where('relation.peppol_registered', 'is', null);
  const search = f.search?.trim();
  if (search) {
    const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const compact = search.replace(/[\s.\-/]/g, '').toUpperCase();
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(relation.name)`, 'like', like),
        eb(sql`lower(relation.number)`, 'like', like),
        eb(sql`lower(coalesce(relation.city, ''))`, 'like', like),
        ...(compact.length >= 3
          ? [eb('relation.vat_number', 'like', `%${compact}%`), eb('relation.enterprise_number', 'like', `%${compact.replace(/^BE/, '')}%`)]
          : []),
      ]),
    );
  }
  return q;
}

export async function listRelationRows(db: Db, dossierId: number, query: RelationQuery & { all?: boolean }) {
  const base = filtered(db, dossierId, query);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const dir = query.direction === 'desc' ? sql`desc` : sql`asc`;
  let q = base.selectAll('relation');
  switch (query.sort ?? 'number') {
    case 'name':
      q = q.orderBy(sql`lower(relation.name) ${dir}`);
      break;
    case 'city':
      q = q.orderBy(sql`lower(coalesce(relation.city, '')) ${dir}`);
      break;
    case 'vatNumber':
      q = q.orderBy(sql`relation.vat_number ${dir} nulls last`);
      break;
    case 'kind':
      q = q.orderBy(sql`relation.kind ${dir}`);
      break;
    case 'peppol':
      q = q.orderBy(sql`relation.peppol_registered ${dir} nulls last`);
      break;
    case 'number':
      break;
  }
  q = q.orderBy(sql`${numberOrder} ${dir}`).orderBy('relation.id');
  if (!query.all) {
    const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500);
    const page = Math.max(query.page ?? 1, 1);
    q = q.limit(pageSize).offset((page - 1) * pageSize);
  }
  return { rows: await q.execute(), total };
}

export function findRelationRow(db: Db, dossierId: number, id: number) {
  return db.selectFrom('relation').selectAll().where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
}

export function findByNumber(db: Db, dossierId: number, number: string) {
  return db
    .selectFrom('relation')
    .select(['id', 'number', 'name'])
    .where('dossier_id', '=', dossierId)
    .where(sql`lower(number)`, '=', number.toLowerCase())
    .executeTakeFirst();
}

/** Every relation of the dossier (the import compares a file with them). */
export function allRelationRows(db: Db, dossierId: number) {
  return db.selectFrom('relation').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

export async function relationNumbers(db: Db, dossierId: number): Promise<string[]> {
  const rows = await db.selectFrom('relation').select('number').where('dossier_id', '=', dossierId).where('number', '~', '^[0-9]{1,15}$').execute();
  return rows.map((r) => r.number);
}

/** Serialises number-giving writes of one dossier (two saves never get the same next number). */
export async function lockRelationNumbers(trx: Db, dossierId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(42420002, ${dossierId})`.execute(trx);
}

const CHUNK = 1000;

/** Inserts many relations, a thousand rows per statement; returns their ids in order. */
export async function insertRelations(trx: Db, dossierId: number, values: Array<RelationValues & { number: string }>, now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = values.slice(i, i + CHUNK).map((v) => ({ dossier_id: dossierId, ...toColumns(v), created_at: now, updated_at: now }));
    const inserted = await trx.insertInto('relation').values(rows).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function updateRelationRow(trx: Db, dossierId: number, id: number, v: RelationValues & { number: string }, now: Date): Promise<void> {
  await trx
    .updateTable('relation')
    .set({ ...toColumns(v), updated_at: now })
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .execute();
}

/** Updates many relations with one statement per thousand (the rows travel as one JSON parameter). */
export async function updateRelationRows(trx: Db, dossierId: number, rows: Array<{ id: number; values: RelationValues & { number: string } }>, now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => ({ id: r.id, ...toColumns(r.values) })));
    await sql`
      update relation set
        number = v.number, name = v.name, kind = v.kind, street = v.street, postcode = v.postcode, city = v.city,
        country = v.country, language = v.language, enterprise_number = v.enterprise_number, vat_number = v.vat_number,
        iban = v.iban, bic = v.bic, email = v.email, phone = v.phone, payment_days = v.payment_days,
        payment_end_of_month = v.payment_end_of_month, default_vat_code = v.default_vat_code,
        default_account = v.default_account, peppol_id = v.peppol_id, active = v.active, notes = v.notes,
        updated_at = ${now}
      from jsonb_to_recordset(${json}::jsonb) as v(
        id integer, number text, name text, kind text, street text, postcode text, city text, country text, language text,
        enterprise_number text, vat_number text, iban text, bic text, email text, phone text, payment_days integer,
        payment_end_of_month boolean, default_vat_code text, default_account text, peppol_id text, active boolean, notes text)
      where relation.dossier_id = ${dossierId} and relation.id = v.id`.execute(trx);
  }
}

export async function setRelationActive(trx: Db, dossierId: number, id: number, active: boolean, now: Date): Promise<void> {
  await trx.updateTable('relation').set({ active, updated_at: now }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
}

export async function deleteRelationRow(trx: Db, dossierId: number, id: number): Promise<void> {
  await trx.deleteFrom('relation').where('dossier_id', '=', dossierId).where('id', '=', id).execute();
}

export async function savePeppolResult(db: Db, dossierId: number, id: number, result: { registered: boolean; documentTypes: string[] }, at: Date): Promise<void> {
  await db
    .updateTable('relation')
    .set({ peppol_registered: result.registered, peppol_document_types: result.documentTypes, peppol_checked_at: at })
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .execute();
}

export function peppolCandidates(db: Db, dossierId: number, kinds: RelationKind[]) {
  return db
    .selectFrom('relation')
    .select(['id', 'number', 'name', 'peppol_id'])
    .where('dossier_id', '=', dossierId)
    .where('active', '=', true)
    .where('kind', 'in', kinds)
    .where('peppol_id', 'is not', null)
    .orderBy(numberOrder)
    .execute();
}

export async function countRelations(db: Db, dossierId: number): Promise<number> {
  const row = await db.selectFrom('relation').select(sql<number>`count(*)::int`.as('n')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
  return row.n;
}

// Import: remembered column mapping and uploaded files.

export async function loadImportMapping(db: Db, dossierId: number): Promise<Record<string, string | null> | null> {
  const row = await db.selectFrom('relation_import_mapping').select('mapping').where('dossier_id', '=', dossierId).executeTakeFirst();
  if (!row) return null;
  const m = typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping;
  return m as Record<string, string | null>;
}

export async function saveImportMapping(trx: Db, dossierId: number, mapping: Record<string, string | null>, now: Date): Promise<void> {
  const json = JSON.stringify(mapping);
  await trx
    .insertInto('relation_import_mapping')
    .values({ dossier_id: dossierId, mapping: json, updated_at: now })
    .onConflict((oc) => oc.column('dossier_id').doUpdateSet({ mapping: json, updated_at: now }))
    .execute();
}

export async function saveUpload(db: Db, dossierId: number, upload: { sha256: string; fileName: string; content: Uint8Array }, now: Date): Promise<void> {
  // Uploads are kept a day: long enough to fix the mapping and commit, short enough not to pile up.
  await db.deleteFrom('relation_import_upload').where('uploaded_at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
  await db
    .insertInto('relation_import_upload')
    .values({ dossier_id: dossierId, sha256: upload.sha256, file_name: upload.fileName, content: upload.content, uploaded_at: now })
    .onConflict((oc) => oc.columns(['dossier_id', 'sha256']).doUpdateSet({ file_name: upload.fileName, uploaded_at: now }))
    .execute();
}

export async function loadUpload(db: Db, dossierId: number, sha256: string): Promise<{ fileName: string; content: Buffer } | null> {
  const row = await db
    .selectFrom('relation_import_upload')
    .select(['file_name', 'content'])
    .where('dossier_id', '=', dossierId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, content: Buffer.from(row.content) } : null;
}

export async function deleteUpload(trx: Db, dossierId: number, sha256: string): Promise<void> {
  await trx.deleteFrom('relation_import_upload').where('dossier_id', '=', dossierId).where('sha256', '=', sha256).execute();
}
