/**
 * Accounting → Unassigned bank lines: the statement lines the import could not place (booked on the
 * CODA suspense account), and their assignment to a relation or a general account.
 *
 * Design (why a table): the books are append-only, so an assignment never edits the statement. It is a
 * NEW miscellaneous booking, dated on the statement's date (so in the financial journal's period), that
 * moves the line's amount off the suspense account:
 *   suspense account   +amount   (reverses the statement's suspense line)
 *   400/440 + relation −amount   (or the chosen general account)
 * A row in bank_line_assignment (migration 0031) keyed by the statement line (dossier, booking, line)
 * records which booking assigned it. That key is what takes the line out of the list and refuses a
 * second assignment, whatever the suspense account is (the role can point to an account that is not
 * reconcilable, so "matched on the suspense account" alone could not be the rule). When the suspense
 * account IS reconcilable, the statement's suspense line and the assignment's counter-line are matched
 * as well, so the open items of the suspense account agree with this list. A suspense line matched by
 * hand in Accounting → Matching (the user booked the transfer himself) is no longer listed either: the
 * list shows lines with no assignment row and an open amount. Deleting the assignment booking (the last
 * booking of its journal) removes its row (trigger in 0031): the line is back in the list.
 *
 * When the user picks open invoices of the relation, the relation's new line is matched with them in
 * the same transaction (matching's writeMatches, under matching's per-dossier lock).
 */
import { sql } from 'kysely';
import { conflict, notFound, validation } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireLedger } from '../ledger/access.ts';
import { fixedAccounts } from '../ledger/accounts/fixed-accounts.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { PostingContext, prepareBooking, type GeneralBookingInput } from '../ledger/bookings/prepare.ts';
import { writeBookings } from '../ledger/bookings/write.ts';
import { formatCents, toCents } from '../ledger/money.ts';
import { lockMatching, matchOf, writeMatches } from '../matching/matches.ts';
import { loadOpenItems, type OpenItem } from '../matching/open-items.ts';
import { audit } from '../users/manage-users.ts';
import './unassigned-schema.ts';
import './messages.ts';
import './unassigned-messages.ts';
import { bookingDocumentSql } from '../ledger/bookings/document-sql.ts';

export interface UnassignedLine {
  bookingId: number;
  /** the statement's line on the suspense account */
  lineNo: number;
  date: string;
  journalId: number;
  journal: string;
  statementNumber: string | null;
  /** statement booking as a document: "KBC 2026/0003" */
  document: string;
  /** the bank movement, signed as the bank sees it: money in > 0, money out < 0 (cents) */
  amount: number;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  communication: string | null;
  structuredCommunication: string | null;
}

export interface UnassignedList {
  /** the CODA suspense account (null when the dossier has none among its fixed accounts) */
  account: string | null;
  items: UnassignedLine[];
}

interface Row {
  booking_id: number;
  line_no: number;
  date: string;
  journal_id: number;
  journal: string;
  statement_number: string | null;
  document: string;
  open: number;
  description: string | null;
  communication: string | null;
  ogm: string | null;
  counterparty_name: string | null;
  counterparty_account: string | null;
}

/**
 * The counterparty of a movement. Statement lines carry it in their own columns when the ledger keeps
 * them (read through to_jsonb so this query does not depend on that migration); otherwise the import's
 * description "name — communication" gives the name.
 */
function counterpartyOf(r: Row): string | null {
  if (r.counterparty_name) return r.counterparty_name;
  const d = r.description?.trim();
  if (!d) return null;
  const c = r.communication?.trim();
  if (c && d === c) return null;
  if (c && d.endsWith(` — ${c}`)) return d.slice(0, -(c.length + 3)) || null;
  return d.includes(' — ') ? d.slice(0, d.indexOf(' — ')) : d;
}

