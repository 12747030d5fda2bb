/**
 * Database access: one PostgreSQL dialect, two engines.
 * - Embedded (default): PGlite with its data in `<dataDir>/pg`.
 * - Server: node-postgres pool when a `postgres://` URL is given (DATABASE_URL).
 * BIGINT comes back as a JS number, guarded to stay a safe integer (money is integer cents);
 * DATE comes back as the 'YYYY-MM-DD' string (no time-zone shifts); NUMERIC stays a string.
 * Bulk writes: copyRows (./copy.ts) runs COPY on both engines; for PostgreSQL the pool's client class
 * below sends it as COPY … FROM STDIN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { copyDataOf, type CopyData } from './copy.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<Database>;
export type EngineKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: EngineKind;
  /** Human description for logs ("PGlite at ./data/pg", "PostgreSQL at host/db"). */
  where: string;
  close(): Promise<void>;
  /** PGlite only: a dump of the data directory (used to build test templates). */
  dump?(): Promise<Blob>;
}

export function parseBigint(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of safe range: ${value}`);
  return n;
}

const INT8 = 20;
const DATE = 1082;

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder (the database lives in `<dataDir>/pg`). Omit for in-memory. */
  dataDir?: string;
  /** PGlite: start from a dump made by `dump()` (tests start from a template this way). */
  loadDataDir?: Blob;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pg = await import('pg');
    const { from: copyFrom } = await import('pg-copy-streams');
    const Pool = pg.default.Pool;
    /** The pool's clients run copyRows statements (src/db/copy.ts) as COPY … FROM STDIN. */
    class Client extends pg.default.Client {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      override query(...args: any[]): any {
        const data = typeof args[0] === 'string' && Array.isArray(args[1]) ? copyDataOf(args[1]) : undefined;
        if (data) return this.copyIn(args[0] as string, data);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return (super.query as (...a: any[]) => any)(...args);
      }

      private copyIn(text: string, data: CopyData): Promise<{ command: string; rowCount: number; rows: [] }> {
        return new Promise((resolve, reject) => {
          const stream = super.query(copyFrom(text));
          stream.on('error', reject);
          stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
          stream.end(data.bytes);
        });
      }
    }
    const pool = new Pool({
      Client,
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: string) => {
          if (oid === INT8) return parseBigint;
          if (oid === DATE) return (v: string) => v;
          return pg.default.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.default.types.getTypeParser,
      },
    });
    // A connection waiting in the pool can be closed by the server (a restart, a failover, an
    // administrator ending sessions): the pool then drops it and opens a new one when one is needed.
    // Without a listener that 'error' event would end the whole process.
    let closing = false;
    pool.on('error', (err: Error & { code?: string }) => {
      if (!closing) console.warn(`PostgreSQL closed an idle connection (${err.code ?? ''} ${err.message}); a new one is opened when needed`);
    });
    // Fail fast with a clear message when the server is not there.
    const client = await pool.connect().catch((err: Error) => {
      void pool.end();
      throw new Error(`cannot connect to PostgreSQL (${redact(options.url!)}): ${err.message}`);
    });
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      where: `PostgreSQL at ${redact(options.url)}`,
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, 'pg');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [INT8]: parseBigint, [DATE]: (v: string) => v },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    where: dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory',
    close: () => db.destroy(),
    dump: () => pglite.dumpDataDir('none') as Promise<Blob>,
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `${u.host}${u.pathname}`;
  } catch {
    return 'the given DATABASE_URL';
  }
}

export { sql };
