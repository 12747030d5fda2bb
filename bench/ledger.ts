/**
 * General-ledger benchmark (npm run bench:ledger): on PGlite and on PostgreSQL, posts 100,000
 * bookings (~560,000 lines: purchase and sales invoices with VAT computed, miscellaneous bookings)
 * through the bulk import path — each booking checked as when posted from the screen — and times the
 * trial balance; then posts 100,000 more (~1,120,000 lines) and times it again. The year (after the
 * first 100,000 bookings) is exported as an hledger journal and `hledger balance` is timed on it; the
 * ratio to Argonaut's trial balance is printed. Each engine runs in its own process, whose peak memory
 * (RSS) is printed. The database is set up first in a process of its own (the dossier, 700 relations;
 * for PGlite that creates the data folder — initdb, once per installation, itself ~0.9 GB RSS), and
 * the measuring process opens it as the server does when it starts.
 *
 *   npm run bench:ledger [-- --bookings 100000] [--engines pglite,postgres] [--no-hledger]
 *   (or BENCH_BOOKINGS=20000 npm run bench:ledger for a quick run)
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is made and dropped. Generating the bookings is not timed; posting is.
 * BENCH_CPU_PROF=DIR writes a V8 CPU profile of each measuring process into DIR (node --cpu-prof).
 * BENCH_KEEP=1 keeps the databases (printed) to look at the reports' query plans afterwards.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { FixedClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/index.ts';
import { configFromEnv, createServices, type Services } from '../src/services.ts';
import { createDossier } from '../src/modules/dossiers/manage-dossiers.ts';
import { cliActor, createOffice } from '../src/modules/users/offices.ts';
import '../src/modules/ledger/index.ts';
import type { Actor } from '../src/modules/auth/actor.ts';
import { importBookings } from '../src/modules/ledger/bookings/import-bookings.ts';
import type { BookingInput } from '../src/modules/ledger/bookings/prepare.ts';
import { exportHledger } from '../src/modules/ledger/reports/export-hledger.ts';
import { listBookings } from '../src/modules/ledger/bookings/get-bookings.ts';
import { generalLedger } from '../src/modules/ledger/reports/general-ledger.ts';
import { journalListing } from '../src/modules/ledger/reports/journal-listing.ts';
import { relationBalances } from '../src/modules/ledger/reports/relation-balances.ts';
import { computeTrialBalance } from '../src/modules/ledger/reports/trial-balance.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const BOOKINGS = Number(arg('bookings') ?? process.env.BENCH_BOOKINGS ?? 100_000);
const BATCH = 10_000;
const YEAR = 2025;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bookings of ~5.6 lines: purchase invoice (2 entered lines → 4 posted), sales invoice (3 → 5–6), miscellaneous (6). */
function generate(count: number, seed: number, customers: number[], suppliers: number[]): BookingInput[] {
  const rand = prng(seed);
  const cents = (min: number, max: number) => Math.round((min + rand() * (max - min)) * 100);
  const day = () => new Date(Date.UTC(YEAR, 0, 1 + Math.floor(rand() * 365))).toISOString().slice(0, 10);
  const out: BookingInput[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.4) {
      out.push({
        type: 'purchase_invoice',
        journal: 'AK',
        date: day(),
        relationId: suppliers[Math.floor(rand() * suppliers.length)],
        reference: `P${seed}-${i}`,
        lines: [
          { account: '604000', vatCode: 'A21G', amount: cents(10, 2000) },
          { account: '611000', vatCode: 'A21S', amount: cents(10, 500) },
        ],
      });
    } else if (r < 0.8) {
      out.push({
        type: 'sales_invoice',
        journal: 'VK',
        date: day(),
        relationId: customers[Math.floor(rand() * customers.length)],
        reference: `S${seed}-${i}`,
        lines: [
          { account: '700000', vatCode: 'V21', amount: cents(10, 3000) },
          { account: '700000', vatCode: 'V06', amount: cents(10, 800) },
          { account: '700100', vatCode: 'V21', amount: cents(5, 200) },
        ],
      });
    } else {
      const a = cents(100, 5000);
      const b = cents(100, 3000);
      out.push({
        type: 'miscellaneous',
        journal: 'DIV',
        date: day(),
        description: `Lonen ${i}`,
        lines: [
          { account: '620000', amount: a },
          { account: '621000', amount: b },
          { account: '623000', amount: 1234 },
          { account: '453000', amount: -Math.round(a / 4) },
          { account: '454000', amount: -b },
          { account: '455000', amount: -(a - Math.round(a / 4) + 1234) },
        ],
      });
    }
  }
  return out;
}

interface EngineResult {
  engine: string;
  lines1: number;
  lines2: number;
  postSeconds: number;
  linesPerSecond: number;
  tb1: number;
  tb2: number;
  plainQuery2: number;
  /** milliseconds (median) of the other reports over the 1.1 million lines */
  reports: Record<string, number>;
  peakMemoryMb: number;
  setupPeakMemoryMb?: number;
}

