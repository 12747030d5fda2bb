/**
 * `argonaut bank unassigned` and `argonaut bank assign` run as a user runs them (child processes on a
 * temporary PGlite folder, and on PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set): the
 * lines of an imported statement wait on the suspense account, one is assigned to a general account and
 * leaves the list, and assigning it again is refused with a non-zero exit.
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
import { codaFile } from '../../../test/bank/coda-file.ts';
import { listUnassignedLines } from '../../modules/banking/unassigned.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(engines)('argonaut bank unassigned / assign (%s)', (engine: Engine) => {
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
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bank-assign-cli-'));
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

  it('lists the waiting lines, assigns one to an account (it leaves the list), and refuses it a second time', async () => {
    const created = await argonaut('dossier', 'create', '--name', 'Bakkerij Janssens', '--fiscal-year-start', '2026-01-01', '--json');
    expect(created.stderr).toBe('');
    const dossierId: number = JSON.parse(created.stdout).dossierId;
    const svc = await createServices({ config: configFromEnv(env, { dataDir: path.join(dir, 'data') }) });
    try {
      const office = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirstOrThrow();
      await createJournal(svc, cliActor(office.office_id), dossierId, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    } finally {
      await svc.close();
    }
    const file = path.join(dir, 'kbc-003.cod');
    fs.writeFileSync(file, codaFile({ iban: 'BE68539007547034', sequence: '003', date: '2026-03-10', opening: 0, movements: [
      { amount: -4550, communication: 'Huur maart', counterpartyName: 'Immo Peeters' },
      { amount: 2000, communication: 'Onbekend' },
    ] }));
    const imported = await argonaut('bank', 'import', file, '--dossier', String(dossierId), '--json');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout).statements).toEqual([expect.objectContaining({ journal: 'KBC', number: '003', lines: 2, suspense: 2 })]);

    const listed = await argonaut('bank', 'unassigned', '--dossier', String(dossierId), '--json');
    expect(listed.stderr).toBe('');
    const waiting = JSON.parse(listed.stdout);
    expect(waiting.account).toBe('499000');
    expect(waiting.items.map((i: { amount: number; counterpartyName: string | null }) => [i.amount, i.counterpartyName])).toEqual([[-4550, 'Immo Peeters'], [2000, null]]);
    const rent = waiting.items[0];

    const assigned = await argonaut('bank', 'assign', String(rent.bookingId), String(rent.lineNo), '--dossier', String(dossierId), '--amount=-45.50', '--account', '610000', '--json');
    expect(assigned.stderr).toBe('');
    expect(JSON.parse(assigned.stdout)).toMatchObject({ account: '610000', relationId: null, matchId: null, document: expect.stringMatching(/^DIV 2026\/\d{4}$/) });
    // the line left the list (checked in the database: one child process less)
    const check = await createServices({ config: configFromEnv(env, { dataDir: path.join(dir, 'data') }) });
    try {
      const office = await check.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirstOrThrow();
      const after = await listUnassignedLines(check, cliActor(office.office_id), dossierId);
      expect(after.items.map((i) => i.amount)).toEqual([2000]);
    } finally {
      await check.close();
    }

    const again = await argonaut('bank', 'assign', String(rent.bookingId), String(rent.lineNo), '--dossier', String(dossierId), '--amount=-45.50', '--account', '610000', '--json');
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toContain('banking.line_already_assigned');
  }, 600_000);
});
