/**
 * Open items: booking lines on a reconcilable account whose amount is not yet fully applied by
 * matches. Open amount = line amount − the sum its matches apply (signed cents, debit > 0). Date and
 * reference are the line's own when it has them (an invoice carried in an opening booking).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { BookingKind } from '../ledger/schema.ts';
import { bookingDisplay } from '../ledger/bookings/rules.ts';
import './schema.ts';

export interface OpenItem {
  bookingId: number;
  lineNo: number;
  account: string;
  relationId: number | null;
  relationNumber: string | null;
  relationName: string | null;
  amount: number;
  open: number;
  date: string;
  dueDate: string | null;
  structuredCommunication: string | null;
  communication: string | null;
  reference: string | null;
  bookingKind: BookingKind;
  document: string;
  fiscalYearId: number;
  /** statement lines: who paid or was paid (IBAN, name) */
  counterpartyAccount: string | null;
  counterpartyName: string | null;
  /** an item in a foreign currency: its code, amount and open amount in it (null: euro) */
  currency: string | null;
  currencyAmount: number | null;
  currencyOpen: number | null;
}

interface Row {
  booking_id: number;
  line_no: number;
  account: string;
  relation_id: number | null;
  amount: number;
  open: number;
  date: string;
  line_date: string;
  due_date: string | null;
  ogm: string | null;
  communication: string | null;
  reference: string | null;
  kind: BookingKind;
  journal_id: number;
  number: number;
  fiscal_year_id: number;
  counterparty_account: string | null;
  counterparty_name: string | null;
  currency: string | null;
  currency_amount: number | null;
  currency_open: number | null;
}

export interface OpenItemFilter {
  relationId?: number | null;
  account?: string | null;
  /** Ctrl+D: also the lines already fully matched */
  includeMatched?: boolean;
  bookingId?: number;
  /** skip the sort (automatic matching orders what it needs itself) */
  unordered?: boolean;
  /** only these lines (manual selection) */
  lines?: Array<{ bookingId: number; lineNo: number }>;
  /** several relations at once (the relations a bank import booked on); an empty list selects nothing */
  relationIds?: number[];
  /** with relationId or relationIds: also the lines without relation paid from or to these accounts (IBAN) */
  counterpartyAccounts?: string[];
  /** true: only lines of bank statements (the payments automatic matching places); false: all but those */
  payments?: boolean;
  /** only lines with one of these structured communications (their own, or their booking's on its total line) */
  ogms?: string[];
}

/**
 * A list of relations up to this size looks up the applied sums of just their lines (one index probe per
 * line); a longer one aggregates the dossier's match lines once, which is cheaper than a probe per line
 * when most of the dossier's lines are in scope. The open statement lines (`payments`) are few next to the
 * dossier's other lines: they too are probed line by line.
 */
const NARROW_RELATIONS = 50;

/** The dossier's reconcilable accounts, journal codes and fiscal-year start years (small tables), in one query. */
async function dossierLookups(db: Db, dossierId: number) {
  const { rows } = await sql<{ t: 'a' | 'j' | 'y'; k: string; v: string | null }>`
    select 'a' as t, number as k, null as v from account where dossier_id = ${dossierId} and reconcilable
    union all select 'j', id::text, code from journal where dossier_id = ${dossierId}
    union all select 'y', id::text, extract(year from start_date)::int::text from fiscal_year where dossier_id = ${dossierId}`.execute(db);
  const reconcilable: string[] = [];
  const journalCode = new Map<number, string>();
  const startYear = new Map<number, string>();
  for (const r of rows) {
    if (r.t === 'a') reconcilable.push(r.k);
    else if (r.t === 'j') journalCode.set(Number(r.k), r.v!);
    else startYear.set(Number(r.k), r.v!);
  }
  return { reconcilable, journalCode, startYear };
}

/**
 * Lines on reconcilable accounts with their open amount (only open ones unless includeMatched).
 *
 * The query joins only booking_line, booking and the applied sums of match_line; account, journal,
 * fiscal year and relation come from small look-ups joined here. A plan with more joins went wrong as
 * soon as the statistics were stale (PGlite has no autovacuum; a day's statements are not analysed yet):
 * the planner expected one row and repeated a scan of the relations and accounts per line (seconds
 * instead of milliseconds). It also sends less over the wire: names and document numbers are put
 * together here from the look-ups.
 */
