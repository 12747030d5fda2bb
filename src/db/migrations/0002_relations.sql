-- Relations (relaties): a dossier's customers and suppliers.
create table relation (
  dossier_id integer not null references dossier (id) on delete cascade,
  id integer generated always as identity,
  number text not null,
  name text not null,
  kind text not null check (kind in ('customer', 'supplier', 'both')),
  street text,
  postcode text,
  city text,
  country text not null default 'BE',
  language text not null default 'nl' check (language in ('nl', 'fr', 'en', 'de')),
  enterprise_number text,
  vat_number text,
  iban text,
  bic text,
  email text,
  phone text,
  payment_days integer not null default 30 check (payment_days >= 0 and payment_days <= 365),
  payment_end_of_month boolean not null default false,
  default_vat_code text,
  default_account text,
  peppol_id text,
  peppol_registered boolean,
  peppol_document_types text[] not null default '{}',
  peppol_checked_at timestamptz,
  active boolean not null default true,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (dossier_id, id),
  unique (dossier_id, number)
);
create index relation_name_idx on relation (dossier_id, lower(name));
create index relation_vat_idx on relation (dossier_id, vat_number) where vat_number is not null;
create index relation_enterprise_idx on relation (dossier_id, enterprise_number) where enterprise_number is not null;

-- Column mapping of relation imports, remembered per dossier.
create table relation_import_mapping (
  dossier_id integer not null references dossier (id) on delete cascade,
  mapping jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (dossier_id)
);

-- Uploaded import files, kept between the preview and the commit (keyed by the file's SHA-256).
-- A table rather than a folder, so that several server processes on one PostgreSQL share them.
create table relation_import_upload (
  dossier_id integer not null references dossier (id) on delete cascade,
  sha256 text not null,
  file_name text not null,
  content bytea not null,
  uploaded_at timestamptz not null default now(),
  primary key (dossier_id, sha256)
);
