/**
 * copyRows (COPY … FROM STDIN on PostgreSQL, FROM '/dev/blob' on PGlite) with rows from CopyWriter keeps
 * every text exactly (tabs, newlines, carriage returns, backslashes, \N, accents, emoji) and every integer,
 * nulls as nulls; writes inside the caller's transaction (nothing is left when it rolls back); and reports a
 * bad row with PostgreSQL's own error, after which the connection works on.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/helpers.ts';
import { CopyWriter, copyRows } from './copy.ts';
import type { DatabaseHandle } from './index.ts';

const NASTY = [
  'plain',
  'tab\there',
  'line\nbreak',
  'carriage\rreturn and\r\nwindows',
  'C:\\boeken\\nieuw',
  '\\N',
  '\\.',
  'ends with a backslash\\',
  '\\t is not a tab',
  'NULL',
  '',
  ' spaces kept ',
  'Crème brûlée € 😀 ﬀ 日本',
  '"quotes", {braces}, commas',
];
const NUMBERS = [0, 1, -1, 9, 10, -10, 99, 100, 1234567, -1234567, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

function rowsOf(fill: (w: CopyWriter) => void): CopyWriter {
  const w = new CopyWriter(16); // small: the buffer has to grow
  fill(w);
  return w;
}

describe('CopyWriter', () => {
  it('writes COPY text format: tab between fields, newline after a row, \\N for null, escapes in text', () => {
    const w = rowsOf((w) => {
      w.num(12);
      w.text('a\tb\\c\nd\re');
      w.nul();
      w.text(null);
      w.num(undefined);
      w.end();
      w.num(-7);
      w.end();
    });
    expect(w.bytes().toString('utf8')).toBe('12\ta\\tb\\\\c\\nd\\re\t\\N\t\\N\t\\N\n-7\n');
    expect(w.rows).toBe(2);
  });

  it('writes text as UTF-8, a lone surrogate as U+FFFD (as Buffer does)', () => {
    for (const s of [...NASTY, '\ud800 alone', 'end \udc00']) {
      const escaped = s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
      expect(rowsOf((w) => (w.text(s), w.end())).bytes().equals(Buffer.from(`${escaped}\n`, 'utf8'))).toBe(true);
    }
  });

  it('writes integers exactly and refuses what is not a safe integer', () => {
    expect(rowsOf((w) => (NUMBERS.forEach((n) => w.num(n)), w.end())).bytes().toString()).toBe(NUMBERS.join('\t') + '\n');
    expect(() => new CopyWriter().num(1.5)).toThrow(RangeError);
    expect(() => new CopyWriter().num(2 ** 60)).toThrow(RangeError);
    expect(() => new CopyWriter().num(NaN)).toThrow(RangeError);
  });

  it('writes a JSON object of integers (for jsonb), zeros left out on request, \\N when empty', () => {
    const w = rowsOf((w) => {
      w.jsonIntegers({ '81': 100000, '59': -21000, '00': 0 }, true);
      w.jsonIntegers({ '00': 0 }, true);
      w.jsonIntegers({ '00': 0 }, false);
      w.jsonIntegers({}, false);
      w.jsonIntegers({ 'a"b\\c\td': 1 }, false);
      w.end();
    });
    expect(w.bytes().toString('utf8')).toBe('{"59":-21000,"81":100000}\t\\N\t{"00":0}\t\\N\t{"a\\\\"b\\\\\\\\c\\\\td":1}\n'); // JSON's escapes (\" \\ \t), then COPY's (each backslash doubled)
    expect(() => new CopyWriter().jsonIntegers({ x: 0.5 }, false)).toThrow(RangeError);
  });

  it('repeats the first fields of an earlier row at the start of a new one', () => {
    const w = new CopyWriter(8);
    const from = w.mark();
    w.num(7);
    w.text('gedeeld\tveld');
    const to = w.mark();
    w.num(1);
    w.end();
    for (let i = 2; i <= 400; i++) {
      w.repeat(from, to); // the buffer grows meanwhile
      w.num(i);
      w.end();
    }
    const rows = w.bytes().toString('utf8').split('\n');
    expect(rows[0]).toBe('7\tgedeeld\\tveld\t1');
    expect(rows[399]).toBe('7\tgedeeld\\tveld\t400');
    w.num(1);
    expect(() => w.repeat(from, to)).toThrow(/start of a row/);
  });

  it('refuses to hand over a row that is not ended', () => {
    const w = new CopyWriter();
    w.num(1);
    expect(() => w.bytes()).toThrow(/not ended/);
  });
});

describe.each(engines)('copyRows (%s)', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await openTestDatabase(engine);
    await sql`create table copy_probe (id int primary key, label text, amount bigint, day date, grids jsonb)`.execute(h.db);
  });
  afterAll(() => h?.close());

  it('keeps tabs, newlines, carriage returns, backslashes, \\N and \\. as given, integers exactly, and nulls as nulls', async () => {
    const rows = rowsOf((w) => {
      NASTY.forEach((label, i) => {
        w.num(i);
        w.text(label);
        w.num(NUMBERS[i]);
        w.text(`2026-03-0${1 + (i % 9)}`);
        w.end();
      });
      w.num(100);
      w.text(null);
      w.num(null);
      w.nul();
      w.end();
    });
    await h.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['id', 'label', 'amount', 'day'], rows));
    const read = (await sql<{ id: number; label: string | null; amount: number | null; day: string | null }>`select * from copy_probe order by id`.execute(h.db)).rows;
    expect(read.map((r) => r.label)).toEqual([...NASTY, null]);
    expect(read.map((r) => r.amount)).toEqual([...NUMBERS.slice(0, NASTY.length), null]);
    expect(read[NASTY.length]).toEqual({ id: 100, label: null, amount: null, day: null, grids: null });
    expect(read[1].day).toBe('2026-03-02');
  });

  it('writes JSON objects of integers into a jsonb column, keys with quotes, backslashes and tabs kept', async () => {
    const grids = { '81': 100000, '59': -21000, 'a"b\\c\td': 3 };
    await h.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['id', 'grids'], rowsOf((w) => (w.num(150), w.jsonIntegers(grids, true), w.end()))));
    const row = (await sql<{ grids: Record<string, number> }>`select grids from copy_probe where id = 150`.execute(h.db)).rows[0];
    expect(row.grids).toEqual(grids);
  });

  it('writes in the caller’s transaction: nothing is left when it rolls back', async () => {
    await expect(
      h.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe', ['id', 'label'], rowsOf((w) => (w.num(200), w.text('kept until the rollback'), w.end())));
        expect((await sql<{ n: number }>`select count(*)::int as n from copy_probe where id = 200`.execute(trx)).rows[0].n).toBe(1);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_probe where id = 200`.execute(h.db)).rows[0].n).toBe(0);
  });

  it('refuses a bad row with the database’s error, writes none of the rows, and the connection works on', async () => {
    const duplicate = rowsOf((w) => (w.num(300), w.text('new'), w.end(), w.num(0), w.text('the key of an existing row'), w.end()));
    await expect(h.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['id', 'label'], duplicate))).rejects.toThrow(/duplicate key/);
    const notANumber = rowsOf((w) => (w.num(301), w.text('not a number'), w.end()));
    await expect(h.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['id', 'amount'], notANumber))).rejects.toThrow(/bigint/);
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_probe where id >= 300`.execute(h.db)).rows[0].n).toBe(0);
    await h.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['id', 'label'], rowsOf((w) => (w.num(302), w.text('after the errors'), w.end()))));
    expect((await sql<{ label: string }>`select label from copy_probe where id = 302`.execute(h.db)).rows[0].label).toBe('after the errors');
  });

  it('accepts only plain table and column names', async () => {
    const one = rowsOf((w) => (w.num(1), w.end()));
    await expect(copyRows(h.db, 'copy_probe; drop table copy_probe', ['id'], one)).rejects.toThrow(/invalid table or column/);
    await expect(copyRows(h.db, 'copy_probe', ['id) from program', 'label'], one)).rejects.toThrow(/invalid table or column/);
  });
});
