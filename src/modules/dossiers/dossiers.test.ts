import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';

describe.each(engines)('dossiers through the API (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
  });
  afterAll(() => env?.close());

  it('creates a dossier with a checked VAT number, its mailbox and an opening fiscal year', async () => {
    const res = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', vatNumber: 'BE 0403.170.701', fiscalYearStart: '2026-01-01', city: 'Gent' });
    expect(res.status).toBe(201);
    expect(res.body.vatNumber).toBe('BE0403170701');
    expect(res.body.enterpriseNumber).toBe('0403170701');
    expect(res.body.mailboxAddress).toMatch(/^bakkerij-janssens-bv-[0-9a-f]{8}@/);
    expect(res.body.fiscalYears).toEqual([
      { id: 1, startDate: '2026-01-01', endDate: '2026-12-31', closed: false, purchaseSalesLines: 0, financialMiscellaneousLines: 0 },
    ]);
  });

  it('refuses an invalid VAT number, names the field in the user language, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/dossiers')).body.total;
    admin.language = 'fr';
    const res = await admin.post('/api/v1/dossiers', { name: 'Fout BV', vatNumber: 'BE0403170702' });
    admin.language = '';
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('identifier.vat_number_invalid');
    expect(res.body.message).toContain('TVA');
    expect(res.body.details[0].field).toBe('vatNumber');
    expect((await admin.get('/api/v1/dossiers')).body.total).toBe(before);
  });
});
