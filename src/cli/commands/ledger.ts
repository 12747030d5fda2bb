/**
 * The general ledger on the command line:
 *   argonaut demo [--year YYYY] --json
 *   argonaut report trial-balance --dossier ID --year YYYY [--from-period N] [--to-period N] [--json | --format csv|xlsx|pdf --out FILE]
 *   argonaut report general-ledger --dossier ID --year YYYY --account NNNNNN [--json]
 *   argonaut booking post --dossier ID --file booking.json [--json]
 *   argonaut booking import --dossier ID --file bookings.json [--json]
 *   argonaut export hledger --dossier ID --year YYYY --out FILE [--json]
 *   argonaut fiscal-year list|create|transfer --dossier ID …
 *   argonaut account list --dossier ID [--search TEXT]
 *   argonaut journal list --dossier ID
 * Amounts in JSON output are decimal strings ("1234.56"); errors go to stderr with a non-zero exit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { validation } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { cliActor, createOffice, resolveOffice } from '../../modules/users/offices.ts';
import '../../modules/ledger/index.ts';
import { requireLedger } from '../../modules/ledger/access.ts';
import type { Right } from '../../modules/users/rights.ts';
import { listAccounts } from '../../modules/ledger/accounts/manage-accounts.ts';
import { importBookings } from '../../modules/ledger/bookings/import-bookings.ts';
import { postBooking } from '../../modules/ledger/bookings/post-booking.ts';
import type { BookingInput } from '../../modules/ledger/bookings/prepare.ts';
import { createDemoDossier } from '../../modules/ledger/demo/create-demo.ts';
import { createFiscalYear, listFiscalYears } from '../../modules/ledger/fiscal-years/manage-fiscal-years.ts';
import { yearByLabel } from '../../modules/ledger/fiscal-years/repo.ts';
import { listJournals } from '../../modules/ledger/journals/manage-journals.ts';
import { formatCents } from '../../modules/ledger/money.ts';
import { exportHledger } from '../../modules/ledger/reports/export-hledger.ts';
import { renderTable } from '../../modules/ledger/reports/export.ts';
import { generalLedger } from '../../modules/ledger/reports/general-ledger.ts';
import { trialBalanceTable } from '../../modules/ledger/reports/tables.ts';
import { trialBalance } from '../../modules/ledger/reports/trial-balance.ts';
import { transferFiscalYear } from '../../modules/ledger/transfer/transfer-fiscal-year.ts';
import { withServices } from '../context.ts';
import { cliLanguage, printJson } from '../output.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};

/** A command group shared with other command files (e.g. "export"). */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** The CLI acts as an administrator of the dossier's office, in the language of ARGONAUT_LANG. */
async function actorFor(svc: Services, dossierId: number): Promise<Actor> {
  const row = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirst();
  return { ...cliActor(row?.office_id ?? 0), language: cliLanguage() };
}

