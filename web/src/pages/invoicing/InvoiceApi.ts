/** The invoicing API as the invoice and article screens use it. */
import { api } from '../../api.ts';

export type InvoiceKind = 'invoice' | 'credit_note' | 'delivery_note';
export type InvoiceStatus = 'draft' | 'posted' | 'sent' | 'paid';

export interface Article {
  id: number;
  code: string;
  description: string;
  unit: string;
  unitPrice: string;
  vatCode: string;
  account: string | null;
  active: boolean;
}
export interface InvoiceListItem {
  id: number;
  kind: InvoiceKind;
  number: string | null;
  date: string;
  dueDate: string | null;
  customer: string;
  total: number;
  open: number | null;
  status: InvoiceStatus;
}
export interface InvoiceLineInput {
  articleId?: number | null;
  description?: string | null;
  quantity?: string | null;
  unit?: string | null;
  unitPrice?: string | null;
  discountPercent?: string | null;
  vatCode?: string | null;
}
export interface InvoiceInput {
  kind?: InvoiceKind;
  customerId?: number;
  issueDate?: string;
  deliveryDate?: string | null;
  dueDate?: string | null;
  buyerReference?: string | null;
  orderReference?: string | null;
  paymentTerms?: string | null;
  notes?: string | null;
  /** a credit note: the posted invoice of the same customer it corrects (BT-25, BillingReference) */
  creditedInvoiceId?: number | null;
  lines?: InvoiceLineInput[];
}
export interface InvoiceView {
  id: number;
  kind: InvoiceKind;
  status: InvoiceStatus;
  displayNumber: string | null;
  customer: { id: number; number: string; name: string; email: string | null; peppolId: string | null; peppolRegistered: boolean | null };
  issueDate: string;
  deliveryDate: string | null;
  dueDate: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  paymentTerms: string | null;
  notes: string | null;
  creditedInvoiceId: number | null;
  structuredCommunication: string | null;
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
  open: number | null;
  vat: Array<{ vatCode: string; rateBp: number; base: number; vat: number }>;
  lines: Array<{ lineNo: number; articleId: number | null; description: string; quantity: string; unit: string; unitPrice: string; discountPercent: string; vatCode: string; net: number }>;
}
export interface InvoicingJournal {
  id: number;
  code: string;
  name: string;
  salesJournalId: number | null;
  salesJournalCode: string | null;
  active: boolean;
}
export interface InvoicingSettingsView {
  senderEmail: string | null;
  replyTo: string | null;
  iban: string | null;
  bic: string | null;
  hasLogo: boolean;
  /** the UBL 2.1 schemas every Peppol invoice is checked against: installed on this installation or not */
  ublSchemas: { dir: string; installed: boolean; command: string; download: string };
  sender: { mode: 'own_domain' | 'noreply'; from: string; replyTo: string | null; explanation: string };
}

export const UNITS = ['C62', 'HUR', 'DAY', 'KGM', 'MTR', 'LTR'] as const;

const base = (dossierId: number) => `/dossiers/${dossierId}/invoicing`;

export const invoicingApi = {
  list: (d: number) => api.get<InvoiceListItem[]>(`${base(d)}/invoices`),
  /** a customer's invoices (the credit note's choice of the invoice it corrects) */
  invoicesOf: (d: number, customerId: number) => api.get<InvoiceListItem[]>(`${base(d)}/invoices?kind=invoice&customerId=${customerId}`),
  get: (d: number, id: number) => api.get<InvoiceView>(`${base(d)}/invoices/${id}`),
  create: (d: number, input: InvoiceInput) => api.post<InvoiceView>(`${base(d)}/invoices`, input),
  update: (d: number, id: number, input: InvoiceInput) => api.put<InvoiceView>(`${base(d)}/invoices/${id}`, input),
  remove: (d: number, id: number) => api.delete<void>(`${base(d)}/invoices/${id}`),
  post: (d: number, id: number) => api.post<InvoiceView>(`${base(d)}/invoices/${id}/post`, {}),
  send: (d: number, id: number) => api.post<{ invoice: InvoiceView; to: string }>(`${base(d)}/invoices/${id}/send`, {}),
  sendPeppol: (d: number, id: number) => api.post<{ invoice: InvoiceView; to: string }>(`${base(d)}/invoices/${id}/peppol`, {}),
  publish: (d: number, ids: number[]) => api.post<InvoiceView[]>(`${base(d)}/publish`, { ids }),
  articles: (d: number) => api.get<Article[]>(`${base(d)}/articles`),
  createArticle: (d: number, input: Partial<Article>) => api.post<Article>(`${base(d)}/articles`, input),
  updateArticle: (d: number, id: number, input: Partial<Article>) => api.put<Article>(`${base(d)}/articles/${id}`, input),
  deleteArticle: (d: number, id: number) => api.delete<void>(`${base(d)}/articles/${id}`),
  journals: (d: number) => api.get<InvoicingJournal[]>(`${base(d)}/journals`),
  saveJournal: (d: number, input: { id: number; salesJournalId: number | null }) => api.post<InvoicingJournal[]>(`${base(d)}/journals`, input),
  settings: (d: number) => api.get<InvoicingSettingsView>(`${base(d)}/settings`),
  saveSettings: (d: number, input: Partial<Pick<InvoicingSettingsView, 'senderEmail' | 'replyTo' | 'iban' | 'bic'>>) => api.put<InvoicingSettingsView>(`${base(d)}/settings`, input),
};

/**
 * F9: a unit price typed including VAT → excluding VAT, 4 decimals, half away from zero, computed on
 * integers (ten-thousandths) so no float rounding creeps in. Null when the text is not a number.
 */
export function exclVat(priceInclVat: string, rateBp: number): string | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,4}))?$/.exec(priceInclVat.trim());
  if (!m) return null;
  const units = BigInt(m[2]) * 10000n + BigInt((m[3] ?? '').padEnd(4, '0'));
  const num = units * 10000n * 2n + BigInt(10000 + rateBp);
  const q = num / (BigInt(10000 + rateBp) * 2n); // round half up on the absolute value
  const s = q.toString().padStart(5, '0');
  const text = `${s.slice(0, -4)}.${s.slice(-4)}`.replace(/\.?0+$/, '');
  return (m[1] && q !== 0n ? '-' : '') + text;
}
