/**
 * Unassigned bank lines on the command line (the same use cases as Accounting → Unassigned bank lines):
 *   argonaut bank unassigned --dossier ID [--json]
 *       → {"account": "499000", "items": [{bookingId, lineNo, date, journal, statementNumber, amount, …}]}
 *   argonaut bank assign BOOKING LINE --dossier ID --amount AMOUNT (--relation ID [--side customer|supplier] | --account NUMBER)
 *                        [--invoice BOOKING:LINE …] [--json]
 *       → a miscellaneous booking moves the movement off the CODA suspense account; the invoices are matched.
 * Amounts as the bank sees them (money in > 0), in euros ("121.00") or cents.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Services } from '../../services.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { assignBankLine, listUnassignedLines } from '../../modules/banking/unassigned.ts';
import { formatCents } from '../../modules/ledger/money.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { withServices } from '../context.ts';
import { cliLanguage, printJson } from '../output.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};
const lineRef = (value: string, previous: Array<{ bookingId: number; lineNo: number }> = []) => {
  const m = /^(\d+):(\d+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected BOOKING:LINE, e.g. 12:1');
  return [...previous, { bookingId: Number(m[1]), lineNo: Number(m[2]) }];
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
    .command('unassigned')
    .description('list the statement lines waiting on the CODA suspense account')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--json', 'print JSON: {account, items}')
    .action(async (opts: { dossier: number; json?: boolean }) => {
      const result = await withServices(async (svc) => listUnassignedLines(svc, await actorFor(svc, opts.dossier), opts.dossier));
      if (opts.json) printJson(result);
      else {
        for (const l of result.items) {
          console.log(`${l.bookingId}:${l.lineNo}\t${l.date}\t${l.journal} ${l.statementNumber ?? l.document}\t${formatCents(l.amount)}\t${l.counterpartyName ?? ''}\t${l.communication ?? l.structuredCommunication ?? ''}`);
        }
        if (!result.items.length) console.log('no bank lines waiting');
      }
    });
  bank
    .command('assign')
    .description('assign a bank line on the CODA suspense account to a relation (400/440) or an account, matching the given invoices')
    .argument('<booking>', 'the statement booking id', int)
    .argument('<line>', 'its line number', int)
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--amount <amount>', 'the movement amount as listed (money in > 0), euros "121.00" or cents')
    .option('--relation <id>', 'relation', int)
    .option('--side <side>', 'customer or supplier (for a relation that is both)')
    .option('--account <number>', 'general account (or the relation account when not the default)')
    .option('--invoice <booking:line>', 'open item to match (repeatable)', lineRef)
    .option('--json', 'print JSON')
    .action(async (bookingId: number, lineNo: number, opts: { dossier: number; amount: string; relation?: number; side?: string; account?: string; invoice?: Array<{ bookingId: number; lineNo: number }>; json?: boolean }) => {
      if (opts.side && opts.side !== 'customer' && opts.side !== 'supplier') throw new InvalidArgumentError('--side is customer or supplier');
      const amount = /^-?\d+$/.test(opts.amount) ? Number(opts.amount) : opts.amount;
      const result = await withServices(async (svc) =>
        assignBankLine(svc, await actorFor(svc, opts.dossier), opts.dossier, { bookingId, lineNo }, {
          amount,
          relationId: opts.relation ?? null,
          side: (opts.side as 'customer' | 'supplier' | undefined) ?? null,
          account: opts.account ?? null,
          invoices: opts.invoice ?? [],
        }),
      );
      if (opts.json) printJson(result);
      else console.log(`assigned by ${result.document} to ${result.account}${result.matchId ? `, matched (match ${result.matchId}${result.full ? ', fully paid' : ', partly paid'})` : ''}`);
    });
}
