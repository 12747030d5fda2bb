/** Kysely table types of CODA mandates (migration 0034) and the bank inbox (migration 0035). */
import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const CODA_BANKS = ['axa', 'van_breda', 'belfius', 'beobank', 'bnp_paribas_fortis', 'bpost', 'cbc', 'cph', 'crelan', 'ing', 'kbc', 'nagelmackers'] as const;
export type CodaBank = (typeof CODA_BANKS)[number];

export interface CodaMandateTable {
  dossier_id: number;
  id: Generated<number>;
  journal_id: number;
  kind: 'internal' | 'external';
  status: 'requested' | 'active';
  bank: CodaBank;
  error_email: string | null;
  link_pdf_in_dms: Generated<boolean>;
  requested_at: Ts;
  activated_at: TsNull;
}

export type InboxStatus = 'pending' | 'imported' | 'failed' | 'dropped';

export interface BankInboxEntryTable {
  id: Generated<number>;
  office_id: number | null;
  routed_dossier_id: number | null;
  journal_id: number | null;
  source: 'folder' | 'upload';
  file_name: string;
  content: Uint8Array;
  sha256: string;
  size: number;
  account: string | null;
  status: InboxStatus;
  error_code: string | null;
  message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  received_at: Ts;
  first_failed_at: TsNull;
  last_attempt_at: TsNull;
  next_attempt_at: TsNull;
  finished_at: TsNull;
  uploaded_by: number | null;
}

export interface BankInboxAttemptTable {
  entry_id: number;
  attempt: number;
  at: Ts;
  outcome: 'imported' | 'failed' | 'dropped';
  error_code: string | null;
  message: string | null;
  mailed_to: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    coda_mandate: CodaMandateTable;
    bank_inbox_entry: BankInboxEntryTable;
    bank_inbox_attempt: BankInboxAttemptTable;
  }
}
