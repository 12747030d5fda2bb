/**
 * The bank inbox on the command line:
 *   argonaut bank run-inbox [--json]            → the daily run now: {received, attempted, imported, failed, dropped}
 *   argonaut bank inbox [--waiting] [--json]    → the files in the inbox with their status and next attempt
 * The run takes the files of BANK_INBOX_DIR, routes them by account and imports every file that is due
 * (new files, and failed ones on Saturdays), exactly as the server's daily job does.
 */
import type { Command } from 'commander';
import { runInbox } from '../../modules/banking/inbox.ts';
import { withServices } from '../context.ts';
import { printJson } from '../output.ts';

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function register(program: Command): void {
  const bank = group(program, 'bank', 'bank statements (CODA, camt.053)');
  bank
    .command('run-inbox')
    .description('run the daily bank import now: take the files of BANK_INBOX_DIR, route them by account, import what is due')
    .option('--json', 'print JSON: {received, attempted, imported, failed, dropped}')
    .action(async (opts: { json?: boolean }) => {
      const result = await withServices((svc) => runInbox(svc));
      if (opts.json) printJson(result);
      else console.log(`${result.received} file(s) taken in, ${result.attempted} tried: ${result.imported} imported, ${result.failed} failed, ${result.dropped} dropped`);
    });
  bank
    .command('inbox')
    .description('list the files in the bank inbox (all offices)')
    .option('--waiting', 'only files still waiting (new or failed)')
    .option('--json', 'print JSON')
    .action(async (opts: { waiting?: boolean; json?: boolean }) => {
      const rows = await withServices(async (svc) => {
        let q = svc.db
          .selectFrom('bank_inbox_entry as e')
          .leftJoin('dossier as d', 'd.id', 'e.routed_dossier_id')
          .select(['e.id', 'e.file_name', 'd.name as dossier', 'e.account', 'e.status', 'e.attempts', 'e.next_attempt_at', 'e.message'])
          .orderBy('e.id');
        if (opts.waiting) q = q.where('e.status', 'in', ['pending', 'failed']);
        return q.execute();
      });
      const list = rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        dossier: r.dossier,
        account: r.account,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
        message: r.message,
      }));
      if (opts.json) printJson(list);
      else for (const e of list) console.log(`${e.id}\t${e.fileName}\t${e.dossier ?? '-'}\t${e.status}\t${e.attempts}\t${e.nextAttemptAt ?? ''}\t${(e.message ?? '').split('\n')[0]}`);
    });
}
