/**
 * From what the user (or an import) gives to a booking ready to write: the journal, the open period
 * of the date, the lines (VAT computed for invoices, bank and counter lines for statements), all
 * checked — accounts exist and are active, relations exist, the booking balances — with errors that
 * name the field and line. Lookups are cached in a PostingContext so a bulk import of 100,000
 * bookings reads the chart, the periods and the VAT codes once.
 */
import { sql } from 'kysely';
import { validation, type ErrorDetail } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';
import type { FixedRole } from '../accounts/rules.ts';
import { fixedAccounts, requireRole } from '../accounts/fixed-accounts.ts';
import { checkDate } from '../fiscal-years/rules.ts';
import { periodResolver, type PeriodTarget } from '../fiscal-years/repo.ts';
import { formatCents, toCents, type Cents } from '../money.ts';
import type { BookingKind, JournalTable } from '../schema.ts';
import { computeInvoice, postingLine, type InvoiceLineInput, type PostingLine, type VatCodeDef } from '../vat/compute.ts';
import { vatCodeTable } from '../vat/manage-vat-codes.ts';
import { BOOKING_KINDS, JOURNAL_OF_KIND, checkBalanced, checkLineCount, dueDateFromTerms, statementLines, structuredCommunication } from './rules.ts';
import type { BalanceTotals, PreparedBooking } from './write.ts';
import { foreignAmount } from './currency.ts';

export type Money = number | string;

interface BaseInput {
  /** the journal by id or by code; default: the dossier's first journal of the kind's type */
  journalId?: number;
  journal?: string;
  date: string;
  description?: string | null;
}

export interface InvoiceBookingInput extends BaseInput {
  type: 'purchase_invoice' | 'purchase_credit_note' | 'sales_invoice' | 'sales_credit_note';
  relationId: number;
  /** the invoice date (default: the booking date); the due date follows from the relation's payment terms */
  documentDate?: string | null;
  dueDate?: string | null;
  reference?: string | null;
  structuredCommunication?: string | null;
  totalInclVat?: Money | null;
  /** an invoice in a foreign currency (ISO code, e.g. USD) and its total incl. VAT in it; lines stay in euro */
  currency?: string | null;
  currencyAmount?: Money | null;
  lines: Array<{ account: string; vatCode: string; amount?: Money | null; amountInclVat?: Money | null; description?: string | null }>;
}

export interface StatementBookingInput extends BaseInput {
  type: 'financial_statement';
  statementNumber?: string | null;
  openingBalance: Money;
  closingBalance: Money;
  lines: Array<{
    amount: Money;
    relationId?: number | null;
    account?: string | null;
    communication?: string | null;
    structuredCommunication?: string | null;
    description?: string | null;
    /** who paid or was paid: account (IBAN) and name, as on the bank statement */
    counterpartyAccount?: string | null;
    counterpartyName?: string | null;
    /** a payment in a foreign currency: its code and the amount in it (amount stays in euro) */
    currency?: string | null;
    currencyAmount?: Money | null;
  }>;
}

export interface GeneralBookingInput extends BaseInput {
  type: 'miscellaneous' | 'opening';
  reference?: string | null;
  lines: Array<{
    account: string;
    /** signed: debit > 0, credit < 0 — or give debit / credit */
    amount?: Money | null;
    debit?: Money | null;
    credit?: Money | null;
    relationId?: number | null;
    /** an open item's own document (opening bookings: each customer or supplier invoice is a line) */
    reference?: string | null;
    documentDate?: string | null;
    /** default for a line with a relation and a document date: the relation's payment terms */
    dueDate?: string | null;
    description?: string | null;
    communication?: string | null;
    structuredCommunication?: string | null;
    vatCode?: string | null;
    /** an item in a foreign currency: its code and amount in it (a zero amount moves euro only: an exchange difference) */
    currency?: string | null;
    currencyAmount?: Money | null;
  }>;
}

export type BookingInput = InvoiceBookingInput | StatementBookingInput | GeneralBookingInput;

