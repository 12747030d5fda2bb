/** Management → Dossiers: list, create, edit, delete (only an empty dossier), and the detail tabs. */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { addDays, addMonths, isIsoDate, todayIn } from '../../core/dates.ts';
import { conflict, forbidden, validation, type ErrorDetail } from '../../core/errors.ts';
import { isAppError } from '../../core/errors.ts';
import { normalizeBelgianVat, normalizeEnterpriseNumber } from '../../core/identifiers/belgium.ts';
import type { Language } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../users/manage-users.ts';
import { RIGHTS, type Right } from '../users/rights.ts';
import { requireDossier } from './access.ts';
import { countBookingLines, dossierContent, setUpDossier } from './registry.ts';
import './messages.ts';

export interface DossierInput {
  name?: string;
  legalForm?: string | null;
  enterpriseNumber?: string | null;
  vatNumber?: string | null;
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
  country?: string;
  language?: Language;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  contactFields?: Array<{ label: string; value: string }>;
  applicant?: {
    name?: string | null;
    street?: string | null;
    postcode?: string | null;
    city?: string | null;
    phone?: string | null;
    email?: string | null;
    capacity?: string | null;
  };
  modules?: { invoicing?: boolean; bank?: boolean; documents?: boolean };
}

export interface DossierView {
  id: number;
  officeId: number;
  name: string;
  legalForm: string | null;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  language: Language;
  email: string | null;
  phone: string | null;
  website: string | null;
  mailboxAddress: string;
  contactFields: Array<{ label: string; value: string }>;
  applicant: {
    name: string | null;
    street: string | null;
    postcode: string | null;
    city: string | null;
    phone: string | null;
    email: string | null;
    capacity: string | null;
  };
  modules: { invoicing: boolean; bank: boolean; documents: boolean };
  fiscalYears: Array<{ id: number; startDate: string; endDate: string; closed: boolean; purchaseSalesLines: number; financialMiscellaneousLines: number }>;
  rights: Right[];
  createdAt: string;
  updatedAt: string;
}

export interface DossierListItem {
  id: number;
  name: string;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  city: string | null;
  lastVisitedAt: string | null;
  rights: Right[];
}

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** Checks identity fields and collects every problem, each naming its field. */
function checkIdentity(input: DossierInput, requireName: boolean): { enterpriseNumber?: string | null; vatNumber?: string | null } {
  const details: ErrorDetail[] = [];
  if (requireName && !input.name?.trim()) details.push({ field: 'name', code: 'request.required', params: { field: 'name' } });
  if (input.name !== undefined && !input.name.trim() && !requireName) details.push({ field: 'name', code: 'request.required', params: { field: 'name' } });
  let enterpriseNumber = clean(input.enterpriseNumber);
  let vatNumber = clean(input.vatNumber);
  const collect = (fn: () => string): string | undefined => {
    try {
      return fn();
    } catch (e) {
      if (isAppError(e)) details.push(...e.details);
      else throw e;
      return undefined;
    }
  };
  if (enterpriseNumber) enterpriseNumber = collect(() => normalizeEnterpriseNumber(enterpriseNumber!));
  if (vatNumber) vatNumber = collect(() => normalizeBelgianVat(vatNumber!));
  if (details.length) {
    const first = details[0];
    throw validation(first.code, { ...first.params, field: first.field }, details);
  }
  // A Belgian VAT number is BE + the enterprise number: fill in the one that is missing.
  if (vatNumber && enterpriseNumber === undefined) enterpriseNumber = vatNumber.slice(2);
  return { enterpriseNumber, vatNumber };
}

function mailboxAddress(name: string, domain: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30) || 'dossier';
  return `${slug}-${crypto.randomBytes(4).toString('hex')}@${domain}`;
}

