/**
 * Bank → CODA mandates: one per financial journal. An internal mandate is requested through Argonaut
 * (status requested, active once the bank delivers — set by hand or by the first file imported from the
 * bank inbox); an external mandate was arranged through a third party and is active from the start.
 * The detail keeps the bank, the address that receives import errors and "link PDF statement in DMS"
 * (kept for the documents capability). A mandate needs the dossier's bank module; requesting it is free.
 */
import { friendlyFormatIBAN } from 'ibantools';
import { conflict, notFound, validation } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { audit } from '../users/manage-users.ts';
import { CODA_BANKS, type CodaBank } from './mandates-schema.ts';
import './mandates-messages.ts';

export { CODA_BANKS, type CodaBank };

/** The banks' names as users know them (proper names: the same in every language). */
export const CODA_BANK_NAMES: Record<CodaBank, string> = {
  axa: 'AXA',
  van_breda: 'Bank van Breda',
  belfius: 'Belfius',
  beobank: 'Beobank',
  bnp_paribas_fortis: 'BNP Paribas Fortis',
  bpost: 'bpost bank',
  cbc: 'CBC',
  cph: 'CPH',
  crelan: 'Crelan',
  ing: 'ING',
  kbc: 'KBC',
  nagelmackers: 'Nagelmackers',
};

/** The bank of a journal's BIC (first eight characters), to propose it when a mandate is requested. */
const BIC_BANKS: Record<string, CodaBank> = {
  AXABBE22: 'axa',
  JVBABE22: 'van_breda',
  GKCCBEBB: 'belfius',
  CTBKBEBX: 'beobank',
  GEBABEBB: 'bnp_paribas_fortis',
  BPOTBEB1: 'bpost',
  CREGBEBB: 'cbc',
  CPHBBE75: 'cph',
  NICABEBB: 'crelan',
  BBRUBEBB: 'ing',
  KREDBEBB: 'kbc',
  BNAGBEBB: 'nagelmackers',
};
export const bankOfBic = (bic: string | null | undefined): CodaBank | null => (bic ? BIC_BANKS[bic.toUpperCase().slice(0, 8)] ?? null : null);

export interface MandateView {
  id: number;
  journalId: number;
  journalCode: string;
  journalName: string;
  iban: string;
  ibanDisplay: string;
  currency: string;
  kind: 'internal' | 'external';
  status: 'requested' | 'active';
  bank: CodaBank;
  bankName: string;
  errorEmail: string | null;
  linkPdfInDms: boolean;
  requestedAt: string;
  activatedAt: string | null;
}

export interface MandateInput {
  journalId: number;
  kind: 'internal' | 'external';
  bank?: CodaBank | null;
  errorEmail?: string | null;
  linkPdfInDms?: boolean;
}
export type MandateChanges = Partial<Pick<MandateInput, 'bank' | 'errorEmail' | 'linkPdfInDms'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(value: string | null | undefined): string | null {
  const email = value?.trim() || null;
  if (email && !EMAIL.test(email)) throw validation('mandate.email_invalid', { value: email }, [{ field: 'errorEmail', code: 'mandate.email_invalid', params: { value: email } }]);
  return email;
}
function checkBank(value: string | null | undefined): CodaBank {
  if (!value || !(CODA_BANKS as readonly string[]).includes(value)) throw validation('mandate.bank_unknown', {}, [{ field: 'bank', code: 'mandate.bank_unknown' }]);
  return value as CodaBank;
}

function listQuery(db: Db, dossierId: number) {
  return db
    .selectFrom('coda_mandate as m')
    .innerJoin('journal as j', (join) => join.onRef('j.dossier_id', '=', 'm.dossier_id').onRef('j.id', '=', 'm.journal_id'))
    .select([
      'm.id', 'm.journal_id', 'm.kind', 'm.status', 'm.bank', 'm.error_email', 'm.link_pdf_in_dms', 'm.requested_at', 'm.activated_at',
      'j.code as journal_code', 'j.name as journal_name', 'j.iban', 'j.currency',
    ])
    .where('m.dossier_id', '=', dossierId);
}
type Row = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

function toView(r: Row): MandateView {
  const iban = r.iban ?? '';
  return {
    id: r.id,
    journalId: r.journal_id,
    journalCode: r.journal_code,
    journalName: r.journal_name,
    iban,
    ibanDisplay: friendlyFormatIBAN(iban) ?? iban,
    currency: r.currency,
    kind: r.kind,
    status: r.status,
    bank: r.bank,
    bankName: CODA_BANK_NAMES[r.bank],
    errorEmail: r.error_email,
    linkPdfInDms: r.link_pdf_in_dms,
    requestedAt: new Date(r.requested_at).toISOString(),
    activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
  };
}

export async function listMandates(svc: Services, actor: Actor, dossierId: number): Promise<MandateView[]> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const rows = await listQuery(svc.db, dossierId).orderBy('j.code').execute();
  return rows.map(toView);
}

