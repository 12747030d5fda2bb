/**
 * The ledger on the command line, run as a user runs it (child processes on a temporary PGlite folder,
 * and on PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set): the demo dossier, the trial
 * balance as JSON, posting a booking from a file (and the refusals), the general ledger of an account
 * over more than one page, and the hledger comparison —
 * `hledger -f FILE balance` must show the balances of Argonaut's trial balance.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBalanceCsv } from '../../formats/hledger/write.ts';
import { engines, type Engine } from '../../../test/helpers.ts';
import { cliSandbox, type CliSandbox } from '../../../test/cli-runner.ts';

const run = promisify(execFile);



describe.each(engines)('argonaut ledger commands (%s)', (engine: Engine) => {
  let cli: CliSandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let dossierId: number;
  let year: number;
  const argonaut = (...args: string[]) => cli.argonaut(...args);

  beforeAll(async () => {
    cli = await cliSandbox(engine, 'argonaut-ledger-cli-');
    ({ dir, env } = cli);
  });
  afterAll(() => cli?.close());

  it('creates a demo dossier with a realistic year and a previous year transferred', async () => {
    const res = await argonaut('demo', '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toEqual({ dossierId: expect.any(Number), year: new Date().getUTCFullYear() - 1 });
    dossierId = out.dossierId;
    year = out.year;
    const years = JSON.parse((await argonaut('fiscal-year', 'list', '--dossier', String(dossierId), '--json')).stdout);
    expect(years).toHaveLength(2);
    expect(years[0].transferredAt).not.toBeNull();
    expect(years[1].bookings).toBeGreaterThan(400);
  });

  it('prints the trial balance of a year as JSON with decimal strings, balance = debit − credit, totals agreeing', async () => {
    const res = await argonaut('report', 'trial-balance', '--dossier', String(dossierId), '--year', String(year), '--json');
    expect(res.code).toBe(0);
    const rows: Array<{ account: string; name: string; debit: string; credit: string; balance: string }> = JSON.parse(res.stdout);
    expect(rows.length).toBeGreaterThan(20);
    const cents = (s: string) => Math.round(Number(s) * 100);
    for (const r of rows) {
      expect(r.debit).toMatch(/^-?\d+\.\d{2}$/);
      expect(cents(r.balance)).toBe(cents(r.debit) - cents(r.credit));
    }
    expect(rows.reduce((s, r) => s + cents(r.debit), 0)).toBe(rows.reduce((s, r) => s + cents(r.credit), 0));
    // The opening booking (the transfer from the previous year) is part of the year's totals.
    expect(rows.find((r) => r.account === '140000')).toMatchObject({ name: 'Profit carried forward' });
    const sales = rows.find((r) => r.account === '700000')!;
    expect(cents(sales.credit)).toBeGreaterThan(0);
  });

  it('shows the same balances in hledger as in the trial balance', async () => {
    const file = path.join(dir, 'year.journal');
    const exported = await argonaut('export', 'hledger', '--dossier', String(dossierId), '--year', String(year), '--out', file, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).lines).toBeGreaterThan(1000);
    let hledger: string;
    try {
      hledger = (await run('hledger', ['-f', file, 'balance', '-O', 'csv', '-E'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
    } catch (err) {
      throw new Error(`hledger must be installed for this test (apt-get install -y hledger): ${String(err)}`);
    }
    const theirs = parseBalanceCsv(hledger);
    const ours: Array<{ account: string; balance: string }> = JSON.parse((await argonaut('report', 'trial-balance', '--dossier', String(dossierId), '--year', String(year), '--json')).stdout);
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(ours.length).toBeGreaterThan(20);
    for (const r of ours) expect([r.account, theirs.get(r.account) ?? 0]).toEqual([r.account, cents(r.balance)]);
    for (const [account, balance] of theirs) if (balance !== 0) expect(ours.some((r) => r.account === account)).toBe(true);
  });

  it('posts a booking from a file and refuses an unbalanced or misdated one with the error and a non-zero exit', async () => {
    const write = (name: string, body: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(body));
      return file;
    };
    const good = write('good.json', { type: 'miscellaneous', date: `${year}-06-30`, description: 'Correctie', lines: [{ account: '658000', debit: '12.50' }, { account: '499000', credit: '12.50' }] });
    const posted = await argonaut('booking', 'post', '--dossier', String(dossierId), '--file', good, '--json');
    expect(posted.code).toBe(0);
    const booking = JSON.parse(posted.stdout);
    expect(booking.number).toMatch(new RegExp(`^DIV ${year}/\\d{4}$`));
    expect(booking.lines).toEqual([
      { account: '658000', debit: '12.50', credit: '0.00', relationId: null, vatCode: null },
      { account: '499000', debit: '0.00', credit: '12.50', relationId: null, vatCode: null },
    ]);
    const unbalanced = write('unbalanced.json', { type: 'miscellaneous', date: `${year}-06-30`, lines: [{ account: '658000', debit: '12.50' }, { account: '499000', credit: '12.49' }] });
    const refused = await argonaut('booking', 'post', '--dossier', String(dossierId), '--file', unbalanced, '--json');
    expect(refused.code).not.toBe(0);
    expect(JSON.parse(refused.stdout).error.code).toBe('ledger.booking_unbalanced');
    expect(refused.stderr).toContain('0.01');
    const misdated = write('misdated.json', { type: 'miscellaneous', date: `${year + 5}-01-01`, lines: [{ account: '658000', debit: '1.00' }, { account: '499000', credit: '1.00' }] });
    const noPeriod = await argonaut('booking', 'post', '--dossier', String(dossierId), '--file', misdated);
    expect(noPeriod.code).not.toBe(0);
    expect(noPeriod.stderr).toContain('No fiscal-year period matches the date of the transaction');
    env.ARGONAUT_LANG = 'nl';
    const nl = await argonaut('booking', 'post', '--dossier', String(dossierId), '--file', misdated);
    env.ARGONAUT_LANG = undefined;
    expect(nl.stderr).toContain('Er kon geen boekjaarperiode gevonden worden die overeenstemt met de datum van de verrichting.');
  });
  it('prints the whole general ledger of an account, also beyond one page of 5,000 lines, the balance running to the trial balance', async () => {
    const many = Array.from({ length: 5200 }, (_, i) => ({ type: 'miscellaneous', date: `${year}-09-${String(1 + (i % 28)).padStart(2, '0')}`, lines: [{ account: '616000', amount: 100 + i }, { account: '499000', amount: -(100 + i) }] }));
    const file = path.join(dir, 'many.json');
    fs.writeFileSync(file, JSON.stringify({ bookings: many }));
    const imported = await argonaut('booking', 'import', '--dossier', String(dossierId), '--file', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const res = await argonaut('report', 'general-ledger', '--dossier', String(dossierId), '--year', String(year), '--account', '616000', '--json');
    expect(res.code, res.stderr).toBe(0);
    const lines: Array<{ balance: string }> = JSON.parse(res.stdout);
    const tb: Array<{ account: string; debit: string; credit: string; balance: string }> = JSON.parse((await argonaut('report', 'trial-balance', '--dossier', String(dossierId), '--year', String(year), '--json')).stdout);
    const account = tb.find((r) => r.account === '616000')!;
    expect(lines.length).toBeGreaterThan(5200);
    expect(lines.at(-1)!.balance).toBe(account.balance);
  });
});
