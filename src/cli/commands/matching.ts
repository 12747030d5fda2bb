/**
 * Matching ("afpunten") on the command line:
 *   argonaut match auto --dossier ID [--relation R] [--json]      → {"matched": n, "proposals": [...]}
 *   argonaut match net-zero --dossier ID [--relation R] [--json]  (F8)
 *   argonaut match cancel --dossier ID --id MATCH [--json]        (F9)
 *   argonaut report open-items --dossier ID --date YYYY-MM-DD [--relation R] [--json | --format csv|xlsx|pdf --out FILE]
 * A relation is given by its number (K001) or its id. Amounts in JSON are signed decimal strings, debit positive.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { notFound } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { requireDossier } from '../../modules/dossiers/access.ts';
import { cliActor } from '../../modules/users/offices.ts';
import '../../modules/ledger/index.ts';
import { formatCents } from '../../modules/ledger/money.ts';
import { renderTable } from '../../modules/ledger/reports/export.ts';
import { autoMatch } from '../../modules/matching/auto-match.ts';
import { cancelMatch, matchNetZero } from '../../modules/matching/matches.ts';
import { openItemsAt, openItemsTable } from '../../modules/matching/open-items-report.ts';
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

/** --relation: a relation number (K001), else an id. */
async function relationOf(svc: Services, actor: Actor, dossierId: number, relation: string | undefined): Promise<number | undefined> {
  if (relation === undefined) return undefined;
  await requireDossier(svc.db, actor, dossierId, 'view');
  const byNumber = await svc.db.selectFrom('relation').select('id').where('dossier_id', '=', dossierId).where('number', '=', relation).executeTakeFirst();
  if (byNumber) return byNumber.id;
  if (/^\d+$/.test(relation)) {
    const byId = await svc.db.selectFrom('relation').select('id').where('dossier_id', '=', dossierId).where('id', '=', Number(relation)).executeTakeFirst();
    if (byId) return byId.id;
  }
  throw notFound('matching.relation_not_found', { relation });
}

export function register(program: Command): void {
  const match = group(program, 'match', 'matching (afpunten) of open items');
  match
    .command('auto')
    .description('automatic matching (F11): by structured communication, reference, then exact amount')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--relation <relation>', 'only this relation (number or id)')
    .option('--json', 'print JSON: {matched, proposals}')
    .action(async (opts: { dossier: number; relation?: string; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        return autoMatch(svc, actor, opts.dossier, { relationId: await relationOf(svc, actor, opts.dossier, opts.relation) });
      });
      // a payment without relation whose IBAN recognised one names it (relation) and the account it came from
      const proposals = result.proposals.map((p) => ({
        bookingId: p.bookingId, lineNo: p.lineNo, document: p.document, date: p.date, relation: p.relationNumber, account: p.account,
        open: formatCents(p.open), communication: p.communication, by: p.by,
        ...(p.counterpartyAccount ? { counterpartyAccount: p.counterpartyAccount } : {}),
        ...(p.currency ? { currency: p.currency, currencyOpen: formatCents(p.currencyOpen ?? 0) } : {}),
        candidates: p.candidates.map((c) => ({
          bookingId: c.bookingId, lineNo: c.lineNo, document: c.document, date: c.date, reference: c.reference, open: formatCents(c.open),
          ...(c.currencyOpen !== undefined ? { currencyOpen: formatCents(c.currencyOpen) } : {}),
        })),
      }));
      if (opts.json) printJson({ matched: result.matched, proposals });
      else {
        console.log(`matched ${result.matched}; ${proposals.length} payments with several candidates`);
        for (const p of proposals) console.log(`${p.document} ${p.date} ${p.relation} ${p.open} (${p.by}): ${p.candidates.map((c) => `${c.document} ${c.reference ?? ''} ${c.open}`).join(' | ')}`);
      }
    });
  match
    .command('net-zero')
    .description('match every relation whose open items net to zero (F8)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--relation <relation>', 'only this relation (number or id)')
    .option('--json', 'print JSON: {matched}')
    .action(async (opts: { dossier: number; relation?: string; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        return matchNetZero(svc, actor, opts.dossier, { relationId: await relationOf(svc, actor, opts.dossier, opts.relation) });
      });
      if (opts.json) printJson({ matched: result.matched });
      else console.log(`matched ${result.matched}`);
    });
  match
    .command('cancel')
    .description('cancel a match (F9): its lines are open again')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--id <match>', 'the match', int)
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; id: number; json?: boolean }) => {
      const result = await withServices(async (svc) => cancelMatch(svc, await actorFor(svc, opts.dossier), opts.dossier, opts.id));
      if (opts.json) printJson({ cancelled: result.cancelled, lines: result.lines.map((l) => ({ ...l, open: formatCents(l.open) })) });
      else console.log(`cancelled match ${result.cancelled}`);
    });

  group(program, 'report', 'reports')
    .command('open-items')
    .description('open items per relation at a date, aged (not due, 0–30, 31–60, 61–90, > 90 days)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--date <yyyy-mm-dd>', 'the date')
    .option('--relation <relation>', 'only this relation (number or id)')
    .option('--format <format>', 'csv, xlsx or pdf (with --out)')
    .option('--out <file>', 'file to write')
    .option('--json', 'print JSON: [{relation, account, document, date, dueDate, amount, open}]')
    .action(async (opts: { dossier: number; date: string; relation?: string; format?: string; out?: string; json?: boolean }) => {
      await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const report = await openItemsAt(svc, actor, opts.dossier, { date: opts.date, relationId: await relationOf(svc, actor, opts.dossier, opts.relation) });
        if (opts.format) {
          if (!opts.out) throw new InvalidArgumentError('--format needs --out FILE');
          const name = (await svc.db.selectFrom('dossier').select('name').where('id', '=', opts.dossier).executeTakeFirstOrThrow()).name;
          const file = await renderTable(openItemsTable(report, actor.language, name), opts.format as 'csv');
          await writeFile(opts.out, file.body);
        }
        if (opts.json) {
          printJson(report.items.map((i) => ({
            relation: i.relation, relationName: i.relationName, account: i.account, document: i.document, reference: i.reference,
            date: i.date, dueDate: i.dueDate, amount: formatCents(i.amount), open: formatCents(i.open), bucket: i.bucket,
          })));
        } else if (!opts.format) {
          for (const i of report.items) console.log(`${(i.relation ?? '').padEnd(8)} ${(i.relationName ?? '').slice(0, 30).padEnd(30)} ${i.account} ${i.document.padEnd(14)} ${i.date} ${(i.dueDate ?? '').padEnd(10)} ${formatCents(i.amount).padStart(12)} ${formatCents(i.open).padStart(12)}`);
          console.log(`${'total'.padEnd(94)} ${formatCents(report.totals.open).padStart(12)}`);
        }
      });
    });
}