/** The fiscal year "--year YYYY" of a dossier the actor may use (404/403 first, as the API does). */
async function yearOf(svc: Services, actor: Actor, dossierId: number, year: number, right: Right = 'view') {
  await requireLedger(svc.db, actor, dossierId, right);
  return yearByLabel(svc.db, dossierId, year);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw validation('ledger.file_unreadable', { path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw validation('ledger.file_not_json', { path });
  }
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('create a demo dossier with a realistic year of bookings and a previous year transferred')
    .option('--year <yyyy>', 'the demo year (default: last year)', int)
    .option('--office <id>', 'office (default: the only one; created when there is none)', int)
    .option('--json', 'print JSON')
    .action(async (opts: { year?: number; office?: number; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const offices = await svc.db.selectFrom('office').select('id').execute();
        const officeId = offices.length === 0 && opts.office === undefined ? (await createOffice(svc, { name: 'Argonaut' })).officeId : await resolveOffice(svc, opts.office);
        return createDemoDossier(svc, { ...cliActor(officeId), language: cliLanguage() }, { year: opts.year });
      });
      if (opts.json) printJson({ dossierId: result.dossierId, year: result.year });
      else console.log(`demo dossier ${result.dossierId}: ${result.previousYear} transferred into ${result.year}; ${result.bookings} bookings, ${result.lines} lines`);
    });

  const report = group(program, 'report', 'reports');
  report
    .command('trial-balance')
    .description('trial balance of a fiscal year (per account: debit, credit, balance)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--year <yyyy>', 'the fiscal year (the one starting in that year, else ending in it)', int)
    .option('--from-period <n>', 'first period (0 = opening)', int)
    .option('--to-period <n>', 'last period', int)
    .option('--format <format>', 'csv, xlsx or pdf (with --out)')
    .option('--out <file>', 'file to write')
    .option('--json', 'print JSON: [{account, name, debit, credit, balance}]')
    .action(async (opts: { dossier: number; year: number; fromPeriod?: number; toPeriod?: number; format?: string; out?: string; json?: boolean }) => {
      await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const year = await yearOf(svc, actor, opts.dossier, opts.year);
        const tb = await trialBalance(svc, actor, opts.dossier, { fiscalYearId: year.id, fromPeriod: opts.fromPeriod, toPeriod: opts.toPeriod });
        const rows = tb.rows.filter((r) => r.lines > 0);
        if (opts.format) {
          if (!opts.out) throw new InvalidArgumentError('--format needs --out FILE');
          const name = (await svc.db.selectFrom('dossier').select('name').where('id', '=', opts.dossier).executeTakeFirstOrThrow()).name;
          const file = await renderTable(trialBalanceTable(tb, actor.language, name), opts.format as 'csv');
          await writeFile(opts.out, file.body);
        }
        if (opts.json) {
          printJson(rows.map((r) => ({ account: r.account, name: r.name, debit: formatCents(r.debit), credit: formatCents(r.credit), balance: formatCents(r.debit - r.credit) })));
        } else if (!opts.format) {
          for (const r of rows) console.log(`${r.account.padEnd(10)} ${r.name.slice(0, 48).padEnd(48)} ${formatCents(r.debit).padStart(14)} ${formatCents(r.credit).padStart(14)} ${formatCents(r.debit - r.credit).padStart(14)}`);
          console.log(`${'total'.padEnd(59)} ${formatCents(tb.totals.debit).padStart(14)} ${formatCents(tb.totals.credit).padStart(14)}`);
        }
      });
    });
  report
    .command('general-ledger')
    .description('general ledger of an account with running balance')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--year <yyyy>', 'fiscal year', int)
    .requiredOption('--account <number>', 'account number')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; year: number; account: string; json?: boolean }) => {
      await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const year = await yearOf(svc, actor, opts.dossier, opts.year);
        // every line of the account, page after page (a busy account has more than one page)
        const gl = await generalLedger(svc, actor, opts.dossier, { fiscalYearId: year.id, account: opts.account, pageSize: 5000 });
        for (let page = 2; (page - 1) * gl.pageSize < gl.total; page++) {
          gl.lines.push(...(await generalLedger(svc, actor, opts.dossier, { fiscalYearId: year.id, account: opts.account, pageSize: 5000, page })).lines);
        }
        const lines = gl.lines.map((l) => ({ date: l.date, booking: l.booking, description: l.description, debit: formatCents(l.debit), credit: formatCents(l.credit), balance: formatCents(l.balance) }));
        if (opts.json) printJson(lines);
        else for (const l of lines) console.log(`${l.date} ${l.booking.padEnd(16)} ${(l.description ?? '').slice(0, 40).padEnd(40)} ${l.debit.padStart(12)} ${l.credit.padStart(12)} ${l.balance.padStart(14)}`);
      });
    });

  const booking = group(program, 'booking', 'bookings');
  booking
    .command('post')
    .description('post one booking from a JSON file (type purchase_invoice, sales_invoice, …, financial_statement, miscellaneous, opening)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--file <file>', 'booking JSON')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; file: string; json?: boolean }) => {
      const input = (await readJson(opts.file)) as BookingInput;
      const result = await withServices(async (svc) => postBooking(svc, await actorFor(svc, opts.dossier), opts.dossier, input));
      if (opts.json) {
        printJson({
          id: result.id,
          number: result.display,
          journal: result.journalCode,
          date: result.date,
          lines: result.lines.map((l) => ({ account: l.account, debit: l.debit ?? '0.00', credit: l.credit ?? '0.00', relationId: l.relationId, vatCode: l.vatCode })),
        });
      } else console.log(`posted ${result.display} (${result.lines.length} lines)`);
    });
  booking
    .command('import')
    .description('post many bookings from a JSON file (an array, or {"bookings": […]}), all or nothing')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--file <file>', 'bookings JSON')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; file: string; json?: boolean }) => {
      const data = (await readJson(opts.file)) as BookingInput[] | { bookings: BookingInput[] };
      const inputs = Array.isArray(data) ? data : data.bookings;
      const result = await withServices(async (svc) => importBookings(svc, await actorFor(svc, opts.dossier), opts.dossier, inputs ?? []));
      if (opts.json) printJson(result);
      else console.log(`imported ${result.bookings} bookings (${result.lines} lines)`);
    });

  group(program, 'export', 'exports')
    .command('hledger')
    .description("write a fiscal year's bookings as an hledger journal (hledger -f FILE balance)")
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--year <yyyy>', 'fiscal year', int)
    .requiredOption('--out <file>', 'journal file to write')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; year: number; out: string; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const year = await yearOf(svc, actor, opts.dossier, opts.year, 'export');
        return exportHledger(svc, actor, opts.dossier, year.id, opts.out);
      });
      if (opts.json) printJson(result);
      else console.log(`wrote ${result.bookings} transactions (${result.lines} postings) to ${result.file}`);
    });

  const fy = group(program, 'fiscal-year', 'fiscal years');
  fy.command('list')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; json?: boolean }) => {
      const years = await withServices(async (svc) => listFiscalYears(svc, await actorFor(svc, opts.dossier), opts.dossier));
      if (opts.json) printJson(years);
      else for (const y of years) console.log(`${y.id}  ${y.startDate} – ${y.endDate}${y.closed ? '  closed' : ''}  ${y.bookings} bookings`);
    });
  fy.command('create')
    .description('add the next fiscal year (or --previous)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--previous', 'before the first year')
    .option('--end <date>', 'end date (default: twelve months)')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; previous?: boolean; end?: string; json?: boolean }) => {
      const y = await withServices(async (svc) => createFiscalYear(svc, await actorFor(svc, opts.dossier), opts.dossier, { position: opts.previous ? 'previous' : 'next', endDate: opts.end }));
      if (opts.json) printJson({ id: y.id, startDate: y.startDate, endDate: y.endDate });
      else console.log(`fiscal year ${y.id}: ${y.startDate} – ${y.endDate}`);
    });
  fy.command('transfer')
    .description('transfer a fiscal year into the next (again: replaces the earlier transfer)')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--year <yyyy>', 'the year to transfer', int)
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; year: number; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const actor = await actorFor(svc, opts.dossier);
        const year = await yearOf(svc, actor, opts.dossier, opts.year, 'fiscal_years');
        return transferFiscalYear(svc, actor, opts.dossier, year.id);
      });
      if (opts.json) printJson({ ...result, result: formatCents(result.result) });
      else console.log(`transferred: result ${formatCents(result.result)}, ${result.openingLines} opening lines${result.replaced ? ' (replaced the earlier transfer)' : ''}`);
    });

  group(program, 'account', 'chart of accounts')
    .command('list')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--search <text>', 'number prefix or name')
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; search?: string; json?: boolean }) => {
      const page = await withServices(async (svc) => listAccounts(svc, await actorFor(svc, opts.dossier), opts.dossier, { search: opts.search, pageSize: 1000 }));
      if (opts.json) printJson(page.items.map(({ number, name, type, reconcilable, active }) => ({ number, name, type, reconcilable, active })));
      else for (const a of page.items) console.log(`${a.number}  ${a.name}${a.active ? '' : '  (inactive)'}`);
    });

  group(program, 'journal', 'journals')
    .command('list')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--json', 'print JSON')
    .action(async (opts: { dossier: number; json?: boolean }) => {
      const page = await withServices(async (svc) => listJournals(svc, await actorFor(svc, opts.dossier), opts.dossier));
      if (opts.json) printJson(page.items);
      else for (const j of page.items) console.log(`${String(j.id).padStart(4)}  ${j.code.padEnd(8)} ${j.type.padEnd(14)} ${j.name}${j.iban ? `  ${j.ibanDisplay}` : ''}`);
    });
}
