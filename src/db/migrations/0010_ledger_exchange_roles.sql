-- Exchange differences (a match of foreign-currency items books the euro difference) are fixed-account
-- roles like the others, so a dossier can choose its accounts in Management → Fixed accounts: each
-- dossier with a ledger gets 654000 (loss) and 754000 (gain) when its chart has them, otherwise none
-- (a booking that needs one then names the role).
insert into fixed_account (dossier_id, role, account)
select f.dossier_id, r.role, (select a.number from account a where a.dossier_id = f.dossier_id and a.number = r.account)
from fixed_account f
cross join (values ('exchange_loss', '654000'), ('exchange_gain', '754000')) as r (role, account)
where f.role = 'customers'
on conflict (dossier_id, role) do nothing;
