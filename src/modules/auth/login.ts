import { AppError, unauthorized } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { startSession } from './sessions.ts';
import { sql } from 'kysely';
import './messages.ts';

/** Failed attempts allowed per login name within the window before logins are refused for a while. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: number;
  mustChangePassword: boolean;
}

export async function login(svc: Services, input: { login: string; password: string }): Promise<LoginResult> {
  const name = input.login.trim();
  const now = svc.clock.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await svc.db
    .selectFrom('login_failure')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date>`min(at)`.as('first')])
    .where(sql`lower(login)`, '=', name.toLowerCase())
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (failures.n >= LOGIN_MAX_FAILURES) {
    const unlock = new Date(failures.first).getTime() + LOGIN_WINDOW_MINUTES * 60_000;
    const minutes = Math.max(1, Math.ceil((unlock - now.getTime()) / 60_000));
    throw new AppError('auth.too_many_attempts', 'rate_limited', { login: name, minutes });
  }

  const user = await svc.db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'must_change_password'])
    .where(sql`lower(login)`, '=', name.toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await svc.db.insertInto('login_failure').values({ login: name, at: now }).execute();
    throw unauthorized('auth.invalid_credentials');
  }
  await svc.db.deleteFrom('login_failure').where(sql`lower(login)`, '=', name.toLowerCase()).execute();
  const session = await startSession(svc, user.id);
  return { ...session, userId: user.id, mustChangePassword: user.must_change_password };
}
