/**
 * The nightly upkeep: PGlite has no autovacuum, so the job gives its planner statistics (and reclaims dead
 * rows); PostgreSQL does that itself and the job leaves it alone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../core/clock.ts';
import { createTestEnv, engines, loggedIn, seedOffice, type TestEnv } from '../../../test/helpers.ts';
import { ensureJobs, runDueJobs } from './jobs.ts';
import { MAINTENANCE_JOB } from './maintenance.ts';

describe.each(engines)('nightly database maintenance (%s)', (engine) => {
  let env: TestEnv;
  const clock = new FixedClock(new Date('2026-07-01T12:00:00Z'));
  const reltuples = async (table: string) =>
    Number((await sql<{ n: number }>`select reltuples as n from pg_class where relname = ${table} and relkind = 'r'`.execute(env.svc.db)).rows[0].n);

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, clock);
    await seedOffice(env.svc);
    const admin = await loggedIn(env.app);
    // a dossier: its chart of accounts is a few hundred rows
    expect((await admin.post('/api/v1/dossiers', { name: 'Garage Peeters', fiscalYearStart: '2026-01-01' })).status).toBe(201);
  });
  afterAll(() => env?.close());

  it('runs every night at 03:00 Brussels time; on PGlite it gives the planner the tables’ sizes, on PostgreSQL it leaves that to autovacuum', async () => {
    await ensureJobs(env.svc);
    const job = await env.svc.db.selectFrom('job').select('run_at').where('name', '=', MAINTENANCE_JOB).executeTakeFirstOrThrow();
    // 2026-07-02 03:00 in Brussels (CEST, UTC+2)
    expect(new Date(job.run_at).toISOString()).toBe('2026-07-02T01:00:00.000Z');
    const accounts = Number((await sql<{ n: number }>`select count(*)::int as n from account`.execute(env.svc.db)).rows[0].n);
    const before = await reltuples('account');
    clock.set(new Date('2026-07-02T01:00:00Z'));
    const runs = await runDueJobs(env.svc);
    const run = runs.find((r) => r.name === MAINTENANCE_JOB)!;
    expect(run.ok).toBe(true);
    if (engine === 'pglite') {
      // never analysed before (PGlite runs no autovacuum): the planner had no row count for the table
      expect(before).toBeLessThan(accounts / 2);
      expect(run.result).toMatchObject({ vacuumed: true });
      expect(await reltuples('account')).toBe(accounts);
    } else {
      expect(run.result).toEqual({ vacuumed: false, reason: 'autovacuum' });
    }
    // and the next night is scheduled
    const next = await env.svc.db.selectFrom('job').select('run_at').where('name', '=', MAINTENANCE_JOB).executeTakeFirstOrThrow();
    expect(new Date(next.run_at).toISOString()).toBe('2026-07-03T01:00:00.000Z');
  });
});
