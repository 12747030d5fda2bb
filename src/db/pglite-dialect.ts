/**
 * A Kysely dialect for PGlite (PostgreSQL compiled to WASM, in-process).
 * PGlite is a single connection, so connections are handed out one at a time:
 * a transaction holds the connection until it commits, and other callers wait.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { copyDataOf } from './copy.ts';

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyDataOf(compiled.parameters);
    if (copy) {
      // copyRows (src/db/copy.ts): PGlite reads the data of COPY … FROM '/dev/blob' from the query's blob.
      await this.pg.query(compiled.sql.replace(/ from stdin$/, " from '/dev/blob'"), [], { blob: new Blob([copy.bytes as Uint8Array<ArrayBuffer>]) });
      return { rows: [] };
    }
    if (compiled.parameters.length === 0 && /;\s*\S/.test(compiled.sql)) {
      // Several statements (a migration): the simple protocol runs them as one script.
      const results = await this.pg.exec(compiled.sql);
      return { rows: (results.at(-1)?.rows ?? []) as R[] };
    }
    const result = await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      numAffectedRows: affected !== undefined && !/^\s*select/i.test(compiled.sql) ? BigInt(affected) : undefined,
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not stream');
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {}

  /** Waits for the previous holder to release the one connection. */
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    // A caller that uses the database (not its `trx`) inside a transaction waits forever on PGlite's
    // single connection: say so instead of hanging silently.
    const warn = setTimeout(() => {
      console.error(
        'PGlite: still waiting for the database connection after 15 s. Is `svc.db` used inside a transaction callback? Use the transaction object there.\n' +
          new Error().stack,
      );
    }, 15_000);
    warn.unref();
    await previous;
    clearTimeout(warn);
    (this.connection as unknown as { release: () => void }).release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as unknown as { release: () => void }).release();
  }

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
