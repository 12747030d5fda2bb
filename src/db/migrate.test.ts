/**
 * Migrations: applying them twice changes nothing; a landed migration that was edited is refused
 * with a clear message; a failing migration leaves nothing behind; and the tenant rule holds for
 * every table any migration creates (dossier_id first in the primary key and in foreign keys
 * between dossier tables), so later migrations are checked too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase, type Engine } from '../../test/helpers.ts';
import { openDatabase, type DatabaseHandle, type Db } from './index.ts';
import { loadMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';

/**
 * Tables that have a dossier_id column but are not dossier data, with the reason.
 * Keep this list short: a new table belongs here only when it is office- or installation-wide.
 */
const NOT_DOSSIER_SCOPED: Record<string, string> = {
  audit_event: 'the office-wide audit trail; dossier_id is optional context (user and office events have none)',
};

/** An empty database on the engine (no migrations), closed and dropped by `close()`. */
async function openEmptyDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') return openDatabase({});
  const url = process.env.TEST_DATABASE_URL!;
  const name = `argonaut_test_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString(), poolSize: 2 });
  const close = handle.close;
  handle.close = async () => {
    await close();
    const again = await openDatabase({ url, poolSize: 1 });
    await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
    await again.close();
  };
  return handle;
}

/** Every column of every table, to compare the schema before and after. */
async function schemaSnapshot(db: Db) {
  const res = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  return res.rows;
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-migrations-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  return dir;
}

describe.each(engines)('migrations (%s)', (engine) => {
  let fresh: DatabaseHandle;
  const tmpDirs: string[] = [];

  beforeAll(async () => {
    fresh = await openEmptyDatabase(engine);
  });
  afterAll(async () => {
    await fresh?.close();
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('applies every migration on an empty database, and a second run is a no-op', async () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));

    const first = await migrate(fresh.db);
    expect(first.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(first.current).toBe(migrations.at(-1)!.version);
    const schema = await schemaSnapshot(fresh.db);
    const recorded = await sql<{ version: number; checksum: string }>`select version, checksum from schema_migration order by version`.execute(fresh.db);
    expect(recorded.rows).toEqual(migrations.map((m) => ({ version: m.version, checksum: m.checksum })));

    const second = await migrate(fresh.db);
    expect(second).toEqual({ applied: [], current: first.current });
    expect(await schemaSnapshot(fresh.db)).toEqual(schema);
    expect((await sql`select * from schema_migration`.execute(fresh.db)).rows).toHaveLength(migrations.length);
  });

  it('refuses to start when a landed migration was edited, naming it', async () => {
    const dir = copyMigrations();
    tmpDirs.push(dir);
    const first = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()[0];
    fs.appendFileSync(path.join(dir, first), '\n-- a later edit\n');
    const edited = loadMigrations(dir);
    await expect(migrate(fresh.db, edited)).rejects.toThrow(
      `migration ${first} was changed after it was applied; landed migrations are never edited — add a new one instead`,
    );
  });

  it('refuses a database that has a migration this version does not know', async () => {
    const known = loadMigrations();
    await expect(migrate(fresh.db, known.slice(0, -1))).rejects.toThrow(/which this version of Argonaut does not know; run a newer Argonaut/);
  });

  it('applies a new migration once, and leaves nothing behind when one fails', async () => {
    const dir = copyMigrations();
    tmpDirs.push(dir);
    fs.writeFileSync(path.join(dir, '9990_probe.sql'), 'create table migration_probe (id integer primary key);\n');
    const withNew = loadMigrations(dir);
    expect((await migrate(fresh.db, withNew)).applied).toEqual([{ version: 9990, name: 'probe' }]);
    expect((await migrate(fresh.db, withNew)).applied).toEqual([]);

    fs.writeFileSync(path.join(dir, '9991_broken.sql'), 'create table half_done (id integer);\nselect 1 / 0;\n');
    await expect(migrate(fresh.db, loadMigrations(dir))).rejects.toThrow(/division by zero/);
    const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(fresh.db);
    expect(left.rows[0].n).toBe(0);
    const versions = await sql<{ version: number }>`select version from schema_migration where version >= 9990`.execute(fresh.db);
    expect(versions.rows).toEqual([{ version: 9990 }]);
  });

  it('refuses two migration files with the same number', () => {
    const dir = copyMigrations();
    tmpDirs.push(dir);
    fs.writeFileSync(path.join(dir, '0001_duplicate.sql'), 'select 1;\n');
    expect(() => loadMigrations(dir)).toThrow(/two migrations share version 1/);
  });
});

describe.each(engines)('tenant rule in the schema (%s)', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(() => handle?.close());

  /** Primary-key and foreign-key columns in key order, per constraint. */
  async function keys(db: Db) {
    const res = await sql<{ table_name: string; constraint_name: string; constraint_type: string; columns: string[]; ref_table: string | null }>`
      select cl.relname as table_name, con.conname as constraint_name,
             case con.contype when 'p' then 'PRIMARY KEY' else 'FOREIGN KEY' end as constraint_type,
             array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as columns,
             ref.relname::text as ref_table
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_namespace ns on ns.oid = cl.relnamespace
      left join pg_class ref on ref.oid = con.confrelid
      where ns.nspname = current_schema() and con.contype in ('p', 'f')
      order by cl.relname, con.conname`.execute(db);
    return res.rows;
  }

  it('has dossier_id first in the primary key of every table with a dossier_id column', async () => {
    const withDossier = await sql<{ table_name: string }>`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema() and c.column_name = 'dossier_id' order by c.table_name`.execute(handle.db);
    const tables = withDossier.rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['dossier_contact_field', 'dossier_right', 'fiscal_year']));

    const all = await keys(handle.db);
    const offenders: string[] = [];
    for (const table of tables) {
      if (NOT_DOSSIER_SCOPED[table]) continue;
      const pk = all.find((k) => k.table_name === table && k.constraint_type === 'PRIMARY KEY');
      if (!pk) offenders.push(`${table}: has no primary key (it must start with dossier_id)`);
      else if (pk.columns[0] !== 'dossier_id') offenders.push(`${table}: primary key (${pk.columns.join(', ')}) must start with dossier_id`);
    }
    expect(offenders, 'tenant rule: every dossier table has dossier_id first in its primary key').toEqual([]);
    // The exceptions still exist (otherwise remove them from the list).
    for (const table of Object.keys(NOT_DOSSIER_SCOPED)) expect(tables).toContain(table);
  });

  it('has dossier_id first in every foreign key from one dossier table to another', async () => {
    const all = await keys(handle.db);
    const dossierTables = new Set(
      all.filter((k) => k.constraint_type === 'PRIMARY KEY' && k.columns[0] === 'dossier_id').map((k) => k.table_name),
    );
    const offenders = all
      .filter((k) => k.constraint_type === 'FOREIGN KEY' && dossierTables.has(k.table_name) && k.ref_table && dossierTables.has(k.ref_table))
      .filter((k) => k.columns[0] !== 'dossier_id')
      .map((k) => `${k.table_name}.${k.constraint_name} (${k.columns.join(', ')}) → ${k.ref_table}: must start with dossier_id`);
    expect(offenders, 'tenant rule: foreign keys between dossier tables start with dossier_id').toEqual([]);
  });
});
