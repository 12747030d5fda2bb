-- Foundation: offices, users, sessions, API tokens, password resets, login throttling,
-- dossiers (the tenant), rights per user per dossier, recent dossiers, fiscal years (minimal;
-- the ledger extends them), mail outbox, audit trail.
-- Tenant rule: every dossier-scoped table has dossier_id first in its primary key and foreign keys.

create table office (
  id integer generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table app_user (
  id integer generated always as identity primary key,
  office_id integer not null references office (id) on delete cascade,
  login text not null,
  display_name text not null,
  email text,
  password_hash text not null,
  role text not null check (role in ('admin', 'staff', 'client')),
  language text not null default 'nl' check (language in ('nl', 'fr', 'en')),
  theme text not null default 'light' check (theme in ('light', 'dark', 'contrast')),
  font_size text not null default 'medium' check (font_size in ('small', 'medium', 'large', 'xlarge')),
  must_change_password boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_login_key on app_user (lower(login));
create index app_user_office_idx on app_user (office_id);

create table user_session (
  id text primary key, -- sha256 of the cookie value; the value itself is never stored
  user_id integer not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id integer generated always as identity primary key,
  user_id integer not null references app_user (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user_idx on api_token (user_id);

create table password_reset (
  token_hash text primary key,
  user_id integer not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table login_failure (
  id bigint generated always as identity primary key,
  login text not null,
  at timestamptz not null default now()
);
create index login_failure_login_idx on login_failure (lower(login), at);

create table dossier (
  id integer generated always as identity primary key,
  office_id integer not null references office (id),
  name text not null,
  legal_form text,
  enterprise_number text,
  vat_number text,
  street text,
  postcode text,
  city text,
  country text not null default 'BE',
  language text not null default 'nl' check (language in ('nl', 'fr', 'en')),
  email text,
  phone text,
  website text,
  mailbox_address text not null unique,
  applicant_name text,
  applicant_street text,
  applicant_postcode text,
  applicant_city text,
  applicant_phone text,
  applicant_email text,
  applicant_capacity text,
  module_invoicing boolean not null default false,
  module_bank boolean not null default false,
  module_documents boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index dossier_office_idx on dossier (office_id);

create table dossier_contact_field (
  dossier_id integer not null references dossier (id) on delete cascade,
  position integer not null,
  label text not null,
  value text not null,
  primary key (dossier_id, position)
);

create table dossier_right (
  dossier_id integer not null references dossier (id) on delete cascade,
  user_id integer not null references app_user (id) on delete cascade,
  rights text[] not null,
  primary key (dossier_id, user_id)
);
create index dossier_right_user_idx on dossier_right (user_id);

create table dossier_visit (
  dossier_id integer not null references dossier (id) on delete cascade,
  user_id integer not null references app_user (id) on delete cascade,
  visited_at timestamptz not null default now(),
  primary key (dossier_id, user_id)
);
create index dossier_visit_user_idx on dossier_visit (user_id, visited_at desc);

create table fiscal_year (
  dossier_id integer not null references dossier (id) on delete cascade,
  id integer not null,
  start_date date not null,
  end_date date not null check (end_date > start_date),
  closed boolean not null default false,
  primary key (dossier_id, id),
  unique (dossier_id, start_date)
);

create table mail_outbox (
  id integer generated always as identity primary key,
  office_id integer references office (id) on delete cascade,
  to_address text not null,
  subject text not null,
  body_text text not null,
  eml_path text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  error text
);

create table audit_event (
  id bigint generated always as identity primary key,
  office_id integer,
  dossier_id integer,
  user_id integer,
  action text not null,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_event_dossier_idx on audit_event (dossier_id, at);
