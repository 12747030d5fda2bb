-- General ledger, step 4: VAT codes of a dossier with the return grids they feed (for invoices and
-- credit notes) and their rates with validity dates (a rate is looked up by the document date).
create table vat_code (
  dossier_id integer not null references dossier (id) on delete cascade,
  code text not null,
  kind text not null check (kind in ('sales', 'purchase')),
  name_nl text not null,
  name_fr text not null,
  name_en text not null,
  -- share of the VAT that may be deducted (purchases), in percent
  deductible_percent smallint not null default 100 check (deductible_percent between 0 and 100),
  -- self-assessed (reverse charge): the VAT is due by the dossier and deducted at once
  reverse_charge boolean not null default false,
  -- grid rules: {"invoice": [{"grid": "82", "of": "base", "sign": 1}, …], "creditNote": […]}
  grids jsonb not null,
  active boolean not null default true,
  position smallint not null default 0,
  primary key (dossier_id, code)
);

create table vat_code_rate (
  dossier_id integer not null,
  code text not null,
  valid_from date not null,
  rate_bp integer not null check (rate_bp between 0 and 10000), -- basis points: 2100 = 21 %
  primary key (dossier_id, code, valid_from),
  foreign key (dossier_id, code) references vat_code (dossier_id, code) on delete cascade
);
