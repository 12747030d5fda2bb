/**
 * Bank benchmark (npm run bench:bank):
 *
 * 1. CODA parsing: builds a ~28 MB CODA file with 100,000 movements in memory (Latin-1 bytes, CRLF, as
 *    banks send them), parses it at a quarter, half and full size (linear?) and prints MB/s; then the
 *    peak memory of one parse in a fresh process (process.resourceUsage().maxRSS, memoryUsage).
 *    Targets: ≥ 50 MB/s, peak memory < 5× the file size.
 * 2. Import + automatic matching: 100,000 open sales invoices (500 customers, written with SQL: setting
 *    them up is not measured), then one CODA file with 10,000 payments imported with
 *    `importStatementFile` (ten daily statements of 1,000 payments — a booking holds at most 5,000 lines —;
 *    payments recognised by OGM or by the customer's IBAN are booked on the customer and matched)
 *    followed by the automatic matching (F11) of what is left; on PGlite and PostgreSQL.
 *    Target: import + matching < 3 s on PostgreSQL.
 *
 *   npm run bench:bank [-- --movements 100000] [--items 100000] [--payments 10000] [--engines pglite,postgres|none] [--skip-parse] [--skip-import]
 * `--engines none` runs the parsing part alone (as `--skip-import` does).
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is made and dropped.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { sql } from 'kysely';
import { FixedClock } from '../src/core/clock.ts';
import { makeOgm } from '../src/core/ogm.ts';
import { openDatabase } from '../src/db/index.ts';
import { parseCoda } from '../src/formats/coda/parse.ts';
import { configFromEnv, createServices } from '../src/services.ts';
import { createDossier } from '../src/modules/dossiers/manage-dossiers.ts';
import { cliActor, createOffice } from '../src/modules/users/offices.ts';
import '../src/modules/ledger/index.ts';
import { importStatementFile } from '../src/modules/banking/import-statement.ts';
import { autoMatch } from '../src/modules/matching/auto-match.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const EOL = '\r\n';
const LINE = 128 + EOL.length;
const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');
const NAMES = ['Brasserie Ément', 'Bakkerij Peeters', 'Société Générale', 'Café Brûlé', 'Jansens & Zonen', 'Garage Lemaître'];
const mib = (bytes: number) => bytes / 1024 / 1024;
const mb = (bytes: number) => bytes / 1e6;
const fmt = (n: number, d = 1) => n.toFixed(d);
const verdict = (ok: boolean, text: string) => `${ok ? 'MET' : 'MISSED'}: ${text}`;

// ------------------------------------------------------------------------------------ 1. CODA parsing

/** Writes the file straight into one Buffer, so building it costs little more than the file itself. */
export function buildCoda(movements: number): Buffer {
  const per22 = 6; // every 6th movement has a record 22
  const lines = 5 + movements * 2 + Math.ceil(movements / per22);
  const buf = Buffer.alloc(lines * LINE, 0x20); // blanks
  let at = 0;
  const put = (parts: Array<[number, string]>) => {
    for (const [pos, text] of parts) buf.write(text, at + pos - 1, 'latin1');
    buf.write(EOL, at + 128, 'latin1');
    at += LINE;
  };
  put([[1, '00000'], [6, '150124'], [12, '725'], [15, '05'], [35, 'ARGONAUT BENCH'], [61, 'KREDBEBB'], [128, '2']]);
  const old = 1_000_000_000n;
  put([[1, '12'], [3, '001'], [6, 'BE68539007547034'], [40, 'EUR'], [43, '0'], [44, pad(old, 15)], [59, '140124'], [65, 'ARGONAUT BV'], [91, 'Zichtrekening'], [126, '001']]);
  let sum = 0n;
  let debit = 0n;
  let credit = 0n;
  let counted = 2; // records 1 and 8
  for (let i = 0; i < movements; i++) {
    const seq = pad((i + 1) % 10000, 4);
    const amount = BigInt(1000 + ((i * 7919) % 5_000_000));
    const isDebit = i % 3 === 0;
    const structured = i % 2 === 0;
    const comm = structured ? `101${makeOgm(pad(100000 + i, 10))}` : `FACTUUR ${i} REF ${pad(i * 13, 8)}`;
    const has22 = i % per22 === 0;
    put([[1, '21'], [3, seq], [7, '0000'], [11, `REF${pad(i, 10)} ABCDEFG`], [32, isDebit ? '1' : '0'], [33, pad(amount, 15)], [48, '150124'], [54, '00150000'], [62, structured ? '1' : '0'], [63, comm], [116, '150124'], [122, '001'], [125, '0'], [126, '1'], [128, '0']]);
    if (has22) put([[1, '22'], [3, seq], [7, '0000'], [11, 'VERVOLG MEDEDELING'], [64, `E2E-${i}`], [99, 'GKCCBEBB'], [126, '1'], [128, '0']]);
    put([[1, '23'], [3, seq], [7, '0000'], [11, 'BE71096123456769'], [45, 'EUR'], [48, NAMES[i % NAMES.length]], [126, '0'], [128, '0']]);
    counted += has22 ? 3 : 2;
    if (isDebit) {
      sum -= amount;
      debit += amount;
    } else {
      sum += amount;
      credit += amount;
    }
  }
  const balance = old + sum;
  put([[1, '8'], [2, '001'], [5, 'BE68539007547034'], [39, 'EUR'], [42, balance < 0n ? '1' : '0'], [43, pad(balance < 0n ? -balance : balance, 15)], [58, '150124'], [128, '0']]);
  put([[1, '9'], [17, pad(counted, 6)], [23, pad(debit, 15)], [38, pad(credit, 15)], [128, '2']]);
  return buf.subarray(0, at);
}

