/** Kysely table types of the general ledger (migrations 0003–0007). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../../db/schema.ts';
import type { AccountType } from './accounts/rules.ts';
import type { VatCodeGrids } from './data/vat-codes.ts';

export interface DossierLedgerTable {
  dossier_id: number;
  chart_version: number;
  set_up_at: CreatedAt;
}

export interface AccountTable {
  dossier_id: number;
  number: string;
  name_nl: string;
  name_fr: string;
  name_en: string;
  type: AccountType;
  reconcilable: boolean;
  active: Generated<boolean>;
  default_vat_code: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface FixedAccountTable {
  dossier_id: number;
  role: string;
  account: string | null;
}

export interface FiscalPeriodTable {
  dossier_id: number;
  fiscal_year_id: number;
  period_no: number;
  kind: 'opening' | 'regular' | 'closing';
  start_date: string;
  end_date: string;
  closed: Generated<boolean>;
}

export type JournalType = 'purchase' | 'sales' | 'financial' | 'miscellaneous' | 'opening';

export interface JournalTable {
  dossier_id: number;
  id: Generated<number>;
  code: string;
  name: string;
  type: JournalType;
  account: string | null;
  iban: string | null;
  bic: string | null;
  currency: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface JournalCounterTable {
  dossier_id: number;
  journal_id: number;
  fiscal_year_id: number;
  next_number: Generated<number>;
}

export interface VatCodeTable {
  dossier_id: number;
  code: string;
  kind: 'sales' | 'purchase';
  name_nl: string;
  name_fr: string;
  name_en: string;
  deductible_percent: number;
  reverse_charge: boolean;
  grids: ColumnType<VatCodeGrids, string, string>;
  active: Generated<boolean>;
  position: Generated<number>;
}

export interface VatCodeRateTable {
  dossier_id: number;
  code: string;
  valid_from: string;
  rate_bp: number;
}

export type BookingKind =
  | 'purchase_invoice'
  | 'purchase_credit_note'
  | 'sales_invoice'
  | 'sales_credit_note'
  | 'financial_statement'
  | 'miscellaneous'
  | 'opening'
  | 'closing';

export interface BookingTable {
  dossier_id: number;
  id: Generated<number>;
  journal_id: number;
  fiscal_year_id: number;
  period_no: number;
  number: number;
  kind: BookingKind;
  date: string;
  document_date: string | null;
  due_date: string | null;
  relation_id: number | null;
  reference: string | null;
  description: string | null;
  structured_communication: string | null;
  statement_number: string | null;
  statement_opening: number | null;
  statement_closing: number | null;
  amount: number;
  line_count: number;
  /** the sum of the debit lines (= of the credit lines), in cents */
  debit_total: Generated<number>;
  reverses_booking_id: number | null;
  origin: 'transfer' | 'import' | 'demo' | null;
  /** VAT return grid → amount in cents (may be negative for corrections), null when the booking feeds none */
  vat_grids: ColumnType<Record<string, number> | null, string | null, string | null>;
  created_at: CreatedAt;
  created_by: number | null;
}

export type LineKind = 'entry' | 'vat' | 'vat_due' | 'vat_nondeductible' | 'total' | 'bank' | 'rounding' | 'transfer';

export interface BookingLineTable {
  dossier_id: number;
  booking_id: number;
  line_no: number;
  fiscal_year_id: number;
  period_no: number;
  journal_id: number;
  date: string;
  account: string;
  relation_id: number | null;
  amount: number;
  kind: LineKind;
  vat_code: string | null;
  vat_base: number | null;
  due_date: string | null;
  /** the line's own document (an open item in an opening booking: one invoice per line; migration 0009) */
  reference: string | null;
  document_date: string | null;
  description: string | null;
  communication: string | null;
  structured_communication: string | null;
  /** statement lines: who paid or was paid, as the bank gave it (migration 0022) */
  counterparty_account: string | null;
  counterparty_name: string | null;
  /** a line in a foreign currency: code and amount in it (migration 0023) */
  currency: string | null;
  currency_amount: number | null;
}

export interface AccountBalanceTable {
  dossier_id: number;
  fiscal_year_id: number;
  account: string;
  period_no: number;
  debit: number;
  credit: number;
  line_count: number;
}

declare module '../../db/schema.ts' {
  interface FiscalYearTable {
    vat_period: Generated<'monthly' | 'quarterly'>;
    transferred_at: Date | null;
  }
  interface Database {
    dossier_ledger: DossierLedgerTable;
    account: AccountTable;
    fixed_account: FixedAccountTable;
    fiscal_period: FiscalPeriodTable;
    journal: JournalTable;
    journal_counter: JournalCounterTable;
    vat_code: VatCodeTable;
    vat_code_rate: VatCodeRateTable;
    booking: BookingTable;
    booking_line: BookingLineTable;
    account_balance: AccountBalanceTable;
  }
}
