/** Pure rules of bookings: balance, due dates, statements, reversal, numbering display. */
import { addDays } from '../../../core/dates.ts';
import { validation } from '../../../core/errors.ts';
import { isValidOgm, normalizeOgm } from '../../../core/ogm.ts';
import { lastDayOfMonth } from '../fiscal-years/rules.ts';
import { formatCents, type Cents } from '../money.ts';
import type { BookingKind, JournalType } from '../schema.ts';
import { postingLine, type PostingLine } from '../vat/compute.ts';

export const MAX_LINES = 5000;

export const BOOKING_KINDS = [
  'purchase_invoice',
  'purchase_credit_note',
  'sales_invoice',
  'sales_credit_note',
  'financial_statement',
  'miscellaneous',
  'opening',
] as const;
export type PostableKind = (typeof BOOKING_KINDS)[number];

/** The journal type each kind of booking belongs in. */
export const JOURNAL_OF_KIND: Record<BookingKind, JournalType> = {
  purchase_invoice: 'purchase',
  purchase_credit_note: 'purchase',
  sales_invoice: 'sales',
  sales_credit_note: 'sales',
  financial_statement: 'financial',
  miscellaneous: 'miscellaneous',
  opening: 'opening',
  closing: 'miscellaneous',
};

export function checkBalanced(lines: Array<{ amount: Cents }>): void {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (total !== 0) {
    throw validation('ledger.booking_unbalanced', { difference: formatCents(Math.abs(total)) }, [
      { field: 'lines', code: 'ledger.booking_unbalanced', params: { difference: formatCents(Math.abs(total)) } },
    ]);
  }
}

export function checkLineCount(count: number): void {
  if (count === 0) throw validation('ledger.booking_no_lines', {}, [{ field: 'lines', code: 'ledger.booking_no_lines' }]);
  if (count > MAX_LINES) throw validation('ledger.booking_too_many_lines', { max: MAX_LINES }, [{ field: 'lines', code: 'ledger.booking_too_many_lines', params: { max: MAX_LINES } }]);
}

/** Payment terms: document date + days, or (end of month) the last day of the month that reaches. */
const dueDates = new Map<string, string>();

export function dueDateFromTerms(documentDate: string, days: number, endOfMonth: boolean): string {
  const key = `${documentDate}|${days}|${endOfMonth}`;
  let due = dueDates.get(key);
  if (due === undefined) {
    due = addDays(documentDate, days);
    if (endOfMonth) due = lastDayOfMonth(due);
    if (dueDates.size > 100_000) dueDates.clear();
    dueDates.set(key, due);
  }
  return due;
}

/** A structured communication as people type it → its 12 digits (checked), or null when empty. */
export function structuredCommunication(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const digits = normalizeOgm(value);
  if (!digits || !isValidOgm(digits)) throw validation('ledger.ogm_invalid', { value }, [{ field, code: 'ledger.ogm_invalid', params: { value } }]);
  return digits;
}

/** The counter-entry of a booking: every line with the opposite amount. */
export function reversedLines<L extends { amount: Cents; vatBase?: Cents | null }>(lines: L[]): L[] {
  return lines.map((l) => ({ ...l, amount: -l.amount, vatBase: l.vatBase == null ? l.vatBase : -l.vatBase }));
}

/** "AK 2026/0007": journal code, the year the fiscal year starts in, the number. */
export function bookingDisplay(journalCode: string, yearStart: string, number: number): string {
  return `${journalCode} ${yearStart.slice(0, 4)}/${String(number).padStart(4, '0')}`;
}

export interface StatementMovement {
  amount: Cents;
  /** the account the movement is booked against (a relation's 400000/440000 or any account) */
  account: string;
  relationId: number | null;
  communication: string | null;
  structuredCommunication: string | null;
  description: string | null;
  /** who paid or was paid (IBAN and name, as the bank gave them) */
  counterpartyAccount?: string | null;
  counterpartyName?: string | null;
}

/**
 * A financial statement: opening + movements = closing, and for each movement the bank account line
 * (debit for money in) and the counter line.
 */
export function statementLines(bankAccount: string, opening: Cents, closing: Cents, movements: StatementMovement[]): PostingLine[] {
  const total = movements.reduce((s, m) => s + m.amount, 0);
  if (opening + total !== closing) {
    throw validation('ledger.statement_closing_mismatch', { given: formatCents(closing), expected: formatCents(opening + total) }, [
      { field: 'closingBalance', code: 'ledger.statement_closing_mismatch', params: { given: formatCents(closing), expected: formatCents(opening + total) } },
    ]);
  }
  const lines: PostingLine[] = [];
  for (const m of movements) {
    const bank = postingLine(bankAccount, m.amount, 'bank');
    const counter = postingLine(m.account, -m.amount, 'entry');
    counter.relationId = m.relationId;
    for (const l of [bank, counter]) {
      l.communication = m.communication;
      l.structuredCommunication = m.structuredCommunication;
      l.description = m.description;
      if (m.counterpartyAccount) l.counterpartyAccount = m.counterpartyAccount;
      if (m.counterpartyName) l.counterpartyName = m.counterpartyName;
    }
    lines.push(bank, counter);
  }
  return lines;
}
