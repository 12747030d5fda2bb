/**
 * Bulk writes with COPY, on both engines, inside the caller's transaction:
 *   const rows = new CopyWriter();
 *   rows.num(1); rows.text('Factuur 12'); rows.end();  // one row per end()
 *   await copyRows(trx, 'booking_line', ['dossier_id', 'description'], rows);
 * The rows are PostgreSQL's COPY text format (fields separated by a tab, a row ending in a newline, `\N`
 * for null; backslash, tab, newline and carriage return escaped in text), written as UTF-8 bytes straight
 * into one growing buffer: no string per field or per row, so building 100,000s of rows leaves next
 * to nothing for the garbage collector. COPY then reads the rows without planning a statement or
 * parsing arrays, which is the fastest way in for many rows.
 *
 * How it reaches each engine: copyRows sends the statement `COPY table (columns) FROM STDIN` through the
 * transaction like any query, with the data as its one parameter (a CopyData, never bound as a value);
 * the engine's connection recognises it — node-postgres through the client class of the pool
 * (src/db/index.ts, COPY … FROM STDIN over pg-copy-streams), PGlite through its dialect
 * (src/db/pglite-dialect.ts, COPY … FROM '/dev/blob' with the data as the query's blob).
 */
import { CompiledQuery } from 'kysely';
import type { Db } from './index.ts';

/** The data of one COPY … FROM STDIN, sent as the statement's only parameter. */
export class CopyData {
  constructor(readonly bytes: Buffer) {}
}

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
/** a JSON key written as it is (no quote, backslash or control character to escape) */
const PLAIN_KEY = /^[A-Za-z0-9_.-]*$/;

/** Rows in COPY text format, field by field: num / text / nul, then end() closes the row. */
export class CopyWriter {
  private buf: Buffer;
  private pos = 0;
  /** the next field is the first of its row (no tab before it) */
  private first = true;
  rows = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, expectedBytes));
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private separate(): void {
    if (this.first) this.first = false;
    else this.buf[this.pos++] = TAB;
  }

  /** An integer field (ids, cents, counts); null or undefined → `\N`. */
  num(v: number | null | undefined): void {
    if (v === null || v === undefined) return this.nul();
    if (!Number.isSafeInteger(v)) throw new RangeError(`COPY: not a safe integer: ${v}`);
    this.room(18);
    this.separate();
    this.digits(v);
  }

  /** Writes a safe integer in decimal (room made by the caller). */
  private digits(v: number): void {
    const buf = this.buf;
    if (v < 0) {
      buf[this.pos++] = 45; // '-'
      v = -v;
    }
    if (v < 10) {
      buf[this.pos++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    if (v <= 0x7fffffff) {
      // small integer arithmetic
      do {
        const q = (v / 10) | 0;
        buf[--p] = 48 + (v - q * 10);
        v = q;
      } while (v > 0);
      return;
    }
    do {
      const q = Math.floor(v / 10);
      buf[--p] = 48 + (v - q * 10);
      v = q;
    } while (v > 0);
  }

  /** A text field, written as UTF-8 with backslash, tab, newline and carriage return escaped; null or undefined → `\N`. */
  text(v: string | null | undefined): void {
    if (v === null || v === undefined) return this.nul();
    this.room(v.length * 3 + 1); // UTF-8 takes at most 3 bytes per UTF-16 unit (a pair: 4 for 2); an escape 2 for 1
    this.separate();
    this.escaped(v);
  }

  /**
   * A JSON object of integers ({"81":100000,"59":21000}) as a text field (for a jsonb column), its
   * entries in the object's order (integer keys first, ascending, as JavaScript keeps them), zeros left out when `omitZero`; `\N` when no entry is left.
   */
  jsonIntegers(object: Record<string, number>, omitZero: boolean): void {
    let open = false;
    for (const key in object) {
      const v = object[key];
      if (omitZero && v === 0) continue;
      if (!Number.isSafeInteger(v)) throw new RangeError(`COPY: not a safe integer: ${key}: ${v}`);
      const json = PLAIN_KEY.test(key) ? key : JSON.stringify(key).slice(1, -1);
      this.room(json.length * 3 + 24);
      if (!open) {
        this.separate();
        this.buf[this.pos++] = 123; // {
        open = true;
      } else this.buf[this.pos++] = 44; // ,
      this.buf[this.pos++] = 34; // "
      this.escaped(json);
      this.buf[this.pos++] = 34;
      this.buf[this.pos++] = 58; // :
      this.digits(v);
    }
    if (!open) return this.nul();
    this.room(1);
    this.buf[this.pos++] = 125; // }
  }

  /** Writes `v` as UTF-8 with COPY's escapes (room made by the caller). */
  private escaped(v: string): void {
    const n = v.length;
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = v.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH || c === TAB || c === NEWLINE || c === 13) {
          buf[p++] = BACKSLASH;
          buf[p++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 116 : c === NEWLINE ? 110 : 114; // \\ \t \n \r
        } else buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const low = i + 1 < n ? v.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
            const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            buf[p++] = 0xf0 | (cp >> 18);
            buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
            buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
            buf[p++] = 0x80 | (cp & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd; // a lone surrogate becomes U+FFFD, as Buffer.from does
        }
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }

  /** A null field (`\N`). */
  nul(): void {
    this.room(3);
    this.separate();
    this.buf[this.pos++] = BACKSLASH;
    this.buf[this.pos++] = 78; // N
  }

  /** Where the next byte goes: with a second mark, the fields in between can be written again by repeat(). */
  mark(): number {
    return this.pos;
  }

  /**
   * Writes again, as the first fields of a new row, the bytes between two marks taken around the first
   * fields of an earlier row (fields many rows share, such as a booking's on each of its lines).
   */
  repeat(from: number, to: number): void {
    if (!this.first || from < 0 || to < from || to > this.pos) throw new Error('COPY: repeat only what was written, at the start of a row');
    this.room(to - from);
    this.buf.copyWithin(this.pos, from, to);
    this.pos += to - from;
    this.first = false;
  }

  /** Ends the row. */
  end(): void {
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
    this.first = true;
    this.rows++;
  }

  /** The rows written so far. */
  bytes(): Buffer {
    if (!this.first) throw new Error('COPY: the last row is not ended');
    return this.buf.subarray(0, this.pos);
  }
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/** Copies the rows of `rows` into `table` (each row gives `columns` in that order), in the transaction of `db`. */
export async function copyRows(db: Db, table: string, columns: readonly string[], rows: CopyWriter): Promise<void> {
  if (!NAME.test(table) || !columns.length || !columns.every((c) => NAME.test(c))) throw new Error(`copyRows: invalid table or column name (${table})`);
  if (!rows.rows) return;
  await db.executeQuery(CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [new CopyData(rows.bytes())]));
}

/** The data of a copyRows statement (its one parameter), if it is one. */
export function copyDataOf(parameters: readonly unknown[]): CopyData | undefined {
  return parameters.length === 1 && parameters[0] instanceof CopyData ? parameters[0] : undefined;
}
