-- The sum of a booking's debit lines (= the sum of its credit lines: every booking balances), kept on
-- the booking when it is written, so a journal listing's totals over a year are a sum over the
-- journal's bookings instead of a pass over every line of the dossier (booking_line has no index by
-- journal, and gets none: each index slows bulk posting).
alter table booking add column debit_total bigint not null default 0;
update booking b set debit_total = s.debit
from (select dossier_id, booking_id, sum(amount) as debit from booking_line where amount > 0 group by dossier_id, booking_id) s
where s.dossier_id = b.dossier_id and s.booking_id = b.id;