export async function createDossier(
  svc: Services,
  actor: Actor,
  input: DossierInput & { name: string; fiscalYearStart?: string },
): Promise<DossierView> {
  if (actor.role === 'client') throw forbidden('dossier.create_not_allowed');
  const identity = checkIdentity(input, true);
  const start = input.fiscalYearStart ?? `${todayIn(svc.clock.now()).slice(0, 4)}-01-01`;
  if (!isIsoDate(start)) {
    throw validation('dossier.fiscal_year_start_invalid', { value: start }, [
      { field: 'fiscalYearStart', code: 'dossier.fiscal_year_start_invalid', params: { value: start } },
    ]);
  }
  const id = await svc.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dossier')
      .values({
        office_id: actor.officeId,
        name: input.name.trim(),
        legal_form: clean(input.legalForm) ?? null,
        enterprise_number: identity.enterpriseNumber ?? null,
        vat_number: identity.vatNumber ?? null,
        street: clean(input.street) ?? null,
        postcode: clean(input.postcode) ?? null,
        city: clean(input.city) ?? null,
        country: input.country?.trim().toUpperCase() || 'BE',
        language: input.language ?? 'nl',
        email: clean(input.email) ?? null,
        phone: clean(input.phone) ?? null,
        website: clean(input.website) ?? null,
        mailbox_address: mailboxAddress(input.name, svc.config.mailboxDomain),
        applicant_name: clean(input.applicant?.name) ?? null,
        applicant_street: clean(input.applicant?.street) ?? null,
        applicant_postcode: clean(input.applicant?.postcode) ?? null,
        applicant_city: clean(input.applicant?.city) ?? null,
        applicant_phone: clean(input.applicant?.phone) ?? null,
        applicant_email: clean(input.applicant?.email) ?? null,
        applicant_capacity: clean(input.applicant?.capacity) ?? null,
        module_invoicing: input.modules?.invoicing ?? false,
        module_bank: input.modules?.bank ?? false,
        module_documents: input.modules?.documents ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The opening fiscal year: twelve months from its start (Management → Fiscal years changes it).
    const end = addDays(addMonths(start, 12), -1);
    await trx.insertInto('fiscal_year').values({ dossier_id: row.id, id: 1, start_date: start, end_date: end }).execute();
    // What other capabilities give a new dossier (the ledger: chart of accounts, journals, VAT codes).
    await setUpDossier(trx, row.id, { id: 1, startDate: start, endDate: end });
    await writeContactFields(trx, row.id, input.contactFields);
    // A staff member who creates a dossier gets every right on it.
    if (actor.role === 'staff') {
      await trx.insertInto('dossier_right').values({ dossier_id: row.id, user_id: actor.userId, rights: [...RIGHTS] }).execute();
    }
    await audit(trx, actor, actor.officeId, 'dossier.create', { name: input.name }, row.id);
    return row.id;
  });
  return getDossier(svc, actor, id);
}

async function writeContactFields(trx: Services['db'], dossierId: number, fields: DossierInput['contactFields']) {
  if (fields === undefined) return;
  await trx.deleteFrom('dossier_contact_field').where('dossier_id', '=', dossierId).execute();
  const rows = fields
    .filter((f) => f.label.trim() || f.value.trim())
    .map((f, i) => ({ dossier_id: dossierId, position: i + 1, label: f.label.trim(), value: f.value.trim() }));
  if (rows.length) await trx.insertInto('dossier_contact_field').values(rows).execute();
}

export async function getDossier(svc: Services, actor: Actor, dossierId: number): Promise<DossierView> {
  const rights = await requireDossier(svc.db, actor, dossierId);
  const d = await svc.db.selectFrom('dossier').selectAll().where('id', '=', dossierId).executeTakeFirstOrThrow();
  const contactFields = await svc.db
    .selectFrom('dossier_contact_field')
    .select(['label', 'value'])
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
  const years = await svc.db.selectFrom('fiscal_year').selectAll().where('dossier_id', '=', dossierId).orderBy('start_date').execute();
  const fiscalYears = [];
  for (const y of years) {
    const counts = await countBookingLines(svc.db, dossierId, y.id);
    fiscalYears.push({
      id: y.id,
      startDate: y.start_date,
      endDate: y.end_date,
      closed: y.closed,
      purchaseSalesLines: counts.purchaseSales,
      financialMiscellaneousLines: counts.financialMiscellaneous,
    });
  }
  return {
    id: d.id,
    officeId: d.office_id,
    name: d.name,
    legalForm: d.legal_form,
    enterpriseNumber: d.enterprise_number,
    vatNumber: d.vat_number,
    street: d.street,
    postcode: d.postcode,
    city: d.city,
    country: d.country,
    language: d.language,
    email: d.email,
    phone: d.phone,
    website: d.website,
    mailboxAddress: d.mailbox_address,
    contactFields,
    applicant: {
      name: d.applicant_name,
      street: d.applicant_street,
      postcode: d.applicant_postcode,
      city: d.applicant_city,
      phone: d.applicant_phone,
      email: d.applicant_email,
      capacity: d.applicant_capacity,
    },
    modules: { invoicing: d.module_invoicing, bank: d.module_bank, documents: d.module_documents },
    fiscalYears,
    rights,
    createdAt: new Date(d.created_at).toISOString(),
    updatedAt: new Date(d.updated_at).toISOString(),
  };
}

