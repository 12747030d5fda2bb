-- Bank statements imported from CODA / camt.053 files: one row per statement booked, so importing the
-- same statement again books nothing.
create table bank_statement_import (
  dossier_id integer not null references dossier(id) on delete cascade,
  journal_id integer not null,
  account text not null,
  sequence text not null,
  statement_date date not null,
  file_sha256 text not null,
  booking_id integer not null,
  imported_at timestamptz not null default now(),
  primary key (dossier_id, account, sequence, statement_date)
);
