/**
 * Matching benchmark (npm run bench:matching): automatic matching (F11) of 10,000 payments against
 * 100,000 open items (sales invoices of 500 customers), on PGlite and on PostgreSQL. The payments pay
 * by structured communication (60 %), by an invoice number in a free communication (20 %) or by the
 * amount alone (20 %). The bookings are written straight into booking/booking_line with SQL (one line
 * per invoice on 400000, statements of 100 payment lines): generating them is not what is measured.
 * The timed part is one `autoMatch` call — loading the open items, finding the candidates, writing
 * the matches — in one transaction.
 *
 *   npm run bench:matching [-- --items 100000] [--payments 10000] [--engines pglite,postgres]
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is made and dropped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { FixedClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/index.ts';
import { configFromEnv, createServices } from '../src/services.ts';
import { createDossier } from '../src/modules/dossiers/manage-dossiers.ts';
import { cliActor, createOffice } from '../src/modules/users/offices.ts';
import '../src/modules/ledger/index.ts';
import { autoMatch } from '../src/modules/matching/auto-match.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ITEMS = Number(arg('items') ?? 100_000);
const PAYMENTS = Number(arg('payments') ?? 10_000);
const YEAR = 2025;
const fmt = (n: number) => n.toLocaleString('en-US');

async function bench(engine: string) {
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-bench-matching-'));
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
  const svc = await createServices({ config: configFromEnv({}, { dataDir, databaseUrl: url }), clock: new FixedClock(new Date(`${YEAR}-06-01T10:00:00Z`)) });
  try {
    const { officeId } = await createOffice(svc, { name: 'Bench' });
    const actor = cliActor(officeId);
    const d = (await createDossier(svc, actor, { name: 'Bench BV', fiscalYearStart: `${YEAR}-01-01` })).id;
    const t0 = performance.now();
    await sql`insert into relation (dossier_id, number, name, kind) select ${d}, 'C' || g, 'customer ' || g, 'customer' from generate_series(1, 500) g`.execute(svc.db);
    const fy = (await sql<{ id: number }>`select id from fiscal_year where dossier_id = ${d}`.execute(svc.db)).rows[0].id;
    const vk = (await sql<{ id: number }>`select id from journal where dossier_id = ${d} and type = 'sales' limit 1`.execute(svc.db)).rows[0].id;
    const bank = (await sql<{ id: number }>`insert into journal (dossier_id, code, name, type, account, iban, bic) values (${d}, 'BNK', 'Bank', 'financial', '550000', 'BE68539007547034', 'KREDBEBB') returning id`.execute(svc.db)).rows[0].id;
    // invoice g: customer C(1 + g % 500), amount 10.00 … 5009.99, OGM from g, reference F-g
    await sql`
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, due_date, relation_id, reference, structured_communication, amount, line_count)
      select ${d}, g, ${vk}, ${fy}, extract(month from dt)::int, g, 'sales_invoice', dt, dt + 30, r.id, 'F-' || g,
        lpad(g::text, 10, '0') || lpad((case when g % 97 = 0 then 97 else g % 97 end)::text, 2, '0'), 1000 + (g::bigint * 7919) % 500000, 1
      from generate_series(1, ${ITEMS}) g
      cross join lateral (select (date '2025-01-01' + (g % 330))::date as dt) x
      join relation r on r.dossier_id = ${d} and r.number = 'C' || (1 + g % 500)`.execute(svc.db);
    await sql`
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind, due_date, structured_communication)
      select dossier_id, id, 1, fiscal_year_id, period_no, journal_id, date, '400000', relation_id, amount, 'total', due_date, structured_communication
      from booking where dossier_id = ${d}`.execute(svc.db);
    // payment k pays invoice k * (ITEMS / PAYMENTS), in statements of 100 lines
    const step = Math.max(1, Math.floor(ITEMS / PAYMENTS));
    const statements = Math.ceil(PAYMENTS / 100);
    await sql`
      insert into booking (dossier_id, id, journal_id, fiscal_year_id, period_no, number, kind, date, amount, line_count)
      select ${d}, ${ITEMS} + s, ${bank}, ${fy}, 12, s, 'financial_statement', date '2025-12-01', 0, 100 from generate_series(1, ${statements}) s`.execute(svc.db);
    await sql`
      insert into booking_line (dossier_id, booking_id, line_no, fiscal_year_id, period_no, journal_id, date, account, relation_id, amount, kind, communication, structured_communication)
      select ${d}, ${ITEMS} + 1 + (k - 1) / 100, 1 + (k - 1) % 100, ${fy}, 12, ${bank}, date '2025-12-01', '400000', b.relation_id, -b.amount, 'entry',
        case when k % 10 in (6, 7) then 'betaling factuur ' || b.reference when k % 10 in (8, 9) then 'betaling' end,
        case when k % 10 < 6 then b.structured_communication end
      from generate_series(1, ${PAYMENTS}) k join booking b on b.dossier_id = ${d} and b.id = k * ${step}`.execute(svc.db);
    // statistics as after a normal day's use (PGlite has no autovacuum: without them it plans the load of the open items badly, ~2× slower)
    await sql`analyze`.execute(svc.db);
    const setup = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const result = await autoMatch(svc, actor, d);
    const seconds = (performance.now() - t1) / 1000;
    const open = (await sql<{ n: number }>`select count(*)::int as n from booking_line l where dossier_id = ${d} and amount <> coalesce((select sum(amount) from match_line m where m.dossier_id = l.dossier_id and m.booking_id = l.booking_id and m.line_no = l.line_no), 0)`.execute(svc.db)).rows[0].n;
    console.log(`\n== ${engine}: ${fmt(PAYMENTS)} payments against ${fmt(ITEMS)} open items (set up in ${setup.toFixed(1)} s)`);
    console.log(`automatic matching: ${seconds.toFixed(2)} s — ${fmt(result.matched)} matched, ${fmt(result.proposals.length)} proposals; ${fmt(open)} lines still open`);
    return seconds;
  } finally {
    await svc.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const engine of (arg('engines') ?? 'pglite,postgres').split(',')) await bench(engine);