export async function getMandate(svc: Services, actor: Actor, dossierId: number, id: number): Promise<MandateView> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const row = await listQuery(svc.db, dossierId).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('mandate.not_found', { id });
  return toView(row);
}

export async function requestMandate(svc: Services, actor: Actor, dossierId: number, input: MandateInput): Promise<MandateView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const id = await svc.db.transaction().execute(async (trx) => {
    const dossier = await trx.selectFrom('dossier').select(['name', 'module_bank', 'email']).where('id', '=', dossierId).executeTakeFirstOrThrow();
    if (!dossier.module_bank) throw validation('mandate.bank_module_off', { dossier: dossier.name }, [{ field: 'modules.bank', code: 'mandate.bank_module_off', params: { dossier: dossier.name } }]);
    const journal = await trx
      .selectFrom('journal')
      .select(['id', 'code', 'type', 'iban', 'bic'])
      .where('dossier_id', '=', dossierId)
      .where('id', '=', input.journalId)
      .executeTakeFirst();
    if (!journal) throw validation('mandate.journal_not_found', { journal: input.journalId }, [{ field: 'journalId', code: 'mandate.journal_not_found' }]);
    if (journal.type !== 'financial' || !journal.iban || !journal.bic) {
      throw validation('mandate.journal_not_financial', { journal: journal.code }, [{ field: 'journalId', code: 'mandate.journal_not_financial', params: { journal: journal.code } }]);
    }
    const bank = checkBank(input.bank ?? bankOfBic(journal.bic));
    const errorEmail = checkEmail(input.errorEmail) ?? checkEmail(dossier.email);
    if (!errorEmail) throw validation('mandate.email_required', {}, [{ field: 'errorEmail', code: 'mandate.email_required' }]);
    const exists = await trx.selectFrom('coda_mandate').select('id').where('dossier_id', '=', dossierId).where('journal_id', '=', journal.id).executeTakeFirst();
    if (exists) throw conflict('mandate.exists', { journal: journal.code });
    const now = svc.clock.now();
    const row = await trx
      .insertInto('coda_mandate')
      .values({
        dossier_id: dossierId,
        journal_id: journal.id,
        kind: input.kind,
        status: input.kind === 'external' ? 'active' : 'requested',
        bank,
        error_email: errorEmail,
        link_pdf_in_dms: input.linkPdfInDms ?? false,
        requested_at: now,
        activated_at: input.kind === 'external' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, actor.officeId, 'banking.mandate_requested', { journal: journal.code, kind: input.kind, bank }, dossierId);
    return row.id;
  });
  return getMandate(svc, actor, dossierId, id);
}

export async function updateMandate(svc: Services, actor: Actor, dossierId: number, id: number, changes: MandateChanges): Promise<MandateView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const current = await svc.db.selectFrom('coda_mandate').select('id').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('mandate.not_found', { id });
  const set: { bank?: CodaBank; error_email?: string; link_pdf_in_dms?: boolean } = {};
  if (changes.bank !== undefined) set.bank = checkBank(changes.bank);
  if (changes.errorEmail !== undefined) {
    const email = checkEmail(changes.errorEmail);
    if (!email) throw validation('mandate.email_required', {}, [{ field: 'errorEmail', code: 'mandate.email_required' }]);
    set.error_email = email;
  }
  if (changes.linkPdfInDms !== undefined) set.link_pdf_in_dms = changes.linkPdfInDms;
  if (Object.keys(set).length) {
    await svc.db.updateTable('coda_mandate').set(set).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(svc.db, actor, actor.officeId, 'banking.mandate_changed', { id, ...changes }, dossierId);
  }
  return getMandate(svc, actor, dossierId, id);
}

/** The bank confirmed the mandate: a requested internal mandate becomes active. */
export async function activateMandate(svc: Services, actor: Actor, dossierId: number, id: number): Promise<MandateView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const current = await svc.db.selectFrom('coda_mandate').select(['status']).where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('mandate.not_found', { id });
  if (current.status !== 'requested') throw conflict('mandate.not_requested', {});
  await svc.db.updateTable('coda_mandate').set({ status: 'active', activated_at: svc.clock.now() }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
  await audit(svc.db, actor, actor.officeId, 'banking.mandate_activated', { id }, dossierId);
  return getMandate(svc, actor, dossierId, id);
}

export async function deleteMandate(svc: Services, actor: Actor, dossierId: number, id: number): Promise<void> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const deleted = await svc.db.deleteFrom('coda_mandate').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound('mandate.not_found', { id });
  await audit(svc.db, actor, actor.officeId, 'banking.mandate_deleted', { id }, dossierId);
}

/** The mandate of a journal (for the inbox: who receives import errors), or null. */
export async function mandateOfJournal(db: Db, dossierId: number, journalId: number) {
  return (
    (await db
      .selectFrom('coda_mandate')
      .select(['id', 'status', 'error_email', 'kind'])
      .where('dossier_id', '=', dossierId)
      .where('journal_id', '=', journalId)
      .executeTakeFirst()) ?? null
  );
}
