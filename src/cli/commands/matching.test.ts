/**
 * Matching on the command line, run as a user runs it (child processes on a temporary PGlite folder,
 * and on PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set), on the demo dossier: the
 * open items at the year end add up to the balances of 400000 and 440000, before and after
 * `argonaut match auto`, which matches most payments (the demo pays sales by structured communication).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type Engine } from '../../../test/helpers.ts';
import { cliSandbox, type CliSandbox } from '../../../test/cli-runner.ts';


interface OpenItemJson { relation: string | null; account: string; document: string; date: string; dueDate: string | null; amount: string; open: string }

describe.each(engines)('argonaut matching commands (%s)', (engine: Engine) => {
  let cli: CliSandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let dossierId: number;
  let year: number;
  const argonaut = (...args: string[]) => cli.argonaut(...args);

  beforeAll(async () => {
    cli = await cliSandbox(engine, 'argonaut-matching-cli-');
    ({ dir, env } = cli);
  });
  afterAll(() => cli?.close());

  const cents = (s: string) => Math.round(Number(s) * 100);
  const openItems = async (date: string, ...extra: string[]): Promise<OpenItemJson[]> => {
    const res = await argonaut('report', 'open-items', '--dossier', String(dossierId), '--date', date, ...extra, '--json');
    expect(res.stderr).toBe('');
    return JSON.parse(res.stdout);
  };
  const balances = async (): Promise<Map<string, number>> => {
    const rows: Array<{ account: string; balance: string }> = JSON.parse((await argonaut('report', 'trial-balance', '--dossier', String(dossierId), '--year', String(year), '--json')).stdout);
    return new Map(rows.map((r) => [r.account, cents(r.balance)]));
  };
  const perAccount = (items: OpenItemJson[]) => {
    const out = new Map<string, number>();
    for (const i of items) out.set(i.account, (out.get(i.account) ?? 0) + cents(i.open));
    return out;
  };

  it('prints open items whose sum equals the balances of 400000 and 440000, before and after automatic matching', async () => {
    const demo = JSON.parse((await argonaut('demo', '--json')).stdout);
    dossierId = demo.dossierId;
    year = demo.year;
    const tb = await balances();
    const before = await openItems(`${year}-12-31`);
    expect(Object.keys(before[0])).toEqual(['relation', 'relationName', 'account', 'document', 'reference', 'date', 'dueDate', 'amount', 'open', 'bucket']);
    for (const i of before) {
      expect(i.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(i.open).toMatch(/^-?\d+\.\d{2}$/);
      expect(i.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(perAccount(before)).toEqual(new Map([['400000', tb.get('400000')], ['440000', tb.get('440000')]]));

    const auto = await argonaut('match', 'auto', '--dossier', String(dossierId), '--json');
    expect(auto.stderr).toBe('');
    const result = JSON.parse(auto.stdout);
    expect(result.matched).toBeGreaterThan(100);
    expect(Object.keys(result)).toEqual(['matched', 'proposals']);
    expect(Array.isArray(result.proposals)).toBe(true);
    for (const p of result.proposals) {
      expect(p).toMatchObject({ bookingId: expect.any(Number), lineNo: expect.any(Number), document: expect.any(String), account: expect.any(String), by: expect.stringMatching(/^(ogm|reference|amount)$/) });
      expect(p.open).toMatch(/^-?\d+\.\d{2}$/);
      expect(p.candidates.length).toBeGreaterThan(1);
      for (const c of p.candidates) expect(c.open).toMatch(/^-?\d+\.\d{2}$/);
    }
    const after = await openItems(`${year}-12-31`);
    expect(after.length).toBeLessThan(before.length / 2);
    expect(perAccount(after)).toEqual(perAccount(before));
    // a customer's unpaid invoices are positive (debit), a supplier's negative
    expect(after.filter((i) => i.account === '400000' && i.document.startsWith('VK')).some((i) => cents(i.open) > 0)).toBe(true);
    expect(after.filter((i) => i.account === '440000' && i.document.startsWith('AK')).some((i) => cents(i.open) < 0)).toBe(true);

    // running it again matches nothing more; one relation only
    const again = JSON.parse((await argonaut('match', 'auto', '--dossier', String(dossierId), '--relation', 'K001', '--json')).stdout);
    expect(again.matched).toBe(0);
    const k001 = await openItems(`${year}-12-31`, '--relation', 'K001');
    expect(k001.every((i) => i.relation === 'K001')).toBe(true);
  });

  it('refuses an unknown relation and a date outside the fiscal years with a message and a non-zero exit', async () => {
    const unknown = await argonaut('match', 'auto', '--dossier', String(dossierId), '--relation', 'K999', '--json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('K999');
    const outside = await argonaut('report', 'open-items', '--dossier', String(dossierId), '--date', '1990-01-01', '--json');
    expect(outside.code).not.toBe(0);
    expect(outside.stderr).toContain('1990-01-01');
  });
});
