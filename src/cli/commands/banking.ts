/**
 * Bank statements on the command line:
 *   argonaut bank import FILE --dossier ID [--json]   → {"statements": [...], "duplicates": [...]}
 * Imports a CODA or camt.053 file into the dossier: one financial booking per statement, all or nothing;
 * statements imported before are listed as duplicates and book nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { validation } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { importStatementFile } from '../../modules/banking/import-statement.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { withServices } from '../context.ts';
import { cliLanguage, printJson } from '../output.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

async function actorFor(svc: Services, dossierId: number): Promise<Actor> {
  const row = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirst();
  return { ...cliActor(row?.office_id ?? 0), language: cliLanguage() };
}

export function register(program: Command): void {
  const bank = group(program, 'bank', 'bank statements (CODA, camt.053)');
  bank
    .command('import')
    .description('import a CODA or camt.053 statement file into a dossier (one financial booking per statement, all or nothing)')
    .argument('<file>', 'CODA or camt.053 file')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--json', 'print JSON: {statements, duplicates}')
    .action(async (file: string, opts: { dossier: number; json?: boolean }) => {
      let content: Uint8Array;
      try {
        content = await readFile(file);
      } catch (err) {
        throw validation('banking.file_unreadable', { path: file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      }
      const result = await withServices(async (svc) => importStatementFile(svc, await actorFor(svc, opts.dossier), opts.dossier, { fileName: file, content }));
      if (opts.json) printJson({ format: result.format, statements: result.statements, duplicates: result.duplicates });
      else {
        for (const s of result.statements) console.log(`${s.journal} statement ${s.number}: ${s.lines} lines, ${s.matched} matched, ${s.suspense} on the suspense account`);
        for (const d of result.duplicates) console.log(d.message);
        if (!result.statements.length && !result.duplicates.length) console.log('nothing to import');
      }
    });
}
