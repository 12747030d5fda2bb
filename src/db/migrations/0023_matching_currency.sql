-- Foreign currency items: the books stay in euro (booking_line.amount, cents), and a line of an invoice,
-- payment or miscellaneous booking in another currency also keeps that currency and its amount in it
-- (cents of the currency, signed like the euro amount). Such items are matched on the currency amount:
-- match_line.currency_amount is the part of the line's currency amount a match applies (summing to
-- zero over the match), and the euro difference that is left is booked as an exchange difference
-- (654000 loss / 754000 gain against the relation's account) by the booking match.exchange_booking_id,
-- which cancelling the match reverses.
alter table booking_line
  add column currency text,
  add column currency_amount bigint;
alter table match_line add column currency_amount bigint;
alter table match
  add column currency text,
  add column exchange_booking_id bigint;
