-- Bank inbox: statement files that arrive for the installation (the watched folder BANK_INBOX_DIR, the
-- office-wide API upload) wait here until the daily run routes them to a dossier by account and imports
-- them. The inbox is office/installation data, not dossier data: the dossier a file is routed to is a
-- reference (routed_dossier_id), empty while no dossier's journal has the file's account.
-- A failing file stays, is offered again every Saturday for one month after its first failure, then dropped.
create table bank_inbox_entry (
  id integer generated always as identity primary key,
  office_id integer references office (id) on delete cascade,
  routed_dossier_id integer references dossier (id) on delete set null,
  journal_id integer,
  source text not null check (source in ('folder', 'upload')),
  file_name text not null,
  content bytea not null,
  sha256 text not null,
  size integer not null,
  account text,
  status text not null check (status in ('pending', 'imported', 'failed', 'dropped')),
  error_code text,
  message text,
  attempts integer not null default 0,
  received_at timestamptz not null,
  first_failed_at timestamptz,
  last_attempt_at timestamptz,
  next_attempt_at timestamptz,
  finished_at timestamptz,
  uploaded_by integer references app_user (id) on delete set null
);
create index bank_inbox_entry_due_idx on bank_inbox_entry (status, next_attempt_at);
create index bank_inbox_entry_office_idx on bank_inbox_entry (office_id, received_at desc);
-- the same file waiting twice would be imported twice: one waiting copy per content
create unique index bank_inbox_entry_waiting_key on bank_inbox_entry (sha256) where status in ('pending', 'failed');

-- The history of an entry: one row per attempt (imported, failed, dropped), with the mail sent.
create table bank_inbox_attempt (
  entry_id integer not null references bank_inbox_entry (id) on delete cascade,
  attempt integer not null,
  at timestamptz not null,
  outcome text not null check (outcome in ('imported', 'failed', 'dropped')),
  error_code text,
  message text,
  mailed_to text,
  primary key (entry_id, attempt)
);
