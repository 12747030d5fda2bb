/**
 * `argonaut invoice …` run as a user runs it (child processes on a temporary PGlite folder, and on
 * PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set), on the demo dossier: the demo's sent
 * and paid invoices are listed; an invoice made from a JSON file and posted gets the next number; its
 * PDF and UBL are written; a bad file is refused naming the line, with a non-zero exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type Engine } from '../../../test/helpers.ts';
import { cliSandbox, type CliSandbox } from '../../../test/cli-runner.ts';



describe.each(engines)('argonaut invoice (%s)', (engine: Engine) => {
  let cli: CliSandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const argonaut = (...args: string[]) => cli.argonaut(...args);

  beforeAll(async () => {
    cli = await cliSandbox(engine, 'argonaut-invoice-cli-');
    ({ dir, env } = cli);
  });
  afterAll(() => cli?.close());

  it('lists the demo dossier’s sent and paid invoices, creates and posts one from a file, writes its PDF and UBL', async () => {
    const demo = await argonaut('demo', '--json');
    expect(demo.stderr).toBe('');
    const { dossierId, year } = JSON.parse(demo.stdout);
    const list = await argonaut('invoice', 'list', '--dossier', String(dossierId), '--json');
    expect(list.stderr).toBe('');
    const rows: Array<{ number: string; date: string; customer: string; total: string; status: string }> = JSON.parse(list.stdout);
    expect(rows.length).toBe(6);
    expect(Object.keys(rows[0]).slice(0, 5)).toEqual(['number', 'date', 'customer', 'total', 'status']);
    expect(rows.filter((r) => r.status === 'paid')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(3);
    for (const r of rows) {
      expect(r.number).toMatch(new RegExp(`^VK ${year}/\\d{4}$`));
      expect(r.total).toMatch(/^\d+\.\d{2}$/);
    }

    const file = path.join(dir, 'invoice.json');
    fs.writeFileSync(file, JSON.stringify({ customer: 'K002', issueDate: `${year}-12-28`, orderReference: 'PO-1', lines: [{ article: 'BROOD', quantity: 10 }, { description: 'Verzending', quantity: 1, unitPrice: '7.50', vatCode: 'V21' }] }));
    const created = await argonaut('invoice', 'create', '--dossier', String(dossierId), '--file', file, '--post', '--json');
    expect(created.stderr).toBe('');
    const inv = JSON.parse(created.stdout);
    // 10 × 2.8302 = 28.30 at 6 % (1.70) + 7.50 at 21 % (1.58)
    expect(inv).toMatchObject({ status: 'posted', customerNumber: 'K002', totalExcl: '35.80', totalVat: '3.28', total: '39.08' });
    const highest = Math.max(...rows.map((r) => Number(r.number.slice(-4))));
    expect(inv.number).toBe(`VK ${year}/${String(highest + 1).padStart(4, '0')}`);

    const pdfFile = path.join(dir, 'invoice.pdf');
    const pdf = await argonaut('invoice', 'pdf', '--dossier', String(dossierId), '--number', inv.number, '--out', pdfFile);
    expect(pdf.stderr).toBe('');
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const ublFile = path.join(dir, 'invoice.xml');
    const ubl = await argonaut('invoice', 'ubl', '--dossier', String(dossierId), '--number', String(highest + 1), '--out', ublFile);
    expect(ubl.stderr).toBe('');
    const xml = fs.readFileSync(ublFile, 'utf8');
    expect(xml).toContain(`<cbc:ID>${inv.number}</cbc:ID>`);
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">39.08</cbc:PayableAmount>');

    fs.writeFileSync(file, JSON.stringify({ customer: 'K002', issueDate: `${year}-12-28`, lines: [{ description: 'x', unitPrice: '1', vatCode: 'V99' }] }));
    const bad = await argonaut('invoice', 'create', '--dossier', String(dossierId), '--file', file, '--json');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('V99');
    expect(bad.stderr).toContain('line 1');
  }, 900_000);
});
