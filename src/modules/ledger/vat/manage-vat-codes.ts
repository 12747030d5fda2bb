/** VAT codes of a dossier: list (with the rate in force at a date), (de)activate, add a dated rate. */
import { conflict, notFound, validation } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n/index.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { VAT_RATE_CHANGES, type VatCodeGrids } from '../data/vat-codes.ts';
import { checkDate } from '../fiscal-years/rules.ts';
import type { VatCodeDef } from './compute.ts';
import '../messages.ts';

export interface VatCodeView {
  code: string;
  kind: 'sales' | 'purchase';
  name: string;
  /** rate at the asked date, in basis points (2100 = 21 %), null when none applies yet */
  rateBp: number | null;
  deductiblePercent: number;
  reverseCharge: boolean;
  grids: VatCodeGrids;
  active: boolean;
  rates: Array<{ validFrom: string; rateBp: number }>;
}

const nameIn = (row: { name_nl: string; name_fr: string; name_en: string }, lang: Language) => (lang === 'fr' ? row.name_fr : lang === 'en' ? row.name_en : row.name_nl);

function rateAt(rates: Array<{ valid_from: string; rate_bp: number }>, date: string): number | null {
  let found: number | null = null;
  for (const r of rates) if (r.valid_from <= date) found = r.rate_bp; // ordered by valid_from
  return found;
}

async function load(db: Db, dossierId: number) {
  const codes = await db.selectFrom('vat_code').selectAll().where('dossier_id', '=', dossierId).orderBy('position').orderBy('code').execute();
  const rates = await db.selectFrom('vat_code_rate').select(['code', 'valid_from', 'rate_bp']).where('dossier_id', '=', dossierId).orderBy('valid_from').execute();
  return codes.map((c) => ({ ...c, rates: rates.filter((r) => r.code === c.code) }));
}

export async function listVatCodes(svc: Services, actor: Actor, dossierId: number, query: { kind?: 'sales' | 'purchase'; date?: string; active?: boolean } = {}) {
  await requireLedger(svc.db, actor, dossierId);
  const date = query.date ? checkDate(query.date, 'date') : svc.clock.now().toISOString().slice(0, 10);
  const rows = (await load(svc.db, dossierId)).filter((c) => (!query.kind || c.kind === query.kind) && (query.active === undefined || c.active === query.active));
  const items: VatCodeView[] = rows.map((c) => ({
    code: c.code,
    kind: c.kind,
    name: nameIn(c, actor.language),
    rateBp: rateAt(c.rates, date),
    deductiblePercent: c.deductible_percent,
    reverseCharge: c.reverse_charge,
    grids: c.grids,
    active: c.active,
    rates: c.rates.map((r) => ({ validFrom: r.valid_from, rateBp: r.rate_bp })),
  }));
  return { date, items, rateChanges: rateChanges(date, actor.language) };
}

/** The kinds of supply whose rate changed (1 March 2026) and the sales code to use at `date`. */
export function rateChanges(date: string, lang: Language) {
  return VAT_RATE_CHANGES.map((c) => {
    const rate = [...c.rates].reverse().find((r) => r.from <= date)!.rateBp;
    return {
      category: c.category,
      name: lang === 'fr' ? c.fr : lang === 'en' ? c.en : c.nl,
      rateBp: rate,
      salesCode: `V${String(rate / 100).padStart(2, '0')}`,
      rates: c.rates.map((r) => ({ validFrom: r.from, rateBp: r.rateBp })),
    };
  });
}

/** The codes with their rate at `date`, for computing a booking. Codes without a rate at that date are left out. */
export async function vatCodesAt(db: Db, dossierId: number, date: string): Promise<Map<string, VatCodeDef>> {
  return (await vatCodeTable(db, dossierId))(date);
}

/** Loads the codes once; the returned function gives the codes in force at a date (cached per date). */
export async function vatCodeTable(db: Db, dossierId: number): Promise<(date: string) => Map<string, VatCodeDef>> {
  const codes = await load(db, dossierId);
  const cache = new Map<string, Map<string, VatCodeDef>>();
  return (date: string) => {
    let map = cache.get(date);
    if (!map) {
      map = new Map();
      for (const c of codes) {
        const rate = rateAt(c.rates, date);
        if (rate === null || !c.active) continue;
        map.set(c.code, { code: c.code, kind: c.kind, rateBp: rate, deductiblePercent: c.deductible_percent, reverseCharge: c.reverse_charge, grids: c.grids });
      }
      cache.set(date, map);
    }
    return map;
  };
}

export async function updateVatCode(
  svc: Services,
  actor: Actor,
  dossierId: number,
  code: string,
  input: { active?: boolean; addRate?: { validFrom: string; rateBp: number } },
) {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  await svc.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('vat_code').select('code').where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
    if (!row) throw notFound('ledger.vat_code_not_found', { code });
    if (input.active !== undefined) await trx.updateTable('vat_code').set({ active: input.active }).where('dossier_id', '=', dossierId).where('code', '=', code).execute();
    if (input.addRate) {
      const from = checkDate(input.addRate.validFrom, 'addRate.validFrom');
      const bp = input.addRate.rateBp;
      if (!Number.isInteger(bp) || bp < 0 || bp > 10000) {
        throw validation('request.field_invalid', { field: 'addRate.rateBp', reason: '0–10000' }, [{ field: 'addRate.rateBp', code: 'request.field_invalid', params: { field: 'addRate.rateBp', reason: '0–10000' } }]);
      }
      const exists = await trx.selectFrom('vat_code_rate').select('code').where('dossier_id', '=', dossierId).where('code', '=', code).where('valid_from', '=', from).executeTakeFirst();
      if (exists) throw conflict('request.field_invalid', { field: 'addRate.validFrom', reason: from });
      await trx.insertInto('vat_code_rate').values({ dossier_id: dossierId, code, valid_from: from, rate_bp: bp }).execute();
    }
    await audit(trx, actor, actor.officeId, 'ledger.vat_code.update', { code, ...input }, dossierId);
  });
  const list = await listVatCodes(svc, actor, dossierId, {});
  return list.items.find((c) => c.code === code)!;
}
