/**
 * What matching shows elsewhere: a relation's ledger with each line's match (the matches it is in, its
 * open amount, matched state) and each invoice's payment status; and the payment status and open
 * amounts on a booking read through the API (registered with the ledger, which does not import matching).
 */
import { sql } from 'kysely';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { registerBookingDetail, type BookingPaymentStatus } from '../ledger/bookings/get-bookings.ts';
import type { BookingKind } from '../ledger/schema.ts';
import './messages.ts';
import { bookingDocumentSql } from '../ledger/bookings/document-sql.ts';

export type PaymentStatus = BookingPaymentStatus['status'];
export type MatchState = 'open' | 'partly_matched' | 'matched';

const INVOICE_KINDS = new Set<BookingKind>(['sales_invoice', 'sales_credit_note', 'purchase_invoice', 'purchase_credit_note']);

/** Open amount against amount: nothing applied is open, everything applied is paid. */
export function statusOf(amount: number, open: number): PaymentStatus {
  return open === 0 ? 'paid' : open === amount ? 'open' : 'partly_paid';
}
const stateOf = (amount: number, open: number): MatchState => (open === 0 ? 'matched' : open === amount ? 'open' : 'partly_matched');

interface LineRow {
  booking_id: number;
  line_no: number;
  account: string;
  amount: number;
  open: number;
  match_ids: number[] | null;
}

/** The lines of bookings on reconcilable accounts with what their matches leave open. */
async function matchedLines(db: Db, dossierId: number, where: { bookingId?: number; relationId?: number; account?: string; fiscalYearId?: number }) {
  const { rows } = await sql<LineRow & {
    date: string; due_date: string | null; kind: BookingKind; document: string; reference: string | null; communication: string | null; description: string | null; fiscal_year_id: number;
  }>`
    select l.booking_id, l.line_no, l.account, l.amount, (l.amount - coalesce(m.applied, 0))::bigint as open, m.match_ids,
      coalesce(l.document_date, l.date) as date, l.due_date, b.kind, ${bookingDocumentSql()} as document,
      coalesce(l.reference, b.reference) as reference, l.communication, coalesce(l.description, b.description) as description, l.fiscal_year_id
    from booking_line l
    join account a on a.dossier_id = l.dossier_id and a.number = l.account and a.reconcilable
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    join journal j on j.dossier_id = b.dossier_id and j.id = b.journal_id
    join fiscal_year fy on fy.dossier_id = b.dossier_id and fy.id = b.fiscal_year_id
    left join (
      select booking_id, line_no, sum(amount) as applied, array_agg(distinct match_id order by match_id) as match_ids
      from match_line where dossier_id = ${dossierId}
        ${where.bookingId != null ? sql`and booking_id = ${where.bookingId}` : sql``}
      group by booking_id, line_no
    ) m on m.booking_id = l.booking_id and m.line_no = l.line_no
    where l.dossier_id = ${dossierId}
      ${where.bookingId != null ? sql`and l.booking_id = ${where.bookingId}` : sql``}
      ${where.relationId != null ? sql`and l.relation_id = ${where.relationId}` : sql``}
      ${where.account ? sql`and l.account = ${where.account}` : sql``}
      ${where.fiscalYearId != null ? sql`and l.fiscal_year_id = ${where.fiscalYearId}` : sql``}
    order by l.account, l.date, l.booking_id, l.line_no`.execute(db);
  return rows.map((r) => ({ ...r, booking_id: Number(r.booking_id), amount: Number(r.amount), open: Number(r.open), match_ids: (r.match_ids ?? []).map(Number) }));
}

/** An invoice's payment status: its lines on reconcilable accounts, open against amount (null: none). */
export async function paymentStatusOf(db: Db, dossierId: number, bookingId: number): Promise<BookingPaymentStatus | null> {
  const lines = await matchedLines(db, dossierId, { bookingId });
  if (!lines.length) return null;
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const open = lines.reduce((s, l) => s + l.open, 0);
  return { status: statusOf(amount, open), amount, open, matchIds: [...new Set(lines.flatMap((l) => l.match_ids))].sort((a, b) => a - b) };
}

registerBookingDetail(async (db, dossierId, view) => {
  const lines = await matchedLines(db, dossierId, { bookingId: view.id });
  for (const l of lines) {
    const line = view.lines.find((x) => x.lineNo === l.line_no);
    if (line) Object.assign(line, { open: l.open, matchIds: l.match_ids });
  }
  if (!INVOICE_KINDS.has(view.kind)) return;
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const open = lines.reduce((s, l) => s + l.open, 0);
  view.paymentStatus = lines.length ? { status: statusOf(amount, open), amount, open, matchIds: [...new Set(lines.flatMap((l) => l.match_ids))].sort((a, b) => a - b) } : null;
});

export interface RelationLedgerLine {
  bookingId: number;
  lineNo: number;
  account: string;
  document: string;
  bookingKind: BookingKind;
  date: string;
  dueDate: string | null;
  reference: string | null;
  communication: string | null;
  description: string | null;
  amount: number;
  open: number;
  /** running balance of the relation on this account */
  balance: number;
  /** the matches this line is in (Ctrl+←/→ and F4 go there) */
  matchIds: number[];
  state: MatchState;
  /** lines of invoices and credit notes (and open items carried in an opening booking): open, partly paid, paid */
  paymentStatus: PaymentStatus | null;
}

/** A relation's ledger on its reconcilable accounts (400000 / 440000 …), each line with its match. */
export async function relationLedger(svc: Services, actor: Actor, dossierId: number, query: { relationId: number; account?: string; fiscalYearId?: number }) {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const relation = await svc.db.selectFrom('relation').select(['id', 'number', 'name']).where('dossier_id', '=', dossierId).where('id', '=', query.relationId).executeTakeFirst();
  if (!relation) throw notFound('matching.relation_not_found', { relation: query.relationId });
  const rows = await matchedLines(svc.db, dossierId, query);
  // an invoice's status counts all its lines of the relation (a booking may hold more than one)
  const perBooking = new Map<number, { amount: number; open: number }>();
  for (const r of rows) {
    const t = perBooking.get(r.booking_id) ?? { amount: 0, open: 0 };
    t.amount += r.amount;
    t.open += r.open;
    perBooking.set(r.booking_id, t);
  }
  const balances = new Map<string, number>();
  const items: RelationLedgerLine[] = rows.map((r) => {
    const balance = (balances.get(r.account) ?? 0) + r.amount;
    balances.set(r.account, balance);
    const t = perBooking.get(r.booking_id)!;
    const paymentStatus = INVOICE_KINDS.has(r.kind) ? statusOf(t.amount, t.open) : r.kind === 'opening' ? statusOf(r.amount, r.open) : null;
    return {
      bookingId: r.booking_id, lineNo: r.line_no, account: r.account, document: r.document, bookingKind: r.kind, date: r.date, dueDate: r.due_date,
      reference: r.reference, communication: r.communication, description: r.description, amount: r.amount, open: r.open, balance,
      matchIds: r.match_ids, state: stateOf(r.amount, r.open), paymentStatus,
    };
  });
  return {
    relation: { id: relation.id, number: relation.number, name: relation.name },
    items,
    totals: { amount: items.reduce((s, i) => s + i.amount, 0), open: items.reduce((s, i) => s + i.open, 0) },
  };
}
