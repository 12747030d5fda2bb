/**
 * Scheduled jobs of the installation. Each recurring job has one row in `job` (its next run time);
 * `runDueJobs` claims a due row with `FOR UPDATE SKIP LOCKED` and a lease, runs it outside that short
 * transaction (a job may open its own transactions — on PGlite a held transaction would block them),
 * and schedules the next run. Two processes never run the same job at once; a run that crashed is
 * taken over when its lease has expired. Due times come from the services' clock, so tests move time.
 * Daily jobs run at a wall-clock time in Belgium (Europe/Brussels), the same hour in summer and winter.
 */
import os from 'node:os';
import { sql } from 'kysely';
import type { Services } from '../../services.ts';
import { nextLocalTime, type LocalTime } from './local-time.ts';
import './schema.ts';

export interface JobDefinition {
  name: string;
  /** The next run after `after` (e.g. tomorrow 06:00 Brussels time); the services give its settings. */
  next(after: Date, svc: Services): Date;
  run(svc: Services): Promise<unknown>;
}

export interface JobRun {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

const registry = new Map<string, JobDefinition>();
/** How long a claimed run may take before another process may take it over. */
const LEASE_MS = 60 * 60 * 1000;

export function registerJob(definition: JobDefinition): void {
  registry.set(definition.name, definition);
}
export const registeredJobs = () => [...registry.values()];

/**
 * Every registered job gets its row (first run at its next time after now). An existing row keeps its
 * time, unless a run ahead (not yet due, not running) is no longer the job's next time: its setting
 * changed (e.g. BANK_INBOX_TIME from 06:00 to 07:30), so the next run follows the new setting.
 */
export async function ensureJobs(svc: Services): Promise<void> {
  const now = svc.clock.now();
  for (const def of registry.values()) {
    const next = def.next(now, svc);
    await svc.db
      .insertInto('job')
      .values({ name: def.name, run_at: next })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await svc.db
      .updateTable('job')
      .set({ run_at: next })
      .where('name', '=', def.name)
      .where('run_at', '>', now)
      .where('run_at', '<>', next)
      .where('locked_until', 'is', null)
      .execute();
  }
}

/** Claims one due job (or none): a short transaction with FOR UPDATE SKIP LOCKED, leaving a lease. */
async function claim(svc: Services, owner: string, now: Date): Promise<string | null> {
  const names = [...registry.keys()];
  if (!names.length) return null;
  return svc.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('job')
      .select('name')
      .where('name', 'in', names)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .updateTable('job')
      .set({ locked_until: new Date(now.getTime() + LEASE_MS), locked_by: owner, last_started_at: now, runs: sql<number>`runs + 1` })
      .where('name', '=', row.name)
      .execute();
    return row.name;
  });
}

/** Runs every job that is due now (each at most once per call) and schedules its next run. */
export async function runDueJobs(svc: Services, owner = `${os.hostname()}:${process.pid}`): Promise<JobRun[]> {
  await ensureJobs(svc);
  const runs: JobRun[] = [];
  const done = new Set<string>();
  for (;;) {
    const now = svc.clock.now();
    const name = await claim(svc, owner, now);
    if (!name || done.has(name)) break;
    done.add(name);
    const def = registry.get(name)!;
    let run: JobRun;
    try {
      run = { name, ok: true, result: await def.run(svc) };
    } catch (err) {
      run = { name, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    const finished = svc.clock.now();
    await svc.db
      .updateTable('job')
      .set({
        run_at: def.next(finished, svc),
        locked_until: null,
        locked_by: null,
        last_finished_at: finished,
        last_error: run.error ?? null,
        last_result: run.ok ? JSON.stringify(run.result ?? null) : null,
      })
      .where('name', '=', name)
      .where('locked_by', '=', owner)
      .execute();
    runs.push(run);
  }
  return runs;
}

/**
 * The server's scheduler: checks for due jobs every `intervalMs` (real time; due times follow the
 * services' clock). Returns a stop function. A tick never overlaps the previous one.
 */
export function startScheduler(svc: Services, options: { intervalMs?: number; onRun?: (runs: JobRun[]) => void; onError?: (err: unknown) => void } = {}): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const runs = await runDueJobs(svc);
      if (runs.length) options.onRun?.(runs);
    } catch (err) {
      options.onError?.(err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Every day at a wall-clock time in Brussels (CET/CEST), today when still ahead, else tomorrow.
 * `time` reads the setting from the services (e.g. BANK_INBOX_TIME), so a changed setting counts from the
 * next scheduling on.
 */
export function dailyAtBrusselsTime(time: (svc: Services) => LocalTime) {
  return (after: Date, svc: Services): Date => nextLocalTime(after, time(svc));
}
