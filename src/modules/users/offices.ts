/**
 * Offices own dossiers and users: an accounting firm, or a company keeping its own books.
 * First run: while no user exists, the web UI shows a page that creates the office and its
 * administrator (or the CLI does: `argonaut office create`, `argonaut user create`).
 */
import { sql } from 'kysely';
import { conflict, notFound, validation } from '../../core/errors.ts';
import type { Language } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { startSession } from '../auth/sessions.ts';
import { createUser, type UserView } from './manage-users.ts';
import './messages.ts';

export function cliActor(officeId: number): Actor {
  return { userId: 0, officeId, role: 'admin', login: 'cli', language: 'en', via: 'cli' };
}

export async function createOffice(svc: Services, input: { name: string }): Promise<{ officeId: number; name: string }> {
  const name = input.name.trim();
  if (!name) throw validation('request.required', { field: 'name' }, [{ field: 'name', code: 'request.required' }]);
  const row = await svc.db.insertInto('office').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
  return { officeId: row.id, name: row.name };
}

export async function listOffices(svc: Services) {
  return svc.db.selectFrom('office').select(['id', 'name']).orderBy('id').execute();
}

/** The office a CLI command acts for: the one given, or the only one there is. */
export async function resolveOffice(svc: Services, officeId?: number): Promise<number> {
  if (officeId !== undefined) {
    const row = await svc.db.selectFrom('office').select('id').where('id', '=', officeId).executeTakeFirst();
    if (!row) throw notFound('office.not_found');
    return row.id;
  }
  const offices = await listOffices(svc);
  if (offices.length === 0) throw notFound('office.none');
  if (offices.length > 1) throw validation('office.choose');
  return offices[0].id;
}

export async function isSetupNeeded(svc: Services): Promise<boolean> {
  const row = await svc.db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n === 0;
}

/** First run: creates the office (or names the one made by the CLI) and its first administrator, and logs in. */
export async function setupInstallation(
  svc: Services,
  input: { officeName: string; login: string; displayName?: string; email?: string | null; password: string; language?: Language },
): Promise<{ user: UserView; token: string; csrfToken: string }> {
  if (!(await isSetupNeeded(svc))) throw conflict('auth.setup_done');
  const offices = await listOffices(svc);
  const officeId = offices.length ? offices[0].id : (await createOffice(svc, { name: input.officeName })).officeId;
  let user: UserView;
  try {
    user = await createUser(svc, cliActor(officeId), { ...input, role: 'admin' }, officeId);
  } catch (err) {
    // Bad input (short password, invalid login): leave no office without its administrator behind.
    if (!offices.length) await svc.db.deleteFrom('office').where('id', '=', officeId).execute();
    throw err;
  }
  if (offices.length) await svc.db.updateTable('office').set({ name: input.officeName.trim() || offices[0].name }).where('id', '=', officeId).execute();
  const session = await startSession(svc, user.id);
  return { user, ...session };
}
