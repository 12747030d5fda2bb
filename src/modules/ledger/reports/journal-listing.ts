/**
 * Reports → Journal listing (dagboekoverzicht): the bookings of a journal with their lines and totals.
 * Paged by booking number; the totals come from the bookings (their kept debit totals), the page's
 * lines and names are read by key — fast on big dossiers, with or without the database's statistics.
 */
import { sql } from 'kysely';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { accountName } from '../accounts/rules.ts';
import { bookingDisplay } from '../bookings/rules.ts';
import { yearById } from '../fiscal-years/repo.ts';
import { journalById } from '../journals/repo.ts';

export interface JournalListingQuery {
  journalId: number;
  fiscalYearId: number;
  fromPeriod?: number;
  toPeriod?: number;
  page?: number;
  pageSize?: number;
}

export async function journalListing(svc: Services, actor: Actor, dossierId: number, query: JournalListingQuery) {
  await requireLedger(svc.db, actor, dossierId);
  const db = svc.db;
  const journal = await journalById(db, dossierId, query.journalId);
  const year = await yearById(db, dossierId, query.fiscalYearId);
  const from = query.fromPeriod ?? 0;
  const to = query.toPeriod ?? 999;
  const pageSize = Math.min(Math.max(query.pageSize ?? 100, 1), 2000);
  const page = Math.max(query.page ?? 1, 1);
  const scope = db
    .selectFrom('booking')
    .where('dossier_id', '=', dossierId)
    .where('journal_id', '=', journal.id)
    .where('fiscal_year_id', '=', year.id)
    .where('period_no', '>=', from)
    .where('period_no', '<=', to);
  // count, amounts and the journal's debit total (= its credit total) from the bookings alone
  const summary = await scope
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(amount), 0)::bigint`.as('amount'), sql<number>`coalesce(sum(debit_total), 0)::bigint`.as('debit')])
    .executeTakeFirstOrThrow();
  const bookings = await scope
    .select(['id', 'number', 'date', 'kind', 'reference', 'description', 'amount', 'relation_id', 'statement_number', 'statement_opening', 'statement_closing'])
    .orderBy('number')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // the page's lines by key, then the names they show (accounts, relations) in one look-up each
  const ids = bookings.map((b) => Number(b.id));
  const lines = ids.length
    ? (
        await sql<{ booking_id: number; line_no: number; account: string; amount: number; vat_code: string | null; relation_id: number | null; description: string | null; communication: string | null }>`
          select booking_id, line_no, account, amount, vat_code, relation_id, description, communication from booking_line
          where dossier_id = ${dossierId} and booking_id = any(${ids}::bigint[]) order by booking_id, line_no`.execute(db)
      ).rows
    : [];
  const accountNumbers = [...new Set(lines.map((l) => l.account))];
  const relationIds = [...new Set([...bookings.map((b) => b.relation_id), ...lines.map((l) => l.relation_id)].filter((id): id is number => id !== null))];
  const [accounts, relations] = await Promise.all([
    accountNumbers.length
      ? sql<{ number: string; name_nl: string; name_fr: string; name_en: string }>`
          select number, name_nl, name_fr, name_en from account where dossier_id = ${dossierId} and number = any(${accountNumbers}::text[])`.execute(db)
      : { rows: [] },
    relationIds.length ? sql<{ id: number; name: string }>`select id, name from relation where dossier_id = ${dossierId} and id = any(${relationIds}::int[])`.execute(db) : { rows: [] },
  ]);
  const nameOf = new Map(accounts.rows.map((a) => [a.number, accountName(a, actor.language)]));
  const relationName = new Map(relations.rows.map((r) => [r.id, r.name]));
  const linesOf = new Map<number, typeof lines>();
  for (const l of lines) {
    const id = Number(l.booking_id);
    const list = linesOf.get(id);
    if (list) list.push(l);
    else linesOf.set(id, [l]);
  }
  return {
    journal: { id: journal.id, code: journal.code, name: journal.name, type: journal.type },
    fiscalYearId: year.id,
    fromPeriod: from,
    toPeriod: to,
    total: summary.n,
    totals: { debit: Number(summary.debit), credit: Number(summary.debit) },
    page,
    pageSize,
    bookings: bookings.map((b) => ({
      id: b.id,
      display: bookingDisplay(journal.code, year.start_date, b.number),
      number: b.number,
      date: b.date,
      kind: b.kind,
      reference: b.reference,
      description: b.description,
      relationName: b.relation_id === null ? null : (relationName.get(b.relation_id) ?? null),
      amount: b.amount,
      statementNumber: b.statement_number,
      statementOpening: b.statement_opening,
      statementClosing: b.statement_closing,
      lines: (linesOf.get(Number(b.id)) ?? []).map((l) => ({
        lineNo: l.line_no,
        account: l.account,
        accountName: nameOf.get(l.account) ?? '',
        debit: l.amount > 0 ? Number(l.amount) : 0,
        credit: l.amount < 0 ? -Number(l.amount) : 0,
        vatCode: l.vat_code,
        relationId: l.relation_id,
        description: l.description ?? l.communication,
      })),
    })),
  };
}
