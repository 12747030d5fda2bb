/** Accounting (bookings) and Reports: the API calls and answer shapes the screens use. */
import { api } from '../../api.ts';

export type BookingKind = 'purchase_invoice' | 'purchase_credit_note' | 'sales_invoice' | 'sales_credit_note' | 'financial_statement' | 'miscellaneous' | 'opening';
export type JournalType = 'purchase' | 'sales' | 'financial' | 'miscellaneous' | 'opening';

export interface Journal { id: number; code: string; name: string; type: JournalType; account: string | null; active: boolean }
export interface Account { number: string; name: string; active: boolean; defaultVatCode: string | null }
export interface VatCode { code: string; kind: 'sales' | 'purchase'; name: string; rateBp: number | null; active: boolean }
export interface RelationItem { id: number; number: string; name: string; kind: 'customer' | 'supplier' | 'both'; paymentDays: number; paymentEndOfMonth: boolean; defaultAccount: string | null; defaultVatCode: string | null }
export interface FiscalYear { id: number; startDate: string; endDate: string; closed: boolean; periods?: Array<{ periodNo: number; kind: string; startDate: string; endDate: string; closed: boolean }> }

export interface BookingLine {
  lineNo: number; account: string; accountName?: string; relationId: number | null; relationName?: string | null; amount: number;
  kind: string; vatCode: string | null; vatBase: number | null; dueDate: string | null; description: string | null; communication: string | null;
  /** the line's own document (open items of an opening booking) */
  reference?: string | null; documentDate?: string | null;
}
export interface BookingListItem {
  id: number; display: string; journalId: number; journalCode: string; fiscalYearId: number; number: number; kind: BookingKind; date: string;
  documentDate: string | null; dueDate: string | null; relationId: number | null; relationName: string | null; reference: string | null;
  description: string | null; amount: number; reversesBookingId: number | null; reversedByBookingId: number | null;
}
export interface BookingView extends BookingListItem {
  periodNo: number; statementNumber: string | null; statementOpening: number | null; statementClosing: number | null;
  lines: BookingLine[]; vatGrids: Record<string, number>; previousId: number | null; nextId: number | null;
}
export interface Preview { kind: BookingKind; journalId: number; fiscalYearId: number; periodNo: number; date: string; dueDate: string | null; amount: number; lines: BookingLine[]; vatGrids: Record<string, number> }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BookingInput = Record<string, any> & { type: BookingKind; lines: Array<Record<string, unknown>> };

const d = (dossierId: number) => `/dossiers/${dossierId}`;

export const ledgerApi = {
  journals: (id: number) => api.get<{ items: Journal[] }>(`${d(id)}/journals`, { active: true }).then((r) => r.items),
  accounts: (id: number, search: string) => api.get<{ items: Account[] }>(`${d(id)}/accounts`, { search, active: true, pageSize: 50 }).then((r) => r.items),
  vatCodes: (id: number, kind?: 'sales' | 'purchase') => api.get<{ items: VatCode[] }>(`${d(id)}/vat-codes`, { kind, active: true }).then((r) => r.items),
  relations: (id: number, search: string, kind?: 'customer' | 'supplier') =>
    api.get<{ items: RelationItem[] }>(`${d(id)}/relations`, { search, kind: kind ?? 'all', status: 'active', pageSize: 50 }).then((r) => r.items),
  /** One relation with its payment terms (a booking shown or copied names only its relation). */
  relation: (id: number, relationId: number) => api.get<RelationItem>(`${d(id)}/relations/${relationId}`),
  fiscalYears: (id: number) => api.get<FiscalYear[]>(`${d(id)}/fiscal-years`),
  fiscalYear: (id: number, yearId: number) => api.get<FiscalYear>(`${d(id)}/fiscal-years/${yearId}`),
  bookings: (id: number, query: Record<string, string | number | undefined>) =>
    api.get<{ items: BookingListItem[]; total: number }>(`${d(id)}/bookings`, query),
  booking: (id: number, bookingId: number) => api.get<BookingView>(`${d(id)}/bookings/${bookingId}`),
  /** The opening balance the journal's next statement must have on a date, and the number proposed for it (from 1 each year). */
  statementOpening: (id: number, journalId: number, date: string) =>
    api.get<{ openingBalance: number; statementNumber: string }>(`${d(id)}/journals/${journalId}/statement-opening`, { date }),
  copy: (id: number, bookingId: number) => api.get<BookingInput>(`${d(id)}/bookings/${bookingId}/copy`),
  preview: (id: number, input: BookingInput) => api.post<Preview>(`${d(id)}/bookings/preview`, input),
  post: (id: number, input: BookingInput) => api.post<BookingView>(`${d(id)}/bookings`, input),
  reverse: (id: number, bookingId: number) => api.post<BookingView>(`${d(id)}/bookings/${bookingId}/reverse`, {}),
  report: <T>(id: number, report: string, query: Record<string, string | number | boolean | undefined>) => api.get<T>(`${d(id)}/reports/${report}`, query),
};

export function reportUrl(dossierId: number, report: string, query: Record<string, string | number | boolean | undefined>, format: 'csv' | 'xlsx' | 'pdf'): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  params.set('format', format);
  return `/api/v1${d(dossierId)}/reports/${report}?${params}`;
}

/** 123456 → "1.234,56" (nl/fr) or "1,234.56" (en). */
export function money(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '';
  const { negative, euros, rest } = splitCents(cents);
  const sep = (1.5).toLocaleString(locale).charAt(1);
  return `${negative ? '-' : ''}${euros.toLocaleString(locale)}${sep}${rest}`;
}

/** Integer cents → sign, whole euros and the two cent digits, by integer arithmetic (no floating point). */
export function splitCents(cents: number): { negative: boolean; euros: number; rest: string } {
  const abs = Math.abs(cents);
  return { negative: cents < 0, euros: (abs - (abs % 100)) / 100, rest: String(abs % 100).padStart(2, '0') };
}

/** What the user typed → integer cents, read digit by digit (0 when empty or not a number; a third decimal rounds half away from zero). */
export function centsOf(text: string): number {
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(parseAmount(text) ?? '');
  if (!m || (m[2] === '' && !m[3])) return 0;
  const decimals = (m[3] ?? '').padEnd(3, '0');
  const abs = Number(m[2] || '0') * 100 + Number(decimals.slice(0, 2)) + (Number(decimals[2]) >= 5 ? 1 : 0);
  return m[1] === '-' ? -abs : abs;
}

/** What the user typed ("1.234,56", "1234.56", "-12,5") → a decimal string for the API ("1234.56"), or null when empty. */
export function parseAmount(text: string): string | null {
  let s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  return s;
}

/** cents → the text shown in an amount input ("1234,56" or "1234.56"). */
export function amountText(cents: number, locale: string): string {
  const { negative, euros, rest } = splitCents(cents);
  return `${negative ? '-' : ''}${euros}${locale.startsWith('en') ? '.' : ','}${rest}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, dd] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, dd + days));
  return t.toISOString().slice(0, 10);
}
export function dueDateFromTerms(documentDate: string, days: number, endOfMonth: boolean): string {
  let due = addDays(documentDate, days);
  if (endOfMonth) {
    const [y, m] = due.split('-').map(Number);
    due = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return due;
}
