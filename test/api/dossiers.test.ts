/**
 * Management → Dossiers through the HTTP API: the chooser list (search, sorting, paging, recent
 * first), create / edit / save with every detail tab, delete (only an empty dossier), and invalid
 * enterprise and VAT numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMessages } from '../../src/core/i18n/index.ts';
import { registerDossierContent } from '../../src/modules/dossiers/registry.ts';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../helpers.ts';

/** A valid Belgian enterprise number from 8 digits (mod-97 check digits). */
export function enterpriseNumber(first8: string): string {
  const check = 97 - (Number(first8) % 97);
  return `${first8}${String(check).padStart(2, '0')}`;
}

// Content the test pretends a later capability keeps in a dossier (bookings, relations, …).
const withContent = new Set<number>();
defineMessages({ 'test.content.bookings': { nl: 'boekingen', fr: 'des écritures', en: 'bookings' } });
registerDossierContent('test.content.bookings', async (_db, dossierId) => (withContent.has(dossierId) ? 3 : 0));

const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((d) => d.name);

describe.each(engines)('dossiers through the API (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    for (const [name, city, number] of [
      ['Apotheek Aerts', 'Antwerpen', enterpriseNumber('04111111')],
      ['bakkerij De Backer', 'Brugge', null],
      ['Café Central', 'Charleroi', enterpriseNumber('08222222')],
      ['Drukkerij Dewitte', 'Diest', null],
      ['Elektro Eelen', 'Eeklo', null],
    ] as const) {
      const res = await admin.post('/api/v1/dossiers', { name, city, enterpriseNumber: number });
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
    }
  });
  afterAll(() => env?.close());

  it('lists, searches (name, city, number), sorts and pages the dossiers', async () => {
    const all = await admin.get('/api/v1/dossiers?sort=name');
    expect(all.body.total).toBe(5);
    // Case-insensitive: "bakkerij" between "Apotheek" and "Café".
    expect(names(all)).toEqual(['Apotheek Aerts', 'bakkerij De Backer', 'Café Central', 'Drukkerij Dewitte', 'Elektro Eelen']);
    expect(names(await admin.get('/api/v1/dossiers?sort=name&direction=desc'))).toEqual([
      'Elektro Eelen', 'Drukkerij Dewitte', 'Café Central', 'bakkerij De Backer', 'Apotheek Aerts',
    ]);
    expect(names(await admin.get('/api/v1/dossiers?sort=city&direction=desc&pageSize=1'))).toEqual(['Elektro Eelen']);

    const page = await admin.get('/api/v1/dossiers?sort=name&pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(page)).toEqual(['Café Central', 'Drukkerij Dewitte']);
    expect(names(await admin.get('/api/v1/dossiers?sort=name&pageSize=2&page=3'))).toEqual(['Elektro Eelen']);

    expect(names(await admin.get('/api/v1/dossiers?search=BAKKER'))).toEqual(['bakkerij De Backer']);
    expect(names(await admin.get(`/api/v1/dossiers?search=${encodeURIComponent('charleroi')}`))).toEqual(['Café Central']);
    // An enterprise number typed with dots finds the dossier.
    expect(names(await admin.get(`/api/v1/dossiers?search=${encodeURIComponent('0822.222')}`))).toEqual(['Café Central']);
    const none = await admin.get('/api/v1/dossiers?search=zzz');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('puts the dossiers opened last first in the chooser', async () => {
    const opened = await admin.post(`/api/v1/dossiers/${ids['Drukkerij Dewitte']}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.name).toBe('Drukkerij Dewitte');
    env.clock.advance(60_000);
    await admin.post(`/api/v1/dossiers/${ids['Café Central']}/open`);
    env.clock.advance(60_000);
    await admin.post(`/api/v1/dossiers/${ids['Drukkerij Dewitte']}/open`);

    const recent = await admin.get('/api/v1/dossiers');
    // Recent first (the default), then the never-opened ones by name.
    expect(names(recent)).toEqual(['Drukkerij Dewitte', 'Café Central', 'Apotheek Aerts', 'bakkerij De Backer', 'Elektro Eelen']);
    expect(recent.body.items[0].lastVisitedAt).toBe(env.clock.now().toISOString());
    expect(recent.body.items[2].lastVisitedAt).toBeNull();

    // Recent is per user: another administrator's chooser is not reordered.
    await admin.post('/api/v1/users', { login: 'collega', password: 'collega-pass-1', role: 'admin' });
    const colleague = await loggedIn(env.app, 'collega', 'collega-pass-1');
    expect(names(await colleague.get('/api/v1/dossiers'))[0]).toBe('Apotheek Aerts');
  });

  it('creates a dossier with every detail tab, then edits and saves it', async () => {
    const created = await admin.post('/api/v1/dossiers', {
      name: 'Frituur Frans',
      legalForm: 'BV',
      vatNumber: `BE ${enterpriseNumber('07333333')}`,
      street: 'Marktplein 1',
      postcode: '3000',
      city: 'Leuven',
      language: 'fr',
      email: 'info@frituurfrans.be',
      phone: '+32 16 12 34 56',
      website: 'https://frituurfrans.be',
      fiscalYearStart: '2025-07-01',
      contactFields: [{ label: 'Boekhouder', value: 'Marie' }, { label: 'GSM zaakvoerder', value: '0470 12 34 56' }],
      applicant: { name: 'Boekhoudkantoor Peeters', street: 'Stationsstraat 5', postcode: '2000', city: 'Antwerpen', phone: '03 123 45 67', email: 'indienen@peeters.be', capacity: 'Externe accountant' },
      modules: { invoicing: true, bank: true },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      name: 'Frituur Frans',
      legalForm: 'BV',
      vatNumber: `BE${enterpriseNumber('07333333')}`,
      enterpriseNumber: enterpriseNumber('07333333'),
      language: 'fr',
      contactFields: [{ label: 'Boekhouder', value: 'Marie' }, { label: 'GSM zaakvoerder', value: '0470 12 34 56' }],
      applicant: { name: 'Boekhoudkantoor Peeters', capacity: 'Externe accountant', email: 'indienen@peeters.be' },
      modules: { invoicing: true, bank: true, documents: false },
      fiscalYears: [{ id: 1, startDate: '2025-07-01', endDate: '2026-06-30', closed: false, purchaseSalesLines: 0, financialMiscellaneousLines: 0 }],
    });
    expect(created.body.mailboxAddress).toMatch(/^frituur-frans-[0-9a-f]{8}@/);

    const saved = await admin.patch(`/api/v1/dossiers/${id}`, {
      name: 'Frituur Frans & Zonen',
      city: 'Heverlee',
      phone: null,
      contactFields: [{ label: 'Boekhouder', value: 'Jan' }],
      applicant: { capacity: 'Zaakvoerder' },
      modules: { bank: false, documents: true },
    });
    expect(saved.status).toBe(200);
    const reread = (await admin.get(`/api/v1/dossiers/${id}`)).body;
    expect(reread).toMatchObject({
      name: 'Frituur Frans & Zonen',
      city: 'Heverlee',
      street: 'Marktplein 1', // untouched fields keep their value
      phone: null,
      contactFields: [{ label: 'Boekhouder', value: 'Jan' }],
      applicant: { name: 'Boekhoudkantoor Peeters', capacity: 'Zaakvoerder' },
      modules: { invoicing: true, bank: false, documents: true },
      mailboxAddress: created.body.mailboxAddress, // the inbound address never changes
    });
  });

  it('refuses invalid enterprise and VAT numbers, naming the field in the user language, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/dossiers')).body.total;
    admin.language = 'en';
    const badEnterprise = await admin.post('/api/v1/dossiers', { name: 'Fout Ondernemingsnummer', enterpriseNumber: '0411.111.112' });
    expect(badEnterprise.status).toBe(400);
    expect(badEnterprise.body.code).toBe('identifier.enterprise_number_invalid');
    expect(badEnterprise.body.message).toBe('The enterprise number 0411.111.112 is invalid: the check digits (modulo 97) do not match.');
    expect(badEnterprise.body.details).toEqual([expect.objectContaining({ field: 'enterpriseNumber' })]);

    admin.language = 'nl';
    const both = await admin.post('/api/v1/dossiers', { name: 'Twee Fouten', enterpriseNumber: '12345', vatNumber: 'NL0411111110' });
    expect(both.status).toBe(400);
    expect(both.body.details.map((d: { field: string }) => d.field)).toEqual(['enterpriseNumber', 'vatNumber']);
    expect(both.body.details[1].message).toBe('Het btw-nummer NL0411111110 is ongeldig: een Belgisch btw-nummer begint met BE.');

    const noName = await admin.post('/api/v1/dossiers', { name: '  ' });
    expect(noName.status).toBe(400);
    expect(noName.body.details[0].field).toBe('name');

    const badStart = await admin.post('/api/v1/dossiers', { name: 'Datum Fout', fiscalYearStart: '2026-02-30' });
    expect(badStart.status).toBe(400);
    expect(badStart.body.details[0].field).toBe('fiscalYearStart');
    expect((await admin.get('/api/v1/dossiers')).body.total).toBe(before);

    // Editing: an invalid VAT number changes nothing, not even the other fields sent with it.
    const id = ids['Apotheek Aerts'];
    admin.language = 'fr';
    const edit = await admin.patch(`/api/v1/dossiers/${id}`, { city: 'Mechelen', vatNumber: 'BE0411111112' });
    admin.language = '';
    expect(edit.status).toBe(400);
    expect(edit.body.code).toBe('identifier.vat_number_invalid');
    expect(edit.body.message).toContain('TVA');
    expect(edit.body.details[0].field).toBe('vatNumber');
    const after = (await admin.get(`/api/v1/dossiers/${id}`)).body;
    expect(after).toMatchObject({ city: 'Antwerpen', vatNumber: null });
  });

  it('deletes an empty dossier, and refuses to delete one that holds something, saying what', async () => {
    const empty = (await admin.post('/api/v1/dossiers', { name: 'Leeg Dossier' })).body.id;
    const full = (await admin.post('/api/v1/dossiers', { name: 'Vol Dossier' })).body.id;
    withContent.add(full);

    admin.language = 'en';
    const refused = await admin.delete(`/api/v1/dossiers/${full}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('dossier.not_empty');
    expect(refused.body.message).toBe('The dossier cannot be deleted: it still holds bookings. Only an empty dossier can be deleted.');
    expect((await admin.get(`/api/v1/dossiers/${full}`)).status).toBe(200);

    expect((await admin.delete(`/api/v1/dossiers/${empty}`)).status).toBe(204);
    const gone = await admin.get(`/api/v1/dossiers/${empty}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('dossier.not_found');
    expect(names(await admin.get('/api/v1/dossiers?search=dossier'))).toEqual(['Vol Dossier']);
    admin.language = '';

    // Only administrators delete dossiers, even a staff member with every right on it.
    await admin.post('/api/v1/users', { login: 'medewerker', password: 'medewerker-pass-1', role: 'staff', rights: [{ dossierId: ids['Elektro Eelen'], rights: ['view', 'book', 'accounts', 'fiscal_years', 'delete_bookings', 'users', 'export'] }] });
    const staff = await loggedIn(env.app, 'medewerker', 'medewerker-pass-1');
    expect((await staff.delete(`/api/v1/dossiers/${ids['Elektro Eelen']}`)).status).toBe(403);
    expect((await admin.get(`/api/v1/dossiers/${ids['Elektro Eelen']}`)).status).toBe(200);
  });

  it('lets a staff member create a dossier (getting every right on it) but not a client user', async () => {
    const staff = await loggedIn(env.app, 'medewerker', 'medewerker-pass-1');
    const created = await staff.post('/api/v1/dossiers', { name: 'Nieuwe Klant NV' });
    expect(created.status).toBe(201);
    expect(created.body.rights).toEqual(['view', 'book', 'accounts', 'fiscal_years', 'delete_bookings', 'users', 'export']);

    await admin.post('/api/v1/users', { login: 'klant', password: 'klant-pass-12', role: 'client', rights: [{ dossierId: created.body.id, rights: ['view'] }] });
    const client = await loggedIn(env.app, 'klant', 'klant-pass-12');
    const before = (await admin.get('/api/v1/dossiers')).body.total;
    const refused = await client.post('/api/v1/dossiers', { name: 'Eigen Zaak' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('dossier.create_not_allowed');
    expect((await admin.get('/api/v1/dossiers')).body.total).toBe(before);
  });
});
