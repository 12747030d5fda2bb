/**
 * argonaut peppol parse FILE [--json]   — a received UBL invoice / credit note (or SBDH envelope) → the
 *                                         purchase proposal: supplier, lines, VAT, total (no database)
 * argonaut peppol validate FILE [--json] — UBL 2.1 XSD + our EN 16931 / Peppol rules (no database)
 * argonaut peppol inbox [--json]         — take the documents waiting in the inbox folder and route them to dossiers
 * argonaut peppol install-schemas SOURCE [--json] — install the OASIS UBL 2.1 schemas (UBL-2.1.zip or the unpacked
 *                                         package) into the schema folder (UBL_XSD_DIR, default <data>/ubl-2.1-xsd)
 * argonaut peppol status [--json]        — the schema folder and whether the schemas are installed, the outbox and inbox folders
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validation } from '../../core/errors.ts';
import { purchaseProposal, type PurchaseProposal } from '../../formats/ubl/proposal.ts';
import { unwrapSbdh } from '../../formats/ubl/sbdh.ts';
import { centsToDecimal } from '../../formats/ubl/totals.ts';
import { validateUblXml } from '../../formats/ubl/validate.ts';
import { takePeppolInbox } from '../../modules/peppol/inbox.ts';
import { installUblSchemas, ublSchemaStatus } from '../../modules/peppol/install-schemas.ts';
import { xsdMissing } from '../../modules/peppol/send.ts';
import { xsdAvailable } from '../../formats/ubl/xsd.ts';
import '../../modules/peppol/messages.ts';
import { cliConfig, withServices } from '../context.ts';
import { printJson } from '../output.ts';

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw validation('peppol.document_refused', { file: path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

/** The proposal as JSON with amounts as decimal strings ("3456.00"). */
export function proposalJson(p: PurchaseProposal) {
  const { warnings, ...rest } = p;
  return {
    ...rest,
    lines: p.lines.map((l) => ({ ...l, net: centsToDecimal(l.net) })),
    vat: p.vat.map((v) => ({ ...v, taxable: centsToDecimal(v.taxable), tax: centsToDecimal(v.tax) })),
    totals: Object.fromEntries(Object.entries(p.totals).map(([k, v]) => [k, centsToDecimal(v)])),
    total: centsToDecimal(p.total),
    warnings: warnings.map((w) => `${w.rule} (${w.field}): ${w.message}`),
  };
}

export function register(program: Command): void {
  const peppol = group(program, 'peppol', 'Peppol network');
  peppol
    .command('parse')
    .description('read a received UBL invoice or credit note and show the purchase proposal (no database needed)')
    .argument('<file>', 'UBL Invoice / CreditNote, bare or in an SBDH envelope')
    .option('--json', 'print the proposal as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = purchaseProposal(unwrapSbdh(await readText(file)).xml);
      if (!result.ok) throw validation('peppol.document_refused', { file, reason: result.reason });
      const p = proposalJson(result.proposal);
      if (opts.json) return printJson(p);
      const out = [
        `${p.documentType === 'credit_note' ? 'Credit note' : 'Invoice'} ${p.number}  ${p.issueDate}${p.dueDate ? `  due ${p.dueDate}` : ''}  ${p.currency}`,
        `Supplier: ${p.supplier.name}${p.supplier.vatNumber ? `  ${p.supplier.vatNumber}` : ''}${p.supplier.enterpriseNumber ? `  (${p.supplier.enterpriseNumber})` : ''}`,
        ...p.lines.map((l) => `  ${l.net.padStart(12)}  ${l.vatCategory} ${l.vatRate}%  ${l.description}`),
        ...p.vat.map((v) => `  VAT ${v.category} ${v.rate}%: ${v.taxable} → ${v.tax}`),
        `Total: ${p.total} ${p.currency}`,
        ...p.warnings.map((w) => `  warning: ${w}`),
      ];
      process.stdout.write(out.join('\n') + '\n');
    });
  peppol
    .command('validate')
    .description('check a UBL invoice or credit note against the UBL 2.1 XSD and the EN 16931 / Peppol rules (no database needed)')
    .argument('<file>', 'UBL Invoice / CreditNote, bare or in an SBDH envelope')
    .option('--json', 'print the findings as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const xsdDir = cliConfig().ublXsdDir;
      const xml = unwrapSbdh(await readText(file)).xml;
      if (!xsdAvailable(xsdDir)) throw xsdMissing(xsdDir);
      const result = await validateUblXml(xml, { xsdDir });
      if (opts.json) printJson(result);
      else {
        for (const x of result.xsd) console.log(`XSD line ${x.line ?? '?'}: ${x.message}`);
        for (const r of result.rules) console.log(`${r.rule} (${r.field}): ${r.message}`);
        console.log(result.valid ? `${file}: valid` : `${file}: ${result.xsd.length + result.rules.length} problem(s)`);
      }
      if (!result.valid) process.exitCode = 1;
    });
  peppol
    .command('inbox')
    .description('take the documents waiting in the Peppol inbox folder (PEPPOL_INBOX_DIR) and route them to their dossiers')
    .option('--json', 'print the results as JSON')
    .action(async (opts: { json?: boolean }) => {
      const results = await withServices((svc) => takePeppolInbox(svc));
      if (opts.json) printJson(results);
      else for (const r of results) console.log(`${r.file}: ${r.error ? `failed — ${r.error}` : `dossier ${r.dossierId}, document ${r.documentId}${r.duplicate ? ' (already received)' : ''}`}`);
    });
  peppol
    .command('install-schemas')
    .description('install the OASIS UBL 2.1 schemas that outgoing Peppol invoices are checked against, from the official package (UBL-2.1.zip, or the folder it was unpacked into) into UBL_XSD_DIR (default <data>/ubl-2.1-xsd)')
    .argument('<source>', 'UBL-2.1.zip from https://docs.oasis-open.org/ubl/os-UBL-2.1/, the unpacked package, or its xsd/ folder')
    .option('--json', 'print the result as JSON')
    .action(async (source: string, opts: { json?: boolean }) => {
      const result = await installUblSchemas(cliConfig(), source);
      if (opts.json) return printJson(result);
      console.log(`UBL 2.1 schemas installed in ${result.dir} (${result.maindoc} document schemas, ${result.common} common schemas); outgoing Peppol invoices are checked against them.`);
    });
  peppol
    .command('status')
    .description('the Peppol set-up of this installation: UBL 2.1 schemas installed or not (and how to install them), outbox and inbox folders')
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }) => {
      const config = cliConfig();
      const schemas = ublSchemaStatus(config);
      const status = { schemas, outbox: config.peppolOutboxDir, inbox: config.peppolInboxDir };
      if (opts.json) return printJson(status);
      console.log(
        schemas.installed
          ? `UBL 2.1 schemas: installed in ${schemas.dir}`
          : `UBL 2.1 schemas: NOT installed in ${schemas.dir} — nothing can be sent over Peppol.\n  Download ${schemas.download} and run: ${schemas.command}`,
      );
      console.log(`Outbox (to the access point): ${status.outbox}`);
      console.log(`Inbox (from the access point): ${status.inbox}`);
    });
}
