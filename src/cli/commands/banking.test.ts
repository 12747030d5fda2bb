/**
 * `argonaut bank import` run as a user runs it (child processes on a temporary PGlite folder, and on
 * PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set): the pycoda single-statement file is
 * refused while no journal has its IBAN, booked once the journal exists, and a second import books nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, createServices } from '../../services.ts';
import { createJournal } from '../../modules/ledger/journals/manage-journals.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { engines, type Engine } from '../../../test/helpers.ts';
import { cliSandbox, type CliSandbox } from '../../../test/cli-runner.ts';

const FILE = fileURLToPath(new URL('../../../../shared/corpus/coda/pycoda_Coda_v2_3_single_statement.txt', import.meta.url));


describe.each(engines)('argonaut bank import (%s)', (engine: Engine) => {
  let cli: CliSandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const argonaut = (...args: string[]) => cli.argonaut(...args);

  beforeAll(async () => {
    cli = await cliSandbox(engine, 'argonaut-bank-cli-');
    ({ dir, env } = cli);
  });
  afterAll(() => cli?.close());

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
