// The part of pg-copy-streams (CommonJS, no types of its own) that src/db/index.ts uses.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  /** A COPY … FROM STDIN query for `client.query(…)`: write the data to it, end it, wait for 'finish'. */
  export function from(text: string): Writable & { rowCount: number; submit(connection: unknown): void };
}
