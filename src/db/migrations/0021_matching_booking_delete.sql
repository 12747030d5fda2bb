-- A booking line that disappears (the ledger deletes the last booking of a journal, or the year transfer
-- rewrites its opening booking) takes its matches with it: the whole match is cancelled, so the other
-- lines it closed are open again for what it applied, and no match is left that does not net to zero.
create function match_cancel_for_deleted_line() returns trigger language plpgsql as $$
begin
  delete from match m
  where m.dossier_id = old.dossier_id
    and m.id in (select ml.match_id from match_line ml where ml.dossier_id = old.dossier_id and ml.booking_id = old.booking_id and ml.line_no = old.line_no);
  return old;
end
$$;
create trigger booking_line_cancel_matches before delete on booking_line
  for each row execute function match_cancel_for_deleted_line();
