/**
 * What a dossier's ledger starts with: the Belgian chart of accounts, the fixed accounts, the default
 * journals (Purchase, Sales, Miscellaneous, Opening), the VAT codes and the periods of its fiscal
 * years. Runs in the transaction that creates the dossier (registered with the dossier module), and
 * once, lazily, for a dossier made before the ledger existed. Idempotent.
 */
import type { Db } from '../../db/index.ts';
import type { Language } from '../../core/i18n/index.ts';
import { FIXED_ROLES } from './accounts/rules.ts';
import { BELGIAN_CHART, CHART_VERSION } from './data/chart.ts';
import { BELGIAN_VAT_CODES } from './data/vat-codes.ts';
import { buildPeriods } from './fiscal-years/rules.ts';
import type { JournalType } from './schema.ts';

const DEFAULT_JOURNALS: Record<Language, Array<{ code: string; name: string; type: JournalType }>> = {
  nl: [
    { code: 'AK', name: 'Aankopen', type: 'purchase' },
    { code: 'VK', name: 'Verkopen', type: 'sales' },
    { code: 'DIV', name: 'Diverse verrichtingen', type: 'miscellaneous' },
    { code: 'OPN', name: 'Opening', type: 'opening' },
  ],
  fr: [
    { code: 'ACH', name: 'Achats', type: 'purchase' },
    { code: 'VEN', name: 'Ventes', type: 'sales' },
    { code: 'OD', name: 'Opérations diverses', type: 'miscellaneous' },
    { code: 'OUV', name: 'Ouverture', type: 'opening' },
  ],
  en: [
    { code: 'PUR', name: 'Purchases', type: 'purchase' },
    { code: 'SAL', name: 'Sales', type: 'sales' },
    { code: 'MISC', name: 'Miscellaneous', type: 'miscellaneous' },
    { code: 'OPEN', name: 'Opening', type: 'opening' },
  ],
};

export async function setUpDossierLedger(trx: Db, dossierId: number): Promise<void> {
  const marked = await trx
    .insertInto('dossier_ledger')
    .values({ dossier_id: dossierId, chart_version: CHART_VERSION })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning('dossier_id')
    .executeTakeFirst();
  if (!marked) return;

  await trx
    .insertInto('account')
    .values(
      BELGIAN_CHART.map(([number, nl, fr, en, type, reconcilable]) => ({
        dossier_id: dossierId,
        number,
        name_nl: nl,
        name_fr: fr,
        name_en: en,
        type,
        reconcilable,
        default_vat_code: null,
      })),
    )
    .onConflict((oc) => oc.columns(['dossier_id', 'number']).doNothing())
    .execute();

  await trx
    .insertInto('fixed_account')
    .values(FIXED_ROLES.map((r) => ({ dossier_id: dossierId, role: r.role, account: r.account })))
    .onConflict((oc) => oc.columns(['dossier_id', 'role']).doNothing())
    .execute();

  const dossier = await trx.selectFrom('dossier').select('language').where('id', '=', dossierId).executeTakeFirstOrThrow();
  const existing = await trx.selectFrom('journal').select('type').where('dossier_id', '=', dossierId).execute();
  const journals = DEFAULT_JOURNALS[dossier.language].filter((j) => !existing.some((e) => e.type === j.type));
  if (journals.length) {
    await trx
      .insertInto('journal')
      .values(journals.map((j) => ({ dossier_id: dossierId, code: j.code, name: j.name, type: j.type, account: null, iban: null, bic: null })))
      .execute();
  }

  await trx
    .insertInto('vat_code')
    .values(
      BELGIAN_VAT_CODES.map((c, i) => ({
        dossier_id: dossierId,
        code: c.code,
        kind: c.kind,
        name_nl: c.nl,
        name_fr: c.fr,
        name_en: c.en,
        deductible_percent: c.deductiblePercent,
        reverse_charge: c.reverseCharge,
        grids: JSON.stringify(c.grids),
        position: i + 1,
      })),
    )
    .onConflict((oc) => oc.columns(['dossier_id', 'code']).doNothing())
    .execute();
  await trx
    .insertInto('vat_code_rate')
    .values(BELGIAN_VAT_CODES.flatMap((c) => c.rates.map((r) => ({ dossier_id: dossierId, code: c.code, valid_from: r.from, rate_bp: r.rateBp }))))
    .onConflict((oc) => oc.columns(['dossier_id', 'code', 'valid_from']).doNothing())
    .execute();

  await ensurePeriods(trx, dossierId);
}

/** Creates the periods of every fiscal year of the dossier that has none. */
export async function ensurePeriods(trx: Db, dossierId: number): Promise<void> {
  const years = await trx
    .selectFrom('fiscal_year')
    .select(['id', 'start_date', 'end_date'])
    .where('dossier_id', '=', dossierId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fiscal_period').select('period_no').whereRef('fiscal_period.dossier_id', '=', 'fiscal_year.dossier_id').whereRef('fiscal_period.fiscal_year_id', '=', 'fiscal_year.id'))))
    .execute();
  for (const y of years) await writePeriods(trx, dossierId, y.id, y.start_date, y.end_date);
}

export async function writePeriods(trx: Db, dossierId: number, fiscalYearId: number, start: string, end: string, closed = new Set<number>()): Promise<void> {
  await trx.deleteFrom('fiscal_period').where('dossier_id', '=', dossierId).where('fiscal_year_id', '=', fiscalYearId).execute();
  await trx
    .insertInto('fiscal_period')
    .values(
      buildPeriods(start, end).map((p) => ({
        dossier_id: dossierId,
        fiscal_year_id: fiscalYearId,
        period_no: p.periodNo,
        kind: p.kind,
        start_date: p.startDate,
        end_date: p.endDate,
        closed: closed.has(p.periodNo),
      })),
    )
    .execute();
}