/** Best wall time and best CPU time (user + system of this process: less disturbed by a busy machine) of `runs` parses. */
function timeParse(buf: Buffer, runs: number): { ms: number; cpuMs: number; movements: number } {
  let best = Infinity;
  let bestCpu = Infinity;
  let movements = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const statements = parseCoda(buf);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    movements = statements[0].movements.length;
    if (statements[0].warnings.length) throw new Error(`unexpected warnings: ${statements[0].warnings.join('; ')}`);
    best = Math.min(best, ms);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return { ms: best, cpuMs: bestCpu, movements };
}

/** Memory of one parse in a fresh process: the file and the result alive, nothing else. Prints one JSON line. */
function measureMemory(total: number): void {
  gc();
  const start = process.memoryUsage().rss;
  const buf = buildCoda(total);
  gc();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const statements = parseCoda(buf);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const retained = process.memoryUsage();
  console.log(
    JSON.stringify({ size: buf.length, movements: statements[0].movements.length, ms, start, beforeRss: before.rss, peakRss, heapBefore: before.heapUsed, heapRetained: retained.heapUsed }),
  );
}

function parseBench(total: number): void {
  const warm = buildCoda(Math.round(total / 4));
  for (let i = 0; i < 3; i++) parseCoda(warm); // warm the JIT (optimised code) before the first measured size
  console.log(`== CODA parsing (${total.toLocaleString('en-US')} movements; best of 5 warm runs)`);
  console.log(`(machine load average now: ${os.loadavg().map((l) => fmt(l, 1)).join(' ')} on ${os.cpus().length} CPUs)`);
  console.log('movements   size (MB)   wall (ms)    MB/s    CPU (ms)   MB/s of CPU time');
  let full = 0;
  let fullCpu = 0;
  let quarterCpu = 0;
  for (const n of [total / 4, total / 2, total].map(Math.round)) {
    const buf = buildCoda(n);
    const { ms, cpuMs, movements } = timeParse(buf, 5);
    if (movements !== n) throw new Error(`expected ${n} movements, got ${movements}`);
    full = mb(buf.length) / (ms / 1000);
    fullCpu = mb(buf.length) / (cpuMs / 1000);
    if (!quarterCpu) quarterCpu = fullCpu;
    console.log(`${String(n).padStart(9)}   ${fmt(mb(buf.length)).padStart(9)}   ${fmt(ms).padStart(9)}   ${fmt(full).padStart(5)}   ${fmt(cpuMs).padStart(9)}   ${fmt(fullCpu).padStart(5)}`);
  }
  console.log(verdict(full >= 50, `${fmt(full)} MB/s wall time on the full file (target ≥ 50 MB/s); ${fmt(fullCpu)} MB/s of CPU time`));
  const ratio = fullCpu / quarterCpu;
  console.log(verdict(ratio >= 0.8, `linear: MB/s of CPU time on the full file is ${fmt(ratio, 2)}× that on the quarter file (target ≥ 0.8×)`));

  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--memory', String(total)], { encoding: 'utf8' });
  const m = JSON.parse(out.trim().split('\n').at(-1)!);
  const x = (bytes: number) => `${fmt(mib(bytes))} MiB (${fmt(bytes / m.size, 2)}× the file)`;
  console.log(`\nmemory of one cold parse in a fresh process (file ${fmt(mb(m.size))} MB, cold parse ${fmt(m.ms)} ms)`);
  console.log(`  rss at start (node + tsx + parser code):    ${x(m.start)}`);
  console.log(`  rss with the file buffer, before the parse: ${x(m.beforeRss)}`);
  console.log(`  peak rss of the process:                    ${x(m.peakRss)}`);
  console.log(`  peak rss − rss at start (file + parse):     ${x(m.peakRss - m.start)}`);
  console.log(`  heap retained with the parsed result:       ${x(m.heapRetained - m.heapBefore)}`);
  const peak = m.peakRss - m.start;
  console.log(verdict(peak < 5 * m.size, `peak memory of file + parse ${fmt(peak / m.size, 2)}× the file size (target < 5×; the whole process incl. Node itself: ${fmt(m.peakRss / m.size, 2)}×)`));
}

