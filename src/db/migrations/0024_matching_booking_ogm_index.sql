-- An invoice's structured communication (OGM) is kept on its booking (booking.structured_communication);
-- its total line on the customer or supplier account carries none of its own. A bank import looks up the
-- open invoices of the OGMs its movements pay, and with this partial index that is an index look-up per
-- OGM instead of a pass over every open item of the dossier (booking_line_ogm_idx of 0007 serves lines
-- that carry their own OGM, such as statement and opening-booking lines).
create index booking_ogm_idx on booking (dossier_id, structured_communication) where structured_communication is not null;
