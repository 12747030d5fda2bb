/** Reading bookings: the list (search, filters, paging — also the Ctrl+H history), one booking, a copy as new. */
import { sql } from 'kysely';
import { notFound } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n/index.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { accountName } from '../accounts/rules.ts';
import { formatCents } from '../money.ts';
import type { BookingKind } from '../schema.ts';
import type { BookingInput } from './prepare.ts';
import { bookingDisplay } from './rules.ts';

export interface BookingListQuery {
  fiscalYearId?: number;
  journalId?: number;
  kind?: BookingKind;
  relationId?: number;
  account?: string;
  from?: string;
  to?: string;
  search?: string;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface BookingListItem {
  id: number;
  display: string;
  journalId: number;
  journalCode: string;
  fiscalYearId: number;
  number: number;
  kind: BookingKind;
  date: string;
  documentDate: string | null;
  dueDate: string | null;
  relationId: number | null;
  relationName: string | null;
  reference: string | null;
  description: string | null;
  amount: number;
  reversesBookingId: number | null;
  reversedByBookingId: number | null;
  origin: string | null;
}

function baseQuery(db: Db, dossierId: number) {
  return db
    .selectFrom('booking as b')
    .innerJoin('journal as j', (join) => join.onRef('j.dossier_id', '=', 'b.dossier_id').onRef('j.id', '=', 'b.journal_id'))
    .innerJoin('fiscal_year as y', (join) => join.onRef('y.dossier_id', '=', 'b.dossier_id').onRef('y.id', '=', 'b.fiscal_year_id'))
    .where('b.dossier_id', '=', dossierId);
}

const listColumns = [
  'b.id',
  'b.journal_id',
  'j.code as journal_code',
  'y.start_date as year_start',
  'b.fiscal_year_id',
  'b.number',
  'b.kind',
  'b.date',
  'b.document_date',
  'b.due_date',
  'b.relation_id',
  'b.reference',
  'b.description',
  'b.amount',
  'b.reverses_booking_id',
  'b.origin',
] as const;

type ListRow = {
  id: number;
  journal_id: number;
  journal_code: string;
  year_start: string;
  fiscal_year_id: number;
  number: number;
  kind: BookingKind;
  date: string;
  document_date: string | null;
  due_date: string | null;
  relation_id: number | null;
  relation_name: string | null;
  reference: string | null;
  description: string | null;
  amount: number;
  reverses_booking_id: number | null;
  reversed_by: number | null;
  origin: string | null;
};

function item(r: ListRow): BookingListItem {
  return {
    id: r.id,
    display: bookingDisplay(r.journal_code, r.year_start, r.number),
    journalId: r.journal_id,
    journalCode: r.journal_code,
    fiscalYearId: r.fiscal_year_id,
    number: r.number,
    kind: r.kind,
    date: r.date,
    documentDate: r.document_date,
    dueDate: r.due_date,
    relationId: r.relation_id,
    relationName: r.relation_name,
    reference: r.reference,
    description: r.description,
    amount: r.amount,
    reversesBookingId: r.reverses_booking_id,
    reversedByBookingId: r.reversed_by,
    origin: r.origin,
  };
}

const relationName = sql<string | null>`(select r.name from relation r where r.dossier_id = b.dossier_id and r.id = b.relation_id)`;
const reversedBy = sql<number | null>`(select x.id from booking x where x.dossier_id = b.dossier_id and x.reverses_booking_id = b.id)`;

export async function listBookings(svc: Services, actor: Actor, dossierId: number, query: BookingListQuery = {}) {
  await requireLedger(svc.db, actor, dossierId);
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 1000);
  const page = Math.max(query.page ?? 1, 1);
  let q = baseQuery(svc.db, dossierId);
  if (query.fiscalYearId !== undefined) q = q.where('b.fiscal_year_id', '=', query.fiscalYearId);
  if (query.journalId !== undefined) q = q.where('b.journal_id', '=', query.journalId);
  if (query.kind) q = q.where('b.kind', '=', query.kind);
  if (query.from) q = q.where('b.date', '>=', query.from);
  if (query.to) q = q.where('b.date', '<=', query.to);
  // Relation and account (Ctrl+H): the bookings are first found from their side, by index — the
  // relation's bookings and lines (booking_relation_idx, booking_line_relation_idx), the account's lines
  // per fiscal year (booking_line_account_idx) — and the list then reads those bookings by key. A check
  // of every booking of the dossier (or a plan that does one: right after a large import the database
  // has no statistics) took 14 s for a relation of a dossier with 200,000 bookings.
  let ids: number[] | undefined;
  const narrow = (found: Array<{ id: number }>) => {
    const these = new Set(found.map((r) => Number(r.id)));
    ids = ids ? ids.filter((id) => these.has(id)) : [...these];
  };
  if (query.relationId !== undefined) {
    const rid = query.relationId;
    narrow(
      (
        await sql<{ id: number }>`select l.booking_id as id from booking_line l where l.dossier_id = ${dossierId} and l.relation_id = ${rid}
          union select x.id from booking x where x.dossier_id = ${dossierId} and x.relation_id = ${rid}`.execute(svc.db)
      ).rows,
    );
  }
  if (query.account) {
    const years = (await svc.db.selectFrom('fiscal_year').select('id').where('dossier_id', '=', dossierId).execute()).map((y) => y.id);
    narrow(
      (
        await sql<{ id: number }>`select distinct l.booking_id as id from booking_line l
          where l.dossier_id = ${dossierId} and l.fiscal_year_id = any(${years}::int[]) and l.account = ${query.account}`.execute(svc.db)
      ).rows,
    );
  }
  if (ids !== undefined) {
    if (!ids.length) return { items: [], total: 0, page, pageSize };
    q = q.where(sql<boolean>`b.id = any(${ids}::bigint[])`);
  }
  if (query.search?.trim()) {
    const s = query.search.trim().toLowerCase();
    const like = `%${s}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(coalesce(b.reference, ''))`, 'like', like),
        eb(sql`lower(coalesce(b.description, ''))`, 'like', like),
        eb(sql`lower(coalesce(b.statement_number, ''))`, 'like', like),
        ...(/^\d+$/.test(s) ? [eb('b.number', '=', Number(s))] : []),
        eb.exists(eb.selectFrom('relation as r').select('r.id').whereRef('r.dossier_id', '=', 'b.dossier_id').whereRef('r.id', '=', 'b.relation_id').where(sql`lower(r.name)`, 'like', like)),
      ]),
    );
  }
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const dir = query.direction ?? 'desc';
  const rows = await q
    .select([...listColumns, relationName.as('relation_name'), reversedBy.as('reversed_by')])
    .orderBy('b.date', dir)
    .orderBy('b.journal_id')
    .orderBy('b.number', dir)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((r) => item(r as ListRow)), total, page, pageSize };
}

