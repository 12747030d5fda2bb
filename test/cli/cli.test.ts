/**
 * The `argonaut` command run as a user runs it: child processes `node bin/argonaut.js …`, on a
 * temporary PGlite folder (--data) and, when TEST_DATABASE_URL is set, on PostgreSQL through
 * DATABASE_URL (a database made from the test template). Each PGlite start costs seconds, so the
 * steps share one data folder and run in order.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/core/clock.ts';
import { loadMigrations } from '../../src/db/migrate.ts';
import { login } from '../../src/modules/auth/login.ts';
import { configFromEnv, createServices } from '../../src/services.ts';
import { engines, scratchPostgresDatabase, type Engine } from '../helpers.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(env: Record<string, string | undefined>) {
  return async (...args: string[]): Promise<Result> => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ARGONAUT_LANG: undefined, DATABASE_URL: undefined, ...env };
    try {
      const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args], { cwd: repo, env: childEnv, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
    }
  };
}

it('prints its help without touching a database', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-cli-help-'));
  try {
    const res = await cli({})('--help', '--data', dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Usage: argonaut');
    for (const command of ['serve', 'migrate', 'office', 'user', 'dossier']) expect(res.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(res.stdout).toContain('--data <dir>');
    expect(fs.readdirSync(dir)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});

describe.each(engines)('argonaut CLI (%s)', (engine: Engine) => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let argonaut: (...args: string[]) => Promise<Result>;
  let dropDatabase: (() => Promise<void>) | undefined;
  let dossierId: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-cli-'));
    if (engine === 'postgres') {
      const scratch = await scratchPostgresDatabase();
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    }
    argonaut = cli({ DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    await dropDatabase?.();
  });

  it('migrates (--data before the subcommand) and reports the version as JSON', async () => {
    const res = await argonaut('--data', dataDir, 'migrate', '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    const migrations = loadMigrations();
    expect(json.current).toBe(migrations.at(-1)!.version);
    if (engine === 'pglite') {
      // A new folder: every migration applied, the database is under <data>/pg.
      expect(json.applied.map((m: { version: number }) => m.version)).toEqual(migrations.map((m) => m.version));
      expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    } else {
      // DATABASE_URL wins over --data: the template database is migrated already; nothing lands in the folder.
      expect(json.applied).toEqual([]);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    }
  });

  it('creates an office and an administrator (--data after the subcommand)', async () => {
    const office = await argonaut('office', 'create', '--name', 'Kantoor Vermeulen', '--json', '--data', dataDir);
    expect(office.code).toBe(0);
    const officeJson = JSON.parse(office.stdout);
    expect(officeJson).toEqual({ officeId: expect.any(Number), name: 'Kantoor Vermeulen' });

    const user = await argonaut('user', 'create', '--data', dataDir, '--login', 'griet', '--password', 'griet-pass-1', '--email', 'griet@vermeulen.be', '--json');
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toEqual({ userId: expect.any(Number), login: 'griet', officeId: officeJson.officeId, role: 'admin' });
  });

  it('creates a dossier with a VAT number and fiscal-year start, printing {"dossierId": …}', async () => {
    const res = await argonaut('dossier', 'create', '--name', 'Brouwerij Vermeulen', '--vat', 'BE 0403.170.701', '--fiscal-year-start', '2026-04-01', '--json', '--data', dataDir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json).toMatchObject({
      dossierId: expect.any(Number),
      name: 'Brouwerij Vermeulen',
      vatNumber: 'BE0403170701',
      fiscalYears: [{ id: 1, startDate: '2026-04-01', endDate: '2027-03-31' }],
    });
    dossierId = json.dossierId;
  });

  it('refuses an invalid VAT number with a non-zero exit and the message, creates nothing, and lists the one dossier', async () => {
    const bad = await argonaut('--data', dataDir, 'dossier', 'create', '--name', 'Fout Nummer BV', '--vat', 'BE0403170702');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('error: The VAT number BE0403170702 is invalid: the check digits (modulo 97) do not match. [identifier.vat_number_invalid]');
    expect(bad.stderr).toContain('vatNumber:');
    expect(bad.stdout).toBe('');

    const list = await argonaut('dossier', 'list', '--json', '--data', dataDir);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      { dossierId, officeId: expect.any(Number), name: 'Brouwerij Vermeulen', enterpriseNumber: '0403170701', vatNumber: 'BE0403170701', city: null },
    ]);
  });

  it('made a user who can log in, in the same database the server uses', async () => {
    const config = configFromEnv({}, { dataDir, databaseUrl });
    const svc = await createServices({ config, clock: new FixedClock(new Date('2026-03-15T09:00:00Z')) });
    try {
      const result = await login(svc, { login: 'griet', password: 'griet-pass-1' });
      expect(result.mustChangePassword).toBe(false);
      const dossiers = await svc.db.selectFrom('dossier').select('name').execute();
      expect(dossiers).toEqual([{ name: 'Brouwerij Vermeulen' }]);
    } finally {
      await svc.close();
    }
  });
});
