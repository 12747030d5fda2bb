/**
 * argonaut relations import/export/list and argonaut peppol lookup, run as a user runs them:
 * child processes on an embedded database in a temporary folder (few of them: each start costs seconds).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE, startPeppolNetwork, type PeppolTestNetwork } from './peppol-servers.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('argonaut relations and peppol commands', () => {
  let dir: string;
  let net: PeppolTestNetwork;

  async function argonaut(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run('node', ['bin/argonaut.js', '--data', dir, ...args], {
        cwd: repo,
        env: { ...process.env, DATABASE_URL: '', ARGONAUT_LANG: 'en', PEPPOL_SML_ZONE: net.zone, PEPPOL_DNS_SERVER: net.dnsServer, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-cli-relations-'));
    net = await startPeppolNetwork();
  });
  afterAll(async () => {
    await net?.close();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('imports nothing from a file with bad rows and says which, imports the fixed file, lists and exports', async () => {
    const created = await argonaut(['dossier', 'create', '--name', 'Bakkerij Peeters', '--json']);
    expect(created.code).toBe(0);
    const dossierId = String(JSON.parse(created.stdout).dossierId);

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Naam;Btw-nummer;IBAN\nJanssens BV;BE0403170701;\nFout BV;BE0403170702;\nZonder IBAN;;BE00 0000\n');
    const refused = await argonaut(['relations', 'import', bad, '--dossier', dossierId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported: 2 row(s) have problems.');
    expect(refused.stderr).toContain('row 3, vatNumber: The VAT number BE0403170702 is invalid: the check digits (modulo 97) do not match.');
    expect(refused.stderr).toContain('row 4, iban: The account number (IBAN) BE00 0000 is invalid.');

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'Naam;Btw-nummer;IBAN\nJanssens BV;BE0403170701;\nDubois SA;BE0202239951;\nMaes;;BE68 5390 0754 7034\n');
    const imported = await argonaut(['relations', 'import', good, '--dossier', dossierId, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 3, updated: 0, skipped: 0, rowCount: 3 });

    const out = path.join(dir, 'relaties.xlsx');
    const exported = await argonaut(['relations', 'export', '--dossier', dossierId, '--format', 'xlsx', '--out', out]);
    expect(exported.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(2).text).toBe('Name');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).text)).toEqual(['Janssens BV', 'Dubois SA', 'Maes']);

    const listed = await argonaut(['relations', 'list', '--dossier', dossierId, '--json']);
    expect(JSON.parse(listed.stdout).map((r: { number: string; name: string; peppolId: string | null }) => [r.number, r.name, r.peppolId])).toEqual([
      ['1', 'Janssens BV', '0208:0403170701'],
      ['2', 'Dubois SA', '0208:0202239951'],
      ['3', 'Maes', null],
    ]);
  });

  it('looks a participant up in the SML and SMP', async () => {
    net.register('0208:0403170701', [INVOICE]);
    const found = await argonaut(['peppol', 'lookup', '0208:0403.170.701', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual({ participantId: '0208:0403170701', registered: true, smpUrl: net.smpUrl, documentTypes: [INVOICE], zone: net.zone });
    const missing = await argonaut(['peppol', 'lookup', '9925:BE0202239951']);
    expect(missing.stdout.trim()).toBe(`9925:BE0202239951 is not registered on Peppol (${net.zone})`);
    const bad = await argonaut(['peppol', 'lookup', '0208:123']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The Peppol participant id 0208:123 is invalid');
  });
});
