/**
 * Invoicing → post a draft. An invoice or credit note takes the next booking number of the sales
 * journal its invoicing journal is linked to, in the fiscal year of its date (the ledger's numbering),
 * gets its structured communication (mod 97), and is booked as a sales booking on the customer through
 * the ledger's own preparation and writer — one transaction: either the document is posted and booked,
 * or nothing is written. A delivery note takes the next number of its invoicing journal and books nothing.
 */
import { sql } from 'kysely';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { PostingContext, prepareBooking } from '../ledger/bookings/prepare.ts';
import { dueDateFromTerms } from '../ledger/bookings/rules.ts';
import { writeBookings } from '../ledger/bookings/write.ts';
import { formatCents } from '../ledger/money.ts';
import { audit } from '../users/manage-users.ts';
import { requireInvoicing } from './access.ts';
import { displayNumber, loadInvoice, type InvoiceView } from './invoices.ts';
import { invalid, invoiceOgm } from './rules.ts';

/** The next number of a journal-year, with its counter row locked until the transaction ends (the writer then takes exactly it). */
async function lockNextNumber(trx: Db, dossierId: number, journalId: number, fiscalYearId: number): Promise<number> {
  await sql`insert into journal_counter (dossier_id, journal_id, fiscal_year_id) values (${dossierId}, ${journalId}, ${fiscalYearId}) on conflict do nothing`.execute(trx);
  const row = await sql<{ next_number: number }>`
    select next_number from journal_counter where dossier_id = ${dossierId} and journal_id = ${journalId} and fiscal_year_id = ${fiscalYearId} for update`.execute(trx);
  return row.rows[0].next_number;
}

export async function postInvoiceIn(trx: Db, dossierId: number, id: number, createdBy: number | null, now: Date, origin: 'demo' | null = null): Promise<void> {
  const inv = await sql<{
    kind: 'invoice' | 'credit_note' | 'delivery_note';
    status: string;
    relation_id: number;
    issue_date: string;
    due_date: string | null;
    invoicing_journal_id: number;
    total_incl: number;
  }>`select kind, status, relation_id, issue_date, due_date, invoicing_journal_id, total_incl from invoice where dossier_id = ${dossierId} and id = ${id} for update`.execute(trx);
  const row = inv.rows[0];
  if (!row) throw notFound('invoicing.invoice_not_found', { id });
  if (row.status !== 'draft') throw conflict('invoicing.invoice_not_draft', { id });
  const lines = await trx.selectFrom('invoice_line').selectAll().where('dossier_id', '=', dossierId).where('invoice_id', '=', id).orderBy('line_no').execute();
  if (!lines.length) throw invalid('invoicing.no_lines', 'lines');
  const journal = await trx.selectFrom('invoicing_journal').selectAll().where('dossier_id', '=', dossierId).where('id', '=', row.invoicing_journal_id).executeTakeFirstOrThrow();
  const ctx = new PostingContext(trx, dossierId, createdBy, origin);
  const period = await ctx.period(row.issue_date, 'regular');
  const year = await trx.selectFrom('fiscal_year').select('start_date').where('dossier_id', '=', dossierId).where('id', '=', period.fiscalYearId).executeTakeFirstOrThrow();
  const relation = await ctx.relation(row.relation_id);
  if (!relation) throw invalid('invoicing.customer_not_found', 'customerId', { customer: row.relation_id });
  const dueDate = row.due_date ?? dueDateFromTerms(row.issue_date, relation.payment_days, relation.payment_end_of_month);

  if (row.kind === 'delivery_note') {
    const counter = await sql<{ n: number }>`
      insert into invoicing_counter as c (dossier_id, invoicing_journal_id, fiscal_year_id, next_number) values (${dossierId}, ${journal.id}, ${period.fiscalYearId}, 2)
      on conflict (dossier_id, invoicing_journal_id, fiscal_year_id) do update set next_number = c.next_number + 1
      returning c.next_number - 1 as n`.execute(trx);
    await trx
      .updateTable('invoice')
      .set({ status: 'posted', number: counter.rows[0].n, fiscal_year_id: period.fiscalYearId, posted_at: now, updated_at: now })
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .execute();
    return;
  }

  if (journal.sales_journal_id === null) throw invalid('invoicing.journal_not_linked', 'journal', { code: journal.code });
  const sales = await trx.selectFrom('journal').select(['id', 'code', 'type', 'active']).where('dossier_id', '=', dossierId).where('id', '=', journal.sales_journal_id).executeTakeFirst();
  if (!sales || sales.type !== 'sales') throw invalid('invoicing.journal_not_linked', 'journal', { code: journal.code });
  const number = await lockNextNumber(trx, dossierId, sales.id, period.fiscalYearId);
  const ogm = invoiceOgm(year.start_date, sales.id, number);
  const display = displayNumber(row.kind, sales.code, year.start_date, number)!;

  // One revenue line per account and VAT code (the document's lines stay on the invoice).
  const grouped = new Map<string, { account: string; vatCode: string; amount: number; description: string }>();
  for (const l of lines) {
    const key = `${l.account}|${l.vat_code}`;
    const g = grouped.get(key) ?? { account: l.account ?? '700000', vatCode: l.vat_code, amount: 0, description: l.description };
    g.amount += Number(l.net_amount);
    grouped.set(key, g);
  }
  const bookingLines = [...grouped.values()].filter((g) => g.amount !== 0);
  if (!bookingLines.length) throw invalid('invoicing.total_zero', 'lines');
  const prepared = await prepareBooking(ctx, {
    type: row.kind === 'credit_note' ? 'sales_credit_note' : 'sales_invoice',
    journalId: sales.id,
    date: row.issue_date,
    documentDate: row.issue_date,
    dueDate,
    relationId: row.relation_id,
    reference: display,
    description: lines[0].description,
    structuredCommunication: ogm,
    totalInclVat: formatCents(Number(row.total_incl)),
    lines: bookingLines.map((g) => ({ account: g.account, vatCode: g.vatCode, amount: formatCents(g.amount), description: g.description })),
  });
  const [written] = await writeBookings(trx, dossierId, [prepared]);
  if (written.number !== number) throw new Error(`booking number ${written.number} differs from the reserved ${number}`);
  await trx
    .updateTable('invoice')
    .set({ status: 'posted', number, fiscal_year_id: period.fiscalYearId, booking_id: written.id, structured_communication: ogm, due_date: dueDate, posted_at: now, updated_at: now })
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .execute();
}

export async function postInvoice(svc: Services, actor: Actor, dossierId: number, id: number): Promise<InvoiceView> {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  await svc.db.transaction().execute(async (trx) => {
    await postInvoiceIn(trx, dossierId, id, actorUserId(actor), svc.clock.now());
    await audit(trx, actor, actor.officeId, 'invoicing.invoice.post', { id }, dossierId);
  });
  return loadInvoice(svc.db, dossierId, id);
}