// -------------------------------------------------------------------------- 2. import + auto-matching

const YEAR = 2025;
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
const fit = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');
const amount15 = (cents: number) => String(Math.abs(cents) * 10).padStart(15, '0');

interface Payment {
  cents: number;
  ogm?: string;
  communication?: string;
  name: string;
  iban?: string;
}
/** The payments as consecutive daily statements (001, 002, …) of the bench journal's account, one 0…9 block each, opening at 0.00. */
function paymentsCoda(iban: string, firstDate: string, payments: Payment[], perStatement: number): string {
  const zone = fit(iban, 31) + '   EUR';
  const out: string[] = [];
  let balance = 0;
  for (let s = 0; s * perStatement < payments.length; s++) {
    const chunk = payments.slice(s * perStatement, (s + 1) * perStatement);
    const day = new Date(`${firstDate}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + s);
    const d = ddmmyy(day.toISOString());
    const number = pad(s + 1, 3);
    const lines = ['0' + '0000' + d + '725' + '05' + ' '.repeat(8) + fit('', 10) + fit('BENCH BV', 26) + fit('KREDBEBB', 11) + '00000000000' + ' ' + '00000' + ' '.repeat(39) + '2'];
    lines.push('12' + number + zone + (balance < 0 ? '1' : '0') + amount15(balance) + d + fit('BENCH BV', 26) + fit('Zichtrekening', 35) + number);
    let counted = 1;
    let credit = 0;
    let debit = 0;
    chunk.forEach((p, i) => {
      const seq = pad((i + 1) % 10000, 4);
      const comm = p.ogm ? '1' + fit('101' + p.ogm, 53) : '0' + fit(p.communication ?? '', 53);
      lines.push('21' + seq + '0000' + fit(`REF${pad(i, 8)}`, 21) + (p.cents < 0 ? '1' : '0') + amount15(p.cents) + d + '00150000' + comm + d + number + '0' + '1' + ' ' + '0');
      lines.push('23' + seq + '0000' + fit(p.iban ?? '', 34) + 'EUR' + fit(p.name, 35) + fit('', 43) + '0' + ' ' + '0');
      counted += 2;
      if (p.cents < 0) debit -= p.cents;
      else credit += p.cents;
      balance += p.cents;
    });
    lines.push('8' + number + zone + (balance < 0 ? '1' : '0') + amount15(balance) + d + ' '.repeat(64) + '0');
    counted++;
    lines.push('9' + ' '.repeat(15) + pad(counted, 6) + pad(debit * 10, 15) + pad(credit * 10, 15) + ' '.repeat(75) + '2');
    for (const l of lines) if (l.length !== 128) throw new Error(`record of ${l.length} characters: ${l}`);
    out.push(...lines);
  }
  return out.join(EOL) + EOL;
}

async function importBench(engine: string, items: number, paymentsCount: number): Promise<number> {
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bench-bank-'));
  if (engine === 'postgres') {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `argonaut_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = await openDatabase({ url: base, poolSize: 1 });
    await sql.raw(`create database ${name}`).execute(admin.db);
    await admin.close();
    const target = new URL(base);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      const again = await openDatabase({ url: base, poolSize: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
      await again.close();
    };
  }
  const svc = await createServices({ config: configFromEnv({}, { dataDir, databaseUrl: url }), clock: new FixedClock(new Date(`${YEAR}-12-02T10:00:00Z`)) });
  try {
    const { officeId } = await createOffice(svc, { name: 'Bench' });
    const actor = cliActor(officeId);
    const d = (await createDossier(svc, actor, { name: 'Bench BV', fiscalYearStart: `${YEAR}-01-01` })).id;
    const t0 = performance.now();
    // 500 customers with an IBAN each; 100,000 sales invoices on 400000 (one total line each), OGM from the number
    await sql`insert into relation (dossier_id, number, name, kind, iban)
      select ${d}, 'C' || g, 'customer ' || g, 'customer', 'BE' || lpad(((98 - ((3000000000 + g)::numeric * 1000000 + 111400) % 97))::int::text, 2, '0') || lpad((3000000000 + g)::text, 12, '0')
      from generate_series(1, 500) g`.execute(svc.db);
    const fy = (await sql<{ id: number }>`select id from fiscal_year where dossier_id = ${d}`.execute(svc.db)).rows[0].id;
    const vk = (await sql<{ id: number }>`select id from journal where dossier_id = ${d} and type = 'sales' limit 1`.execute(svc.db)).rows[0].id;
    await sql`insert into journal (dossier_id, code, name, type, account, iban, bic) values (${d}, 'BNK', 'Bank', 'financial', '550000', 'BE68539007547034', 'KREDBEBB')`.execute(svc.db);
    await sql`
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, due_date, relation_id, reference, structured_communication, amount, line_count)
      select ${d}, g, ${vk}, ${fy}, extract(month from dt)::int, g, 'sales_invoice', dt, dt + 30, r.id, 'F-' || g,
        lpad(g::text, 10, '0') || lpad((case when g % 97 = 0 then 97 else g % 97 end)::text, 2, '0'), 1000 + (g::bigint * 7919) % 500000, 1
      from generate_series(1, ${items}) g
      cross join lateral (select (date '2025-01-01' + (g % 330))::date as dt) x
      join relation r on r.dossier_id = ${d} and r.number = 'C' || (1 + g % 500)`.execute(svc.db);
    await sql`
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind, due_date, structured_communication)
      select dossier_id, id, 1, fiscal_year_id, period_no, journal_id, date, '400000', relation_id, amount, 'total', due_date, structured_communication
      from booking where dossier_id = ${d}`.execute(svc.db);
    // the next booking ids come after the generated invoices
    await sql`update dossier_ledger set next_booking_id = ${items + 1} where dossier_id = ${d}`.execute(svc.db);
    await sql`analyze`.execute(svc.db);
    // payment k pays invoice k × (items / payments): 60 % by OGM, 20 % by the invoice number in a free
    // communication, 20 % by the amount alone; every payment comes from the customer's IBAN
    const step = Math.max(1, Math.floor(items / paymentsCount));
    const invoices = (
      await sql<{ id: number; amount: number; ogm: string; reference: string; iban: string; name: string }>`
        select b.id, b.amount::int as amount, b.structured_communication as ogm, b.reference, r.iban, r.name
        from booking b join relation r on r.dossier_id = b.dossier_id and r.id = b.relation_id
        where b.dossier_id = ${d} and b.id % ${step} = 0 order by b.id limit ${paymentsCount}`.execute(svc.db)
    ).rows;
    const payments: Payment[] = invoices.map((inv, k) => {
      const base = { cents: Number(inv.amount), name: inv.name, iban: inv.iban };
      if (k % 10 < 6) return { ...base, ogm: inv.ogm };
      if (k % 10 < 8) return { ...base, communication: `betaling factuur ${inv.reference}` };
      return { ...base, communication: 'betaling' };
    });
    const file = Buffer.from(paymentsCoda('BE68539007547034', `${YEAR}-12-01`, payments, 1000), 'latin1');
    const setup = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    const imported = await importStatementFile(svc, actor, d, { fileName: 'bench.cod', content: file });
    const importSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const matched = await autoMatch(svc, actor, d);
    const matchSeconds = (performance.now() - t2) / 1000;
    const sum = (f: (s: (typeof imported.statements)[number]) => number) => imported.statements.reduce((n, s) => n + f(s), 0);
    console.log(`\n== ${engine}: ${paymentsCount.toLocaleString('en-US')} movements against ${items.toLocaleString('en-US')} open items (set up in ${fmt(setup)} s, file ${fmt(mb(file.length), 2)} MB)`);
    console.log(`import (parse, book ${imported.statements.length} daily statements of ${fmt(sum((s) => s.lines) / imported.statements.length, 0)} lines, recognise and match): ${fmt(importSeconds, 2)} s — ${sum((s) => s.matched).toLocaleString('en-US')} lines matched, ${sum((s) => s.suspense).toLocaleString('en-US')} on the suspense account`);
    console.log(`automatic matching (F11) of what is left:                            ${fmt(matchSeconds, 2)} s — ${matched.matched.toLocaleString('en-US')} matched, ${matched.proposals.length.toLocaleString('en-US')} proposals`);
    const total = importSeconds + matchSeconds;
    console.log(`import + matching: ${fmt(total, 2)} s`);
    return total;
  } finally {
    await svc.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (args[0] === '--memory') {
  measureMemory(Number(args[1]));
} else {
  if (!args.includes('--skip-parse')) parseBench(Number(arg('movements') ?? 100_000));
  if (!args.includes('--skip-import')) {
    const results: Record<string, number> = {};
    // --engines none (or an empty list): the parsing part alone, like --skip-import
    const engines = (arg('engines') ?? 'pglite,postgres').split(',').filter((e) => e !== '' && e !== 'none');
    for (const engine of engines) {
      if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown engine ${engine}: pglite, postgres or none`);
    }
    for (const engine of engines) results[engine] = await importBench(engine, Number(arg('items') ?? 100_000), Number(arg('payments') ?? 10_000));
    if (results.postgres !== undefined) console.log('\n' + verdict(results.postgres < 3, `import + matching on PostgreSQL ${fmt(results.postgres, 2)} s (target < 3 s)`));
  }
}