export interface BookingLineView {
  lineNo: number;
  account: string;
  accountName: string;
  relationId: number | null;
  relationName: string | null;
  amount: number;
  debit: string | null;
  credit: string | null;
  kind: string;
  vatCode: string | null;
  vatBase: number | null;
  dueDate: string | null;
  /** the line's own document (open items of an opening booking) */
  reference: string | null;
  documentDate: string | null;
  description: string | null;
  communication: string | null;
  structuredCommunication: string | null;
  counterpartyAccount: string | null;
  counterpartyName: string | null;
  /** a line in a foreign currency: code and amount in it (cents, signed like amount) */
  currency: string | null;
  currencyAmount: number | null;
  /** lines on a reconcilable account, filled in by matching: the amount still open and the matches */
  open?: number;
  matchIds?: number[];
}

/** An invoice's payment status, filled in by matching (registerBookingDetail). */
export interface BookingPaymentStatus {
  status: 'open' | 'partly_paid' | 'paid';
  amount: number;
  open: number;
  matchIds: number[];
}

export interface BookingView extends BookingListItem {
  periodNo: number;
  structuredCommunication: string | null;
  statementNumber: string | null;
  statementOpening: number | null;
  statementClosing: number | null;
  createdAt: string;
  lines: BookingLineView[];
  vatGrids: Record<string, number>;
  /** Ctrl+− / Ctrl++: the previous and next booking of the same journal and fiscal year */
  previousId: number | null;
  nextId: number | null;
  /** invoices and credit notes: open, partly paid or paid, from their matches */
  paymentStatus?: BookingPaymentStatus | null;
}

/** What another capability adds to a booking read through the API (matching: payment status, open amounts). */
export type BookingDetail = (db: Db, dossierId: number, view: BookingView) => Promise<void>;
const bookingDetails: BookingDetail[] = [];
export function registerBookingDetail(detail: BookingDetail): void {
  bookingDetails.push(detail);
}

