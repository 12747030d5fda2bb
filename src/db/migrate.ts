/**
 * Versioned migrations: `src/db/migrations/NNNN_name.sql`, applied in order at start and by
 * `argonaut migrate`. A landed migration is never edited: its checksum is recorded, and a changed
 * file stops the start with a clear message. An advisory lock lets several processes start at once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './index.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 4242_0001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const version = Number(file.slice(0, 4));
    if (seen.has(version)) throw new Error(`two migrations share version ${version}: ${file}`);
    seen.add(version);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return {
      version,
      name: file.slice(5, -4),
      sql: text,
      checksum: crypto.createHash('sha256').update(text).digest('hex'),
    };
  });
}

/** The file name a migration came from ("0001_foundation.sql"), for messages. */
export const migrationFile = (m: { version: number; name: string }) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`;

export interface MigrateResult {
  applied: Array<{ version: number; name: string }>;
  current: number;
}

export async function migrate(db: Db, migrations = loadMigrations()): Promise<MigrateResult> {
  await sql`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(db);

  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const done = await sql<{ version: number; name: string; checksum: string }>`
      select version, name, checksum from schema_migration order by version`.execute(trx);
    const byVersion = new Map(done.rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const landed = byVersion.get(m.version);
      if (landed && landed.checksum !== m.checksum) {
        throw new Error(
          `migration ${migrationFile(m)} was changed after it was applied; landed migrations are never edited — add a new one instead`,
        );
      }
    }
    const known = new Set(migrations.map((m) => m.version));
    const unknown = done.rows.filter((r) => !known.has(r.version));
    if (unknown.length) {
      throw new Error(
        `the database has migration ${migrationFile(unknown[0])}, which this version of Argonaut does not know; run a newer Argonaut`,
      );
    }
    const applied: MigrateResult['applied'] = [];
    for (const m of migrations) {
      if (byVersion.has(m.version)) continue;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migration (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(trx);
      applied.push({ version: m.version, name: m.name });
    }
    const current = migrations.length ? migrations[migrations.length - 1].version : 0;
    return { applied, current };
  });
}
