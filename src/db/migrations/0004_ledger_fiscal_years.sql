-- General ledger, step 2: fiscal years get a VAT period (monthly/quarterly) and periods:
-- period 0 is the opening period (opening bookings), 1..n the calendar months of the year
-- (the first and last may be partial), n+1 the closing period (closing entries of the transfer).
alter table fiscal_year
  add column vat_period text not null default 'monthly' check (vat_period in ('monthly', 'quarterly')),
  add column transferred_at timestamptz;

create table fiscal_period (
  dossier_id integer not null,
  fiscal_year_id integer not null,
  period_no smallint not null,
  kind text not null check (kind in ('opening', 'regular', 'closing')),
  start_date date not null,
  end_date date not null check (end_date >= start_date),
  closed boolean not null default false,
  primary key (dossier_id, fiscal_year_id, period_no),
  foreign key (dossier_id, fiscal_year_id) references fiscal_year (dossier_id, id) on delete cascade
);
