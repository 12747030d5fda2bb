/**
 * Bank → import a statement file (CODA or camt.053) into a dossier. Each statement becomes one
 * financial booking in the journal of its account (IBAN + currency); a statement with more movements
 * than a booking holds (MAX_LINES, 5,000 — a big web shop's daily statement) becomes several
 * consecutive financial bookings with the same statement number and date, "(1/3)", "(2/3)"… in their
 * description, each opening at the closing balance of the part before it: the first opens at the
 * statement's opening balance, the last closes at its closing balance. A movement whose structured
 * communication (OGM) points to exactly one open invoice is booked on that relation's 400/440 account
 * and matched; a movement from or to the IBAN of exactly one relation is booked on that relation (and
 * matched automatically where one invoice fits); every other movement goes to the CODA suspense account. A file books all or nothing;
 * a statement imported before (same account, number and date) is skipped and reported as a duplicate.
 *
 * Amounts: CODA carries three decimals, the books keep cents. A non-zero third decimal is refused
 * (never rounded) with an error naming the statement and movement.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, conflict, validation } from '../../core/errors.ts';
import { isValidOgm } from '../../core/ogm.ts';
import { translate } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { fixedAccounts } from '../ledger/accounts/fixed-accounts.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { PostingContext, prepareBooking, type StatementBookingInput } from '../ledger/bookings/prepare.ts';
import { MAX_LINES } from '../ledger/bookings/rules.ts';
import { writeBookings, type PreparedBooking } from '../ledger/bookings/write.ts';
import { formatCents } from '../ledger/money.ts';
import { autoMatchIn } from '../matching/auto-match.ts';
import { normalizeIban, relationsByIban } from '../matching/counterparty.ts';
import { loadOpenItems } from '../matching/open-items.ts';
import { audit } from '../users/manage-users.ts';
import { parseCoda } from '../../formats/coda/parse.ts';
import { parseCamt053 } from '../../formats/camt/parse.ts';
import { decodeBankFile, formatAmount, type ParsedStatement } from '../../formats/statement.ts';
import './schema.ts';
import './messages.ts';

export interface ImportedStatement {
  journal: string;
  number: string;
  /** The (first) financial booking of the statement. */
  bookingId: number;
  lines: number;
  matched: number;
  suspense: number;
  /** Only for a statement of more than MAX_LINES movements: its consecutive bookings, in order. */
  parts?: StatementPart[];
}
export interface StatementPart {
  bookingId: number;
  lines: number;
  openingBalance: string;
  closingBalance: string;
}
export interface DuplicateStatement {
  journal: string;
  account: string;
  number: string;
  message: string;
}
export interface StatementImportResult {
  format: 'coda' | 'camt.053';
  statements: ImportedStatement[];
  duplicates: DuplicateStatement[];
}

const fail = (code: string, field: string, params: Record<string, unknown>) => validation(code, params, [{ field, code, params }]);

function detectAndParse(fileName: string, bytes: Uint8Array): ParsedStatement[] {
  const { text } = decodeBankFile(bytes.subarray(0, 8192)); // the head tells the format: no need to decode the whole file twice
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('<') && /camt\.053/.test(head)) return parseCamt053(bytes);
  if (/^0000\d/.test(head)) return parseCoda(bytes);
  throw fail('banking.file_unknown_format', 'file', { fileName });
}

const normalizeAccount = (a: string) => a.replace(/\s+/g, '').toUpperCase();

function cents(thousandths: bigint, params: Record<string, unknown>): number {
  if (thousandths % 10n !== 0n) throw fail('banking.amount_third_decimal', 'file', { ...params, amount: formatAmount(thousandths) });
  return Number(thousandths / 10n);
}

