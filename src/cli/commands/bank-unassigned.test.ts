/**
 * `argonaut bank unassigned` and `argonaut bank assign` run as a user runs them (child processes on a
 * temporary PGlite folder, and on PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set): the
 * lines of an imported statement wait on the suspense account, one is assigned to a general account and
 * leaves the list, and assigning it again is refused with a non-zero exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, createServices } from '../../services.ts';
import { createJournal } from '../../modules/ledger/journals/manage-journals.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { engines, type Engine } from '../../../test/helpers.ts';
import { cliSandbox, type CliSandbox } from '../../../test/cli-runner.ts';
import { codaFile } from '../../../test/bank/coda-file.ts';
import { listUnassignedLines } from '../../modules/banking/unassigned.ts';



describe.each(engines)('argonaut bank unassigned / assign (%s)', (engine: Engine) => {
  let cli: CliSandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const argonaut = (...args: string[]) => cli.argonaut(...args);

  beforeAll(async () => {
    cli = await cliSandbox(engine, 'argonaut-bank-assign-cli-');
    ({ dir, env } = cli);
  });
  afterAll(() => cli?.close());

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
