-- General ledger, step 1: the chart of accounts of a dossier and its fixed accounts (roles).
-- Account numbers are digit strings ("400000"); names are kept per language (nl, fr, en).
-- dossier_ledger marks a dossier whose ledger was set up (chart, journals, VAT codes).

create table dossier_ledger (
  dossier_id integer not null references dossier (id) on delete cascade,
  chart_version integer not null,
  set_up_at timestamptz not null default now(),
  primary key (dossier_id)
);

create table account (
  dossier_id integer not null references dossier (id) on delete cascade,
  number text not null check (number ~ '^[0-9]{1,10}$'),
  name_nl text not null,
  name_fr text not null,
  name_en text not null,
  type text not null check (type in ('offbalance', 'equity', 'liability', 'asset', 'contra_asset', 'receivable', 'payable',
    'tax', 'bank', 'cash', 'transfer', 'suspense', 'expense', 'income', 'appropriation')),
  reconcilable boolean not null default false,
  active boolean not null default true,
  default_vat_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (dossier_id, number)
);
create index account_name_idx on account (dossier_id, lower(name_nl));

-- The roles the software books on by itself (customers 400000, suppliers 440000, VAT …).
create table fixed_account (
  dossier_id integer not null references dossier (id) on delete cascade,
  role text not null,
  account text,
  primary key (dossier_id, role),
  foreign key (dossier_id, account) references account (dossier_id, number)
);
