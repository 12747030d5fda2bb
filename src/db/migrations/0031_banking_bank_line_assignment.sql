-- Accounting → Unassigned bank lines: a statement line booked on the CODA suspense account is assigned by
-- a new (miscellaneous) booking that moves its amount to a relation or account; the books stay
-- append-only. This table says which statement line an assignment booking took care of, so the line
-- leaves the list and cannot be assigned twice (the primary key refuses a second assignment).
create table bank_line_assignment (
  dossier_id integer not null references dossier (id) on delete cascade,
  booking_id bigint not null,
  line_no smallint not null,
  assignment_booking_id bigint not null,
  created_by integer,
  created_at timestamptz not null default now(),
  primary key (dossier_id, booking_id, line_no)
);
create index bank_line_assignment_by_booking on bank_line_assignment (dossier_id, assignment_booking_id);

-- The ledger may delete the last booking of a journal: when that is the assignment booking, the statement
-- line is unassigned again (back in the list); when it is the statement itself, its assignments go too.
create function bank_line_assignment_for_deleted_booking() returns trigger language plpgsql as $$
begin
  delete from bank_line_assignment a
  where a.dossier_id = old.dossier_id and (a.assignment_booking_id = old.id or a.booking_id = old.id);
  return old;
end
$$;
create trigger booking_drop_bank_line_assignments before delete on booking
  for each row execute function bank_line_assignment_for_deleted_booking();
