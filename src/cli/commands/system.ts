import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { migrate } from '../../db/migrate.ts';
import { createDossier, listDossiers } from '../../modules/dossiers/manage-dossiers.ts';
import { createUser } from '../../modules/users/manage-users.ts';
import { cliActor, createOffice, resolveOffice } from '../../modules/users/offices.ts';
import { openDatabase } from '../../db/index.ts';
import { cliConfig, withServices } from '../context.ts';
import { printJson } from '../output.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the server with the web UI (http://localhost:3000)')
    .option('--port <n>', 'port to listen on (default PORT or 3000)', int)
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '0.0.0.0')
    .option('--dev', 'development: log every request')
    .action(async (opts: { port?: number; host: string; dev?: boolean }) => {
      const { startServer } = await import('../../server/start.ts');
      await startServer(cliConfig(opts.port ? { port: opts.port } : {}), { host: opts.host, logger: Boolean(opts.dev) });
    });

  program
    .command('migrate')
    .description('apply the database migrations')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = cliConfig();
      const handle = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
      try {
        const result = await migrate(handle.db);
        if (opts.json) printJson(result);
        else {
          for (const m of result.applied) console.log(`applied ${String(m.version).padStart(4, '0')}_${m.name}`);
          console.log(`database (${handle.where}) is at version ${result.current}`);
        }
      } finally {
        await handle.close();
      }
    });

  const office = program.command('office').description('offices (accounting firms or companies keeping their own books)');
  office
    .command('create')
    .description('create an office')
    .requiredOption('--name <name>', 'name of the office')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; json?: boolean }) => {
      const result = await withServices((svc) => createOffice(svc, { name: opts.name }));
      if (opts.json) printJson(result);
      else console.log(`office ${result.officeId} created: ${result.name}`);
    });

  const user = program.command('user').description('users');
  user
    .command('create')
    .description('create a user (an administrator unless --role says otherwise)')
    .requiredOption('--login <login>', 'login name')
    .requiredOption('--password <password>', 'initial password (at least 8 characters)')
    .option('--name <name>', 'display name')
    .option('--email <email>', 'e-mail address (for password reset)')
    .option('--role <role>', 'admin, staff or client', 'admin')
    .option('--office <id>', 'office (default: the only one)', int)
    .option('--must-change-password', 'ask for a new password at first login')
    .option('--json', 'print JSON')
    .action(async (opts: { login: string; password: string; name?: string; email?: string; role: string; office?: number; mustChangePassword?: boolean; json?: boolean }) => {
      if (!['admin', 'staff', 'client'].includes(opts.role)) throw new InvalidArgumentError(`unknown role ${opts.role}`);
      const result = await withServices(async (svc) => {
        const officeId = await resolveOffice(svc, opts.office);
        return createUser(
          svc,
          cliActor(officeId),
          { login: opts.login, password: opts.password, displayName: opts.name, email: opts.email, role: opts.role as 'admin', mustChangePassword: opts.mustChangePassword },
          officeId,
        );
      });
      if (opts.json) printJson({ userId: result.id, login: result.login, officeId: result.officeId, role: result.role });
      else console.log(`user ${result.id} created: ${result.login} (${result.role})`);
    });

  const dossier = program.command('dossier').description('dossiers (the companies whose books are kept)');
  dossier
    .command('create')
    .description('create a dossier with its opening fiscal year')
    .requiredOption('--name <name>', 'name of the company')
    .option('--vat <number>', 'Belgian VAT number (BE0…)')
    .option('--enterprise-number <number>', 'Belgian enterprise number')
    .option('--fiscal-year-start <date>', 'first day of the opening fiscal year (YYYY-MM-DD; default 1 January this year)')
    .option('--language <lang>', 'nl, fr or en', 'nl')
    .option('--office <id>', 'office (default: the only one; created when there is none)', int)
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; vat?: string; enterpriseNumber?: string; fiscalYearStart?: string; language: string; office?: number; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const offices = await svc.db.selectFrom('office').select('id').execute();
        const officeId = offices.length === 0 && opts.office === undefined ? (await createOffice(svc, { name: 'Argonaut' })).officeId : await resolveOffice(svc, opts.office);
        return createDossier(svc, cliActor(officeId), {
          name: opts.name,
          vatNumber: opts.vat,
          enterpriseNumber: opts.enterpriseNumber,
          fiscalYearStart: opts.fiscalYearStart,
          language: opts.language as 'nl',
        });
      });
      if (opts.json) printJson({ dossierId: result.id, name: result.name, vatNumber: result.vatNumber, fiscalYears: result.fiscalYears.map(({ id, startDate, endDate }) => ({ id, startDate, endDate })) });
      else console.log(`dossier ${result.id} created: ${result.name}`);
    });

  dossier
    .command('list')
    .description('list the dossiers')
    .option('--office <id>', 'office (default: the only one)', int)
    .option('--search <text>', 'search name, city, number')
    .option('--json', 'print JSON')
    .action(async (opts: { office?: number; search?: string; json?: boolean }) => {
      const result = await withServices(async (svc) => {
        const offices = await svc.db.selectFrom('office').select('id').orderBy('id').execute();
        const ids = opts.office !== undefined ? [await resolveOffice(svc, opts.office)] : offices.map((o) => o.id);
        const all = [];
        for (const officeId of ids) {
          const page = await listDossiers(svc, cliActor(officeId), { search: opts.search, sort: 'id', pageSize: 500 });
          all.push(...page.items.map((d) => ({ dossierId: d.id, officeId, name: d.name, enterpriseNumber: d.enterpriseNumber, vatNumber: d.vatNumber, city: d.city })));
        }
        return all;
      });
      if (opts.json) printJson(result);
      else if (result.length === 0) console.log('no dossiers');
      else for (const d of result) console.log(`${String(d.dossierId).padStart(5)}  ${d.name}${d.vatNumber ? `  ${d.vatNumber}` : ''}`);
    });
}
