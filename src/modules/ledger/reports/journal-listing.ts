/** Reports → Journal listing (dagboekoverzicht): the bookings of a journal with their lines and totals. */
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
  const summary = await scope.select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(amount), 0)::bigint`.as('amount')]).executeTakeFirstOrThrow();
  const bookings = await scope
    .select(['id', 'number', 'date', 'kind', 'reference', 'description', 'amount', 'relation_id', 'statement_number', 'statement_opening', 'statement_closing'])
    .select(sql<string | null>`(select r.name from relation r where r.dossier_id = booking.dossier_id and r.id = booking.relation_id)`.as('relation_name'))
    .orderBy('number')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = bookings.map((b) => b.id);
  const lines = ids.length
    ? await db
        .selectFrom('booking_line as l')
        .innerJoin('account as a', (j) => j.onRef('a.dossier_id', '=', 'l.dossier_id').onRef('a.number', '=', 'l.account'))
        .select(['l.booking_id', 'l.line_no', 'l.account', 'a.name_nl', 'a.name_fr', 'a.name_en', 'l.amount', 'l.vat_code', 'l.relation_id', 'l.description', 'l.communication'])
        .where('l.dossier_id', '=', dossierId)
        .where('l.booking_id', 'in', ids)
        .orderBy('l.booking_id')
        .orderBy('l.line_no')
        .execute()
    : [];
  const totals = await db
    .selectFrom('booking_line')
    .select([sql<number>`coalesce(sum(case when amount > 0 then amount else 0 end), 0)::bigint`.as('debit'), sql<number>`coalesce(sum(case when amount < 0 then -amount else 0 end), 0)::bigint`.as('credit')])
    .where('dossier_id', '=', dossierId)
    .where('journal_id', '=', journal.id)
    .where('fiscal_year_id', '=', year.id)
    .where('period_no', '>=', from)
    .where('period_no', '<=', to)
    .executeTakeFirstOrThrow();
  return {
    journal: { id: journal.id, code: journal.code, name: journal.name, type: journal.type },
    fiscalYearId: year.id,
    fromPeriod: from,
    toPeriod: to,
    total: summary.n,
    totals: { debit: Number(totals.debit), credit: Number(totals.credit) },
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
      relationName: b.relation_name,
      amount: b.amount,
      statementNumber: b.statement_number,
      statementOpening: b.statement_opening,
      statementClosing: b.statement_closing,
      lines: lines
        .filter((l) => l.booking_id === b.id)
        .map((l) => ({
          lineNo: l.line_no,
          account: l.account,
          accountName: accountName(l, actor.language),
          debit: l.amount > 0 ? l.amount : 0,
          credit: l.amount < 0 ? -l.amount : 0,
          vatCode: l.vat_code,
          relationId: l.relation_id,
          description: l.description ?? l.communication,
        })),
    })),
  };
}
