/**
 * Management → Journals: purchase, sales, miscellaneous and opening journals, and one financial
 * journal per bank account and currency (IBAN and BIC required and checked: the CODA import finds
 * the journal by them). The journal detail shows its last booking (which may be deleted, see
 * bookings/delete-last-booking.ts) and its numbering per fiscal year (the first number is editable).
 */
import { electronicFormatIBAN, friendlyFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { sql } from 'kysely';
import { conflict, validation, type ErrorDetail } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { defaultAccountType } from '../accounts/rules.ts';
import { yearById } from '../fiscal-years/repo.ts';
import type { JournalTable, JournalType } from '../schema.ts';
import { journalById } from './repo.ts';
import '../messages.ts';

export const JOURNAL_TYPES = ['purchase', 'sales', 'financial', 'miscellaneous', 'opening'] as const;

export interface JournalView {
  id: number;
  code: string;
  name: string;
  type: JournalType;
  account: string | null;
  iban: string | null;
  ibanDisplay: string | null;
  bic: string | null;
  currency: string;
  active: boolean;
}

type JournalRow = Pick<JournalTable, 'code' | 'name' | 'type' | 'account' | 'iban' | 'bic'> & { id: number; currency: string; active: boolean };

export function journalView(row: JournalRow): JournalView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    account: row.account,
    iban: row.iban,
    ibanDisplay: row.iban ? friendlyFormatIBAN(row.iban) ?? row.iban : null,
    bic: row.bic,
    currency: row.currency,
    active: row.active,
  };
}

export async function listJournals(svc: Services, actor: Actor, dossierId: number, query: { type?: JournalType; active?: boolean; search?: string } = {}) {
  await requireLedger(svc.db, actor, dossierId);
  let q = svc.db.selectFrom('journal').selectAll().where('dossier_id', '=', dossierId);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.active !== undefined) q = q.where('active', '=', query.active);
  if (query.search?.trim()) {
    const like = `%${query.search.trim().toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(code)`, 'like', like), eb(sql`lower(name)`, 'like', like), eb(sql`lower(coalesce(iban, ''))`, 'like', like.replace(/\s/g, ''))]));
  }
  const rows = await q.orderBy(sql`case type when 'purchase' then 1 when 'sales' then 2 when 'financial' then 3 when 'miscellaneous' then 4 else 5 end`).orderBy('code').execute();
  return { items: rows.map(journalView), total: rows.length };
}

export interface JournalDetail extends JournalView {
  numbering: Array<{ fiscalYearId: number; startDate: string; endDate: string; nextNumber: number; bookings: number }>;
  lastBooking: { id: number; fiscalYearId: number; number: number; date: string; kind: string; amount: number; reference: string | null; description: string | null } | null;
}

export async function getJournal(svc: Services, actor: Actor, dossierId: number, id: number, fiscalYearId?: number): Promise<JournalDetail> {
  await requireLedger(svc.db, actor, dossierId);
  const row = await journalById(svc.db, dossierId, id);
  const years = await svc.db
    .selectFrom('fiscal_year')
    .leftJoin('journal_counter', (j) =>
      j.onRef('journal_counter.dossier_id', '=', 'fiscal_year.dossier_id').onRef('journal_counter.fiscal_year_id', '=', 'fiscal_year.id').on('journal_counter.journal_id', '=', id),
    )
    .select([
      'fiscal_year.id',
      'fiscal_year.start_date',
      'fiscal_year.end_date',
      'journal_counter.next_number',
      sql<number>`(select count(*)::int from booking b where b.dossier_id = fiscal_year.dossier_id and b.fiscal_year_id = fiscal_year.id and b.journal_id = ${id})`.as('bookings'),
    ])
    .where('fiscal_year.dossier_id', '=', dossierId)
    .orderBy('fiscal_year.start_date')
    .execute();
  let last = svc.db
    .selectFrom('booking')
    .select(['id', 'fiscal_year_id', 'number', 'date', 'kind', 'amount', 'reference', 'description'])
    .where('dossier_id', '=', dossierId)
    .where('journal_id', '=', id);
  if (fiscalYearId !== undefined) last = last.where('fiscal_year_id', '=', fiscalYearId);
  else {
    const withBookings = years.filter((y) => y.bookings > 0);
    const latest = withBookings[withBookings.length - 1];
    if (latest) last = last.where('fiscal_year_id', '=', latest.id);
  }
  const lastBooking = await last.orderBy('number', 'desc').limit(1).executeTakeFirst();
  return {
    ...journalView(row),
    numbering: years.map((y) => ({ fiscalYearId: y.id, startDate: y.start_date, endDate: y.end_date, nextNumber: y.next_number ?? 1, bookings: y.bookings })),
    lastBooking: lastBooking
      ? {
          id: lastBooking.id,
          fiscalYearId: lastBooking.fiscal_year_id,
          number: lastBooking.number,
          date: lastBooking.date,
          kind: lastBooking.kind,
          amount: lastBooking.amount,
          reference: lastBooking.reference,
          description: lastBooking.description,
        }
      : null,
  };
}

