/**
 * argonaut peppol parse FILE [--json]   — a received UBL invoice / credit note (or SBDH envelope) → the
 *                                         purchase proposal: supplier, lines, VAT, total (no database)
 * argonaut peppol validate FILE [--json] — UBL 2.1 XSD + our EN 16931 / Peppol rules (no database)
 * argonaut peppol inbox [--json]         — take the documents waiting in the inbox folder and route them to dossiers
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validation } from '../../core/errors.ts';
import { purchaseProposal, type PurchaseProposal } from '../../formats/ubl/proposal.ts';
import { unwrapSbdh } from '../../formats/ubl/sbdh.ts';
import { centsToDecimal } from '../../formats/ubl/totals.ts';
import { validateUblXml } from '../../formats/ubl/validate.ts';
import { takePeppolInbox } from '../../modules/peppol/inbox.ts';
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
      const result = await validateUblXml(unwrapSbdh(await readText(file)).xml, { xsdDir: cliConfig().ublXsdDir });
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
}
