/**
 * A booking's display number in SQL, as `bookingDisplay` (rules.ts) writes it: "VK 2026/0007" — journal
 * code, the year its fiscal year starts in, the number padded to at least four digits. (A plain
 * lpad(number, 4) would cut 12345 to "1234": lpad truncates a longer text.)
 */
import { sql, type RawBuilder } from 'kysely';

/** j, fy, b: the aliases of journal, fiscal_year and booking in the query */
export function bookingDocumentSql(j = 'j', fy = 'fy', b = 'b'): RawBuilder<string> {
  const n = sql.ref(`${b}.number`);
  return sql<string>`${sql.ref(`${j}.code`)} || ' ' || extract(year from ${sql.ref(`${fy}.start_date`)})::int || '/' || lpad(${n}::text, greatest(4, length(${n}::text)), '0')`;
}