export interface JournalInput {
  code?: string;
  name?: string;
  type?: JournalType;
  account?: string | null;
  iban?: string | null;
  bic?: string | null;
  currency?: string;
  active?: boolean;
}

function normalizeCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(c)) throw validation('ledger.journal_code_invalid', { value: code }, [{ field: 'code', code: 'ledger.journal_code_invalid' }]);
  return c;
}

/** Checks the bank details of a financial journal and returns them normalised. */
export function checkBankDetails(input: { iban?: string | null; bic?: string | null; currency?: string }): { iban: string; bic: string; currency: string } {
  const details: ErrorDetail[] = [];
  const iban = input.iban ? electronicFormatIBAN(input.iban) ?? '' : '';
  const bic = (input.bic ?? '').replace(/\s/g, '').toUpperCase();
  const currency = (input.currency ?? 'EUR').trim().toUpperCase();
  if (!input.iban?.trim()) details.push({ field: 'iban', code: 'ledger.journal_bank_required' });
  else if (!isValidIBAN(iban)) details.push({ field: 'iban', code: 'ledger.iban_invalid', params: { value: input.iban } });
  if (!bic) details.push({ field: 'bic', code: 'ledger.journal_bank_required' });
  else if (!isValidBIC(bic)) details.push({ field: 'bic', code: 'ledger.bic_invalid', params: { value: input.bic } });
  if (!/^[A-Z]{3}$/.test(currency)) details.push({ field: 'currency', code: 'ledger.currency_invalid', params: { value: input.currency } });
  if (details.length) throw validation(details[0].code, details[0].params ?? {}, details);
  return { iban, bic, currency };
}

/** A financial journal's account must be class 5; when none is given, the next free 5500xx account is made. */
async function financialAccount(trx: Db, dossierId: number, wanted: string | null | undefined, name: string, exceptJournal?: number): Promise<string> {
  if (wanted) {
    const acc = await trx.selectFrom('account').select(['number', 'active']).where('dossier_id', '=', dossierId).where('number', '=', wanted).executeTakeFirst();
    if (!acc) throw validation('ledger.account_not_found', { account: wanted }, [{ field: 'account', code: 'ledger.account_not_found', params: { account: wanted } }]);
    if (!wanted.startsWith('5')) {
      throw validation('ledger.journal_account_not_financial', { account: wanted }, [{ field: 'account', code: 'ledger.journal_account_not_financial', params: { account: wanted } }]);
    }
    return wanted;
  }
  const used = new Set(
    (await trx.selectFrom('journal').select(['id', 'account']).where('dossier_id', '=', dossierId).where('account', 'is not', null).execute())
      .filter((j) => j.id !== exceptJournal)
      .map((j) => j.account!),
  );
  for (let i = 0; i < 100; i++) {
    const number = `55${String(i).padStart(2, '0')}00`;
    if (used.has(number)) continue;
    const exists = await trx.selectFrom('account').select('number').where('dossier_id', '=', dossierId).where('number', '=', number).executeTakeFirst();
    if (!exists) {
      await trx
        .insertInto('account')
        .values({ dossier_id: dossierId, number, name_nl: name, name_fr: name, name_en: name, type: defaultAccountType(number), reconcilable: false, default_vat_code: null })
        .execute();
    }
    return number;
  }
  throw validation('request.required', { field: 'account' }, [{ field: 'account', code: 'request.required', params: { field: 'account' } }]);
}

async function checkBankUnique(trx: Db, dossierId: number, iban: string, currency: string, exceptId?: number) {
  const other = await trx
    .selectFrom('journal')
    .select(['id', 'code'])
    .where('dossier_id', '=', dossierId)
    .where('iban', '=', iban)
    .where('currency', '=', currency)
    .executeTakeFirst();
  if (other && other.id !== exceptId) throw conflict('ledger.journal_bank_taken', { code: other.code, iban: friendlyFormatIBAN(iban), currency });
}

async function checkCodeFree(trx: Db, dossierId: number, code: string, exceptId?: number) {
  const other = await trx.selectFrom('journal').select('id').where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
  if (other && other.id !== exceptId) throw conflict('ledger.journal_code_taken', { code });
}

