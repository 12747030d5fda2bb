/** Kysely table types of invoicing (migration 0040). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../db/schema.ts';

export type InvoiceKind = 'invoice' | 'credit_note' | 'delivery_note';
export type InvoiceStoredStatus = 'draft' | 'posted' | 'sent';

export interface InvoicingSettingsTable {
  dossier_id: number;
  sender_email: string | null;
  reply_to: string | null;
  iban: string | null;
  bic: string | null;
  logo: Uint8Array | null;
  logo_mime: string | null;
  updated_at: Timestamp;
}

export interface InvoicingJournalTable {
  dossier_id: number;
  id: Generated<number>;
  code: string;
  name: string;
  sales_journal_id: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

/** NUMERIC comes back as a string (exact decimals). */
type Decimal = ColumnType<string, string, string>;

export interface InvoiceArticleTable {
  dossier_id: number;
  id: Generated<number>;
  code: string;
  description: string;
  unit: Generated<string>;
  unit_price: Decimal;
  vat_code: string;
  account: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface InvoiceTable {
  dossier_id: number;
  id: Generated<number>;
  kind: InvoiceKind;
  invoicing_journal_id: number;
  status: Generated<InvoiceStoredStatus>;
  relation_id: number;
  issue_date: string;
  delivery_date: string | null;
  due_date: string | null;
  buyer_reference: string | null;
  order_reference: string | null;
  payment_terms: string | null;
  notes: string | null;
  credited_invoice_id: number | null;
  fiscal_year_id: number | null;
  number: number | null;
  booking_id: number | null;
  structured_communication: string | null;
  total_excl: Generated<number>;
  total_vat: Generated<number>;
  total_incl: Generated<number>;
  posted_at: Date | null;
  sent_at: Date | null;
  sent_how: 'email' | 'published' | 'peppol' | null;
  sent_to: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InvoiceLineTable {
  dossier_id: number;
  invoice_id: number;
  line_no: number;
  article_id: number | null;
  description: string;
  quantity: Decimal;
  unit: string;
  unit_price: Decimal;
  discount_percent: Decimal;
  vat_code: string;
  account: string | null;
  gross_amount: number;
  discount_amount: number;
  net_amount: number;
}

export interface InvoicingCounterTable {
  dossier_id: number;
  invoicing_journal_id: number;
  fiscal_year_id: number;
  next_number: Generated<number>;
}

declare module '../../db/schema.ts' {
  interface Database {
    invoicing_settings: InvoicingSettingsTable;
    invoicing_journal: InvoicingJournalTable;
    invoice_article: InvoiceArticleTable;
    invoice: InvoiceTable;
    invoice_line: InvoiceLineTable;
    invoicing_counter: InvoicingCounterTable;
  }
}
