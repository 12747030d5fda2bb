/** Matching ("afpunten") and the open-items report: the API calls and answer shapes the screens use. */
import { api } from '../../api.ts';

export type RelationKind = 'customers' | 'suppliers';
/** The account type that holds the open items of customers (receivable) or suppliers (payable). */
export const ACCOUNT_TYPE: Record<RelationKind, 'receivable' | 'payable'> = { customers: 'receivable', suppliers: 'payable' };

export interface LineRef {
  bookingId: number;
  lineNo: number;
}
export interface OpenItem extends LineRef {
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
  bookingKind: string;
  document: string;
}
export type MatchMethod = 'selection' | 'equal_amounts' | 'net_zero' | 'ogm' | 'reference' | 'amount' | 'reversal';
export interface MatchView {
  id: number;
  kind: 'manual' | 'auto';
  method: MatchMethod;
  account: string;
  relationId: number | null;
  createdAt: string;
  full: boolean;
  lines: Array<LineRef & { document: string; date: string; dueDate: string | null; amount: number; applied: number; open: number; communication: string | null; reference: string | null }>;
}
export interface Proposal extends LineRef {
  document: string;
  date: string;
  relationId: number | null;
  relationNumber: string | null;
  account: string;
  open: number;
  communication: string | null;
  by: 'ogm' | 'reference' | 'amount';
  candidates: Array<LineRef & { document: string; date: string; reference: string | null; open: number }>;
}
export interface AutoMatchResult {
  matched: number;
  matchIds: number[];
  proposals: Proposal[];
}
export type AgeBucket = 'notDue' | 'd0_30' | 'd31_60' | 'd61_90' | 'over90';
export const AGE_BUCKETS: AgeBucket[] = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'over90'];
export interface OpenItemAt extends LineRef {
  relationId: number | null;
  relation: string | null;
  relationName: string | null;
  account: string;
  document: string;
  reference: string | null;
  date: string;
  dueDate: string | null;
  amount: number;
  open: number;
  daysOverdue: number;
  bucket: AgeBucket;
}
export interface OpenItemsReport {
  date: string;
  items: OpenItemAt[];
  totals: { open: number; aging: Record<AgeBucket, number> };
}
export type PaymentStatus = 'open' | 'partly_paid' | 'paid';

/** The payment status a line's open amount gives it (an invoice: open, partly paid, paid). */
export const statusOf = (i: { amount: number; open: number }): PaymentStatus => (i.open === 0 ? 'paid' : i.open === i.amount ? 'open' : 'partly_paid');

export type MatchState = 'open' | 'partly_matched' | 'matched';
export interface RelationLedgerLine extends LineRef {
  account: string;
  document: string;
  bookingKind: string;
  date: string;
  dueDate: string | null;
  reference: string | null;
  communication: string | null;
  description: string | null;
  amount: number;
  open: number;
  /** running balance of the relation on this account */
  balance: number;
  matchIds: number[];
  state: MatchState;
  /** invoices and credit notes: open, partly paid, paid */
  paymentStatus: PaymentStatus | null;
}
export interface RelationLedger {
  relation: { id: number; number: string; name: string };
  items: RelationLedgerLine[];
  totals: { amount: number; open: number };
}

export interface ReportQuery {
  date: string;
  kind: RelationKind;
}

const m = (dossierId: number) => `/dossiers/${dossierId}/matching`;
type Scope = { relationId?: number; account?: string };

export const matchingApi = {
  accounts: (dossierId: number, kind: RelationKind) =>
    api.get<{ items: Array<{ number: string }> }>(`/dossiers/${dossierId}/accounts`, { type: ACCOUNT_TYPE[kind], pageSize: 1000 }).then((r) => r.items.map((a) => a.number)),
  relation: (dossierId: number, id: number) => api.get<{ id: number; number: string; name: string; kind: string }>(`/dossiers/${dossierId}/relations/${id}`),
  openItems: (dossierId: number, scope: Scope & { includeMatched?: boolean }) =>
    api.get<{ items: OpenItem[] }>(`${m(dossierId)}/open-items`, { ...scope, includeMatched: scope.includeMatched ? 'true' : undefined }).then((r) => r.items),
  matches: (dossierId: number, scope: Scope) => api.get<{ items: MatchView[] }>(`${m(dossierId)}/matches`, scope).then((r) => r.items),
  match: (dossierId: number, lines: LineRef[]) => api.post<MatchView>(`${m(dossierId)}/matches`, { lines: lines.map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo })) }),
  cancel: (dossierId: number, id: number) => api.delete<{ cancelled: number }>(`${m(dossierId)}/matches/${id}`),
  equalAmounts: (dossierId: number, scope: Scope) => api.post<{ matched: number }>(`${m(dossierId)}/equal-amounts`, scope),
  netZero: (dossierId: number, scope: Scope) => api.post<{ matched: number }>(`${m(dossierId)}/net-zero`, scope),
  /** F11: one relation, or without relation the tab's accounts (kind) or the whole dossier */
  auto: (dossierId: number, relationId?: number, kind?: RelationKind | null) =>
    api.post<AutoMatchResult>(`${m(dossierId)}/auto`, relationId ? { relationId } : kind ? { kind } : {}),
  ledger: (dossierId: number, relationId: number) => api.get<RelationLedger>(`${m(dossierId)}/relation-ledger`, { relationId }),
  status: (dossierId: number, bookingId: number) =>
    api.get<{ bookingId: number; status: PaymentStatus | null; amount: number; open: number }>(`${m(dossierId)}/bookings/${bookingId}/status`),
  report: (dossierId: number, query: ReportQuery) => api.get<OpenItemsReport>(`${m(dossierId)}/reports/open-items`, { ...query }),
};

export function openItemsReportUrl(dossierId: number, query: ReportQuery, format: 'csv' | 'xlsx' | 'pdf'): string {
  const params = new URLSearchParams({ date: query.date, kind: query.kind, format });
  return `/api/v1${m(dossierId)}/reports/open-items?${params}`;
}
