/** Kysely types of the relations tables (migration 0002_relations.sql). */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { CreatedAt, Timestamp } from '../../db/schema.ts';
import type { RelationKind, RelationLanguage } from './rules.ts';

export interface RelationTable {
  dossier_id: number;
  id: GeneratedAlways<number>;
  number: string;
  name: string;
  kind: RelationKind;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: Generated<string>;
  language: Generated<RelationLanguage>;
  enterprise_number: string | null;
  vat_number: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  payment_days: Generated<number>;
  payment_end_of_month: Generated<boolean>;
  default_vat_code: string | null;
  default_account: string | null;
  peppol_id: string | null;
  peppol_registered: boolean | null;
  peppol_document_types: Generated<string[]>;
  peppol_checked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  active: Generated<boolean>;
  notes: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RelationImportMappingTable {
  dossier_id: number;
  mapping: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface RelationImportUploadTable {
  dossier_id: number;
  sha256: string;
  file_name: string;
  content: Uint8Array;
  uploaded_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    relation: RelationTable;
    relation_import_mapping: RelationImportMappingTable;
    relation_import_upload: RelationImportUploadTable;
  }
}