export interface DossierQuery {
  search?: string;
  sort?: 'recent' | 'name' | 'city' | 'enterpriseNumber' | 'id';
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** The dossiers the actor may open; "recent" (the default) puts the last opened first. */
export async function listDossiers(svc: Services, actor: Actor, query: DossierQuery = {}) {
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500);
  const page = Math.max(query.page ?? 1, 1);
  let base = svc.db
    .selectFrom('dossier')
    .leftJoin('dossier_visit', (j) => j.onRef('dossier_visit.dossier_id', '=', 'dossier.id').on('dossier_visit.user_id', '=', actor.userId))
    .leftJoin('dossier_right', (j) => j.onRef('dossier_right.dossier_id', '=', 'dossier.id').on('dossier_right.user_id', '=', actor.userId))
    .where('dossier.office_id', '=', actor.officeId);
  if (actor.role !== 'admin') base = base.where('dossier_right.user_id', 'is not', null);
  const search = query.search?.trim();
  if (search) {
    const like = `%${search.toLowerCase()}%`;
    const digits = search.replace(/\D/g, '');
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(dossier.name)`, 'like', like),
        eb(sql`lower(coalesce(dossier.city, ''))`, 'like', like),
        ...(digits.length >= 3 ? [eb('dossier.enterprise_number', 'like', `%${digits}%`)] : []),
        ...(/^\d+$/.test(search) ? [eb('dossier.id', '=', Number(search))] : []),
      ]),
    );
  }
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const direction = query.direction ?? (query.sort === 'recent' || !query.sort ? 'desc' : 'asc');
  let q = base.select([
    'dossier.id',
    'dossier.name',
    'dossier.enterprise_number',
    'dossier.vat_number',
    'dossier.city',
    'dossier_visit.visited_at',
    'dossier_right.rights',
  ]);
  switch (query.sort ?? 'recent') {
    case 'recent':
      q = q.orderBy(sql`dossier_visit.visited_at ${sql.raw(direction)} nulls last`).orderBy(sql`lower(dossier.name)`);
      break;
    case 'name':
      q = q.orderBy(sql`lower(dossier.name)`, direction);
      break;
    case 'city':
      q = q.orderBy(sql`lower(coalesce(dossier.city, ''))`, direction);
      break;
    case 'enterpriseNumber':
      q = q.orderBy('dossier.enterprise_number', direction);
      break;
    case 'id':
      q = q.orderBy('dossier.id', direction);
  }
  const rows = await q.orderBy('dossier.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  const items: DossierListItem[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    enterpriseNumber: r.enterprise_number,
    vatNumber: r.vat_number,
    city: r.city,
    lastVisitedAt: r.visited_at ? new Date(r.visited_at).toISOString() : null,
    rights: actor.role === 'admin' ? [...RIGHTS] : ((r.rights ?? []) as Right[]),
  }));
  return { items, total, page, pageSize };
}

/** Opening a dossier records the visit, so the chooser lists recent dossiers first. */
export async function openDossier(svc: Services, actor: Actor, dossierId: number): Promise<DossierView> {
  await requireDossier(svc.db, actor, dossierId);
  if (actor.via !== 'cli') {
    await svc.db
      .insertInto('dossier_visit')
      .values({ dossier_id: dossierId, user_id: actor.userId, visited_at: svc.clock.now() })
      .onConflict((oc) => oc.columns(['dossier_id', 'user_id']).doUpdateSet({ visited_at: svc.clock.now() }))
      .execute();
  }
  return getDossier(svc, actor, dossierId);
}

/** Editing needs the right to manage accounts and journals (the dossier's settings). */
export async function updateDossier(svc: Services, actor: Actor, dossierId: number, input: DossierInput): Promise<DossierView> {
  await requireDossier(svc.db, actor, dossierId, 'accounts');
  const identity = checkIdentity(input, false);
  const set: Record<string, unknown> = {};
  const put = (column: string, value: unknown) => {
    if (value !== undefined) set[column] = value;
  };
  put('name', input.name?.trim());
  put('legal_form', clean(input.legalForm));
  put('enterprise_number', identity.enterpriseNumber);
  put('vat_number', identity.vatNumber);
  put('street', clean(input.street));
  put('postcode', clean(input.postcode));
  put('city', clean(input.city));
  put('country', input.country?.trim().toUpperCase());
  put('language', input.language);
  put('email', clean(input.email));
  put('phone', clean(input.phone));
  put('website', clean(input.website));
  if (input.applicant) {
    for (const key of ['name', 'street', 'postcode', 'city', 'phone', 'email', 'capacity'] as const) {
      put(`applicant_${key}`, clean(input.applicant[key]));
    }
  }
  if (input.modules) {
    put('module_invoicing', input.modules.invoicing);
    put('module_bank', input.modules.bank);
    put('module_documents', input.modules.documents);
  }
  await svc.db.transaction().execute(async (trx) => {
    await trx.updateTable('dossier').set({ ...set, updated_at: svc.clock.now() }).where('id', '=', dossierId).execute();
    await writeContactFields(trx, dossierId, input.contactFields);
    await audit(trx, actor, actor.officeId, 'dossier.update', { fields: Object.keys(set) }, dossierId);
  });
  return getDossier(svc, actor, dossierId);
}

/** Deletes a dossier that holds nothing yet; otherwise says what it still holds. Administrators only. */
export async function deleteDossier(svc: Services, actor: Actor, dossierId: number): Promise<void> {
  await requireDossier(svc.db, actor, dossierId, 'users');
  if (actor.role !== 'admin' && actor.via !== 'cli') throw forbidden('user.admin_only');
  await svc.db.transaction().execute(async (trx) => {
    await sql`select id from dossier where id = ${dossierId} for update`.execute(trx);
    const content = await dossierContent(trx, dossierId);
    if (content.length) {
      throw conflict('dossier.not_empty', { what: content.map((c) => c.what), content });
    }
    await trx.deleteFrom('dossier').where('id', '=', dossierId).execute();
    await audit(trx, actor, actor.officeId, 'dossier.delete', { dossierId }, dossierId);
  });
}
