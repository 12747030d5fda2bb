-- Opening bookings carry the open items of the package a dossier comes from: each customer or supplier
-- line is one invoice or credit note, with its own document reference and document date (a booking's
-- header has one of each for the whole booking), so it stays an open item that matching can close.
alter table booking_line
  add column reference text,
  add column document_date date;
