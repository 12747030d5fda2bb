/** `argonaut peppol parse` / `peppol validate` run as a user runs them: a child process, no database. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = fileURLToPath(new URL('../../../../shared/corpus/ubl/', import.meta.url));

async function argonaut(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('argonaut peppol parse / validate', () => {
  it('prints the purchase proposal of a Belgian invoice as JSON: supplier, lines, VAT per rate, total', async () => {
    const { code, stdout } = await argonaut(['peppol', 'parse', `${corpus}ublbe-15000004-multi-vat-rates.xml`, '--json']);
    expect(code).toBe(0);
    const p = JSON.parse(stdout);
    expect(p).toMatchObject({ documentType: 'invoice', number: 'V01/15000004', currency: 'EUR', total: '3456.00' });
    expect(p.supplier).toMatchObject({ name: 'My Supplier Company', vatNumber: 'BE0000000196', enterpriseNumber: '0000000196' });
    expect(p.lines).toHaveLength(4);
    expect(p.vat).toContainEqual({ category: 'S', rate: '21', taxable: '1600.00', tax: '336.00', exemptionReason: null });
    expect(p.totals).toMatchObject({ net: '3000.00', vat: '456.00', payable: '3456.00' });
    expect(p.warnings[0]).toMatch(/^PEPPOL-EN16931-R004/);
  });

  it('refuses a file that is not an invoice, with the reason, and a non-zero exit', async () => {
    const { code, stdout } = await argonaut(['peppol', 'parse', `${repo}package.json`, '--json']);
    expect(code).not.toBe(0);
    expect(JSON.parse(stdout).error.code).toBe('peppol.document_refused');
  });

  it('validate names the rules a document breaks and exits non-zero; a valid one passes', async () => {
    const bad = await argonaut(['peppol', 'validate', `${corpus}cen-ubl-tc434-example1.xml`, '--json']);
    expect(bad.code).toBe(1);
    const result = JSON.parse(bad.stdout);
    expect(result.xsd).toEqual([]);
    expect(result.rules.map((r: { rule: string }) => r.rule)).toContain('PEPPOL-EN16931-R003');
    const good = await argonaut(['peppol', 'validate', `${corpus}peppol-base-example.xml`]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('valid');
  });
});
