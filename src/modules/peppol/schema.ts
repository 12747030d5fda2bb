/** Kysely table types of Peppol (migration 0045). */
import type { ColumnType, Generated } from 'kysely';

export type PeppolDirection = 'in' | 'out';
export type PeppolStatus = 'received' | 'booked' | 'rejected' | 'sent';

export interface PeppolDocumentTable {
  dossier_id: number;
  id: Generated<number>;
  direction: PeppolDirection;
  status: PeppolStatus;
  source: 'inbox' | 'upload' | 'send';
  file_name: string | null;
  sha256: string;
  sender_id: string | null;
  receiver_id: string | null;
  document_type: 'invoice' | 'credit_note';
  number: string;
  issue_date: string;
  currency: string;
  total: number;
  party_name: string;
  party_vat: string | null;
  party_enterprise: string | null;
  xml: string;
  proposal: ColumnType<unknown, string | null, string | null>;
  pdf: Uint8Array | null;
  pdf_filename: string | null;
  relation_id: number | null;
  booking_id: number | null;
  reject_reason: string | null;
  message_id: string | null;
  decided_by: number | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Generated<Date>;
}

export interface PeppolRegistrationTable {
  dossier_id: number;
  participant_id: string;
  state: 'registered' | 'deregistered';
  registered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  deregistered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../db/schema.ts' {
  interface Database {
    peppol_document: PeppolDocumentTable;
    peppol_registration: PeppolRegistrationTable;
  }
}
