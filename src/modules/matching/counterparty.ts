/**
 * Recognising the relation of a payment by the counterparty's account: the IBAN the bank gives on a
 * statement line (CODA / camt.053) against relation.iban. Only an IBAN held by exactly one relation of
 * the dossier recognises it (two relations sharing an account recognise neither).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';

export interface IbanRelation {
  id: number;
  number: string;
  kind: 'customer' | 'supplier' | 'both';
}

/** Upper case without spaces, as relation.iban is kept. */
export const normalizeIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase();

/** IBAN → the one relation holding it (IBANs of several relations are left out). */
export async function relationsByIban(db: Db, dossierId: number, ibans?: string[]): Promise<Map<string, IbanRelation>> {
  const wanted = ibans ? [...new Set(ibans.map(normalizeIban))] : null;
  if (wanted && !wanted.length) return new Map();
  const { rows } = await sql<IbanRelation & { iban: string }>`
    select id, number, kind, upper(replace(iban, ' ', '')) as iban from relation
    where dossier_id = ${dossierId} and iban is not null and iban <> ''
      ${wanted ? sql`and upper(replace(iban, ' ', '')) = any(${wanted}::text[])` : sql``}`.execute(db);
  const out = new Map<string, IbanRelation>();
  const shared = new Set<string>();
  for (const r of rows) {
    if (out.has(r.iban)) shared.add(r.iban);
    else out.set(r.iban, { id: r.id, number: r.number, kind: r.kind });
  }
  for (const iban of shared) out.delete(iban);
  return out;
}