async function loadLines(db: Db, dossierId: number, account: string, only?: { bookingId: number; lineNo: number }): Promise<UnassignedLine[]> {
  const { rows } = await sql<Row>`
    select l.booking_id, l.line_no, l.date, b.journal_id, j.code as journal, b.statement_number,
      ${bookingDocumentSql()} as document,
      (l.amount - coalesce((select sum(ml.amount) from match_line ml
        where ml.dossier_id = l.dossier_id and ml.booking_id = l.booking_id and ml.line_no = l.line_no), 0))::bigint as open,
      l.description, l.communication, l.structured_communication as ogm,
      to_jsonb(l) ->> 'counterparty_name' as counterparty_name, to_jsonb(l) ->> 'counterparty_account' as counterparty_account
    from booking_line l
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    join journal j on j.dossier_id = b.dossier_id and j.id = b.journal_id
    join fiscal_year fy on fy.dossier_id = b.dossier_id and fy.id = b.fiscal_year_id
    where l.dossier_id = ${dossierId} and l.account = ${account} and l.kind = 'entry'
      and b.kind = 'financial_statement' and b.reverses_booking_id is null
      and not exists (select 1 from booking r where r.dossier_id = b.dossier_id and r.reverses_booking_id = b.id)
      and not exists (select 1 from bank_line_assignment a where a.dossier_id = l.dossier_id and a.booking_id = l.booking_id and a.line_no = l.line_no)
      ${only ? sql`and l.booking_id = ${only.bookingId} and l.line_no = ${only.lineNo}` : sql``}
    order by l.date, l.booking_id, l.line_no`.execute(db);
  return rows
    .filter((r) => Number(r.open) !== 0)
    .map((r) => ({
      bookingId: Number(r.booking_id),
      lineNo: r.line_no,
      date: r.date,
      journalId: r.journal_id,
      journal: r.journal,
      statementNumber: r.statement_number,
      document: r.document,
      amount: -Number(r.open),
      counterpartyName: counterpartyOf(r),
      counterpartyAccount: r.counterparty_account,
      communication: r.communication,
      structuredCommunication: r.ogm,
    }));
}

/** The statement lines waiting on the CODA suspense account, oldest first. */
export async function listUnassignedLines(svc: Services, actor: Actor, dossierId: number): Promise<UnassignedList> {
  await requireLedger(svc.db, actor, dossierId, 'view');
  const account = (await fixedAccounts(svc.db, dossierId)).get('coda_suspense') ?? null;
  return { account, items: account ? await loadLines(svc.db, dossierId, account) : [] };
}

export interface AssignInput {
  /** the movement amount the user saw (money in > 0); refused when the line's open amount differs */
  amount: number | string;
  /** a relation: its customers (400) or suppliers (440) account, unless an account is given */
  relationId?: number | null;
  /** for a relation that is both customer and supplier: which side (default: money in → customer) */
  side?: 'customer' | 'supplier' | null;
  /** a general account (without a relation), or the relation's account when it is not the default */
  account?: string | null;
  /** open items of the relation to match with the payment (invoices, credit notes) */
  invoices?: Array<{ bookingId: number; lineNo: number }>;
  description?: string | null;
}

export interface AssignResult {
  bookingId: number;
  lineNo: number;
  assignmentBookingId: number;
  /** the assignment booking as a document: "DIV 2026/0004" */
  document: string;
  account: string;
  relationId: number | null;
  /** the match with the chosen invoices (null when none were chosen) */
  matchId: number | null;
  /** the chosen invoices are fully paid by it */
  full: boolean;
}

const invalid = (code: string, field: string, params: Record<string, unknown> = {}) => validation(code, params, [{ field, code, params }]);

