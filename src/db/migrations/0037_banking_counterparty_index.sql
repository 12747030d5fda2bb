-- Bank import speed: the automatic matching per relation after an import looks for the relation's lines
-- and for payments without a relation from the relation's IBAN (relation_id = X or (relation_id is null
-- and counterparty_account = any(...))). With this partial index the second arm is an index look-up too
-- (a bitmap OR with booking_line_relation_idx) instead of a scan of every line of the dossier.
create index booking_line_counterparty_idx on booking_line (dossier_id, counterparty_account) where relation_id is null and counterparty_account is not null;