export interface RelationInfo {
  id: number;
  name: string;
  kind: 'customer' | 'supplier' | 'both';
  payment_days: number;
  payment_end_of_month: boolean;
}

type JournalRow = Pick<JournalTable, 'code' | 'name' | 'type' | 'account'> & { id: number; active: boolean };

const invalid = (code: string, field: string, params: Record<string, unknown> = {}, line?: number) =>
  validation(code, { ...params, line }, [{ field, line, code, params: { ...params, line } }]);

export class PostingContext {
  private accountMap?: Map<string, boolean>;
  private relationMap = new Map<number, RelationInfo | null>();
  private resolve?: (date: string, target?: PeriodTarget) => { fiscalYearId: number; periodNo: number };
  private vatAt?: (date: string) => Map<string, VatCodeDef>;
  private roles?: Map<FixedRole, string>;
  private journals?: JournalRow[];
  private statementBalances = new Map<number, Cents>();
  /**
   * A bulk import writes account_balance once, at the end of its transaction: until then what its
   * bookings add is gathered here, and counted where a balance is read (a statement's opening).
   */
  pendingBalances?: BalanceTotals;

  constructor(
    readonly db: Db,
    readonly dossierId: number,
    readonly createdBy: number | null,
    readonly origin: PreparedBooking['origin'] = null,
  ) {}

  /**
   * Loads what checking a booking of `kind` reads — the chart, the journals, the periods, the fixed
   * accounts and (invoices) the VAT codes — once per context, so that checking 100,000 bookings of an
   * import then runs without waiting on the database (the checks below are synchronous).
   */
  async load(kind: BookingKind): Promise<void> {
    this.accountMap ??= new Map(
      (await this.db.selectFrom('account').select(['number', 'active']).where('dossier_id', '=', this.dossierId).execute()).map((a) => [a.number, a.active]),
    );
    this.journals ??= await this.db
      .selectFrom('journal')
      .select(['id', 'code', 'name', 'type', 'account', 'active'])
      .where('dossier_id', '=', this.dossierId)
      .orderBy('id')
      .execute();
    this.resolve ??= await periodResolver(this.db, this.dossierId);
    this.roles ??= await fixedAccounts(this.db, this.dossierId);
    if (JOURNAL_OF_KIND[kind] === 'purchase' || JOURNAL_OF_KIND[kind] === 'sales') this.vatAt ??= await vatCodeTable(this.db, this.dossierId);
  }

  /** Has load(kind) been done? */
  loaded(kind: BookingKind): boolean {
    if (!this.accountMap || !this.journals || !this.resolve || !this.roles) return false;
    return this.vatAt !== undefined || (JOURNAL_OF_KIND[kind] !== 'purchase' && JOURNAL_OF_KIND[kind] !== 'sales');
  }

  async accounts(): Promise<Map<string, boolean>> {
    if (!this.accountMap) await this.load('miscellaneous');
    return this.accountMap!;
  }

