/**
 * Reports → Customer balances / Supplier balances: per relation, the movements on the customers
 * (400000) or suppliers (440000) account in a fiscal year and the balance — debit for what
 * customers owe, credit for what is owed to suppliers.
 */
import { sql } from 'kysely';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { fixedAccount } from '../accounts/fixed-accounts.ts';
import { yearById } from '../fiscal-years/repo.ts';

export interface RelationBalanceQuery {
  kind: 'customers' | 'suppliers';
  fiscalYearId: number;
  toPeriod?: number;
  /** only relations with a balance other than zero */
  openOnly?: boolean;
  search?: string;
}

export async function relationBalances(svc: Services, actor: Actor, dossierId: number, query: RelationBalanceQuery) {
  await requireLedger(svc.db, actor, dossierId);
  const year = await yearById(svc.db, dossierId, query.fiscalYearId);
  const account = await fixedAccount(svc.db, dossierId, query.kind);
  const to = query.toPeriod ?? 999;
  const like = query.search?.trim() ? `%${query.search.trim().toLowerCase()}%` : null;
  const { rows } = await sql<{ relation_id: number; number: string; name: string; opening: number; debit: number; credit: number; lines: number }>`
    select l.relation_id, r.number, r.name,
      sum(case when l.period_no = 0 then l.amount else 0 end)::bigint as opening,
      sum(case when l.period_no > 0 and l.amount > 0 then l.amount else 0 end)::bigint as debit,
      sum(case when l.period_no > 0 and l.amount < 0 then -l.amount else 0 end)::bigint as credit,
      count(*)::int as lines
    from booking_line l join relation r on r.dossier_id = l.dossier_id and r.id = l.relation_id
    where l.dossier_id = ${dossierId} and l.fiscal_year_id = ${year.id} and l.account = ${account} and l.relation_id is not null and l.period_no <= ${to}
      ${like ? sql`and (lower(r.name) like ${like} or lower(r.number) like ${like})` : sql``}
    group by l.relation_id, r.number, r.name
    order by lower(r.name), r.number`.execute(svc.db);
  const items = rows
    .map((r) => {
      const opening = Number(r.opening);
      const debit = Number(r.debit);
      const credit = Number(r.credit);
      return { relationId: r.relation_id, number: r.number, name: r.name, opening, debit, credit, balance: opening + debit - credit, lines: r.lines };
    })
    .filter((r) => !query.openOnly || r.balance !== 0);
  const totals = items.reduce((t, r) => ({ opening: t.opening + r.opening, debit: t.debit + r.debit, credit: t.credit + r.credit, balance: t.balance + r.balance }), { opening: 0, debit: 0, credit: 0, balance: 0 });
  return { kind: query.kind, account, fiscalYearId: year.id, items, totals };
}
