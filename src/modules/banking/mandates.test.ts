/**
 * Bank → CODA mandates through the API: one per financial journal, internal (requested → active) or
 * external (active at once); the detail keeps the bank, the error address and "link PDF in DMS";
 * a mandate needs the dossier's bank module, and is refused clearly otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, loggedIn } from '../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';

describe.each(engines)('CODA mandates (%s)', (engine) => {
  let t: LedgerTestContext;
  let kbc: number;
  let belfius: number;
  const url = () => `${t.base}/bank/mandates`;

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { email: 'info@janssens.be' });
    kbc = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE86 4070 5141 6150', bic: 'KREDBEBB' })).body.id;
    belfius = (await t.admin.post(`${t.base}/journals`, { code: 'BEL', name: 'Belfius', type: 'financial', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  it('refuses a mandate while the bank module is switched off, saying where to switch it on', async () => {
    const res = await t.admin.post(url(), { journalId: kbc, kind: 'internal' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('mandate.bank_module_off');
    expect(res.body.message).toContain('Modules → Bank');
    t.admin.language = 'fr';
    expect((await t.admin.post(url(), { journalId: kbc, kind: 'internal' })).body.message).toContain('module bancaire');
    t.admin.language = '';
    expect((await t.admin.get(url())).body).toEqual([]);
  });

  it('requests an internal mandate: status requested, the bank proposed from the BIC, errors to the dossier address by default', async () => {
    expect((await t.admin.patch(`/api/v1/dossiers/${t.dossierId}`, { modules: { bank: true } })).status).toBe(200);
    const res = await t.admin.post(url(), { journalId: kbc, kind: 'internal' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      journalCode: 'KBC', iban: 'BE86407051416150', ibanDisplay: 'BE86 4070 5141 6150', kind: 'internal', status: 'requested',
      bank: 'kbc', bankName: 'KBC', errorEmail: 'info@janssens.be', linkPdfInDms: false, activatedAt: null,
    });
  });

  it('allows one mandate per financial journal, and only on a financial journal', async () => {
    const again = await t.admin.post(url(), { journalId: kbc, kind: 'external' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('KBC');
    const journals = (await t.admin.get(`${t.base}/journals`)).body;
    const sales = (journals.items ?? journals).find((j: { type: string }) => j.type === 'sales');
    const wrong = await t.admin.post(url(), { journalId: sales.id, kind: 'internal' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('mandate.journal_not_financial');
  });

  it('records an external mandate (arranged through a third party) as active at once', async () => {
    const res = await t.admin.post(url(), { journalId: belfius, kind: 'external', errorEmail: 'coda@boekhouder.be', linkPdfInDms: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'external', status: 'active', bank: 'belfius', bankName: 'Belfius', errorEmail: 'coda@boekhouder.be', linkPdfInDms: true });
    expect(res.body.activatedAt).not.toBeNull();
    const list = (await t.admin.get(url())).body;
    expect(list.map((m: { journalCode: string; kind: string }) => [m.journalCode, m.kind])).toEqual([['BEL', 'external'], ['KBC', 'internal']]);
  });

  it('changes the detail: error address (checked), the bank from the list, link PDF in DMS (kept)', async () => {
    const [, kbcMandate] = (await t.admin.get(url())).body;
    const bad = await t.admin.patch(`${url()}/${kbcMandate.id}`, { errorEmail: 'geen-adres' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('mandate.email_invalid');
    const unknownBank = await t.admin.patch(`${url()}/${kbcMandate.id}`, { bank: 'argenta' });
    expect(unknownBank.status).toBe(400);
    const ok = await t.admin.patch(`${url()}/${kbcMandate.id}`, { errorEmail: 'fouten@janssens.be', linkPdfInDms: true, bank: 'cbc' });
    expect(ok.body).toMatchObject({ errorEmail: 'fouten@janssens.be', linkPdfInDms: true, bank: 'cbc', bankName: 'CBC' });
    expect((await t.admin.get(`${url()}/${kbcMandate.id}`)).body).toMatchObject({ errorEmail: 'fouten@janssens.be', linkPdfInDms: true });
  });

  it('activates a requested internal mandate once; an active one cannot be activated again', async () => {
    const [, kbcMandate] = (await t.admin.get(url())).body;
    const res = await t.admin.post(`${url()}/${kbcMandate.id}/activate`);
    expect(res.body).toMatchObject({ status: 'active' });
    expect(res.body.activatedAt).toBe('2026-03-15T09:00:00.000Z');
    expect((await t.admin.post(`${url()}/${kbcMandate.id}/activate`)).status).toBe(409);
  });

  it('lists the banks that deliver CODA daily', async () => {
    const banks = (await t.admin.get('/api/v1/bank/coda-banks')).body.map((b: { name: string }) => b.name);
    expect(banks).toEqual(['AXA', 'Bank van Breda', 'Belfius', 'Beobank', 'BNP Paribas Fortis', 'bpost bank', 'CBC', 'CPH', 'Crelan', 'ING', 'KBC', 'Nagelmackers']);
  });

  it('hides the mandates of a dossier from a user without access, and ends a mandate', async () => {
    await t.admin.post('/api/v1/users', { login: 'jan', displayName: 'Jan', email: 'jan@kantoor.be', password: 'jan-pass-1234', role: 'staff' });
    const jan = await loggedIn(t.env.app, 'jan', 'jan-pass-1234');
    expect((await jan.get(url())).status).toBe(404);
    const [bel] = (await t.admin.get(url())).body;
    expect((await t.admin.delete(`${url()}/${bel.id}`)).status).toBe(204);
    expect((await t.admin.get(url())).body.map((m: { journalCode: string }) => m.journalCode)).toEqual(['KBC']);
  });
});