  /** Loads the relations of a batch in one query. */
  async loadRelations(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && !this.relationMap.has(id));
    if (!missing.length) return;
    const rows = await sql<RelationInfo>`
      select id, name, kind, payment_days, payment_end_of_month from relation
      where dossier_id = ${this.dossierId} and id = any(${missing}::int[])`.execute(this.db);
    for (const id of missing) this.relationMap.set(id, rows.rows.find((r) => r.id === id) ?? null);
  }

  /** Is a relation of these (a number not yet looked up) still to be loaded? */
  relationsToLoad(ids: Array<number | null | undefined>): boolean {
    for (const id of ids) if (typeof id === 'number' && Number.isSafeInteger(id) && !this.relationMap.has(id)) return true;
    return false;
  }

  async relation(id: number): Promise<RelationInfo | null> {
    if (!this.relationMap.has(id)) await this.loadRelations([id]);
    return this.relationMap.get(id) ?? null;
  }

  /** A relation loaded before (loadRelations): null when it does not exist. */
  loadedRelation(id: number): RelationInfo | null {
    return this.relationMap.get(id) ?? null;
  }

  async period(date: string, target: PeriodTarget) {
    this.resolve ??= await periodResolver(this.db, this.dossierId);
    return this.resolve(date, target);
  }

  async vatCodes(date: string) {
    this.vatAt ??= await vatCodeTable(this.db, this.dossierId);
    return this.vatAt(date);
  }

  async role(role: FixedRole): Promise<string> {
    this.roles ??= await fixedAccounts(this.db, this.dossierId);
    return requireRole(this.roles, role);
  }

  async journal(input: BaseInput, kind: BookingKind): Promise<JournalRow> {
    await this.load(kind);
    return this.loadedJournal(input, kind);
  }

  // What a booking's checks read once load() is done: synchronous.
  loadedAccounts = (): Map<string, boolean> => this.accountMap!;
  loadedPeriod = (date: string, target: PeriodTarget) => this.resolve!(date, target);
  loadedVatCodes = (date: string) => this.vatAt!(date);
  loadedRole = (role: FixedRole): string => requireRole(this.roles!, role);
  /** A role's account, or null when the role has none (where a role is optional). */
  loadedRoleOrNull = (role: FixedRole): string | null => this.roles!.get(role) ?? null;

  /** journals by the code as given (trimmed, upper case): an import names the same few journals 100,000 times */
  private journalCodes = new Map<string, JournalRow | undefined>();

  private journalByCode(given: string): JournalRow | undefined {
    if (this.journalCodes.has(given)) return this.journalCodes.get(given);
    const code = given.trim().toUpperCase();
    const journal = this.journals!.find((j) => j.code === code);
    if (this.journalCodes.size < 1000) this.journalCodes.set(given, journal);
    return journal;
  }

  loadedJournal(input: BaseInput, kind: BookingKind): JournalRow {
    const journals = this.journals!;
    const type = JOURNAL_OF_KIND[kind];
    let journal: JournalRow | undefined;
    if (input.journalId !== undefined) journal = journals.find((j) => j.id === input.journalId);
    else if (input.journal) {
      journal = this.journalByCode(input.journal);
    } else journal = journals.find((j) => j.type === type && j.active);
    if (!journal) throw invalid('ledger.journal_not_found', input.journal ? 'journal' : 'journalId', { id: input.journalId, code: input.journal });
    if (journal.type !== type) {
      throw invalid('ledger.journal_kind_mismatch', 'journalId', { kind: `ledger.kind.${kind}`, code: journal.code, type: `ledger.journal_type.${journal.type}` });
    }
    if (!journal.active) throw invalid('ledger.journal_inactive', 'journalId', { code: journal.code });
    return journal;
  }

  /**
   * The opening balance a statement must have: the closing balance of the journal's previous
   * statement (reversed statements do not count), or — for its first statement — the balance of the
   * journal's account in the fiscal year so far (opening booking, or the miscellaneous booking of the
   * starting balance against 588888).
   */
  async expectedOpening(journal: JournalRow, fiscalYearId: number): Promise<Cents> {
    const known = this.statementBalances.get(journal.id);
    if (known !== undefined) return known;
    const previous = await sql<{ closing: number }>`
      select b.statement_closing as closing from booking b
      where b.dossier_id = ${this.dossierId} and b.journal_id = ${journal.id} and b.kind = 'financial_statement'
        and b.reverses_booking_id is null
        and not exists (select 1 from booking r where r.dossier_id = b.dossier_id and r.reverses_booking_id = b.id)
      order by b.date desc, b.id desc limit 1`.execute(this.db);
    if (previous.rows.length) return previous.rows[0].closing;
    const balance = await sql<{ balance: number }>`
      select coalesce(sum(debit - credit), 0)::bigint as balance from account_balance
      where dossier_id = ${this.dossierId} and fiscal_year_id = ${fiscalYearId} and account = ${journal.account}`.execute(this.db);
    return Number(balance.rows[0].balance) + (this.pendingBalances?.balance(fiscalYearId, journal.account!) ?? 0);
  }

  rememberStatement(journalId: number, closing: Cents) {
    this.statementBalances.set(journalId, closing);
  }
}

