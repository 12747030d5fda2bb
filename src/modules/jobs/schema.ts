/** Kysely table types of the scheduled jobs (migration 0036). */
import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface JobTable {
  name: string;
  run_at: Ts;
  locked_until: TsNull;
  locked_by: string | null;
  runs: ColumnType<number, number | undefined, number>;
  last_started_at: TsNull;
  last_finished_at: TsNull;
  last_error: string | null;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
}

declare module '../../db/schema.ts' {
  interface Database {
    job: JobTable;
  }
}
