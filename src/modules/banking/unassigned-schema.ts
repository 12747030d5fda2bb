/** Kysely table types of Accounting → Unassigned bank lines (migration 0031). */
import type { Generated } from 'kysely';

export interface BankLineAssignmentTable {
  dossier_id: number;
  /** the statement booking and its line on the CODA suspense account */
  booking_id: number;
  line_no: number;
  /** the miscellaneous booking that moved the amount to a relation or account */
  assignment_booking_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface Database {
    bank_line_assignment: BankLineAssignmentTable;
  }
}
