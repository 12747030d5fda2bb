/**
 * PostgreSQL ends the pool's idle connections (a server restart, an administrator ending sessions):
 * Argonaut keeps running — the pool drops them and the next query opens a new connection. Without a
 * listener for the pool's 'error' event the whole server process ended.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/helpers.ts';
import { openDatabase } from './index.ts';

describe.runIf(engines.includes('postgres'))('PostgreSQL connections ended by the server', () => {
  it('keeps working after the server terminates the idle connections of the pool', async () => {
    const handle = await openTestDatabase('postgres');
    const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL!, poolSize: 1 });
    try {
      // two idle connections in the pool
      await Promise.all([sql`select pg_sleep(0.05)`.execute(handle.db), sql`select pg_sleep(0.05)`.execute(handle.db)]);
      const database = (await sql<{ db: string }>`select current_database() as db`.execute(handle.db)).rows[0].db;
      const ended = await sql<{ n: number }>`
        select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()) t`.execute(admin.db);
      expect(ended.rows[0].n).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the pool hears of it
      const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(again.rows[0].one).toBe(1);
    } finally {
      await admin.close();
      await handle.close();
    }
  });
});
