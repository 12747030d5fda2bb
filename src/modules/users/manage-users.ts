/**
 * Management → Users: administrators add users, limit their rights per dossier, remove them and
 * change their passwords. Every user can read and change their own profile (e-mail, language, theme).
 */
import { sql } from 'kysely';
import { conflict, forbidden, notFound, validation } from '../../core/errors.ts';
import type { Language } from '../../core/i18n/index.ts';
import type { FontSize, Role, Theme } from '../../db/schema.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { checkPasswordStrength, hashPassword } from '../auth/passwords.ts';
import { normalizeRights, type Right } from './rights.ts';
import './messages.ts';

export interface UserView {
  id: number;
  officeId: number;
  login: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: Language;
  theme: Theme;
  fontSize: FontSize;
  mustChangePassword: boolean;
  createdAt: string;
  rights: Array<{ dossierId: number; dossierName: string; rights: Right[] }>;
}

const LOGIN_RE = /^[A-Za-z0-9._@-]{3,64}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin' && actor.via !== 'cli') throw forbidden('user.admin_only');
}

function checkEmail(email: string | null | undefined): string | null {
  if (email === undefined || email === null || email.trim() === '') return null;
  const value = email.trim();
  if (!EMAIL_RE.test(value)) throw validation('user.email_invalid', { value }, [{ field: 'email', code: 'user.email_invalid', params: { value } }]);
  return value;
}

export interface CreateUserInput {
  login: string;
  displayName?: string;
  email?: string | null;
  password: string;
  role: Role;
  language?: Language;
  mustChangePassword?: boolean;
  rights?: Array<{ dossierId: number; rights: string[] }>;
}

/** Creates a user in the actor's office (or `officeId` for the CLI). */
export async function createUser(svc: Services, actor: Actor, input: CreateUserInput, officeId = actor.officeId): Promise<UserView> {
  requireAdmin(actor);
  const login = input.login.trim();
  if (!LOGIN_RE.test(login)) throw validation('user.login_invalid', {}, [{ field: 'login', code: 'user.login_invalid' }]);
  const email = checkEmail(input.email);
  checkPasswordStrength(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const id = await svc.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('app_user').select('id').where(sql`lower(login)`, '=', login.toLowerCase()).executeTakeFirst();
    if (taken) throw validation('user.login_taken', { login }, [{ field: 'login', code: 'user.login_taken', params: { login } }]);
    const row = await trx
      .insertInto('app_user')
      .values({
        office_id: officeId,
        login,
        display_name: input.displayName?.trim() || login,
        email,
        password_hash: passwordHash,
        role: input.role,
        language: input.language ?? 'nl',
        must_change_password: input.mustChangePassword ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.rights?.length) await writeRights(trx, officeId, row.id, input.rights);
    await audit(trx, actor, officeId, 'user.create', { userId: row.id, login });
    return row.id;
  });
  return getUser(svc, { ...actor, officeId }, id);
}

export async function listUsers(
  svc: Services,
  actor: Actor,
  query: { search?: string; sort?: 'login' | 'displayName' | 'role' | 'createdAt'; direction?: 'asc' | 'desc'; page?: number; pageSize?: number } = {},
): Promise<{ items: UserView[]; total: number; page: number; pageSize: number }> {
  requireAdmin(actor);
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500);
  const page = Math.max(query.page ?? 1, 1);
  let base = svc.db.selectFrom('app_user').where('office_id', '=', actor.officeId);
  if (query.search?.trim()) {
    const like = `%${query.search.trim().toLowerCase()}%`;
    base = base.where((eb) =>
      eb.or([eb(sql`lower(login)`, 'like', like), eb(sql`lower(display_name)`, 'like', like), eb(sql`lower(coalesce(email, ''))`, 'like', like)]),
    );
  }
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  // Names sort case-insensitively ("admin" between "Ann" and "Bram", not after "Wout").
  const column = {
    login: sql`lower(login)`,
    displayName: sql`lower(display_name)`,
    role: sql`role`,
    createdAt: sql`created_at`,
  }[query.sort ?? 'login'];
  const rows = await base
    .select('id')
    .orderBy(column, query.direction ?? 'asc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = await Promise.all(rows.map((r) => getUser(svc, actor, r.id)));
  return { items, total, page, pageSize };
}

export async function getUser(svc: Services, actor: Actor, userId: number): Promise<UserView> {
  if (userId !== actor.userId) requireAdmin(actor);
  return loadUser(svc, userId, actor.officeId);
}

