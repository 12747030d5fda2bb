/** Management → Accounts: list, add, edit, deactivate, delete (only when unused). */
import { sql } from 'kysely';
import { conflict, notFound, validation } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n/index.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import type { AccountTable } from '../schema.ts';
import { ACCOUNT_TYPES, accountName, defaultAccountType, defaultReconcilable, normalizeAccountNumber, type AccountType } from './rules.ts';
import '../messages.ts';

export interface AccountView {
  number: string;
  name: string;
  names: { nl: string; fr: string; en: string };
  type: AccountType;
  class: number;
  reconcilable: boolean;
  active: boolean;
  defaultVatCode: string | null;
  inUse: boolean;
}

type AccountRow = Pick<AccountTable, 'number' | 'name_nl' | 'name_fr' | 'name_en' | 'type' | 'reconcilable' | 'default_vat_code'> & { active: boolean; in_use?: boolean | null };

function view(row: AccountRow, lang: Language): AccountView {
  return {
    number: row.number,
    name: accountName(row, lang),
    names: { nl: row.name_nl, fr: row.name_fr, en: row.name_en },
    type: row.type,
    class: Number(row.number[0]),
    reconcilable: row.reconcilable,
    active: row.active,
    defaultVatCode: row.default_vat_code,
    inUse: Boolean(row.in_use),
  };
}

