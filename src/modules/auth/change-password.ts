import { validation } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from './actor.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

/** Management → Change password: the user proves the current password; other sessions are ended. */
export async function changePassword(
  svc: Services,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  checkPasswordStrength(input.newPassword);
  const user = await svc.db.selectFrom('app_user').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw validation('auth.wrong_current_password', {}, [{ field: 'currentPassword', code: 'auth.wrong_current_password' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw validation('auth.password_same', {}, [{ field: 'newPassword', code: 'auth.password_same' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await svc.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: svc.clock.now() })
      .where('id', '=', actor.userId)
      .execute();
    let others = trx.deleteFrom('user_session').where('user_id', '=', actor.userId);
    if (actor.sessionId) others = others.where('id', '!=', actor.sessionId);
    await others.execute();
  });
}