export async function loadOpenItems(db: Db, dossierId: number, filter: OpenItemFilter = {}): Promise<OpenItem[]> {
  const sel = filter.lines;
  const relationIds = filter.relationId != null ? [filter.relationId] : filter.relationIds;
  if (relationIds?.length === 0 || sel?.length === 0 || filter.ogms?.length === 0) return [];
  const { reconcilable, journalCode, startYear } = await dossierLookups(db, dossierId);
  if (!reconcilable.length) return [];
  const narrow = (relationIds != null && relationIds.length <= NARROW_RELATIONS) || filter.bookingId != null || sel != null || filter.ogms != null || filter.payments === true;
  const { rows } = await sql<Row>`
    select l.booking_id, l.line_no, l.account, l.relation_id, l.amount, (l.amount - coalesce(m.applied, 0))::bigint as open,
      coalesce(l.document_date, l.date) as date, l.date as line_date, l.due_date,
      coalesce(l.structured_communication, case when l.kind = 'total' then b.structured_communication end) as ogm,
      l.communication, coalesce(l.reference, b.reference) as reference, b.kind, b.journal_id, b.number, l.fiscal_year_id, l.counterparty_account, l.counterparty_name,
      l.currency, l.currency_amount, (l.currency_amount - coalesce(m.applied_currency, 0))::bigint as currency_open
    from booking_line l
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    ${
      // The whole dossier: one aggregate over its match lines. A few relations or lines: look up the
      // applied sums of just those lines (index match_line_line_idx), not of every match of the dossier.
      narrow
        ? sql`left join lateral (select sum(ml.amount) as applied, sum(ml.currency_amount) as applied_currency from match_line ml
            where ml.dossier_id = l.dossier_id and ml.booking_id = l.booking_id and ml.line_no = l.line_no) m on true`
        : sql`left join (select booking_id, line_no, sum(amount) as applied, sum(currency_amount) as applied_currency from match_line where dossier_id = ${dossierId} group by booking_id, line_no) m
      on m.booking_id = l.booking_id and m.line_no = l.line_no`
    }
    where l.dossier_id = ${dossierId} and l.account = any(${reconcilable}::text[])
      ${
        relationIds
          ? filter.counterpartyAccounts?.length
            ? sql`and (l.relation_id = any(${relationIds}::int[]) or (l.relation_id is null and l.counterparty_account = any(${filter.counterpartyAccounts}::text[])))`
            : sql`and l.relation_id = any(${relationIds}::int[])`
          : sql``
      }
      ${filter.account ? sql`and l.account = ${filter.account}` : sql``}
      ${filter.bookingId != null ? sql`and l.booking_id = ${filter.bookingId}` : sql``}
      ${filter.payments === true ? sql`and b.kind = 'financial_statement'` : filter.payments === false ? sql`and b.kind <> 'financial_statement'` : sql``}
      ${
        filter.ogms
          ? sql`and (l.booking_id, l.line_no) in (
              select booking_id, line_no from booking_line where dossier_id = ${dossierId} and structured_communication = any(${filter.ogms}::text[])
              union all
              select tl.booking_id, tl.line_no from booking ob join booking_line tl on tl.dossier_id = ob.dossier_id and tl.booking_id = ob.id
              where ob.dossier_id = ${dossierId} and ob.structured_communication = any(${filter.ogms}::text[]) and tl.kind = 'total' and tl.structured_communication is null)`
          : sql``
      }
      ${filter.includeMatched ? sql`` : sql`and l.amount <> coalesce(m.applied, 0)`}
      ${sel ? sql`and (l.booking_id, l.line_no) in (select * from unnest(${sel.map((s) => s.bookingId)}::bigint[], ${sel.map((s) => s.lineNo)}::smallint[]))` : sql``}`.execute(db);

  const relations = new Map<number, { number: string; name: string }>();
  const ids = [...new Set(rows.map((r) => r.relation_id).filter((id): id is number => id != null))];
  if (ids.length) {
    const rels = await db.selectFrom('relation').select(['id', 'number', 'name']).where('dossier_id', '=', dossierId).where('id', '=', sql<number>`any(${ids}::int[])`).execute();
    for (const r of rels) relations.set(r.id, r);
  }
  const items = rows.map((r) => {
    const rel = r.relation_id != null ? relations.get(r.relation_id) : undefined;
    const item: OpenItem = {
      bookingId: Number(r.booking_id),
      lineNo: r.line_no,
      account: r.account,
      relationId: r.relation_id,
      relationNumber: rel?.number ?? null,
      relationName: rel?.name ?? null,
      amount: Number(r.amount),
      open: Number(r.open),
      date: r.date,
      dueDate: r.due_date,
      structuredCommunication: r.ogm,
      communication: r.communication,
      reference: r.reference,
      bookingKind: r.kind,
      document: bookingDisplay(journalCode.get(r.journal_id) ?? '?', startYear.get(r.fiscal_year_id) ?? '', r.number),
      fiscalYearId: r.fiscal_year_id,
      counterpartyAccount: r.counterparty_account,
      counterpartyName: r.counterparty_name,
      currency: r.currency,
      currencyAmount: r.currency_amount === null ? null : Number(r.currency_amount),
      currencyOpen: r.currency_open === null ? null : Number(r.currency_open),
    };
    return filter.unordered ? item : { item, lineDate: r.line_date };
  });
  if (filter.unordered) return items as OpenItem[];
  // by relation number (lines without relation last), account, line date, booking and line
  const keyed = items as Array<{ item: OpenItem; lineDate: string }>;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  keyed.sort((x, y) => {
    const a = x.item;
    const b = y.item;
    if (a.relationNumber !== b.relationNumber) return a.relationNumber == null ? 1 : b.relationNumber == null ? -1 : cmp(a.relationNumber, b.relationNumber);
    return cmp(a.account, b.account) || cmp(x.lineDate, y.lineDate) || a.bookingId - b.bookingId || a.lineNo - b.lineNo;
  });
  return keyed.map((k) => k.item);
}

/** The lines as given, with their reconcilable flag (to tell "not found" from "not reconcilable"). */
export async function findLines(db: Db, dossierId: number, lines: Array<{ bookingId: number; lineNo: number }>) {
  const { rows } = await sql<{ booking_id: number; line_no: number; account: string; reconcilable: boolean }>`
    select l.booking_id, l.line_no, l.account, a.reconcilable
    from booking_line l join account a on a.dossier_id = l.dossier_id and a.number = l.account
    where l.dossier_id = ${dossierId}
      and (l.booking_id, l.line_no) in (select * from unnest(${lines.map((s) => s.bookingId)}::bigint[], ${lines.map((s) => s.lineNo)}::smallint[]))`.execute(db);
  return rows.map((r) => ({ bookingId: Number(r.booking_id), lineNo: r.line_no, account: r.account, reconcilable: r.reconcilable }));
}
