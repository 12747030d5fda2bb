/**
 * Open items: booking lines on a reconcilable account whose amount is not yet fully applied by
 * matches. Open amount = line amount − the sum its matches apply (signed cents, debit > 0). Date and
 * reference are the line's own when it has them (an invoice carried in an opening booking).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { BookingKind } from '../ledger/schema.ts';
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
  relation_number: string | null;
  relation_name: string | null;
  amount: number;
  open: number;
  date: string;
  due_date: string | null;
  ogm: string | null;
  communication: string | null;
  reference: string | null;
  kind: BookingKind;
  document: string;
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
}

function toItem(r: Row): OpenItem {
  return {
    bookingId: Number(r.booking_id),
    lineNo: r.line_no,
    account: r.account,
    relationId: r.relation_id,
    relationNumber: r.relation_number,
    relationName: r.relation_name,
    amount: Number(r.amount),
    open: Number(r.open),
    date: r.date,
    dueDate: r.due_date,
    structuredCommunication: r.ogm,
    communication: r.communication,
    reference: r.reference,
    bookingKind: r.kind,
    document: r.document,
    fiscalYearId: r.fiscal_year_id,
    counterpartyAccount: r.counterparty_account,
    counterpartyName: r.counterparty_name,
    currency: r.currency,
    currencyAmount: r.currency_amount === null ? null : Number(r.currency_amount),
    currencyOpen: r.currency_open === null ? null : Number(r.currency_open),
  };
}

const documentOf = sql<string>`j.code || ' ' || extract(year from fy.start_date)::int || '/' || lpad(b.number::text, 4, '0')`;

/** Lines on reconcilable accounts with their open amount (only open ones unless includeMatched). */
export async function loadOpenItems(db: Db, dossierId: number, filter: OpenItemFilter = {}): Promise<OpenItem[]> {
  const sel = filter.lines;
  const relationIds = filter.relationId != null ? [filter.relationId] : filter.relationIds;
  const narrow = relationIds != null || filter.bookingId != null || sel != null;
  const { rows } = await sql<Row>`
    select l.booking_id, l.line_no, l.account, l.relation_id, r.number as relation_number, r.name as relation_name,
      l.amount, (l.amount - coalesce(m.applied, 0))::bigint as open, coalesce(l.document_date, l.date) as date, l.due_date,
      coalesce(l.structured_communication, case when l.kind = 'total' then b.structured_communication end) as ogm,
      l.communication, coalesce(l.reference, b.reference) as reference, b.kind, ${documentOf} as document, l.fiscal_year_id, l.counterparty_account, l.counterparty_name,
      l.currency, l.currency_amount, (l.currency_amount - coalesce(m.applied_currency, 0))::bigint as currency_open
    from booking_line l
    join account a on a.dossier_id = l.dossier_id and a.number = l.account
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    join journal j on j.dossier_id = b.dossier_id and j.id = b.journal_id
    join fiscal_year fy on fy.dossier_id = b.dossier_id and fy.id = b.fiscal_year_id
    left join relation r on r.dossier_id = l.dossier_id and r.id = l.relation_id
    ${
      // The whole dossier: one aggregate over its match lines. A few relations or lines: look up the
      // applied sums of just those lines (index match_line_line_idx), not of every match of the dossier.
      narrow
        ? sql`left join lateral (select sum(ml.amount) as applied, sum(ml.currency_amount) as applied_currency from match_line ml
            where ml.dossier_id = l.dossier_id and ml.booking_id = l.booking_id and ml.line_no = l.line_no) m on true`
        : sql`left join (select booking_id, line_no, sum(amount) as applied, sum(currency_amount) as applied_currency from match_line where dossier_id = ${dossierId} group by booking_id, line_no) m
      on m.booking_id = l.booking_id and m.line_no = l.line_no`
    }
    where l.dossier_id = ${dossierId} and a.reconcilable
      ${
        relationIds
          ? filter.counterpartyAccounts?.length
            ? sql`and (l.relation_id = any(${relationIds}::int[]) or (l.relation_id is null and l.counterparty_account = any(${filter.counterpartyAccounts}::text[])))`
            : sql`and l.relation_id = any(${relationIds}::int[])`
          : sql``
      }
      ${filter.account ? sql`and l.account = ${filter.account}` : sql``}
      ${filter.bookingId != null ? sql`and l.booking_id = ${filter.bookingId}` : sql``}
      ${filter.includeMatched ? sql`` : sql`and l.amount <> coalesce(m.applied, 0)`}
      ${sel ? sql`and (l.booking_id, l.line_no) in (select * from unnest(${sel.map((s) => s.bookingId)}::bigint[], ${sel.map((s) => s.lineNo)}::smallint[]))` : sql``}
    ${filter.unordered ? sql`` : sql`order by r.number nulls last, l.account, l.date, l.booking_id, l.line_no`}`.execute(db);
  return rows.map(toItem);
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
