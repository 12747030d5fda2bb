/**
 * `argonaut peppol parse` / `peppol validate` / `peppol status` / `peppol install-schemas` run as a user runs
 * them: a child process, no database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = fileURLToPath(new URL('../../../../shared/corpus/ubl/', import.meta.url));
/** The OASIS UBL 2.1 schemas of the corpus, where an installation would have installed them (UBL_XSD_DIR). */
const withSchemas = { UBL_XSD_DIR: `${corpus}xsd` };

async function argonaut(args: string[], env: Record<string, string> = withSchemas) {
  try {
    const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args], { cwd: repo, env: { ...process.env, ...env } });
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

  it('status says the schemas are missing on a fresh installation and how to install them; install-schemas installs them; validate needs them', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-cli-xsd-'));
    try {
      const fresh = { UBL_XSD_DIR: '', ARGONAUT_LANG: 'en' };
      const before = await argonaut(['--data', dataDir, 'peppol', 'status', '--json'], fresh);
      expect(before.code).toBe(0);
      expect(JSON.parse(before.stdout).schemas).toMatchObject({ dir: path.join(dataDir, 'ubl-2.1-xsd'), installed: false, command: 'argonaut peppol install-schemas UBL-2.1.zip' });
      const text = await argonaut(['--data', dataDir, 'peppol', 'status'], fresh);
      expect(text.stdout).toContain('NOT installed');
      expect(text.stdout).toContain('https://docs.oasis-open.org/ubl/os-UBL-2.1/UBL-2.1.zip');

      const refused = await argonaut(['--data', dataDir, 'peppol', 'validate', `${corpus}peppol-base-example.xml`], fresh);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('[peppol.xsd_missing]');
      expect(refused.stderr).toContain('argonaut peppol install-schemas');

      const notZip = await argonaut(['--data', dataDir, 'peppol', 'install-schemas', `${repo}package.json`, '--json'], fresh);
      expect(notZip.code).toBe(1);
      expect(JSON.parse(notZip.stdout).error.code).toBe('peppol.schemas_source_invalid');

      const installed = await argonaut(['--data', dataDir, 'peppol', 'install-schemas', corpus, '--json'], fresh);
      expect(installed.code, installed.stderr).toBe(0);
      expect(JSON.parse(installed.stdout)).toMatchObject({ dir: path.join(dataDir, 'ubl-2.1-xsd'), common: 14, maindoc: 2 });
      expect(JSON.parse((await argonaut(['--data', dataDir, 'peppol', 'status', '--json'], fresh)).stdout).schemas.installed).toBe(true);
      const good = await argonaut(['--data', dataDir, 'peppol', 'validate', `${corpus}peppol-base-example.xml`], fresh);
      expect(good.code).toBe(0);
      expect(good.stdout).toContain('valid');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