interface Setup {
  officeId: number;
  dossierId: number;
  customers: number[];
  suppliers: number[];
}

async function median(fn: () => Promise<unknown>, times = 7): Promise<number> {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** Posts `count` generated bookings in imports of BATCH (each one transaction); only posting is timed. */
async function post(svc: Services, actor: Actor, dossierId: number, count: number, seed: number, customers: number[], suppliers: number[]) {
  let lines = 0;
  let ms = 0;
  for (let i = 0; i < count; i += BATCH) {
    const inputs = generate(Math.min(BATCH, count - i), seed * 1000 + i / BATCH, customers, suppliers);
    const t = performance.now();
    const r = await importBookings(svc, actor, dossierId, inputs);
    ms += performance.now() - t;
    lines += r.lines;
  }
  return { lines, seconds: ms / 1000 };
}

/** `where`: the data folder, and for PostgreSQL the database URL after a space. */
const services = (where: string) =>
  createServices({
    config: configFromEnv({}, { dataDir: where.split(' ')[0], databaseUrl: where.split(' ')[1] }),
    clock: new FixedClock(new Date(`${YEAR}-06-01T10:00:00Z`)),
  });

/** Creates the database (PGlite: the data folder), the office, the dossier and its relations. */
async function setup(where: string): Promise<Setup> {
  const svc = await services(where);
  try {
    const { officeId } = await createOffice(svc, { name: 'Bench' });
    const dossier = await createDossier(svc, cliActor(officeId), { name: 'Bench BV', fiscalYearStart: `${YEAR}-01-01` });
    const relations = async (kind: string, n: number) =>
      (
        await sql<{ id: number }>`insert into relation (dossier_id, number, name, kind)
          select ${dossier.id}, ${kind.slice(0, 1)} || g, ${kind} || ' ' || g, ${kind} from generate_series(1, ${n}) g returning id`.execute(svc.db)
      ).rows.map((r) => r.id);
    return { officeId, dossierId: dossier.id, customers: await relations('customer', 500), suppliers: await relations('supplier', 200) };
  } finally {
    await svc.close();
  }
}

/** One engine, in this process (the parent starts one child per engine, on the database `setup` made). */
async function child(engine: string, where: string, s: Setup, journalFile: string | undefined): Promise<EngineResult> {
  const svc = await services(where);
  try {
    const actor = cliActor(s.officeId);
    const { dossierId, customers, suppliers } = s;
    const tb = () => computeTrialBalance(svc.db, dossierId, { fiscalYearId: 1 }, 'nl');

    const p1 = await post(svc, actor, dossierId, BOOKINGS, 1, customers, suppliers);
    const tb1 = await median(tb);
    if (journalFile) await exportHledger(svc, actor, dossierId, 1, journalFile);
    const p2 = await post(svc, actor, dossierId, BOOKINGS, 2, customers, suppliers);
    const tb2 = await median(tb);
    const check = await tb();
    if (check.totals.debit !== check.totals.credit) throw new Error('the trial balance does not balance');
    const plainQuery2 = await median(() => sql`select account, sum(amount) from booking_line where dossier_id = ${dossierId} and fiscal_year_id = 1 group by account`.execute(svc.db), 3);
    // the other reports, as the screens ask for them (pages of 1,000 lines / bookings), over the same 1.1 million lines
    const gl = (query: Record<string, unknown>) => () => generalLedger(svc, actor, dossierId, { fiscalYearId: 1, pageSize: 1000, ...query });
    const purchases = (await sql<{ id: number }>`select id from journal where dossier_id = ${dossierId} and code = 'AK'`.execute(svc.db)).rows[0].id;
    const glAll = await gl({})();
    const reports = {
      generalLedgerAllFirst: await median(gl({}), 3),
      generalLedgerAllLast: await median(gl({ page: Math.ceil(glAll.total / 1000) }), 3),
      generalLedgerAccount: await median(gl({ accountFrom: '604000', accountTo: '604000' }), 3),
      journalFirst: await median(() => journalListing(svc, actor, dossierId, { journalId: purchases, fiscalYearId: 1, pageSize: 1000 }), 3),
      relationBalances: await median(() => relationBalances(svc, actor, dossierId, { kind: 'customers', fiscalYearId: 1 }), 3),
      historyRelation: await median(() => listBookings(svc, actor, dossierId, { relationId: customers[0], pageSize: 50 }), 3),
      historyAccount: await median(() => listBookings(svc, actor, dossierId, { account: '604000', pageSize: 50 }), 3),
    };
    return {
      engine,
      lines1: p1.lines,
      lines2: p1.lines + p2.lines,
      postSeconds: p1.seconds + p2.seconds,
      linesPerSecond: Math.round((p1.lines + p2.lines) / (p1.seconds + p2.seconds)),
      tb1,
      tb2,
      plainQuery2,
      reports,
      peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await svc.close();
  }
}

/** A scratch database (PostgreSQL) or data folder (PGlite) for one engine, and how to remove it. */
async function scratch(engine: string): Promise<{ where: string; drop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bench-'));
  const removeDir = async () => fs.rmSync(dir, { recursive: true, force: true });
  if (engine !== 'postgres') return { where: dir, drop: removeDir };
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `argonaut_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = await openDatabase({ url: base, poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const target = new URL(base);
  target.pathname = `/${name}`;
  return {
    where: `${dir} ${target.toString()}`,
    drop: async () => {
      const again = await openDatabase({ url: base, poolSize: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
      await again.close();
      await removeDir();
    },
  };
}

const fmt = (n: number) => n.toLocaleString('en');

if (args[0] === '--setup') {
  const result = await setup(args[2]);
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
} else if (args[0] === '--child') {
  const result = await child(args[1], args[2], JSON.parse(args[3]) as Setup, args[4] === '-' ? undefined : args[4]);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} else {
  const engines = (arg('engines') ?? 'pglite,postgres').split(',');
  const hledger = !args.includes('--no-hledger');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bench-journal-'));
  const journal = path.join(tmp, 'year.journal');
  const self = fileURLToPath(import.meta.url);
  const results: EngineResult[] = [];
  try {
    for (const [i, engine] of engines.entries()) {
      console.log(`\n== ${engine}: posting ${fmt(BOOKINGS)} bookings, then ${fmt(BOOKINGS)} more …`);
      const db = await scratch(engine);
      let r: EngineResult;
      try {
        const step = async <T>(...rest: string[]): Promise<T> => {
          const { stdout } = await run(process.execPath, [...(process.env.BENCH_CPU_PROF && rest[0] === '--child' ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', self, ...rest, '--bookings', String(BOOKINGS)], { maxBuffer: 16 * 1024 * 1024, env: process.env });
          return JSON.parse(stdout.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7)) as T;
        };
        const made = await step<Setup & { peakMemoryMb: number }>('--setup', engine, db.where);
        r = await step<EngineResult>('--child', engine, db.where, JSON.stringify(made), hledger && i === 0 ? journal : '-');
        r.setupPeakMemoryMb = made.peakMemoryMb;
      } finally {
        if (process.env.BENCH_KEEP) console.log(`kept (BENCH_KEEP): ${db.where}`);
        else await db.drop();
      }
      results.push(r);
      console.log(`posting:        ${fmt(r.linesPerSecond)} lines/s (${fmt(r.lines2)} lines in ${r.postSeconds.toFixed(1)} s through the bulk import path, every booking checked)`);
      console.log(`trial balance:  ${r.tb1.toFixed(1)} ms over ${fmt(r.lines1)} lines, ${r.tb2.toFixed(1)} ms over ${fmt(r.lines2)} lines (from the per-period balances)`);
      console.log(`plain query:    ${r.plainQuery2.toFixed(0)} ms for sum(amount) … group by account over the ${fmt(r.lines2)} lines (what the balances save)`);
      const rp = r.reports;
      console.log(`other reports:  general ledger of all accounts, first page of 1,000 lines ${rp.generalLedgerAllFirst.toFixed(0)} ms, last page ${rp.generalLedgerAllLast.toFixed(0)} ms;`);
      console.log(`                general ledger of 604000 ${rp.generalLedgerAccount.toFixed(0)} ms; journal listing (purchases, 1,000 bookings) ${rp.journalFirst.toFixed(0)} ms; customer balances ${rp.relationBalances.toFixed(0)} ms;`);
      console.log(`                history (Ctrl+H, latest 50) of a customer ${rp.historyRelation.toFixed(0)} ms, of account 604000 ${rp.historyAccount.toFixed(0)} ms`);
      console.log(`peak memory:    ${fmt(r.peakMemoryMb)} MB (RSS of the benchmark process for this engine; setting up the database took ${fmt(r.setupPeakMemoryMb!)} MB in its own process)`);
    }
    if (hledger && fs.existsSync(journal)) {
      try {
        const t = performance.now();
        await run('hledger', ['-f', journal, 'balance', '-O', 'csv'], { maxBuffer: 64 * 1024 * 1024 });
        const seconds = (performance.now() - t) / 1000;
        const ours = results[0].tb1;
        console.log(`\nhledger:        ${seconds.toFixed(1)} s for \`hledger -f FILE balance\` on the exported year (${fmt(results[0].lines1)} postings, ${(fs.statSync(journal).size / 2 ** 20).toFixed(0)} MB);`);
        console.log(`                Argonaut's trial balance on the same year took ${ours.toFixed(1)} ms (${results[0].engine}): hledger / Argonaut = ${fmt(Math.round((seconds * 1000) / ours))}×`);
        (results as unknown as { hledgerSeconds?: number }[])[0].hledgerSeconds = seconds;
      } catch (err) {
        console.log(`\nhledger not run (${(err as Error).message.split('\n')[0]}): apt-get install -y hledger`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\n${JSON.stringify({ bookings: BOOKINGS, results })}`);
}