export interface AccountQuery {
  search?: string;
  type?: AccountType;
  class?: number;
  active?: boolean;
  reconcilable?: boolean;
  /** number (default), name (in the caller's language), class (then name) or type (then number) */
  sort?: AccountSort;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const ACCOUNT_SORTS = ['number', 'name', 'class', 'type'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const inUse = sql<boolean>`exists (select 1 from account_balance b where b.dossier_id = account.dossier_id and b.account = account.number)`;

/** Accounts sorted on the server (paging needs the whole chart in order); search matches the start of the number or any part of the name (any language). */
export async function listAccounts(svc: Services, actor: Actor, dossierId: number, query: AccountQuery = {}) {
  await requireLedger(svc.db, actor, dossierId);
  const pageSize = Math.min(Math.max(query.pageSize ?? 100, 1), 1000);
  const page = Math.max(query.page ?? 1, 1);
  let base = svc.db.selectFrom('account').where('dossier_id', '=', dossierId);
  const search = query.search?.trim();
  if (search) {
    const like = `%${search.toLowerCase()}%`;
    base = base.where((eb) =>
      eb.or([
        eb('number', 'like', `${search.replace(/[%_]/g, '')}%`),
        eb(sql`lower(name_nl)`, 'like', like),
        eb(sql`lower(name_fr)`, 'like', like),
        eb(sql`lower(name_en)`, 'like', like),
      ]),
    );
  }
  if (query.type) base = base.where('type', '=', query.type);
  if (query.class !== undefined) base = base.where('number', 'like', `${query.class}%`);
  if (query.active !== undefined) base = base.where('active', '=', query.active);
  if (query.reconcilable !== undefined) base = base.where('reconcilable', '=', query.reconcilable);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const dir = query.direction === 'desc' ? sql`desc` : sql`asc`;
  const name = sql.ref(actor.language === 'fr' ? 'name_fr' : actor.language === 'en' ? 'name_en' : 'name_nl');
  const order = {
    number: sql`number ${dir}`,
    name: sql`lower(${name}) ${dir}, number ${dir}`,
    class: sql`left(number, 1) ${dir}, lower(${name}) ${dir}, number ${dir}`,
    type: sql`type ${dir}, number ${dir}`,
  }[query.sort ?? 'number'];
  const rows = await base
    .select(['number', 'name_nl', 'name_fr', 'name_en', 'type', 'reconcilable', 'active', 'default_vat_code', inUse.as('in_use')])
    .orderBy(order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((r) => view(r, actor.language)), total, page, pageSize };
}

export async function findAccount(db: Db, dossierId: number, number: string) {
  return db.selectFrom('account').selectAll().where('dossier_id', '=', dossierId).where('number', '=', number).executeTakeFirst();
}

export async function getAccount(svc: Services, actor: Actor, dossierId: number, number: string): Promise<AccountView> {
  await requireLedger(svc.db, actor, dossierId);
  const row = await svc.db
    .selectFrom('account')
    .select(['number', 'name_nl', 'name_fr', 'name_en', 'type', 'reconcilable', 'active', 'default_vat_code', inUse.as('in_use')])
    .where('dossier_id', '=', dossierId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw notFound('ledger.account_not_found', { account: number });
  return view(row, actor.language);
}

export interface AccountInput {
  number?: string;
  /** One name for every language, unless `names` gives them separately. */
  name?: string;
  names?: { nl?: string; fr?: string; en?: string };
  type?: AccountType;
  reconcilable?: boolean;
  active?: boolean;
  defaultVatCode?: string | null;
}

function checkType(type: string | undefined) {
  if (type !== undefined && !(ACCOUNT_TYPES as readonly string[]).includes(type)) {
    throw validation('ledger.account_type_invalid', { value: type }, [{ field: 'type', code: 'ledger.account_type_invalid', params: { value: type } }]);
  }
}

async function checkVatCode(db: Db, dossierId: number, code: string | null | undefined) {
  if (!code) return;
  const row = await db.selectFrom('vat_code').select('code').where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
  if (!row) throw validation('ledger.vat_code_not_found', { code }, [{ field: 'defaultVatCode', code: 'ledger.vat_code_not_found', params: { code } }]);
}

/** Adds an account (Ctrl+B from a booking screen calls this too). Needs the "accounts" right. */
export async function createAccount(svc: Services, actor: Actor, dossierId: number, input: AccountInput): Promise<AccountView> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  const number = normalizeAccountNumber(input.number ?? '');
  const fallback = input.name?.trim() || input.names?.nl?.trim() || input.names?.fr?.trim() || input.names?.en?.trim();
  if (!fallback) throw validation('request.required', { field: 'name' }, [{ field: 'name', code: 'request.required', params: { field: 'name' } }]);
  checkType(input.type);
  await checkVatCode(svc.db, dossierId, input.defaultVatCode);
  await svc.db.transaction().execute(async (trx) => {
    if (await findAccount(trx, dossierId, number)) throw conflict('ledger.account_exists', { account: number });
    await trx
      .insertInto('account')
      .values({
        dossier_id: dossierId,
        number,
        name_nl: input.names?.nl?.trim() || fallback,
        name_fr: input.names?.fr?.trim() || fallback,
        name_en: input.names?.en?.trim() || fallback,
        type: input.type ?? defaultAccountType(number),
        reconcilable: input.reconcilable ?? defaultReconcilable(number),
        active: input.active ?? true,
        default_vat_code: input.defaultVatCode ?? null,
      })
      .execute();
    await audit(trx, actor, actor.officeId, 'ledger.account.create', { number }, dossierId);
  });
  return getAccount(svc, actor, dossierId, number);
}

export async function updateAccount(svc: Services, actor: Actor, dossierId: number, number: string, input: AccountInput): Promise<AccountView> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  checkType(input.type);
  await checkVatCode(svc.db, dossierId, input.defaultVatCode);
  await svc.db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, dossierId, number);
    if (!row) throw notFound('ledger.account_not_found', { account: number });
    const set: Partial<Record<keyof AccountTable, unknown>> = {};
    if (input.name?.trim()) {
      set.name_nl = set.name_fr = set.name_en = input.name.trim();
    }
    if (input.names?.nl?.trim()) set.name_nl = input.names.nl.trim();
    if (input.names?.fr?.trim()) set.name_fr = input.names.fr.trim();
    if (input.names?.en?.trim()) set.name_en = input.names.en.trim();
    if (input.type !== undefined) set.type = input.type;
    if (input.reconcilable !== undefined) set.reconcilable = input.reconcilable;
    if (input.active !== undefined) set.active = input.active;
    if (input.defaultVatCode !== undefined) set.default_vat_code = input.defaultVatCode;
    await trx
      .updateTable('account')
      .set({ ...(set as object), updated_at: svc.clock.now() })
      .where('dossier_id', '=', dossierId)
      .where('number', '=', number)
      .execute();
    await audit(trx, actor, actor.officeId, 'ledger.account.update', { number, fields: Object.keys(set) }, dossierId);
  });
  return getAccount(svc, actor, dossierId, number);
}

/** Deletes an account nobody uses: no booking lines, not a fixed account, not a journal's account. */
export async function deleteAccount(svc: Services, actor: Actor, dossierId: number, number: string): Promise<void> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  await svc.db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, dossierId, number);
    if (!row) throw notFound('ledger.account_not_found', { account: number });
    const what: string[] = [];
    const line = await trx.selectFrom('booking_line').select('line_no').where('dossier_id', '=', dossierId).where('account', '=', number).limit(1).executeTakeFirst();
    if (line) what.push('ledger.account_use.bookings');
    const fixed = await trx.selectFrom('fixed_account').select('role').where('dossier_id', '=', dossierId).where('account', '=', number).limit(1).executeTakeFirst();
    if (fixed) what.push('ledger.account_use.fixed_account');
    const journal = await trx.selectFrom('journal').select('id').where('dossier_id', '=', dossierId).where('account', '=', number).limit(1).executeTakeFirst();
    if (journal) what.push('ledger.account_use.journal');
    if (what.length) throw conflict('ledger.account_in_use', { account: number, what });
    await trx.deleteFrom('account').where('dossier_id', '=', dossierId).where('number', '=', number).execute();
    await audit(trx, actor, actor.officeId, 'ledger.account.delete', { number, name: row.name_nl }, dossierId);
  });
}