/** Assigns one unassigned bank line: a miscellaneous booking off the suspense account, and the matches. */
export async function assignBankLine(svc: Services, actor: Actor, dossierId: number, line: { bookingId: number; lineNo: number }, input: AssignInput): Promise<AssignResult> {
  await requireLedger(svc.db, actor, dossierId, 'book');
  let given: number;
  try {
    given = toCents(input.amount, 'amount');
  } catch {
    throw invalid('banking.assign_amount_invalid', 'amount', { value: String(input.amount) });
  }
  const hasRelation = input.relationId != null;
  const account = input.account?.trim() || null;
  if (!hasRelation && !account) throw invalid('banking.assign_target_required', 'relationId');
  const invoices = input.invoices ?? [];
  if (invoices.length && !hasRelation) throw invalid('banking.assign_invoices_need_relation', 'invoices');
  const createdBy = actorUserId(actor);

  return svc.db.transaction().execute(async (trx) => {
    // One matching at a time in the dossier: also keeps two assignments of the same line in line.
    await lockMatching(trx, dossierId);
    const roles = await fixedAccounts(trx, dossierId);
    const suspense = roles.get('coda_suspense');
    if (!suspense) throw invalid('banking.suspense_missing', 'coda_suspense');
    const ref = { bookingId: line.bookingId, lineNo: line.lineNo };
    const [current] = await loadLines(trx, dossierId, suspense, ref);
    if (!current) {
      const assigned = await trx
        .selectFrom('bank_line_assignment')
        .select('assignment_booking_id')
        .where('dossier_id', '=', dossierId)
        .where('booking_id', '=', ref.bookingId)
        .where('line_no', '=', ref.lineNo)
        .executeTakeFirst();
      if (assigned) throw conflict('banking.line_already_assigned', ref);
      const exists = await sql<{ n: number }>`
        select count(*)::int as n from booking_line l join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
        where l.dossier_id = ${dossierId} and l.booking_id = ${ref.bookingId} and l.line_no = ${ref.lineNo}
          and l.account = ${suspense} and b.kind = 'financial_statement'`.execute(trx);
      // on the suspense account but nothing open: matched by hand meanwhile
      if (exists.rows[0].n > 0) throw conflict('banking.line_already_assigned', ref);
      throw notFound('banking.unassigned_line_not_found', ref);
    }
    if (given !== current.amount) {
      throw invalid('banking.assign_amount_mismatch', 'amount', { given: formatCents(given), expected: formatCents(current.amount) });
    }

    const ctx = new PostingContext(trx, dossierId, createdBy);
    let target = account;
    let relationId: number | null = null;
    if (hasRelation) {
      const relation = await ctx.relation(Number(input.relationId));
      if (!relation) throw invalid('ledger.relation_not_found', 'relationId', { relationId: input.relationId });
      relationId = relation.id;
      if (!target) {
        const side = input.side ?? (relation.kind === 'both' ? (current.amount > 0 ? 'customer' : 'supplier') : relation.kind);
        target = await ctx.role(side === 'customer' ? 'customers' : 'suppliers');
      }
    }
    if (target === suspense) throw invalid('banking.assign_to_suspense', 'account', { account: suspense });

    const amount = current.amount;
    const text = [current.counterpartyName, current.communication].filter(Boolean).join(' — ') || null;
    const booking: GeneralBookingInput = {
      type: 'miscellaneous',
      date: current.date,
      reference: current.statementNumber ? `${current.journal} ${current.statementNumber}` : current.document,
      description: input.description?.trim() || text,
      lines: [
        { account: suspense, amount: formatCents(amount), description: text, communication: current.communication, structuredCommunication: current.structuredCommunication },
        { account: target!, amount: formatCents(-amount), relationId, description: text, communication: current.communication, structuredCommunication: current.structuredCommunication },
      ],
    };
    const prepared = await prepareBooking(ctx, booking);
    const [written] = await writeBookings(trx, dossierId, [prepared]);
    try {
      await trx
        .insertInto('bank_line_assignment')
        .values({ dossier_id: dossierId, booking_id: ref.bookingId, line_no: ref.lineNo, assignment_booking_id: written.id, created_by: createdBy })
        .execute();
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict('banking.line_already_assigned', ref);
      throw e;
    }

    // The suspense account's two lines cancel out: match them when that account is reconcilable.
    const suspenseItems = await loadOpenItems(trx, dossierId, { lines: [ref, { bookingId: written.id, lineNo: 1 }] });
    const matches = [];
    if (suspenseItems.length === 2) matches.push(matchOf(suspenseItems, 'manual', 'selection'));

    let full = false;
    let withInvoices: ReturnType<typeof matchOf> | null = null;
    if (invoices.length) {
      const seen = new Set<string>();
      for (const [i, inv] of invoices.entries()) {
        const k = `${inv.bookingId}/${inv.lineNo}`;
        if (seen.has(k)) throw invalid('banking.assign_invoice_invalid', `invoices.${i}`, { ...inv });
        seen.add(k);
      }
      const items = await loadOpenItems(trx, dossierId, { lines: [...invoices, { bookingId: written.id, lineNo: 2 }] });
      const payment = items.find((x) => x.bookingId === written.id);
      if (!payment) throw invalid('banking.assign_account_not_reconcilable', 'account', { account: target });
      const chosen: OpenItem[] = [];
      for (const [i, inv] of invoices.entries()) {
        const item = items.find((x) => x.bookingId === inv.bookingId && x.lineNo === inv.lineNo);
        // an open item of this relation on this account, on the other side than the payment
        if (!item || item.account !== payment.account || item.relationId !== relationId || Math.sign(item.open) === Math.sign(payment.open)) {
          throw invalid('banking.assign_invoice_invalid', `invoices.${i}`, { ...inv });
        }
        chosen.push(item);
      }
      // oldest invoices first, the payment last: on a short payment the newest invoice stays open
      withInvoices = matchOf([...chosen, payment], 'manual', 'selection');
      full = chosen.every((c, k) => withInvoices!.lines[k].amount === c.open);
      matches.push(withInvoices);
    }
    const ids = await writeMatches(trx, dossierId, matches, createdBy);
    const matchId = withInvoices ? ids[ids.length - 1] : null;
    const document = await sql<{ document: string }>`
      select ${bookingDocumentSql()} as document
      from booking b join journal j on j.dossier_id = b.dossier_id and j.id = b.journal_id
      join fiscal_year fy on fy.dossier_id = b.dossier_id and fy.id = b.fiscal_year_id
      where b.dossier_id = ${dossierId} and b.id = ${written.id}`.execute(trx);
    const result: AssignResult = {
      ...ref,
      assignmentBookingId: written.id,
      document: document.rows[0].document,
      account: target!,
      relationId,
      matchId,
      full,
    };
    await audit(trx, actor, actor.officeId, 'banking.assign_line', { ...result, amount, invoices }, dossierId);
    return result;
  });
}
