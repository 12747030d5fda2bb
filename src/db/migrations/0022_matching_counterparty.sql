-- Matching by the counterparty of a payment: a financial statement line keeps the account (IBAN) and
-- name of who paid or was paid, as the bank gave them (CODA / camt.053), so automatic matching can
-- recognise the relation by its IBAN (relation.iban) when the line has no relation yet (CODA suspense
-- account) and then match the exact amount within that relation only.
alter table booking_line
  add column counterparty_account text,
  add column counterparty_name text;
