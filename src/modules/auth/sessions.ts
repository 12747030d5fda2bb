/** Sessions (httpOnly cookie) and API tokens (Bearer): both resolve to an Actor. */
import { unauthorized } from '../../core/errors.ts';
import { isLanguage } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from './actor.ts';
import { newSecret, sha256 } from './passwords.ts';
import './messages.ts';

export const SESSION_COOKIE = 'argonaut_session';

export async function startSession(svc: Services, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const now = svc.clock.now();
  await svc.db
    .insertInto('user_session')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + svc.config.sessionIdleMinutes * 60_000),
    })
    .execute();
  return { token, csrfToken };
}

const userColumns = ['app_user.id', 'app_user.office_id', 'app_user.role', 'app_user.login', 'app_user.language'] as const;

/** The session behind a cookie value, extended on use (idle expiry); null when unknown or expired. */
export async function resolveSession(svc: Services, token: string): Promise<(Actor & { csrfToken: string }) | null> {
  const id = sha256(token);
  const row = await svc.db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([...userColumns, 'user_session.csrf_token', 'user_session.expires_at', 'user_session.last_seen_at'])
    .where('user_session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const now = svc.clock.now();
  if (new Date(row.expires_at) <= now) {
    await svc.db.deleteFrom('user_session').where('id', '=', id).execute();
    return null;
  }
  // Extend the idle expiry at most once a minute, to keep reads cheap.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await svc.db
      .updateTable('user_session')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + svc.config.sessionIdleMinutes * 60_000) })
      .where('id', '=', id)
      .execute();
  }
  return {
    userId: row.id,
    officeId: row.office_id,
    role: row.role,
    login: row.login,
    language: isLanguage(row.language) ? row.language : 'nl',
    via: 'session',
    sessionId: id,
    csrfToken: row.csrf_token,
  };
}

export async function endSession(svc: Services, token: string): Promise<void> {
  await svc.db.deleteFrom('user_session').where('id', '=', sha256(token)).execute();
}

/** The actor behind an API token ("arg_…"), or an error when the token is unknown or revoked. */
export async function resolveApiToken(svc: Services, token: string): Promise<Actor> {
  const row = await svc.db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([...userColumns, 'api_token.id as token_id', 'api_token.revoked_at'])
    .where('api_token.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) throw unauthorized('auth.invalid_token');
  await svc.db.updateTable('api_token').set({ last_used_at: svc.clock.now() }).where('id', '=', row.token_id).execute();
  return {
    userId: row.id,
    officeId: row.office_id,
    role: row.role,
    login: row.login,
    language: isLanguage(row.language) ? row.language : 'nl',
    via: 'token',
  };
}