export async function importStatementFile(
  svc: Services,
  actor: Actor,
  dossierId: number,
  file: { fileName: string; content: Uint8Array | string },
): Promise<StatementImportResult> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
  const statements = detectAndParse(file.fileName, bytes);
  if (!statements.length) throw fail('banking.file_empty', 'file', { fileName: file.fileName });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const createdBy = actorUserId(actor);

  return svc.db.transaction().execute(async (trx) => {
    const journals = await trx
      .selectFrom('journal')
      .select(['id', 'code', 'iban', 'currency', 'account', 'active'])
      .where('dossier_id', '=', dossierId)
      .where('type', '=', 'financial')
      .orderBy('id')
      .execute();
    const roles = await fixedAccounts(trx, dossierId);
    const suspense = roles.get('coda_suspense');
    if (!suspense) throw fail('banking.suspense_missing', 'coda_suspense', {});
    // the open invoices of the structured communications the movements carry (an index look-up per OGM,
    // not a pass over every open item), by OGM: one look-up per movement
    const ogms = new Set<string>();
    for (const s of statements) for (const m of s.movements) if (m.structuredCommunication && isValidOgm(m.structuredCommunication)) ogms.add(m.structuredCommunication);
    const openItems = ogms.size ? await loadOpenItems(trx, dossierId, { ogms: [...ogms], payments: false, unordered: true }) : [];
    const byOgm = new Map<string, typeof openItems>();
    for (const o of openItems) {
      if (!o.structuredCommunication || o.relationId == null || o.bookingKind === 'financial_statement') continue;
      const list = byOgm.get(o.structuredCommunication);
      if (list) list.push(o);
      else byOgm.set(o.structuredCommunication, [o]);
    }
    // a movement from or to the account (IBAN) of exactly one relation is booked on that relation
    const byIban = await relationsByIban(trx, dossierId, statements.flatMap((s) => s.movements.map((m) => m.counterpartyAccount ?? '').filter(Boolean)));
    const ctx = new PostingContext(trx, dossierId, createdBy, 'import');
    const result: StatementImportResult = { format: statements[0].format, statements: [], duplicates: [] };
    const written: Array<{ index: number; bookingIds: number[]; relationIds: Set<number> }> = [];

    for (const s of statements) {
      const account = normalizeAccount(s.account);
      const number = s.sequence ?? s.statementId ?? '';
      const journal = journals.find((j) => j.active && j.iban && normalizeAccount(j.iban) === account && j.currency === s.currency);
      if (!journal) throw fail('banking.journal_not_found', 'file', { account, currency: s.currency, number });
      const date = s.newBalanceDate ?? s.movements.at(-1)?.entryDate ?? s.oldBalanceDate;
      if (!date) throw fail('banking.no_fiscal_period', 'file', { date: '?', number });

      const seen = await trx
        .selectFrom('bank_statement_import')
        .select('booking_id')
        .where('dossier_id', '=', dossierId)
        .where('account', '=', account)
        .where('sequence', '=', number)
        .where('statement_date', '=', date)
        .executeTakeFirst();
      if (seen) {
        result.duplicates.push({ journal: journal.code, account, number, message: translate('banking.statement_duplicate', actor.language, { number, account }) });
        continue;
      }

      // The statement's date and every movement date must fall in an open fiscal-year period.
      let fiscalYearId: number;
      const dates = new Set([date, ...s.movements.map((m) => m.entryDate).filter((d): d is string => !!d)]);
      try {
        fiscalYearId = (await ctx.period(date, 'regular')).fiscalYearId;
        for (const d of dates) await ctx.period(d, 'regular');
      } catch (e) {
        if (e instanceof AppError && e.code === 'ledger.no_fiscal_period') {
          throw fail('banking.no_fiscal_period', 'file', { date, number });
        }
        throw e;
      }

      const opening = cents(s.oldBalance, { number, line: 0 });
      const closing = cents(s.newBalance, { number, line: 0 });
      const expected = await ctx.expectedOpening({ ...journal, name: '', type: 'financial' }, fiscalYearId);
      if (opening !== expected) {
        throw fail('banking.opening_mismatch', 'file', { journal: journal.code, number, given: formatCents(opening), expected: formatCents(expected) });
      }

      const relationIds = new Set<number>();
      const amounts: number[] = []; // cents of each line, to chain the balances of the parts of a long statement
      const lines: StatementBookingInput['lines'] = s.movements.map((m, i) => {
        const amount = cents(m.amount, { number, line: i + 1 });
        amounts.push(amount);
        const ogm = m.structuredCommunication && isValidOgm(m.structuredCommunication) ? m.structuredCommunication : null;
        // money in (amount > 0) pays a customer's invoice, which is open on the debit side (> 0)
        const invoices = ogm
          ? (byOgm.get(ogm) ?? []).filter((o) => Math.sign(o.open) === Math.sign(amount))
          : [];
        const relations = new Set(invoices.map((o) => o.relationId!));
        const description = [m.counterpartyName, m.communication].filter(Boolean).join(' — ') || null;
        const counterparty = { counterpartyAccount: m.counterpartyAccount, counterpartyName: m.counterpartyName };
        const base = { amount: formatCents(amount), structuredCommunication: ogm, communication: m.communication, description, ...counterparty };
        if (relations.size === 1 && invoices.length === 1) {
          const relationId = invoices[0].relationId!;
          relationIds.add(relationId);
          return { ...base, relationId, account: invoices[0].account };
        }
        const known = m.counterpartyAccount ? byIban.get(normalizeIban(m.counterpartyAccount)) : undefined;
        if (known) {
          relationIds.add(known.id);
          return { ...base, relationId: known.id };
        }
        return { ...base, account: suspense };
      });
      // A zero-amount movement (information only) moves nothing: it is not booked.
      const bookedAmounts = amounts.filter((a) => a !== 0);
      const booked = lines.filter((_, i) => amounts[i] !== 0);
      // At most MAX_LINES movements per booking: a longer statement is booked in consecutive parts with the
      // same number and date, each opening at the closing of the part before (all in this transaction).
      const partCount = Math.max(1, Math.ceil(booked.length / MAX_LINES));
      const prepared: PreparedBooking[] = [];
      const balances: Array<{ opening: number; closing: number; lines: number }> = [];
      let partOpening = opening;
      for (let p = 0; p < partCount; p++) {
        const partLines = partCount === 1 ? booked : booked.slice(p * MAX_LINES, (p + 1) * MAX_LINES);
        let partClosing = closing;
        if (p < partCount - 1) {
          partClosing = partOpening;
          for (const a of bookedAmounts.slice(p * MAX_LINES, (p + 1) * MAX_LINES)) partClosing += a;
        }
        const input: StatementBookingInput = {
          type: 'financial_statement',
          journalId: journal.id,
          date,
          statementNumber: number,
          description: `${s.format === 'coda' ? 'CODA' : 'camt.053'} ${file.fileName}${partCount > 1 ? ` (${p + 1}/${partCount})` : ''}`,
          openingBalance: formatCents(partOpening),
          closingBalance: formatCents(partClosing),
          lines: partLines,
        };
        prepared.push(await prepareBooking(ctx, input));
        balances.push({ opening: partOpening, closing: partClosing, lines: partLines.length });
        partOpening = partClosing;
      }
      const bookings = await writeBookings(trx, dossierId, prepared);
      const booking = bookings[0];
      try {
        await trx
          .insertInto('bank_statement_import')
          .values({ dossier_id: dossierId, journal_id: journal.id, account, sequence: number, statement_date: date, file_sha256: sha256, booking_id: booking.id })
          .execute();
      } catch (e) {
        // the same statement imported at the same moment by another request: this one books nothing
        if ((e as { code?: string }).code === '23505') throw conflict('banking.statement_duplicate', { number, account });
        throw e;
      }
      written.push({ index: result.statements.length, bookingIds: bookings.map((b) => b.id), relationIds });
      result.statements.push({
        journal: journal.code,
        number,
        bookingId: booking.id,
        lines: booked.length,
        matched: 0,
        suspense: 0,
        ...(partCount > 1
          ? {
              parts: bookings.map((b, i) => ({
                bookingId: b.id,
                lines: balances[i].lines,
                openingBalance: formatCents(balances[i].opening),
                closingBalance: formatCents(balances[i].closing),
              })),
            }
          : {}),
      });
    }

    const relations = new Set(written.flatMap((w) => [...w.relationIds]));
    // one matching pass over every relation the file booked on (not one pass per relation)
    await autoMatchIn(trx, dossierId, { relationIds: [...relations] }, createdBy);
    for (const w of written) {
      const st = result.statements[w.index];
      const rows = await trx
        .selectFrom('booking_line')
        .select(['line_no', 'account', 'kind'])
        .where('dossier_id', '=', dossierId)
        .where('booking_id', 'in', w.bookingIds)
        .execute();
      st.suspense = rows.filter((r) => r.kind === 'entry' && r.account === suspense).length;
      const matched = await trx
        .selectFrom('match_line')
        .select((eb) => eb.fn.count<number>(sql`distinct (booking_id, line_no)`).as('n'))
        .where('dossier_id', '=', dossierId)
        .where('booking_id', 'in', w.bookingIds)
        .executeTakeFirst();
      st.matched = Number(matched?.n ?? 0);
    }
    await audit(trx, actor, actor.officeId, 'banking.import', { fileName: file.fileName, sha256, booked: result.statements.length, duplicates: result.duplicates.length }, dossierId);
    return result;
  });
}
