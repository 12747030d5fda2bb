/** Kysely table types of banking (migration 0030). */
import type { Generated } from 'kysely';

export interface BankStatementImportTable {
  dossier_id: number;
  journal_id: number;
  account: string;
  sequence: string;
  statement_date: string;
  file_sha256: string;
  booking_id: number;
  imported_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface Database {
    bank_statement_import: BankStatementImportTable;
  }
}
