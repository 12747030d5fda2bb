/**
 * `argonaut bank import` run as a user runs it (child processes on a temporary PGlite folder, and on
 * PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set): the pycoda single-statement file is
 * refused while no journal has its IBAN, booked once the journal exists, and a second import books nothing.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/index.ts';
import { configFromEnv, createServices } from '../../services.ts';
import { createJournal } from '../../modules/ledger/journals/manage-journals.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { engines, type Engine } from '../../../test/helpers.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const FILE = fileURLToPath(new URL('../../../../shared/corpus/coda/pycoda_Coda_v2_3_single_statement.txt', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(engines)('argonaut bank import (%s)', (engine: Engine) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;

  const argonaut = async (...args: string[]): Promise<Result> => {
    try {
      const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args, '--data', path.join(dir, 'data')], { cwd: repo, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bank-cli-'));
    env = { ...process.env, ARGONAUT_LANG: undefined, DATABASE_URL: undefined };
    if (engine === 'postgres') {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `argonaut_test_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(4).toString('hex')}`;
      const admin = await openDatabase({ url, poolSize: 1 });
      await sql.raw(`create database ${name} template ${inject('postgresTemplate')}`).execute(admin.db);
      await admin.close();
      const target = new URL(url);
      target.pathname = `/${name}`;
      env.DATABASE_URL = target.toString();
      drop = async () => {
        const again = await openDatabase({ url, poolSize: 1 });
        await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
        await again.close();
      };
    }
  });
  afterAll(async () => {
    await drop?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('refuses the file without a journal for its IBAN, books it once the journal exists, and books nothing the second time', async () => {
    const created = await argonaut('dossier', 'create', '--name', 'Stora Enso', '--fiscal-year-start', '2009-01-01', '--json');
    expect(created.stderr).toBe('');
    const dossierId: number = JSON.parse(created.stdout).dossierId;

    const refused = await argonaut('bank', 'import', FILE, '--dossier', String(dossierId), '--json');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('banking.journal_not_found');

    // Management → Journals: the KBC journal with the file's IBAN and BIC (no CLI command for journals).
    const svc = await createServices({ config: configFromEnv(env, { dataDir: path.join(dir, 'data') }) });
    try {
      const office = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirstOrThrow();
      await createJournal(svc, cliActor(office.office_id), dossierId, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE86407051416150', bic: 'KREDBEBB' });
    } finally {
      await svc.close();
    }

    const booked = await argonaut('bank', 'import', FILE, '--dossier', String(dossierId), '--json');
    expect(booked.stderr).toBe('');
    expect(JSON.parse(booked.stdout)).toEqual({
      format: 'coda',
      statements: [{ journal: 'KBC', number: '042', bookingId: expect.any(Number), lines: 17, matched: 0, suspense: 17 }],
      duplicates: [],
    });
    const again = await argonaut('bank', 'import', FILE, '--dossier', String(dossierId), '--json');
    const second = JSON.parse(again.stdout);
    expect(second.statements).toEqual([]);
    expect(second.duplicates).toEqual([expect.objectContaining({ journal: 'KBC', number: '042', account: 'BE86407051416150' })]);
  });
});
