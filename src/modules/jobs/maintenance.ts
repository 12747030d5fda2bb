/**
 * Nightly upkeep of the embedded database. PostgreSQL's autovacuum keeps the planner's statistics and
 * reclaims the space of dead rows by itself; PGlite (the embedded PostgreSQL of a default installation)
 * runs no autovacuum. Without this job its planner would never learn how big booking_line and match_line
 * have grown (it plans on default guesses, and a query that should take milliseconds can take seconds),
 * and every update (period balances, jobs, the bank inbox) would leave its dead row behind for good.
 * So every night at 03:00 Brussels time, PGlite gets `VACUUM (ANALYZE)`; on PostgreSQL the job does nothing.
 */
import { sql } from 'kysely';
import type { Services } from '../../services.ts';
import { dailyAtBrusselsTime, registerJob } from './jobs.ts';

export const MAINTENANCE_JOB = 'database-maintenance';

export async function runMaintenance(svc: Services): Promise<{ vacuumed: boolean; reason?: string; seconds?: number }> {
  if (svc.kind !== 'pglite') return { vacuumed: false, reason: 'autovacuum' };
  const started = Date.now();
  await sql`vacuum (analyze)`.execute(svc.db);
  return { vacuumed: true, seconds: (Date.now() - started) / 1000 };
}

registerJob({ name: MAINTENANCE_JOB, next: dailyAtBrusselsTime(() => ({ hour: 3, minute: 0 })), run: (svc) => runMaintenance(svc) });