function date(value: string | null | undefined, field: string): string {
  return checkDate(value ?? '', field);
}

function money(value: Money, field: string, line?: number): Cents {
  try {
    return toCents(value, field);
  } catch {
    throw invalid('ledger.amount_invalid', field, { value }, line);
  }
}

/** The amount `name` of line i (0-based); the field's name is built only for an error. */
function lineMoney(value: Money, i: number, name: string): Cents {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  return money(value, `lines.${i}.${name}`, i + 1);
}

const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** Every line's account exists and is active (all wrong lines named). */
function checkAccounts(ctx: PostingContext, lines: PostingLine[], fieldOf: (i: number) => string, lineOf: (i: number) => number) {
  const accounts = ctx.loadedAccounts();
  let details: ErrorDetail[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const active = accounts.get(l.account);
    if (active === true) continue;
    details ??= [];
    if (active === undefined) details.push({ field: fieldOf(i), line: lineOf(i), code: 'ledger.line_account_missing', params: { account: l.account, line: lineOf(i) } });
    else details.push({ field: fieldOf(i), line: lineOf(i), code: 'ledger.line_account_inactive', params: { account: l.account, line: lineOf(i) } });
  }
  if (details) throw validation(details[0].code, details[0].params, details);
}

/** The relation of the booking, or (`line`, 1-based) of one of its lines; relations are loaded before (loadRelations). */
function requireRelation(ctx: PostingContext, id: number | null | undefined, line?: number): RelationInfo {
  if (id === undefined || id === null) throw invalid('ledger.relation_required', line ? `lines.${line - 1}.relationId` : 'relationId', {}, line);
  const r = ctx.loadedRelation(id);
  if (!r) throw invalid(line ? 'ledger.line_relation_missing' : 'ledger.relation_not_found', line ? `lines.${line - 1}.relationId` : 'relationId', { relationId: id }, line);
  return r;
}

const lineRelations = (lines: unknown) => (Array.isArray(lines) ? lines.map((l: { relationId?: number | null } | null) => l?.relationId) : []);

export async function prepareBooking(ctx: PostingContext, input: BookingInput): Promise<PreparedBooking> {
  if (!input || typeof input !== 'object' || !('type' in input)) throw invalid('ledger.booking_kind_unknown', 'type', { kind: String((input as { type?: unknown })?.type) });
  const kind = input.type;
  if (!BOOKING_KINDS.includes(kind)) throw invalid('ledger.booking_kind_unknown', 'type', { kind: String((input as { type?: unknown }).type) });
  // What the checks read is loaded first (once per context); after that they wait on nothing.
  if (!ctx.loaded(kind)) await ctx.load(kind);
  switch (input.type) {
    case 'purchase_invoice':
    case 'purchase_credit_note':
    case 'sales_invoice':
    case 'sales_credit_note':
      if (typeof input.relationId === 'number' && ctx.relationsToLoad([input.relationId])) await ctx.loadRelations([input.relationId]);
      return prepareInvoice(ctx, input);
    case 'financial_statement':
      return prepareStatement(ctx, input);
    case 'miscellaneous':
    case 'opening': {
      if (input.type === 'opening') await checkOpeningYear(ctx, input);
      const ids = lineRelations(input.lines);
      if (ctx.relationsToLoad(ids)) await ctx.loadRelations(ids.filter((x): x is number => typeof x === 'number'));
      return prepareGeneral(ctx, input);
    }
  }
}

/**
 * Opening balances come from another package, into the first year; a later year gets its opening
 * booking from the transfer of the previous one (which writes it itself, not through here).
 * (Journal, date and period are checked first, as prepareGeneral does.)
 */
async function checkOpeningYear(ctx: PostingContext, input: GeneralBookingInput): Promise<void> {
  ctx.loadedJournal(input, 'opening');
  const period = ctx.loadedPeriod(date(input.date, 'date'), 'opening');
  const { rows } = await sql<{ start: string; previous: string }>`
    select y.start_date as start, p.start_date || ' – ' || p.end_date as previous
    from fiscal_year y join fiscal_year p on p.dossier_id = y.dossier_id and p.end_date < y.start_date
    where y.dossier_id = ${ctx.dossierId} and y.id = ${period.fiscalYearId}
    order by p.end_date desc limit 1`.execute(ctx.db);
  if (rows.length) throw invalid('ledger.opening_not_first_year', 'date', rows[0]);
}

