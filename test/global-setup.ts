/**
 * Builds the test database templates once per run, so each test database starts in about a second
 * instead of an initdb (ARCHITECTURE: tests start from a template):
 * - PGlite: a dump of a migrated database, written to .tmp/ and reused while migrations are unchanged;
 * - PostgreSQL (when TEST_DATABASE_URL is set): a template database with the migrations applied.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/index.ts';
import { loadMigrations, migrate } from '../src/db/migrate.ts';

export default async function setup(project: TestProject) {
  const migrations = loadMigrations();
  const fingerprint = crypto.createHash('sha256').update(migrations.map((m) => m.checksum).join()).digest('hex').slice(0, 12);

  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${fingerprint}.tar`);
  if (!fs.existsSync(file)) {
    const handle = await openDatabase({});
    await migrate(handle.db, migrations);
    const blob = await handle.dump!();
    fs.writeFileSync(`${file}.part`, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(`${file}.part`, file);
    await handle.close();
  }
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateName = `argonaut_template_${fingerprint}`;
    const admin = await openDatabase({ url, poolSize: 1 });
    const { sql } = await import('kysely');
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${templateName}`.execute(admin.db);
    if (exists.rows[0].n === 0) {
      await sql.raw(`create database ${templateName}`).execute(admin.db);
      const target = new URL(url);
      target.pathname = `/${templateName}`;
      const tpl = await openDatabase({ url: target.toString(), poolSize: 1 });
      await migrate(tpl.db, migrations);
      await tpl.close();
    }
    // Drop test databases left behind by an interrupted run (named argonaut_test_<epoch seconds>_…),
    // but never those of a run still going on beside this one.
    const stale = await sql<{ datname: string }>`select datname from pg_database where datname like 'argonaut\_test\_%'`.execute(admin.db);
    const hourAgo = Date.now() / 1000 - 3600;
    for (const row of stale.rows) {
      const created = Number(row.datname.split('_')[2]);
      if (created < hourAgo) await sql.raw(`drop database if exists ${row.datname} with (force)`).execute(admin.db).catch(() => undefined);
    }
    await admin.close();
    project.provide('postgresTemplate', templateName);
  } else {
    project.provide('postgresTemplate', '');
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
