/**
 * `argonaut coda parse FILE` and `argonaut camt parse FILE`: read a bank statement file and show its
 * statements (no database). With --json, the statement JSON of src/formats/statement.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validation } from '../../core/errors.ts';
import { translate } from '../../core/i18n/index.ts';
import { parseCamt053 } from '../../formats/camt/parse.ts';
import { parseCoda } from '../../formats/coda/parse.ts';
import { formatAmount, statementsToJson, type ParsedStatement } from '../../formats/statement.ts';
import { cliLanguage, printJson } from '../output.ts';

type Parser = (bytes: Uint8Array) => ParsedStatement[];

/** The `coda` / `camt` command group, shared with other command files that add subcommands to it. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

async function readBytes(path: string, code: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw validation(code, { path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

function printSummary(file: string, statements: ParsedStatement[]): void {
  const lang = cliLanguage();
  const out: string[] = [`${file}: ${statements.length} statement(s)`];
  for (const s of statements) {
    let credits = 0n;
    let debits = 0n;
    for (const m of s.movements) {
      if (m.amount < 0n) debits += m.amount;
      else credits += m.amount;
    }
    out.push(
      '',
      `Statement ${s.sequence ?? s.statementId ?? '-'}  ${s.account}  ${s.currency}${s.holderName ? `  (${s.holderName})` : ''}`,
      `  old balance ${formatAmount(s.oldBalance).padStart(16)}  ${s.oldBalanceDate ?? ''}`,
      `  new balance ${formatAmount(s.newBalance).padStart(16)}  ${s.newBalanceDate ?? ''}`,
      `  ${s.movements.length} movement(s): credits ${formatAmount(credits)}, debits ${formatAmount(debits)}`,
    );
    for (const issue of s.issues) out.push(`  warning: ${translate(issue.code, lang, issue.params)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

function addParse(parent: Command, what: string, parse: Parser, unreadableCode: string): void {
  parent
    .command('parse')
    .description(`read a ${what} file and show its statements (no database needed)`)
    .argument('<file>', `${what} file`)
    .option('--json', 'print the statements as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const statements = parse(await readBytes(file, unreadableCode));
      if (opts.json) printJson(statementsToJson(statements, cliLanguage()));
      else printSummary(file, statements);
    });
}

export function register(program: Command): void {
  addParse(group(program, 'coda', 'CODA bank statements (Febelfin CODA 2.x)'), 'CODA', parseCoda, 'coda.file_unreadable');
  addParse(group(program, 'camt', 'ISO 20022 camt.053 bank statements'), 'camt.053', parseCamt053, 'camt.file_unreadable');
}