export async function createJournal(svc: Services, actor: Actor, dossierId: number, input: JournalInput): Promise<JournalDetail> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  const code = normalizeCode(input.code ?? '');
  const name = input.name?.trim();
  if (!name) throw validation('request.required', { field: 'name' }, [{ field: 'name', code: 'request.required', params: { field: 'name' } }]);
  const type = input.type ?? 'miscellaneous';
  const id = await svc.db.transaction().execute(async (trx) => {
    await checkCodeFree(trx, dossierId, code);
    let bank: { iban: string | null; bic: string | null; currency: string; account: string | null } = { iban: null, bic: null, currency: 'EUR', account: null };
    if (type === 'financial') {
      const details = checkBankDetails(input);
      await checkBankUnique(trx, dossierId, details.iban, details.currency);
      bank = { ...details, account: await financialAccount(trx, dossierId, input.account, name) };
    }
    const row = await trx
      .insertInto('journal')
      .values({ dossier_id: dossierId, code, name, type, ...bank, active: input.active ?? true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, actor.officeId, 'ledger.journal.create', { id: row.id, code, type }, dossierId);
    return row.id;
  });
  return getJournal(svc, actor, dossierId, id);
}

async function journalHasBookings(db: Db, dossierId: number, id: number) {
  return Boolean(await db.selectFrom('booking').select('id').where('dossier_id', '=', dossierId).where('journal_id', '=', id).limit(1).executeTakeFirst());
}

export async function updateJournal(svc: Services, actor: Actor, dossierId: number, id: number, input: JournalInput): Promise<JournalDetail> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  await svc.db.transaction().execute(async (trx) => {
    const row = await journalById(trx, dossierId, id);
    const hasBookings = await journalHasBookings(trx, dossierId, id);
    const type = input.type ?? row.type;
    if (type !== row.type && hasBookings) throw conflict('ledger.journal_type_change');
    const set: Partial<Record<string, unknown>> = {};
    if (input.code !== undefined) {
      set.code = normalizeCode(input.code);
      await checkCodeFree(trx, dossierId, set.code as string, id);
    }
    if (input.name !== undefined) {
      if (!input.name.trim()) throw validation('request.required', { field: 'name' }, [{ field: 'name', code: 'request.required', params: { field: 'name' } }]);
      set.name = input.name.trim();
    }
    if (input.active !== undefined) set.active = input.active;
    set.type = type;
    if (type === 'financial') {
      const details = checkBankDetails({
        iban: input.iban !== undefined ? input.iban : row.iban,
        bic: input.bic !== undefined ? input.bic : row.bic,
        currency: input.currency ?? row.currency,
      });
      await checkBankUnique(trx, dossierId, details.iban, details.currency, id);
      Object.assign(set, details);
      const wanted = input.account !== undefined ? input.account : row.account;
      if (wanted !== row.account && hasBookings) throw conflict('ledger.journal_type_change');
      set.account = await financialAccount(trx, dossierId, wanted, (set.name as string) ?? row.name, id);
    } else {
      Object.assign(set, { iban: null, bic: null, account: null, currency: input.currency ?? row.currency });
    }
    await trx.updateTable('journal').set(set).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, 'ledger.journal.update', { id, fields: Object.keys(input) }, dossierId);
  });
  return getJournal(svc, actor, dossierId, id);
}

export async function deleteJournal(svc: Services, actor: Actor, dossierId: number, id: number): Promise<void> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  await svc.db.transaction().execute(async (trx) => {
    const row = await journalById(trx, dossierId, id);
    if (await journalHasBookings(trx, dossierId, id)) throw conflict('ledger.journal_in_use', { code: row.code });
    await trx.deleteFrom('journal').where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, 'ledger.journal.delete', { id, code: row.code }, dossierId);
  });
}

/** Sets the first number of a journal in a fiscal year (only while it has no bookings there). */
export async function setJournalNumbering(svc: Services, actor: Actor, dossierId: number, id: number, fiscalYearId: number, nextNumber: number): Promise<JournalDetail> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  if (!Number.isSafeInteger(nextNumber) || nextNumber < 1) {
    throw validation('request.field_invalid', { field: 'nextNumber', reason: '≥ 1' }, [{ field: 'nextNumber', code: 'request.field_invalid', params: { field: 'nextNumber', reason: '≥ 1' } }]);
  }
  await svc.db.transaction().execute(async (trx) => {
    await journalById(trx, dossierId, id);
    await yearById(trx, dossierId, fiscalYearId);
    const used = await trx.selectFrom('booking').select('id').where('dossier_id', '=', dossierId).where('journal_id', '=', id).where('fiscal_year_id', '=', fiscalYearId).limit(1).executeTakeFirst();
    if (used) throw conflict('ledger.counter_locked');
    await trx
      .insertInto('journal_counter')
      .values({ dossier_id: dossierId, journal_id: id, fiscal_year_id: fiscalYearId, next_number: nextNumber })
      .onConflict((oc) => oc.columns(['dossier_id', 'journal_id', 'fiscal_year_id']).doUpdateSet({ next_number: nextNumber }))
      .execute();
    await audit(trx, actor, actor.officeId, 'ledger.journal.numbering', { id, fiscalYearId, nextNumber }, dossierId);
  });
  return getJournal(svc, actor, dossierId, id);
}
