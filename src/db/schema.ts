/**
 * Table types for Kysely. Modules add their own tables by augmenting `Database`:
 *   declare module '../../db/schema.ts' { interface Database { relation: RelationTable } }
 */
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OfficeTable {
  id: Generated<number>;
  name: string;
  created_at: CreatedAt;
}

export type Role = 'admin' | 'staff' | 'client';
export type Theme = 'light' | 'dark' | 'contrast';
export type FontSize = 'small' | 'medium' | 'large' | 'xlarge';

export interface AppUserTable {
  id: Generated<number>;
  office_id: number;
  login: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: Role;
  language: Generated<'nl' | 'fr' | 'en'>;
  theme: Generated<Theme>;
  font_size: Generated<FontSize>;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  login: string;
  at: CreatedAt;
}

export interface DossierTable {
  id: Generated<number>;
  office_id: number;
  name: string;
  legal_form: string | null;
  enterprise_number: string | null;
  vat_number: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: Generated<string>;
  language: Generated<'nl' | 'fr' | 'en'>;
  email: string | null;
  phone: string | null;
  website: string | null;
  mailbox_address: string;
  applicant_name: string | null;
  applicant_street: string | null;
  applicant_postcode: string | null;
  applicant_city: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_capacity: string | null;
  module_invoicing: Generated<boolean>;
  module_bank: Generated<boolean>;
  module_documents: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface DossierContactFieldTable {
  dossier_id: number;
  position: number;
  label: string;
  value: string;
}

export interface DossierRightTable {
  dossier_id: number;
  user_id: number;
  rights: string[];
}

export interface DossierVisitTable {
  dossier_id: number;
  user_id: number;
  visited_at: Timestamp;
}

export interface FiscalYearTable {
  dossier_id: number;
  id: number;
  start_date: string;
  end_date: string;
  closed: Generated<boolean>;
}

export interface MailOutboxTable {
  id: Generated<number>;
  office_id: number | null;
  to_address: string;
  subject: string;
  body_text: string;
  eml_path: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
  error: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  office_id: number | null;
  dossier_id: number | null;
  user_id: number | null;
  action: string;
  details: ColumnType<unknown, string | undefined, string>;
  at: CreatedAt;
}

export interface Database {
  office: OfficeTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  password_reset: PasswordResetTable;
  login_failure: LoginFailureTable;
  dossier: DossierTable;
  dossier_contact_field: DossierContactFieldTable;
  dossier_right: DossierRightTable;
  dossier_visit: DossierVisitTable;
  fiscal_year: FiscalYearTable;
  mail_outbox: MailOutboxTable;
  audit_event: AuditEventTable;
}
