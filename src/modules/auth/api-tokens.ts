/** API tokens per user: create (the secret is shown once), list, revoke. A token acts with its user's rights. */
import { notFound } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from './actor.ts';
import { newSecret, sha256 } from './passwords.ts';

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function createApiToken(svc: Services, actor: Actor, input: { name: string }): Promise<ApiTokenView & { token: string }> {
  const token = `arg_${newSecret()}`;
  const row = await svc.db
    .insertInto('api_token')
    .values({ user_id: actor.userId, name: input.name.trim(), token_hash: sha256(token), prefix: token.slice(0, 10), created_at: svc.clock.now(), last_used_at: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toView(row), token };
}

export async function listApiTokens(svc: Services, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await svc.db.selectFrom('api_token').selectAll().where('user_id', '=', actor.userId).orderBy('id', 'desc').execute();
  return rows.map(toView);
}

export async function revokeApiToken(svc: Services, actor: Actor, id: number): Promise<void> {
  const result = await svc.db
    .updateTable('api_token')
    .set({ revoked_at: svc.clock.now() })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!result.numUpdatedRows) throw notFound('auth.token_not_found');
}

function toView(row: { id: number; name: string; prefix: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
