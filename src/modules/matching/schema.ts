/** Kysely table types of matching (migration 0020). */
import type { Generated } from 'kysely';
import type { CreatedAt } from '../../db/schema.ts';

export interface MatchTable {
  dossier_id: number;
  id: Generated<number>;
  kind: 'manual' | 'auto';
  method: MatchMethod;
  account: string;
  relation_id: number | null;
  created_at: CreatedAt;
  created_by: number | null;
  /** foreign currency items (migration 0023): their currency and the exchange-difference booking */
  currency: string | null;
  exchange_booking_id: number | null;
}

export type MatchMethod = 'selection' | 'equal_amounts' | 'net_zero' | 'ogm' | 'reference' | 'amount' | 'reversal';

export interface MatchLineTable {
  dossier_id: number;
  match_id: number;
  booking_id: number;
  line_no: number;
  amount: number;
  /** foreign currency: the part of the line's currency amount applied */
  currency_amount: number | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    match: MatchTable;
    match_line: MatchLineTable;
  }
}