/** A prepared booking with every field, in one order (one hidden class for all: writing 100,000s stays fast); the caller sets the rest. */
function booking(ctx: PostingContext, kind: BookingKind, journalId: number, period: { fiscalYearId: number; periodNo: number }, d: string, amount: Cents, lines: PostingLine[], grids: Record<string, number>): PreparedBooking {
  return {
    journalId,
    fiscalYearId: period.fiscalYearId,
    periodNo: period.periodNo,
    kind,
    date: d,
    documentDate: null,
    dueDate: null,
    relationId: null,
    reference: null,
    description: null,
    structuredCommunication: null,
    statementNumber: null,
    statementOpening: null,
    statementClosing: null,
    amount,
    reversesBookingId: null,
    origin: ctx.origin,
    createdBy: ctx.createdBy,
    lines,
    grids,
  };
}

function prepareInvoice(ctx: PostingContext, input: InvoiceBookingInput): PreparedBooking {
  const kind = input.type;
  const journal = ctx.loadedJournal(input, kind);
  const d = date(input.date, 'date');
  const documentDate = input.documentDate ? date(input.documentDate, 'documentDate') : d;
  const period = ctx.loadedPeriod(d, 'regular');
  const relation = requireRelation(ctx, input.relationId);
  const lines = Array.isArray(input.lines) ? input.lines : [];
  checkLineCount(lines.length);
  const side = kind === 'purchase_invoice' || kind === 'purchase_credit_note' ? 'purchase' : 'sales';
  const creditNote = kind === 'purchase_credit_note' || kind === 'sales_credit_note';
  const dueDate = input.dueDate ? date(input.dueDate, 'dueDate') : dueDateFromTerms(documentDate, relation.payment_days, relation.payment_end_of_month);
  const ogm = input.structuredCommunication == null ? null : structuredCommunication(input.structuredCommunication, 'structuredCommunication');
  const codes = ctx.loadedVatCodes(documentDate);
  const parsed: InvoiceLineInput[] = [];
  let reverseCharge = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const account = typeof l.account === 'string' ? l.account.trim() : l.account;
    const vatCode = typeof l.vatCode === 'string' ? l.vatCode.trim().toUpperCase() : l.vatCode;
    if (!account) throw invalid('ledger.line_account_required', `lines.${i}.account`, {}, i + 1);
    if (!vatCode) throw invalid('ledger.line_vat_code_required', `lines.${i}.vatCode`, {}, i + 1);
    parsed.push({
      account,
      vatCode,
      amount: l.amount !== undefined && l.amount !== null ? lineMoney(l.amount, i, 'amount') : undefined,
      amountInclVat: l.amountInclVat !== undefined && l.amountInclVat !== null ? lineMoney(l.amountInclVat, i, 'amountInclVat') : undefined,
      description: text(l.description),
    });
    if (codes.get(vatCode)?.reverseCharge) reverseCharge = true;
  }
  const counterparty = ctx.loadedRole(side === 'purchase' ? 'suppliers' : 'customers');
  const vatPayable = side === 'sales' || reverseCharge ? ctx.loadedRole('vat_payable') : undefined;
  const vatReceivable = side === 'purchase' ? ctx.loadedRole('vat_receivable') : undefined;
  const totalInclVat = input.totalInclVat !== undefined && input.totalInclVat !== null ? money(input.totalInclVat, 'totalInclVat') : undefined;
  // without a rounding account, a difference within the rounding limit names the missing role
  const rounding = totalInclVat !== undefined ? (ctx.loadedRoleOrNull('rounding_differences') ?? undefined) : undefined;
  for (let i = 0; i < parsed.length; i++) {
    const l = parsed[i];
    if (!codes.has(l.vatCode)) {
      const exists = ctx.loadedVatCodes('9999-12-31').has(l.vatCode);
      throw invalid(exists ? 'ledger.vat_code_no_rate' : 'ledger.vat_code_not_found', `lines.${i}.vatCode`, { code: l.vatCode, date: documentDate }, i + 1);
    }
  }
  const reference = text(input.reference);
  const computed = computeInvoice(
    { side, creditNote, lines: parsed, totalInclVat, relationId: relation.id, dueDate, reference, structuredCommunication: ogm },
    codes,
    { counterparty, vatPayable, vatReceivable, rounding },
  );
  // Lines 2.. are the entered lines in order: errors on them name the entered line.
  checkAccounts(ctx, computed.lines, (i) => (i >= 1 && i <= parsed.length ? `lines.${i - 1}.account` : 'lines'), (i) => (i >= 1 && i <= parsed.length ? i : 0));
  checkBalanced(computed.lines);
  const foreign = input.currency == null ? null : foreignAmount(input.currency, input.currencyAmount, 1, { currency: 'currency', amount: 'currencyAmount' });
  if (foreign) {
    const total = computed.lines.find((l) => l.kind === 'total');
    if (total) Object.assign(total, { currency: foreign.currency, currencyAmount: Math.sign(total.amount) * foreign.currencyAmount || 0 });
  }
  const b = booking(ctx, kind, journal.id, period, d, computed.totalInclVat, computed.lines, computed.grids);
  b.documentDate = documentDate;
  b.dueDate = dueDate;
  b.relationId = relation.id;
  b.reference = reference;
  b.description = text(input.description);
  b.structuredCommunication = ogm;
  return b;
}

