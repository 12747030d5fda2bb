/**
 * Forgot password: with an e-mail address on file, a single-use link valid one hour is mailed;
 * without one, the answer says to ask the office's administrator.
 */
import { sql } from 'kysely';
import { validation } from '../../core/errors.ts';
import { isLanguage, translate, type Language } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import { checkPasswordStrength, hashPassword, newSecret, sha256 } from './passwords.ts';
import './messages.ts';

export const RESET_LINK_VALID_MINUTES = 60;

export type ForgotPasswordOutcome = 'mailed' | 'no_email';

export async function requestPasswordReset(svc: Services, input: { login: string }): Promise<{ outcome: ForgotPasswordOutcome }> {
  const user = await svc.db
    .selectFrom('app_user')
    .select(['id', 'office_id', 'login', 'display_name', 'email', 'language'])
    .where(sql`lower(login)`, '=', input.login.trim().toLowerCase())
    .executeTakeFirst();
  // An unknown login gets the same answer as a user without e-mail: we do not reveal which logins exist.
  if (!user || !user.email) return { outcome: 'no_email' };

  const token = newSecret();
  const now = svc.clock.now();
  await svc.db
    .insertInto('password_reset')
    .values({ token_hash: sha256(token), user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + RESET_LINK_VALID_MINUTES * 60_000), used_at: null })
    .execute();
  const lang: Language = isLanguage(user.language) ? user.language : 'nl';
  const link = `${svc.config.publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  await svc.mailer.send({
    to: user.email,
    officeId: user.office_id,
    subject: translate('mail.reset.subject', lang),
    text: translate('mail.reset.body', lang, { name: user.display_name, login: user.login, link }),
  });
  return { outcome: 'mailed' };
}

export async function resetPassword(svc: Services, input: { token: string; newPassword: string }): Promise<{ login: string }> {
  checkPasswordStrength(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return svc.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('password_reset')
      .innerJoin('app_user', 'app_user.id', 'password_reset.user_id')
      .select(['password_reset.user_id', 'password_reset.expires_at', 'password_reset.used_at', 'app_user.login'])
      .where('password_reset.token_hash', '=', sha256(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at) throw validation('auth.reset_link_invalid', {}, [{ field: 'token', code: 'auth.reset_link_invalid' }]);
    const now = svc.clock.now();
    if (new Date(row.expires_at) <= now) throw validation('auth.reset_link_expired', {}, [{ field: 'token', code: 'auth.reset_link_expired' }]);
    await trx.updateTable('password_reset').set({ used_at: now }).where('token_hash', '=', sha256(input.token)).execute();
    // Other open links of this user are no longer needed.
    await trx.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
    await trx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: false, updated_at: now }).where('id', '=', row.user_id).execute();
    await trx.deleteFrom('user_session').where('user_id', '=', row.user_id).execute();
    return { login: row.login };
  });
}
