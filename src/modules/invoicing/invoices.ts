/**
 * Invoicing → Invoices: drafts of invoices, credit notes and delivery notes (fields and lines), read and
 * list them with their status — draft, posted, sent, or paid once matching has settled the booking.
 * A posted document is never edited (post-invoice.ts books it; a correction is a credit note).
 */
import { sql } from 'kysely';
import { conflict, notFound, validation, type ErrorDetail } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { dueDateFromTerms } from '../ledger/bookings/rules.ts';
import { vatCodeTable } from '../ledger/vat/manage-vat-codes.ts';
import { requireInvoicing } from './access.ts';
import { ensureInvoicingJournal } from './journals.ts';
import { documentTotals, invalid, lineAmounts, parseDecimal, type VatBreakdownLine } from './rules.ts';
import type { InvoiceKind } from './schema.ts';
import './schema.ts';

export const DEFAULT_REVENUE_ACCOUNT = '700000';

export interface InvoiceLineInput {
  articleId?: number | null;
  /** article code, instead of articleId */
  article?: string | null;
  description?: string | null;
  quantity?: string | number | null;
  unit?: string | null;
  unitPrice?: string | number | null;
  discountPercent?: string | number | null;
  vatCode?: string | null;
  account?: string | null;
}

export interface InvoiceInput {
  kind?: InvoiceKind;
  /** invoicing journal id or code (default: the first active one) */
  journalId?: number;
  journal?: string;
  /** the customer: relation id, or its number */
  customerId?: number;
  customer?: string;
  issueDate?: string;
  deliveryDate?: string | null;
  dueDate?: string | null;
  buyerReference?: string | null;
  orderReference?: string | null;
  paymentTerms?: string | null;
  notes?: string | null;
  creditedInvoiceId?: number | null;
  lines?: InvoiceLineInput[];
}

export type InvoiceStatus = 'draft' | 'posted' | 'sent' | 'paid';

export interface InvoiceLineView {
  lineNo: number;
  articleId: number | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatCode: string;
  account: string;
  gross: number;
  discount: number;
  net: number;
}

export interface InvoiceView {
  id: number;
  kind: InvoiceKind;
  journal: { id: number; code: string; salesJournalId: number | null; salesJournalCode: string | null };
  status: InvoiceStatus;
  number: number | null;
  /** "VK 2026/0007" (sales journal, fiscal year, number) or null for a draft */
  displayNumber: string | null;
  fiscalYearId: number | null;
  customer: { id: number; number: string; name: string; language: 'nl' | 'fr' | 'en'; email: string | null; vatNumber: string | null; peppolId: string | null; peppolRegistered: boolean | null };
  issueDate: string;
  deliveryDate: string | null;
  dueDate: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  paymentTerms: string | null;
  notes: string | null;
  creditedInvoiceId: number | null;
  bookingId: number | null;
  structuredCommunication: string | null;
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
  /** what is still to be paid (from matching); null while not booked */
  open: number | null;
  vat: VatBreakdownLine[];
  lines: InvoiceLineView[];
  sentAt: string | null;
  sentHow: 'email' | 'published' | 'peppol' | null;
  sentTo: string | null;
}

export interface InvoiceListItem {
  id: number;
  kind: InvoiceKind;
  number: string | null;
  date: string;
  dueDate: string | null;
  customer: string;
  customerId: number;
  total: number;
  open: number | null;
  status: InvoiceStatus;
}

const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export function displayNumber(kind: InvoiceKind, journalCode: string | null, yearStart: string | null, number: number | null): string | null {
  if (number === null || !yearStart) return null;
  const n = `${yearStart.slice(0, 4)}/${String(number).padStart(4, '0')}`;
  return kind === 'delivery_note' ? `${journalCode ?? ''}-L ${n}` : `${journalCode ?? ''} ${n}`;
}

