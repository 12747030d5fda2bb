/**
 * Invoicing on the command line:
 *   argonaut invoice create --dossier ID --file invoice.json [--post] [--json]  → the document (draft, or posted with --post)
 *   argonaut invoice post --dossier ID --id DRAFT [--json]
 *   argonaut invoice list --dossier ID [--status S] [--json]                    → [{number, date, customer, total, status}]
 *   argonaut invoice pdf --dossier ID --number N --out FILE [--delivery-note]
 *   argonaut invoice ubl --dossier ID --number N --out FILE
 * The JSON file holds what the API takes (POST …/invoicing/invoices): customer (relation number) or
 * customerId, issueDate, lines [{article | description, quantity, unitPrice, discountPercent, vatCode}], …
 * A number is "7", "2026/0007" or "VK 2026/0007". Totals are decimal strings in JSON.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { validation } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { findInvoiceByNumber, listInvoices, saveInvoice, type InvoiceStatus, type InvoiceView } from '../../modules/invoicing/invoices.ts';
import { postInvoice } from '../../modules/invoicing/post-invoice.ts';
import { documentPdf, documentUbl } from '../../modules/invoicing/send-invoice.ts';
import { formatCents } from '../../modules/ledger/money.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { withServices } from '../context.ts';
import { cliLanguage, printJson } from '../output.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};

async function actorFor(svc: Services, dossierId: number): Promise<Actor> {
  const row = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirst();
  return { ...cliActor(row?.office_id ?? 0), language: cliLanguage() };
}

/** The document as the CLI prints it: amounts as decimal strings. */
function documentJson(inv: InvoiceView) {
  return {
    id: inv.id,
    kind: inv.kind,
    number: inv.displayNumber,
    status: inv.status,
    date: inv.issueDate,
    dueDate: inv.dueDate,
    customer: inv.customer.name,
    customerNumber: inv.customer.number,
    structuredCommunication: inv.structuredCommunication,
    totalExcl: formatCents(inv.totalExcl),
    totalVat: formatCents(inv.totalVat),
    total: formatCents(inv.totalIncl),
    open: inv.open === null ? null : formatCents(inv.open),
    vat: inv.vat.map((v) => ({ vatCode: v.vatCode, rate: v.rateBp / 100, base: formatCents(v.base), vat: formatCents(v.vat) })),
    lines: inv.lines.map((l) => ({ description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, discountPercent: l.discountPercent, vatCode: l.vatCode, net: formatCents(l.net) })),
  };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw validation('invoicing.cli_file_unreadable', { path: file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw validation('invoicing.cli_file_not_json', { path: file, reason: (err as Error).message });
  }
}

export function register(program: Command): void {
  const invoice = program.command('invoice').description('invoices, credit notes and delivery notes (invoicing module)');
  invoice
    .command('create')
    .description('create a draft from a JSON file (as the API takes it); --post posts it right away')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--file <file>', 'JSON file with customer, issueDate, lines, …')
    .option('--post', 'post the document (number, structured communication, sales booking)')
    .option('--json', 'print the document as JSON')
    .action(async (opts: { dossier: number; file: string; post?: boolean; json?: boolean }) => {
      const input = await readJson(opts.file);
      const inv = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const draft = await saveInvoice(svc, actor, opts.dossier, null, input as Parameters<typeof saveInvoice>[4]);
        return opts.post ? postInvoice(svc, actor, opts.dossier, draft.id) : draft;
      });
      if (opts.json) printJson(documentJson(inv));
      else console.log(`${inv.displayNumber ?? `draft ${inv.id}`}: ${inv.customer.name}, ${formatCents(inv.totalIncl)} EUR (${inv.status})`);
    });
  invoice
    .command('post')
    .description('post a draft by its id')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--id <id>', 'draft id', int)
    .option('--json', 'print the document as JSON')
    .action(async (opts: { dossier: number; id: number; json?: boolean }) => {
      const inv = await withServices(async (svc) => postInvoice(svc, await actorFor(svc, opts.dossier), opts.dossier, opts.id));
      if (opts.json) printJson(documentJson(inv));
      else console.log(`${inv.displayNumber}: ${inv.customer.name}, ${formatCents(inv.totalIncl)} EUR`);
    });
  invoice
    .command('list')
    .description('list the documents, newest first')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--status <status>', 'draft, posted, sent or paid')
    .option('--json', 'print [{number, date, customer, total, status}]')
    .action(async (opts: { dossier: number; status?: InvoiceStatus; json?: boolean }) => {
      const items = await withServices(async (svc) => listInvoices(svc, await actorFor(svc, opts.dossier), opts.dossier, { status: opts.status }));
      const rows = items.map((i) => ({ number: i.number, date: i.date, customer: i.customer, total: formatCents(i.total), status: i.status, kind: i.kind, id: i.id }));
      if (opts.json) printJson(rows);
      else for (const r of rows) console.log(`${(r.number ?? `(draft ${r.id})`).padEnd(16)} ${r.date}  ${r.customer.padEnd(32)} ${r.total.padStart(12)}  ${r.status}`);
    });
  invoice
    .command('pdf')
    .description('write the PDF of a document (PDF/A-3 with its UBL for a posted invoice)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--number <n>', 'document number')
    .requiredOption('--out <file>', 'PDF file to write')
    .option('--delivery-note', 'the delivery-note layout (no prices)')
    .option('--json', 'print {file, bytes}')
    .action(async (opts: { dossier: number; number: string; out: string; deliveryNote?: boolean; json?: boolean }) => {
      const pdf = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const inv = await findInvoiceByNumber(svc, actor, opts.dossier, opts.number);
        return documentPdf(svc, actor, opts.dossier, inv.id, opts.deliveryNote === true);
      });
      await writeFile(opts.out, pdf.content);
      if (opts.json) printJson({ file: opts.out, bytes: pdf.content.length });
      else console.log(`${opts.out}: ${pdf.content.length} bytes`);
    });
  invoice
    .command('ubl')
    .description('write the Peppol BIS Billing 3.0 UBL of a posted invoice or credit note')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--number <n>', 'document number')
    .requiredOption('--out <file>', 'XML file to write')
    .option('--json', 'print {file, bytes}')
    .action(async (opts: { dossier: number; number: string; out: string; json?: boolean }) => {
      const ubl = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const inv = await findInvoiceByNumber(svc, actor, opts.dossier, opts.number);
        return documentUbl(svc, actor, opts.dossier, inv.id);
      });
      await writeFile(opts.out, ubl.xml, 'utf8');
      if (opts.json) printJson({ file: opts.out, bytes: Buffer.byteLength(ubl.xml) });
      else console.log(`${opts.out}: ${Buffer.byteLength(ubl.xml)} bytes`);
    });
}
