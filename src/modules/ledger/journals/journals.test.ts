import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('journals (%s)', (engine) => {
  let t: LedgerTestContext;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
  });
  afterAll(() => t?.env.close());

  it('gives a new dossier a purchase, a sales, a miscellaneous and an opening journal', async () => {
    const list = await t.admin.get(`${t.base}/journals`);
    expect(list.body.items.map((j: { code: string; type: string }) => `${j.code}:${j.type}`)).toEqual(['AK:purchase', 'VK:sales', 'DIV:miscellaneous', 'OPN:opening']);
  });

  it('names the default journals in the dossier language', async () => {
    const fr = await t.admin.post('/api/v1/dossiers', { name: 'Boulangerie Dupont SRL', language: 'fr' });
    const list = await t.admin.get(`/api/v1/dossiers/${fr.body.id}/journals`);
    expect(list.body.items.map((j: { code: string; name: string }) => `${j.code} ${j.name}`)).toEqual(['ACH Achats', 'VEN Ventes', 'OD Opérations diverses', 'OUV Ouverture']);
  });

  it('adds a financial journal with checked IBAN and BIC and its own bank account', async () => {
    const missing = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('ledger.journal_bank_required');
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['iban', 'bic']);
    const badIban = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68 5390 0754 7035', bic: 'KREDBEBB' });
    expect(badIban.status).toBe(400);
    expect(badIban.body.code).toBe('ledger.iban_invalid');
    const ok = await t.admin.post(`${t.base}/journals`, { code: 'kbc', name: 'KBC zicht', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'kredbebb' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: 'KBC', iban: 'BE68539007547034', ibanDisplay: 'BE68 5390 0754 7034', bic: 'KREDBEBB', currency: 'EUR', account: '550000' });
    expect(ok.body.numbering[0]).toMatchObject({ fiscalYearId: 1, nextNumber: 1, bookings: 0 });
    expect(ok.body.lastBooking).toBeNull();
    const second = await t.admin.post(`${t.base}/journals`, { code: 'BEL', name: 'Belfius', type: 'financial', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' });
    expect(second.body.account).toBe('550100');
  });

  it('allows one journal per bank account and currency', async () => {
    const same = await t.admin.post(`${t.base}/journals`, { code: 'KBC2', name: 'KBC bis', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('ledger.journal_bank_taken');
    const usd = await t.admin.post(`${t.base}/journals`, { code: 'KBCUSD', name: 'KBC USD', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB', currency: 'USD' });
    expect(usd.status).toBe(201);
    expect(usd.body.currency).toBe('USD');
  });

  it('edits, sets the first number, deactivates and deletes a journal without bookings', async () => {
    const j = await t.admin.post(`${t.base}/journals`, { code: 'VK2', name: 'Verkopen webshop', type: 'sales' });
    const numbered = await t.admin.put(`${t.base}/journals/${j.body.id}/numbering/1`, { nextNumber: 101 });
    expect(numbered.body.numbering[0].nextNumber).toBe(101);
    const renamed = await t.admin.patch(`${t.base}/journals/${j.body.id}`, { name: 'Webshop', active: false });
    expect(renamed.body).toMatchObject({ name: 'Webshop', active: false });
    const taken = await t.admin.patch(`${t.base}/journals/${j.body.id}`, { code: 'VK' });
    expect(taken.status).toBe(409);
    expect((await t.admin.delete(`${t.base}/journals/${j.body.id}`)).status).toBe(204);
  });
});