/** Open amount per booking (lines on reconcilable accounts, minus what matches apply). */
export async function openAmounts(db: Db, dossierId: number, bookingIds: number[]): Promise<Map<number, number>> {
  const ids = bookingIds.filter((b) => b !== null && b !== undefined);
  if (!ids.length) return new Map();
  const { rows } = await sql<{ booking_id: number; open: number }>`
    select l.booking_id, sum(l.amount - coalesce(m.applied, 0))::bigint as open
    from booking_line l
    join account a on a.dossier_id = l.dossier_id and a.number = l.account
    left join (select booking_id, line_no, sum(amount) as applied from match_line where dossier_id = ${dossierId} and booking_id = any(${ids}::bigint[]) group by booking_id, line_no) m
      on m.booking_id = l.booking_id and m.line_no = l.line_no
    where l.dossier_id = ${dossierId} and l.booking_id = any(${ids}::bigint[]) and a.reconcilable
    group by l.booking_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.booking_id), Math.abs(Number(r.open))]));
}

const statusOf = (stored: 'draft' | 'posted' | 'sent', bookingId: number | null, open: number | null): InvoiceStatus =>
  stored !== 'draft' && bookingId !== null && open === 0 ? 'paid' : stored;

export async function loadInvoice(db: Db, dossierId: number, id: number): Promise<InvoiceView> {
  const r = await db
    .selectFrom('invoice as i')
    .innerJoin('invoicing_journal as ij', (j) => j.onRef('ij.dossier_id', '=', 'i.dossier_id').onRef('ij.id', '=', 'i.invoicing_journal_id'))
    .leftJoin('journal as j', (j) => j.onRef('j.dossier_id', '=', 'i.dossier_id').onRef('j.id', '=', 'ij.sales_journal_id'))
    .innerJoin('relation as r', (j) => j.onRef('r.dossier_id', '=', 'i.dossier_id').onRef('r.id', '=', 'i.relation_id'))
    .leftJoin('fiscal_year as fy', (j) => j.onRef('fy.dossier_id', '=', 'i.dossier_id').onRef('fy.id', '=', 'i.fiscal_year_id'))
    .selectAll('i')
    .select([
      'ij.code as ij_code',
      'ij.sales_journal_id',
      'j.code as sales_code',
      'r.number as r_number',
      'r.name as r_name',
      'r.language as r_language',
      'r.email as r_email',
      'r.vat_number as r_vat',
      'r.peppol_id as r_peppol_id',
      'r.peppol_registered as r_peppol_registered',
      'fy.start_date as fy_start',
    ])
    .where('i.dossier_id', '=', dossierId)
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('invoicing.invoice_not_found', { id });
  const lines = await db.selectFrom('invoice_line').selectAll().where('dossier_id', '=', dossierId).where('invoice_id', '=', id).orderBy('line_no').execute();
  const rates = (await vatCodeTable(db, dossierId))(r.issue_date);
  const open = r.booking_id !== null ? (await openAmounts(db, dossierId, [r.booking_id])).get(r.booking_id) ?? 0 : null;
  const perCode = new Map<string, number>();
  for (const l of lines) perCode.set(l.vat_code, (perCode.get(l.vat_code) ?? 0) + Number(l.net_amount));
  const vat: VatBreakdownLine[] = [...perCode].map(([code, base]) => {
    const rateBp = rates.get(code)?.rateBp ?? 0;
    return { vatCode: code, rateBp, base, vat: 0 };
  });
  // VAT per code as stored in the totals: recompute exactly as posting did (sum of nets per code).
  const totals = documentTotals(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, vatCode: l.vat_code })),
    new Map(vat.map((v) => [v.vatCode, v.rateBp])),
  );
  const code = r.kind === 'delivery_note' ? r.ij_code : r.sales_code;
  return {
    id: r.id,
    kind: r.kind,
    journal: { id: r.invoicing_journal_id, code: r.ij_code, salesJournalId: r.sales_journal_id, salesJournalCode: r.sales_code ?? null },
    status: statusOf(r.status, r.booking_id, open),
    number: r.number,
    displayNumber: displayNumber(r.kind, code ?? null, r.fy_start ?? null, r.number),
    fiscalYearId: r.fiscal_year_id,
    customer: { id: r.relation_id, number: r.r_number, name: r.r_name, language: r.r_language as 'nl' | 'fr' | 'en', email: r.r_email, vatNumber: r.r_vat, peppolId: r.r_peppol_id, peppolRegistered: r.r_peppol_registered },
    issueDate: r.issue_date,
    deliveryDate: r.delivery_date,
    dueDate: r.due_date,
    buyerReference: r.buyer_reference,
    orderReference: r.order_reference,
    paymentTerms: r.payment_terms,
    notes: r.notes,
    creditedInvoiceId: r.credited_invoice_id,
    bookingId: r.booking_id,
    structuredCommunication: r.structured_communication,
    totalExcl: Number(r.total_excl),
    totalVat: Number(r.total_vat),
    totalIncl: Number(r.total_incl),
    open,
    vat: totals.vat,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      articleId: l.article_id,
      description: l.description,
      quantity: parseDecimal(l.quantity) ?? l.quantity,
      unit: l.unit,
      unitPrice: parseDecimal(l.unit_price) ?? l.unit_price,
      discountPercent: parseDecimal(l.discount_percent) ?? l.discount_percent,
      vatCode: l.vat_code,
      account: l.account ?? DEFAULT_REVENUE_ACCOUNT,
      gross: Number(l.gross_amount),
      discount: Number(l.discount_amount),
      net: Number(l.net_amount),
    })),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    sentHow: r.sent_how,
    sentTo: r.sent_to,
  };
}

export async function getInvoice(svc: Services, actor: Actor, dossierId: number, id: number): Promise<InvoiceView> {
  await requireInvoicing(svc.db, actor, dossierId);
  return loadInvoice(svc.db, dossierId, id);
}

/** Finds a posted document by its number ("7", "2026/0007" or "VK 2026/0007"); the latest fiscal year wins for a bare number. */
export async function findInvoiceByNumber(svc: Services, actor: Actor, dossierId: number, number: string): Promise<InvoiceView> {
  await requireInvoicing(svc.db, actor, dossierId);
  const m = /^(?:([A-Z0-9]+(?:-L)?)\s+)?(?:(\d{4})\/)?0*(\d+)$/i.exec(number.trim());
  if (!m) throw notFound('invoicing.invoice_number_not_found', { number });
  const items = await listItems(svc.db, dossierId, {});
  const want = number.trim().toUpperCase();
  const hit = items.find((i) => i.number?.toUpperCase() === want) ?? items.find((i) => i.number !== null && i.kind !== 'delivery_note' && (m[2] ? i.number.endsWith(`${m[2]}/${m[3].padStart(4, '0')}`) : i.number.endsWith(`/${m[3].padStart(4, '0')}`)));
  if (!hit) throw notFound('invoicing.invoice_number_not_found', { number });
  return loadInvoice(svc.db, dossierId, hit.id);
}

async function listItems(db: Db, dossierId: number, query: { status?: InvoiceStatus; kind?: InvoiceKind; customerId?: number }): Promise<InvoiceListItem[]> {
  let q = db
    .selectFrom('invoice as i')
    .innerJoin('invoicing_journal as ij', (j) => j.onRef('ij.dossier_id', '=', 'i.dossier_id').onRef('ij.id', '=', 'i.invoicing_journal_id'))
    .leftJoin('journal as j', (j) => j.onRef('j.dossier_id', '=', 'i.dossier_id').onRef('j.id', '=', 'ij.sales_journal_id'))
    .innerJoin('relation as r', (j) => j.onRef('r.dossier_id', '=', 'i.dossier_id').onRef('r.id', '=', 'i.relation_id'))
    .leftJoin('fiscal_year as fy', (j) => j.onRef('fy.dossier_id', '=', 'i.dossier_id').onRef('fy.id', '=', 'i.fiscal_year_id'))
    .select(['i.id', 'i.kind', 'i.number', 'i.issue_date', 'i.due_date', 'i.total_incl', 'i.status', 'i.booking_id', 'i.relation_id', 'r.name', 'ij.code as ij_code', 'j.code as sales_code', 'fy.start_date'])
    .where('i.dossier_id', '=', dossierId);
  if (query.kind) q = q.where('i.kind', '=', query.kind);
  if (query.customerId) q = q.where('i.relation_id', '=', query.customerId);
  const rows = await q.orderBy('i.issue_date', 'desc').orderBy('i.id', 'desc').execute();
  const open = await openAmounts(db, dossierId, rows.map((r) => r.booking_id).filter((b): b is number => b !== null));
  const items = rows.map((r) => {
    const o = r.booking_id !== null ? open.get(r.booking_id) ?? 0 : null;
    return {
      id: r.id,
      kind: r.kind,
      number: displayNumber(r.kind, r.kind === 'delivery_note' ? r.ij_code : r.sales_code ?? null, r.start_date ?? null, r.number),
      date: r.issue_date,
      dueDate: r.due_date,
      customer: r.name,
      customerId: r.relation_id,
      total: Number(r.total_incl),
      open: o,
      status: statusOf(r.status, r.booking_id, o),
    };
  });
  return query.status ? items.filter((i) => i.status === query.status) : items;
}

export async function listInvoices(svc: Services, actor: Actor, dossierId: number, query: { status?: InvoiceStatus; kind?: InvoiceKind; customerId?: number } = {}) {
  await requireInvoicing(svc.db, actor, dossierId);
  return listItems(svc.db, dossierId, query);
}

interface ResolvedLine {
  article_id: number | null;
  description: string;
  quantity: string;
  unit: string;
  unit_price: string;
  discount_percent: string;
  vat_code: string;
  account: string;
}

/** Checks and completes the draft's fields and lines; collects every problem, each naming its field and line. */
async function resolveDraft(
  db: Db,
  dossierId: number,
  input: InvoiceInput,
  existing?: { kind: InvoiceKind; relation_id: number; issue_date: string; invoicing_journal_id: number; credited_invoice_id: number | null },
) {
  const details: ErrorDetail[] = [];
  const push = (field: string, code: string, params: Record<string, unknown> = {}, line?: number) => details.push({ field, line, code, params: { ...params, line } });
  const kind = input.kind ?? existing?.kind ?? 'invoice';
  if (!['invoice', 'credit_note', 'delivery_note'].includes(kind)) push('kind', 'invoicing.kind_unknown', { kind });

  // journal
  await ensureInvoicingJournal(db, dossierId);
  const journals = await db.selectFrom('invoicing_journal').select(['id', 'code', 'active']).where('dossier_id', '=', dossierId).orderBy('id').execute();
  let journalId = existing?.invoicing_journal_id;
  if (input.journalId !== undefined || input.journal) {
    const j = input.journalId !== undefined ? journals.find((x) => x.id === input.journalId) : journals.find((x) => x.code === input.journal!.trim().toUpperCase());
    if (!j) push('journal', 'invoicing.journal_not_found', { id: input.journalId ?? input.journal });
    journalId = j?.id;
  }
  journalId ??= journals.find((j) => j.active)?.id;

  // customer
  let relationId = existing?.relation_id;
  let relation: { id: number; kind: string; payment_days: number; payment_end_of_month: boolean; name: string } | undefined;
  if (input.customerId !== undefined || input.customer) {
    let q = db.selectFrom('relation').select(['id', 'kind', 'payment_days', 'payment_end_of_month', 'name']).where('dossier_id', '=', dossierId);
    q = input.customerId !== undefined ? q.where('id', '=', input.customerId) : q.where('number', '=', input.customer!.trim());
    relation = await q.executeTakeFirst();
    if (!relation) push('customerId', 'invoicing.customer_not_found', { customer: input.customerId ?? input.customer });
    else if (relation.kind === 'supplier') push('customerId', 'invoicing.customer_is_supplier', { name: relation.name });
    relationId = relation?.id;
  } else if (relationId === undefined) push('customerId', 'invoicing.customer_required');

  const issueDate = input.issueDate ?? existing?.issue_date;
  if (!issueDate) push('issueDate', 'invoicing.date_required', { field: 'issueDate' });
  else if (!isIsoDate(issueDate)) push('issueDate', 'invoicing.date_invalid', { value: issueDate });
  for (const f of ['deliveryDate', 'dueDate'] as const) {
    const v = input[f];
    if (v && !isIsoDate(v)) push(f, 'invoicing.date_invalid', { value: v });
  }

  // the invoice a credit note corrects (BT-25): a posted invoice of the same customer
  let creditedInvoiceId = input.creditedInvoiceId !== undefined ? input.creditedInvoiceId : existing?.credited_invoice_id ?? null;
  if (kind !== 'credit_note') {
    if (input.creditedInvoiceId) push('creditedInvoiceId', 'invoicing.credited_only_credit_note');
    creditedInvoiceId = null;
  } else if (creditedInvoiceId !== null && relationId !== undefined) {
    const credited = await db
      .selectFrom('invoice as i')
      .leftJoin('invoicing_journal as ij', (j) => j.onRef('ij.dossier_id', '=', 'i.dossier_id').onRef('ij.id', '=', 'i.invoicing_journal_id'))
      .leftJoin('journal as j', (j) => j.onRef('j.dossier_id', '=', 'i.dossier_id').onRef('j.id', '=', 'ij.sales_journal_id'))
      .leftJoin('fiscal_year as fy', (j) => j.onRef('fy.dossier_id', '=', 'i.dossier_id').onRef('fy.id', '=', 'i.fiscal_year_id'))
      .select(['i.kind', 'i.status', 'i.relation_id', 'i.number', 'j.code', 'fy.start_date'])
      .where('i.dossier_id', '=', dossierId)
      .where('i.id', '=', creditedInvoiceId)
      .executeTakeFirst();
    if (!credited) push('creditedInvoiceId', 'invoicing.credited_invoice_not_found', { id: creditedInvoiceId });
    else {
      const number = displayNumber(credited.kind, credited.code ?? null, credited.start_date ?? null, credited.number) ?? `#${creditedInvoiceId}`;
      if (credited.kind !== 'invoice' || credited.status === 'draft') push('creditedInvoiceId', 'invoicing.credited_invoice_not_posted', { number });
      else if (credited.relation_id !== relationId) push('creditedInvoiceId', 'invoicing.credited_invoice_other_customer', { number });
    }
  }

  // lines
  let lines: ResolvedLine[] | undefined;
  if (input.lines !== undefined) {
    if (!Array.isArray(input.lines)) push('lines', 'invoicing.lines_invalid');
    else if (input.lines.length > 1000) push('lines', 'invoicing.too_many_lines', { max: 1000 });
    else {
      const articles = await db.selectFrom('invoice_article').selectAll().where('dossier_id', '=', dossierId).execute();
      const codes = await db.selectFrom('vat_code').select(['code', 'kind']).where('dossier_id', '=', dossierId).execute();
      const accounts = new Set((await db.selectFrom('account').select('number').where('dossier_id', '=', dossierId).where('active', '=', true).execute()).map((a) => a.number));
      lines = [];
      input.lines.forEach((l, i) => {
        const n = i + 1;
        const f = (name: string) => `lines.${i}.${name}`;
        let article: (typeof articles)[number] | undefined;
        if (l.articleId != null || text(l.article)) {
          article = l.articleId != null ? articles.find((a) => a.id === l.articleId) : articles.find((a) => a.code === l.article!.trim().toUpperCase());
          if (!article) push(f('article'), 'invoicing.line_article_not_found', { article: l.articleId ?? l.article }, n);
        }
        const description = text(l.description) ?? article?.description ?? null;
        if (!description) push(f('description'), 'invoicing.line_description_required', {}, n);
        const quantity = l.quantity === undefined || l.quantity === null || l.quantity === '' ? '1' : parseDecimal(l.quantity);
        if (quantity === null) push(f('quantity'), 'invoicing.line_quantity_invalid', { value: l.quantity }, n);
        const unitPrice = l.unitPrice === undefined || l.unitPrice === null || l.unitPrice === '' ? (article ? parseDecimal(article.unit_price) : null) : parseDecimal(l.unitPrice);
        if (unitPrice === null) push(f('unitPrice'), 'invoicing.line_price_invalid', { value: l.unitPrice ?? '' }, n);
        const discount = l.discountPercent === undefined || l.discountPercent === null || l.discountPercent === '' ? '0' : parseDecimal(l.discountPercent);
        if (discount === null || Number(discount) < 0 || Number(discount) > 100) push(f('discountPercent'), 'invoicing.line_discount_invalid', { value: l.discountPercent }, n);
        const vatCode = (text(l.vatCode) ?? article?.vat_code ?? '').toUpperCase();
        const vc = codes.find((c) => c.code === vatCode);
        if (!vatCode) push(f('vatCode'), 'invoicing.line_vat_code_required', {}, n);
        else if (!vc) push(f('vatCode'), 'invoicing.vat_code_not_found', { code: vatCode }, n);
        else if (vc.kind !== 'sales') push(f('vatCode'), 'invoicing.vat_code_not_sales', { code: vatCode }, n);
        const account = text(l.account) ?? article?.account ?? DEFAULT_REVENUE_ACCOUNT;
        if (!accounts.has(account)) push(f('account'), 'invoicing.account_not_found', { account }, n);
        lines!.push({
          article_id: article?.id ?? null,
          description: description ?? '',
          quantity: quantity ?? '0',
          unit: (text(l.unit) ?? article?.unit ?? 'C62').toUpperCase(),
          unit_price: unitPrice ?? '0',
          discount_percent: discount ?? '0',
          vat_code: vatCode,
          account,
        });
      });
    }
  }
  if (details.length) throw validation(details[0].code, details[0].params ?? {}, details);
  const due = input.dueDate !== undefined ? text(input.dueDate) : undefined;
  const computedDue = due === undefined && relation && issueDate && !existing ? dueDateFromTerms(issueDate, relation.payment_days, relation.payment_end_of_month) : undefined;
  return { kind, journalId: journalId!, relationId: relationId!, issueDate: issueDate!, lines, dueDate: due ?? computedDue, creditedInvoiceId };
}