/** A user's view without access checks: for the session endpoint and the use cases above. */
export async function loadUser(svc: Services, userId: number, officeId?: number): Promise<UserView> {
  let q = svc.db.selectFrom('app_user').selectAll().where('id', '=', userId);
  if (officeId !== undefined) q = q.where('office_id', '=', officeId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('user.not_found');
  const rights = await svc.db
    .selectFrom('dossier_right')
    .innerJoin('dossier', 'dossier.id', 'dossier_right.dossier_id')
    .select(['dossier_right.dossier_id', 'dossier.name', 'dossier_right.rights'])
    .where('dossier_right.user_id', '=', userId)
    .orderBy('dossier.name')
    .execute();
  return {
    id: row.id,
    officeId: row.office_id,
    login: row.login,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    language: row.language,
    theme: row.theme,
    fontSize: row.font_size,
    mustChangePassword: row.must_change_password,
    createdAt: new Date(row.created_at).toISOString(),
    rights: rights.map((r) => ({ dossierId: r.dossier_id, dossierName: r.name, rights: normalizeRights(r.rights) })),
  };
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  role?: Role;
  language?: Language;
}

export async function updateUser(svc: Services, actor: Actor, userId: number, input: UpdateUserInput): Promise<UserView> {
  requireAdmin(actor);
  const current = await getUser(svc, actor, userId);
  const email = input.email === undefined ? undefined : checkEmail(input.email);
  await svc.db.transaction().execute(async (trx) => {
    if (input.role && input.role !== 'admin' && current.role === 'admin') await ensureAnotherAdmin(trx, actor.officeId, userId);
    await trx
      .updateTable('app_user')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName.trim() || current.login } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.language ? { language: input.language } : {}),
        updated_at: svc.clock.now(),
      })
      .where('id', '=', userId)
      .execute();
    await audit(trx, actor, actor.officeId, 'user.update', { userId, fields: Object.keys(input) });
  });
  return getUser(svc, actor, userId);
}

/** Replaces a user's rights on the given dossiers (an empty list of rights removes access). */
export async function setUserRights(
  svc: Services,
  actor: Actor,
  userId: number,
  rights: Array<{ dossierId: number; rights: string[] }>,
): Promise<UserView> {
  requireAdmin(actor);
  await getUser(svc, actor, userId);
  await svc.db.transaction().execute(async (trx) => {
    await writeRights(trx, actor.officeId, userId, rights);
    await audit(trx, actor, actor.officeId, 'user.rights', { userId, rights });
  });
  return getUser(svc, actor, userId);
}

async function writeRights(trx: Services['db'], officeId: number, userId: number, rights: Array<{ dossierId: number; rights: string[] }>) {
  for (const entry of rights) {
    const dossier = await trx.selectFrom('dossier').select('id').where('id', '=', entry.dossierId).where('office_id', '=', officeId).executeTakeFirst();
    if (!dossier) throw notFound('dossier.not_found', { id: entry.dossierId });
    const normalized = normalizeRights(entry.rights);
    if (normalized.length === 0) {
      await trx.deleteFrom('dossier_right').where('dossier_id', '=', entry.dossierId).where('user_id', '=', userId).execute();
    } else {
      await trx
        .insertInto('dossier_right')
        .values({ dossier_id: entry.dossierId, user_id: userId, rights: normalized })
        .onConflict((oc) => oc.columns(['dossier_id', 'user_id']).doUpdateSet({ rights: normalized }))
        .execute();
    }
  }
}

export async function removeUser(svc: Services, actor: Actor, userId: number): Promise<void> {
  requireAdmin(actor);
  if (userId === actor.userId) throw conflict('user.cannot_remove_self');
  const user = await getUser(svc, actor, userId);
  await svc.db.transaction().execute(async (trx) => {
    if (user.role === 'admin') await ensureAnotherAdmin(trx, actor.officeId, userId);
    await trx.deleteFrom('app_user').where('id', '=', userId).execute();
    await audit(trx, actor, actor.officeId, 'user.remove', { userId, login: user.login });
  });
}

/** An administrator sets another user's password; that user must change it at the next login. */
export async function setUserPassword(svc: Services, actor: Actor, userId: number, password: string): Promise<void> {
  requireAdmin(actor);
  await getUser(svc, actor, userId);
  checkPasswordStrength(password, 'password');
  const passwordHash = await hashPassword(password);
  await svc.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: userId !== actor.userId, updated_at: svc.clock.now() })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
    await audit(trx, actor, actor.officeId, 'user.password', { userId });
  });
}

export interface ProfileInput {
  displayName?: string;
  email?: string | null;
  language?: Language;
  theme?: Theme;
  fontSize?: FontSize;
}

/** A user's own settings: e-mail address (for password reset), language, theme and font size. */
export async function updateProfile(svc: Services, actor: Actor, input: ProfileInput): Promise<UserView> {
  const email = input.email === undefined ? undefined : checkEmail(input.email);
  await svc.db
    .updateTable('app_user')
    .set({
      ...(input.displayName !== undefined && input.displayName.trim() ? { display_name: input.displayName.trim() } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(input.language ? { language: input.language } : {}),
      ...(input.theme ? { theme: input.theme } : {}),
      ...(input.fontSize ? { font_size: input.fontSize } : {}),
      updated_at: svc.clock.now(),
    })
    .where('id', '=', actor.userId)
    .execute();
  return getUser(svc, actor, actor.userId);
}

async function ensureAnotherAdmin(trx: Services['db'], officeId: number, userId: number) {
  const others = await trx
    .selectFrom('app_user')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('office_id', '=', officeId)
    .where('role', '=', 'admin')
    .where('id', '!=', userId)
    .executeTakeFirstOrThrow();
  if (others.n === 0) throw conflict('user.last_admin');
}

export async function audit(db: Services['db'], actor: Actor | null, officeId: number | null, action: string, details: unknown, dossierId: number | null = null) {
  await db
    .insertInto('audit_event')
    .values({ office_id: officeId, dossier_id: dossierId, user_id: actor?.via === 'cli' ? null : actor?.userId ?? null, action, details: JSON.stringify(details) })
    .execute();
}