async function prepareStatement(ctx: PostingContext, input: StatementBookingInput): Promise<PreparedBooking> {
  const journal = ctx.loadedJournal(input, 'financial_statement');
  const d = date(input.date, 'date');
  const period = ctx.loadedPeriod(d, 'regular');
  const lines = Array.isArray(input.lines) ? input.lines : [];
  checkLineCount(lines.length);
  const opening = money(input.openingBalance, 'openingBalance');
  const closing = money(input.closingBalance, 'closingBalance');
  const expected = await ctx.expectedOpening(journal, period.fiscalYearId);
  if (opening !== expected) {
    throw invalid('ledger.statement_opening_mismatch', 'openingBalance', { given: formatCents(opening), expected: formatCents(expected) });
  }
  await ctx.loadRelations(lines.map((l) => l.relationId).filter((x): x is number => typeof x === 'number'));
  const movements = [];
  for (const [i, l] of lines.entries()) {
    const amount = lineMoney(l.amount, i, 'amount');
    if (amount === 0) throw invalid('ledger.line_amount_zero', `lines.${i}.amount`, {}, i + 1);
    let account = text(l.account);
    let relationId: number | null = null;
    if (l.relationId !== undefined && l.relationId !== null) {
      const relation = requireRelation(ctx, l.relationId, i + 1);
      relationId = relation.id;
      if (!account) {
        const customer = relation.kind === 'customer' || (relation.kind === 'both' && amount > 0);
        account = ctx.loadedRole(customer ? 'customers' : 'suppliers');
      }
    }
    if (!account) throw invalid('ledger.statement_line_target', `lines.${i}`, {}, i + 1);
    movements.push({
      amount,
      account,
      relationId,
      communication: text(l.communication),
      structuredCommunication: l.structuredCommunication == null ? null : structuredCommunication(l.structuredCommunication, `lines.${i}.structuredCommunication`),
      description: text(l.description),
      counterpartyAccount: text(l.counterpartyAccount)?.replace(/\s+/g, '').toUpperCase() ?? null,
      counterpartyName: text(l.counterpartyName),
    });
  }
  const posting = statementLines(journal.account!, opening, closing, movements);
  lines.forEach((l, i) => {
    // the counter line (relation or account) of a payment in a foreign currency keeps its currency amount
    const entry = posting[2 * i + 1];
    const foreign = l.currency == null ? null : foreignAmount(l.currency, l.currencyAmount, entry.amount, { currency: `lines.${i}.currency`, amount: `lines.${i}.currencyAmount` }, i + 1);
    if (foreign) Object.assign(entry, foreign);
  });
  checkAccounts(ctx, posting, (i) => `lines.${Math.floor(i / 2)}.account`, (i) => Math.floor(i / 2) + 1);
  checkBalanced(posting);
  ctx.rememberStatement(journal.id, closing);
  const b = booking(ctx, 'financial_statement', journal.id, period, d, closing - opening, posting, {});
  b.description = text(input.description);
  b.statementNumber = text(input.statementNumber);
  b.statementOpening = opening;
  b.statementClosing = closing;
  return b;
}