async function writeTotals(trx: Db, dossierId: number, id: number, issueDate: string): Promise<void> {
  const lines = await trx.selectFrom('invoice_line').selectAll().where('dossier_id', '=', dossierId).where('invoice_id', '=', id).execute();
  const rates = (await vatCodeTable(trx, dossierId))(issueDate);
  const missing = lines.find((l) => !rates.has(l.vat_code));
  if (missing) throw invalid('invoicing.vat_code_no_rate', `lines.${missing.line_no - 1}.vatCode`, { code: missing.vat_code, date: issueDate }, missing.line_no);
  const totals = documentTotals(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, vatCode: l.vat_code })),
    new Map([...rates].map(([c, d]) => [c, d.rateBp])),
  );
  await trx.updateTable('invoice').set({ total_excl: totals.totalExcl, total_vat: totals.totalVat, total_incl: totals.totalIncl }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
}

/** Creates (id null) or changes a draft; lines given replace all lines (Ctrl+D then save clears them). */
export async function saveInvoice(svc: Services, actor: Actor, dossierId: number, id: number | null, input: InvoiceInput): Promise<InvoiceView> {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const existing = id === null ? undefined : await svc.db.selectFrom('invoice').selectAll().where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (id !== null && !existing) throw notFound('invoicing.invoice_not_found', { id });
  if (existing && existing.status !== 'draft') throw conflict('invoicing.invoice_not_draft', { id });
  const d = await resolveDraft(svc.db, dossierId, input, existing);
  const newId = await svc.db.transaction().execute(async (trx) => {
    const fields = {
      kind: d.kind,
      invoicing_journal_id: d.journalId,
      relation_id: d.relationId,
      issue_date: d.issueDate,
      ...(input.deliveryDate !== undefined ? { delivery_date: text(input.deliveryDate) } : {}),
      ...(d.dueDate !== undefined ? { due_date: d.dueDate } : {}),
      ...(input.buyerReference !== undefined ? { buyer_reference: text(input.buyerReference) } : {}),
      ...(input.orderReference !== undefined ? { order_reference: text(input.orderReference) } : {}),
      ...(input.paymentTerms !== undefined ? { payment_terms: text(input.paymentTerms) } : {}),
      ...(input.notes !== undefined ? { notes: input.notes?.trim() || null } : {}),
      credited_invoice_id: d.creditedInvoiceId,
      updated_at: svc.clock.now(),
    };
    let invoiceId: number;
    if (existing) {
      await trx.updateTable('invoice').set(fields).where('dossier_id', '=', dossierId).where('id', '=', existing.id).execute();
      invoiceId = existing.id;
    } else {
      const row = await trx.insertInto('invoice').values({ dossier_id: dossierId, ...fields }).returning('id').executeTakeFirstOrThrow();
      invoiceId = row.id;
    }
    if (d.lines) {
      await trx.deleteFrom('invoice_line').where('dossier_id', '=', dossierId).where('invoice_id', '=', invoiceId).execute();
      if (d.lines.length) {
        await trx
          .insertInto('invoice_line')
          .values(
            d.lines.map((l, i) => {
              const a = lineAmounts({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent });
              return { dossier_id: dossierId, invoice_id: invoiceId, line_no: i + 1, ...l, gross_amount: a.gross, discount_amount: a.discount, net_amount: a.net };
            }),
          )
          .execute();
      }
    }
    await writeTotals(trx, dossierId, invoiceId, d.issueDate);
    return invoiceId;
  });
  return loadInvoice(svc.db, dossierId, newId);
}

export async function deleteDraft(svc: Services, actor: Actor, dossierId: number, id: number): Promise<void> {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const row = await svc.db.selectFrom('invoice').select('status').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('invoicing.invoice_not_found', { id });
  if (row.status !== 'draft') throw conflict('invoicing.invoice_not_draft', { id });
  await svc.db.deleteFrom('invoice').where('dossier_id', '=', dossierId).where('id', '=', id).execute();
}
