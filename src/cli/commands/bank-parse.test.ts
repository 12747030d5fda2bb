/** `argonaut coda parse` / `argonaut camt parse` run as a user runs them: a child process, no database. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

async function argonaut(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args], { cwd: repo, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('argonaut coda parse / camt parse', () => {
  it('prints the statements of a CODA file as JSON', async () => {
    const { code, stdout } = await argonaut(['coda', 'parse', corpus + 'coda/oca-7.0_Coda_iban_v2_3_multi_statements.txt', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.statements).toHaveLength(2);
    expect(json.statements[1]).toMatchObject({
      account: 'BE13001676096039',
      currency: 'EUR',
      sequence: '037',
      oldBalance: '39575.69',
      newBalance: '139575.69',
      warnings: [],
    });
    expect(Object.keys(json.statements[0])).toEqual([
      'account',
      'currency',
      'sequence',
      'oldBalance',
      'newBalance',
      'oldBalanceDate',
      'newBalanceDate',
      'movements',
      'warnings',
    ]);
    expect(Object.keys(json.statements[0].movements[0])).toEqual([
      'amount',
      'valueDate',
      'entryDate',
      'structuredCommunication',
      'communication',
      'counterpartyName',
      'counterpartyAccount',
    ]);
    expect(json.statements[0].movements[0].amount).toBe('-122.40');
  }, 60_000);

  it('refuses a malformed CODA file with a non-zero exit and an error naming the line', async () => {
    const { code, stdout, stderr } = await argonaut(['coda', 'parse', corpus + 'coda/coda-rs_CODA-bad.txt', '--json']);
    expect(code).not.toBe(0);
    const { error } = JSON.parse(stdout);
    expect(error.code).toBe('coda.malformed_record');
    expect(error.message).toBe('Line 2 is not a valid CODA record: the line is longer than 128 characters.');
    expect(error.details).toEqual([{ line: 2, code: 'coda.reason.too_long', message: 'the line is longer than 128 characters' }]);
    expect(stderr).toContain('line 2');
  }, 60_000);

  it('refuses CODA version 5, in Dutch when asked', async () => {
    const { code, stderr } = await argonaut(['coda', 'parse', corpus + 'coda/pycoda_Coda_faulty_version.txt'], { ARGONAUT_LANG: 'nl' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('Regel 1: CODA-versie 5 wordt niet ondersteund');
  }, 60_000);

  it('prints a short summary per statement without --json, with the warnings', async () => {
    const { code, stdout } = await argonaut(['coda', 'parse', corpus + 'coda/oca_Ontvangen_CODA.2012-01-11-18.59.15.txt']);
    expect(code).toBe(0);
    expect(stdout).toContain('1 statement(s)');
    expect(stdout).toContain('Statement 135  BE46737018594236  EUR');
    expect(stdout).toMatch(/old balance\s+11812\.70 {2}2010-07-27/);
    expect(stdout).toContain('5 movement(s)');
    expect(stdout).toContain('warning: Statement 135 of account BE46737018594236 is inconsistent');
  }, 60_000);

  it('prints the statements of a camt.053 file as JSON, and refuses a pain.001', async () => {
    const ok = await argonaut(['camt', 'parse', corpus + 'iso20022/samples/camt053/synthetic__camt053v02__genkgo-multi-statement.xml', '--json']);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.statements.map((s: { oldBalance: string; newBalance: string }) => [s.oldBalance, s.newBalance])).toEqual([
      ['18.15', '27.00'],
      ['27.00', '20.00'],
    ]);

    const pain = await argonaut(['camt', 'parse', corpus + 'iso20022/samples/pain001/phpsepaxml__pain.001.001.03.xml', '--json']);
    expect(pain.code).not.toBe(0);
    expect(JSON.parse(pain.stdout).error.code).toBe('camt.not_camt053');
  }, 60_000);

  it('says so when the file cannot be read', async () => {
    const { code, stderr } = await argonaut(['camt', 'parse', 'does-not-exist.xml']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Cannot read the file does-not-exist.xml: ENOENT');
  }, 60_000);
});