function prepareGeneral(ctx: PostingContext, input: GeneralBookingInput): PreparedBooking {
  const kind = input.type;
  const journal = ctx.loadedJournal(input, kind);
  const d = date(input.date, 'date');
  const period = ctx.loadedPeriod(d, kind === 'opening' ? 'opening' : 'regular');
  const lines = Array.isArray(input.lines) ? input.lines : [];
  checkLineCount(lines.length);
  // An opening booking brings the open items of the previous package: a line on the customers or
  // suppliers account is one invoice of one relation, so matching can close it later.
  const itemAccounts = new Set<string>();
  if (kind === 'opening') {
    for (const role of ['customers', 'suppliers'] as const) {
      const account = ctx.loadedRoleOrNull(role); // a role without account needs no relation
      if (account) itemAccounts.add(account);
    }
  }
  const posting: PostingLine[] = [];
  for (const [i, l] of lines.entries()) {
    const n = i + 1;
    if (!l.account?.trim()) throw invalid('ledger.line_account_required', `lines.${i}.account`, {}, n);
    if (itemAccounts.has(l.account.trim()) && l.relationId == null) {
      throw invalid('ledger.line_relation_required', `lines.${i}.relationId`, { account: l.account.trim() }, n);
    }
    let amount: Cents;
    if (l.amount !== undefined && l.amount !== null) amount = lineMoney(l.amount, i, 'amount');
    else amount = (l.debit != null ? lineMoney(l.debit, i, 'debit') : 0) - (l.credit != null ? lineMoney(l.credit, i, 'credit') : 0);
    if (amount === 0) throw invalid('ledger.line_amount_zero', `lines.${i}.amount`, {}, n);
    const relation = l.relationId != null ? requireRelation(ctx, l.relationId, n) : null;
    const documentDate = l.documentDate ? date(l.documentDate, `lines.${i}.documentDate`) : null;
    let dueDate = l.dueDate ? date(l.dueDate, `lines.${i}.dueDate`) : null;
    if (!dueDate && documentDate && relation) dueDate = dueDateFromTerms(documentDate, relation.payment_days, relation.payment_end_of_month);
    const line = postingLine(l.account.trim(), amount, 'entry');
    line.relationId = relation?.id ?? null;
    line.dueDate = dueDate;
    line.reference = text(l.reference);
    line.documentDate = documentDate;
    line.description = text(l.description);
    line.communication = text(l.communication);
    line.structuredCommunication = l.structuredCommunication == null ? null : structuredCommunication(l.structuredCommunication, `lines.${i}.structuredCommunication`);
    line.vatCode = text(l.vatCode);
    const foreign = l.currency == null ? null : foreignAmount(l.currency, l.currencyAmount, amount, { currency: `lines.${i}.currency`, amount: `lines.${i}.currencyAmount` }, n);
    if (foreign) {
      line.currency = foreign.currency;
      line.currencyAmount = foreign.currencyAmount;
    }
    posting.push(line);
  }
  checkAccounts(ctx, posting, (i) => `lines.${i}.account`, (i) => i + 1);
  checkBalanced(posting);
  let debit = 0;
  for (const l of posting) if (l.amount > 0) debit += l.amount;
  const b = booking(ctx, kind, journal.id, period, d, debit, posting, {});
  b.reference = text(input.reference);
  b.description = text(input.description);
  return b;
}

