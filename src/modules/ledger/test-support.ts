/** Shared setup of the ledger's API tests: an office, a logged-in administrator and a dossier. */
import { createTestEnv, loggedIn, seedOffice, type ApiClient, type Engine, type TestEnv } from '../../../test/helpers.ts';

export interface LedgerTestContext {
  env: TestEnv;
  admin: ApiClient;
  officeId: number;
  dossierId: number;
  /** /api/v1/dossiers/:dossierId */
  base: string;
}

export async function ledgerTestContext(engine: Engine, dossier: Record<string, unknown> = {}): Promise<LedgerTestContext> {
  const env = await createTestEnv(engine);
  const { officeId } = await seedOffice(env.svc);
  const admin = await loggedIn(env.app);
  const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01', ...dossier });
  if (res.status !== 201) throw new Error(`dossier: ${JSON.stringify(res.body)}`);
  return { env, admin, officeId, dossierId: res.body.id, base: `/api/v1/dossiers/${res.body.id}` };
}

/** Inserts a relation directly (the relations capability owns its use cases; tests only need rows). */
export async function addRelation(
  env: TestEnv,
  dossierId: number,
  values: { number: string; name: string; kind: 'customer' | 'supplier' | 'both'; paymentDays?: number; endOfMonth?: boolean },
): Promise<number> {
  const { sql } = await import('kysely');
  const row = await sql<{ id: number }>`
    insert into relation (dossier_id, number, name, kind, payment_days, payment_end_of_month)
    values (${dossierId}, ${values.number}, ${values.name}, ${values.kind}, ${values.paymentDays ?? 30}, ${values.endOfMonth ?? false})
    returning id`.execute(env.svc.db);
  return row.rows[0].id;
}
