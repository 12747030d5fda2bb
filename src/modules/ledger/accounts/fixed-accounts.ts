/** Management → Fixed accounts: the account the software uses for each role. */
import { notFound, validation } from '../../../core/errors.ts';
import { translate } from '../../../core/i18n/index.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { FIXED_ROLES, accountName, fixedAccountMissing, isFixedRole, type FixedRole } from './rules.ts';
import '../messages.ts';

export interface FixedAccountView {
  role: FixedRole;
  label: string;
  account: string | null;
  accountName: string | null;
}

export async function listFixedAccounts(svc: Services, actor: Actor, dossierId: number): Promise<FixedAccountView[]> {
  await requireLedger(svc.db, actor, dossierId);
  const rows = await svc.db
    .selectFrom('fixed_account')
    .leftJoin('account', (j) => j.onRef('account.dossier_id', '=', 'fixed_account.dossier_id').onRef('account.number', '=', 'fixed_account.account'))
    .select(['fixed_account.role', 'fixed_account.account', 'account.name_nl', 'account.name_fr', 'account.name_en'])
    .where('fixed_account.dossier_id', '=', dossierId)
    .execute();
  return FIXED_ROLES.map(({ role }) => {
    const row = rows.find((r) => r.role === role);
    return {
      role,
      label: translate(`ledger.role.${role}`, actor.language),
      account: row?.account ?? null,
      accountName: row?.account && row.name_nl ? accountName({ name_nl: row.name_nl, name_fr: row.name_fr!, name_en: row.name_en! }, actor.language) : null,
    };
  });
}

export async function setFixedAccount(svc: Services, actor: Actor, dossierId: number, role: string, account: string | null): Promise<FixedAccountView[]> {
  await requireLedger(svc.db, actor, dossierId, 'accounts');
  if (!isFixedRole(role)) throw notFound('ledger.role_unknown', { role });
  await svc.db.transaction().execute(async (trx) => {
    if (account !== null) {
      const row = await trx.selectFrom('account').select(['number', 'active', 'reconcilable']).where('dossier_id', '=', dossierId).where('number', '=', account).executeTakeFirst();
      if (!row) throw validation('ledger.account_not_found', { account }, [{ field: 'account', code: 'ledger.account_not_found', params: { account } }]);
      if (!row.active) throw validation('ledger.account_inactive', { account }, [{ field: 'account', code: 'ledger.account_inactive', params: { account } }]);
      // Invoices are matched with their payments on the customers and suppliers accounts.
      if ((role === 'customers' || role === 'suppliers') && !row.reconcilable) {
        const params = { account, role: `ledger.role.${role}` };
        throw validation('ledger.fixed_account_not_reconcilable', params, [{ field: 'account', code: 'ledger.fixed_account_not_reconcilable', params }]);
      }
    }
    await trx
      .insertInto('fixed_account')
      .values({ dossier_id: dossierId, role, account })
      .onConflict((oc) => oc.columns(['dossier_id', 'role']).doUpdateSet({ account }))
      .execute();
    await audit(trx, actor, actor.officeId, 'ledger.fixed_account.set', { role, account }, dossierId);
  });
  return listFixedAccounts(svc, actor, dossierId);
}

/** The account of a role, or an error naming the role (a booking that needs it cannot be made). */
export async function fixedAccount(db: Db, dossierId: number, role: FixedRole): Promise<string> {
  const row = await db.selectFrom('fixed_account').select('account').where('dossier_id', '=', dossierId).where('role', '=', role).executeTakeFirst();
  if (!row?.account) throw fixedAccountMissing(role);
  return row.account;
}

/** All roles at once (posting an invoice needs several). */
export async function fixedAccounts(db: Db, dossierId: number): Promise<Map<FixedRole, string>> {
  const rows = await db.selectFrom('fixed_account').select(['role', 'account']).where('dossier_id', '=', dossierId).execute();
  return new Map(rows.filter((r) => r.account).map((r) => [r.role as FixedRole, r.account!]));
}

export function requireRole(map: Map<FixedRole, string>, role: FixedRole): string {
  const account = map.get(role);
  if (!account) throw fixedAccountMissing(role);
  return account;
}