export async function loadBooking(db: Db, dossierId: number, id: number, lang: Language): Promise<BookingView> {
  const b = await baseQuery(db, dossierId)
    .select([
      ...listColumns,
      relationName.as('relation_name'),
      reversedBy.as('reversed_by'),
      'b.period_no',
      'b.structured_communication',
      'b.statement_number',
      'b.statement_opening',
      'b.statement_closing',
      'b.created_at',
      'b.vat_grids',
    ])
    .where('b.id', '=', id)
    .executeTakeFirst();
  if (!b) throw notFound('ledger.booking_not_found', { id });
  const lines = await db
    .selectFrom('booking_line as l')
    .innerJoin('account as a', (j) => j.onRef('a.dossier_id', '=', 'l.dossier_id').onRef('a.number', '=', 'l.account'))
    .select([
      'l.line_no',
      'l.account',
      'a.name_nl',
      'a.name_fr',
      'a.name_en',
      'l.relation_id',
      sql<string | null>`(select r.name from relation r where r.dossier_id = l.dossier_id and r.id = l.relation_id)`.as('relation_name'),
      'l.amount',
      'l.kind',
      'l.vat_code',
      'l.vat_base',
      'l.due_date',
      'l.reference',
      'l.document_date',
      'l.description',
      'l.communication',
      'l.structured_communication',
      'l.counterparty_account',
      'l.counterparty_name',
      'l.currency',
      'l.currency_amount',
    ])
    .where('l.dossier_id', '=', dossierId)
    .where('l.booking_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  const neighbours = await sql<{ prev: number | null; next: number | null }>`
    select (select id from booking where dossier_id = ${dossierId} and journal_id = ${b.journal_id} and fiscal_year_id = ${b.fiscal_year_id} and number < ${b.number} order by number desc limit 1) as prev,
           (select id from booking where dossier_id = ${dossierId} and journal_id = ${b.journal_id} and fiscal_year_id = ${b.fiscal_year_id} and number > ${b.number} order by number limit 1) as next`.execute(db);
  return {
    ...item(b as unknown as ListRow),
    periodNo: b.period_no,
    structuredCommunication: b.structured_communication,
    statementNumber: b.statement_number,
    statementOpening: b.statement_opening,
    statementClosing: b.statement_closing,
    createdAt: new Date(b.created_at).toISOString(),
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      account: l.account,
      accountName: accountName(l, lang),
      relationId: l.relation_id,
      relationName: l.relation_name,
      amount: l.amount,
      debit: l.amount > 0 ? formatCents(l.amount) : null,
      credit: l.amount < 0 ? formatCents(-l.amount) : null,
      kind: l.kind,
      vatCode: l.vat_code,
      vatBase: l.vat_base,
      dueDate: l.due_date,
      reference: l.reference,
      documentDate: l.document_date,
      description: l.description,
      communication: l.communication,
      structuredCommunication: l.structured_communication,
      counterpartyAccount: l.counterparty_account,
      counterpartyName: l.counterparty_name,
      currency: l.currency,
      currencyAmount: l.currency_amount,
    })),
    vatGrids: Object.fromEntries(Object.entries(b.vat_grids ?? {}).sort(([a], [c]) => a.localeCompare(c))),
    previousId: neighbours.rows[0].prev === null ? null : Number(neighbours.rows[0].prev),
    nextId: neighbours.rows[0].next === null ? null : Number(neighbours.rows[0].next),
  };
}

export async function getBooking(svc: Services, actor: Actor, dossierId: number, id: number): Promise<BookingView> {
  await requireLedger(svc.db, actor, dossierId);
  const view = await loadBooking(svc.db, dossierId, id, actor.language);
  for (const detail of bookingDetails) await detail(svc.db, dossierId, view);
  return view;
}

/**
 * Copy as new (Ctrl+Alt+N): the input of a new booking with the same journal, relation, lines and
 * amounts, for the screen to fill in (and post after changing what differs).
 */
export async function copyBooking(svc: Services, actor: Actor, dossierId: number, id: number): Promise<BookingInput> {
  await requireLedger(svc.db, actor, dossierId);
  const b = await loadBooking(svc.db, dossierId, id, actor.language);
  switch (b.kind) {
    case 'purchase_invoice':
    case 'purchase_credit_note':
    case 'sales_invoice':
    case 'sales_credit_note':
      return {
        type: b.kind,
        journalId: b.journalId,
        date: b.date,
        documentDate: b.documentDate,
        relationId: b.relationId!,
        reference: null,
        description: b.description,
        lines: b.lines
          .filter((l) => l.kind === 'entry')
          .map((l) => ({ account: l.account, vatCode: l.vatCode!, amount: l.vatBase ?? Math.abs(l.amount), description: l.description })),
      };
    case 'financial_statement':
      return {
        type: 'financial_statement',
        journalId: b.journalId,
        date: b.date,
        statementNumber: null,
        openingBalance: 0,
        closingBalance: 0,
        description: b.description,
        lines: b.lines
          .filter((l) => l.kind === 'entry')
          .map((l) => ({ amount: -l.amount, relationId: l.relationId, account: l.relationId ? null : l.account, communication: l.communication, structuredCommunication: l.structuredCommunication, description: l.description, counterpartyAccount: l.counterpartyAccount, counterpartyName: l.counterpartyName })),
      };
    default:
      return {
        type: b.kind === 'opening' ? 'opening' : 'miscellaneous',
        journalId: b.kind === 'closing' ? undefined : b.journalId,
        date: b.date,
        reference: b.reference,
        description: b.description,
        lines: b.lines.map((l) => ({
          account: l.account,
          amount: l.amount,
          relationId: l.relationId,
          reference: l.reference,
          documentDate: l.documentDate,
          dueDate: l.dueDate,
          description: l.description,
          communication: l.communication,
          structuredCommunication: l.structuredCommunication,
        })),
      };
  }
}
