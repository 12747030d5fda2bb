import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';
import { download } from '../../../test/relations/http.ts';
import { CREDIT_NOTE, INVOICE, startPeppolNetwork, type PeppolTestNetwork } from '../../../test/relations/peppol-servers.ts';
import { cliActor } from '../users/offices.ts';
import { createUser } from '../users/manage-users.ts';
import { registerRelationReference, unregisterRelationReference } from './references.ts';

describe.each(engines)('relations through the API (%s)', (engine) => {
  let env: TestEnv;
  let net: PeppolTestNetwork;
  let admin: ApiClient;
  let dossierId: number;
  let officeId: number;
  const url = (path = '') => `/api/v1/dossiers/${dossierId}/relations${path}`;

  beforeAll(async () => {
    net = await startPeppolNetwork();
    env = await createTestEnv(engine, { peppolSmlZone: net.zone, peppolDnsServer: net.dnsServer });
    ({ officeId } = await seedOffice(env.svc));
    admin = await loggedIn(env.app);
    dossierId = (await admin.post('/api/v1/dossiers', { name: 'Brouwerij De Kroon BV', fiscalYearStart: '2026-01-01' })).body.id;
  });
  afterAll(async () => {
    await env?.close();
    await net?.close();
  });

  it('creates relations with the next free number, normalised identifiers and a default Peppol id', async () => {
    const res = await admin.post(url(), { name: 'Bakkerij Janssens BV', vatNumber: 'be 0403.170.701', iban: 'BE68 5390 0754 7034', city: 'Gent', kind: 'customer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: '1', vatNumber: 'BE0403170701', enterpriseNumber: '0403170701', iban: 'BE68539007547034', peppolId: '0208:0403170701', active: true, peppolRegistered: null });
    expect((await admin.get(url('/next-number'))).body).toEqual({ number: '2' });
    const second = await admin.post(url(), { name: 'Drukkerij Peeters', kind: 'supplier', city: 'Leuven', country: 'BE' });
    expect(second.body.number).toBe('2');
    const own = await admin.post(url(), { number: '400100', name: 'Transport Dubois SA', kind: 'both', city: 'Namur', language: 'fr', vatNumber: 'BE0477472701' });
    expect(own.body.number).toBe('400100');
    expect((await admin.get(url('/next-number'))).body.number).toBe('400101');
  });

  it('refuses a number already in use and invalid identifiers, naming the field, and writes nothing', async () => {
    const before = (await admin.get(url())).body.total;
    const taken = await admin.post(url(), { number: '1', name: 'Dubbel' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('relation.number_taken');
    expect(taken.body.message).toContain('Bakkerij Janssens BV');
    expect(taken.body.details[0].field).toBe('number');

    admin.language = 'en';
    const bad = await admin.post(url(), { name: 'Fout NV', vatNumber: 'BE0403170702', iban: 'BE68539007547035', email: 'x@' });
    admin.language = '';
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'iban', 'vatNumber']);
    expect(bad.body.details.find((d: { field: string }) => d.field === 'iban').message).toBe('The account number (IBAN) BE68539007547035 is invalid.');
    expect((await admin.get(url())).body.total).toBe(before);
  });

  it('searches on name, number, VAT number and city; filters, sorts and pages', async () => {
    const names = async (query: string) => (await admin.get(url(`?${query}`))).body.items.map((r: { name: string }) => r.name);
    expect(await names('search=janssens')).toEqual(['Bakkerij Janssens BV']);
    expect(await names('search=0403.170')).toEqual(['Bakkerij Janssens BV']);
    expect(await names('search=BE0477472701')).toEqual(['Transport Dubois SA']);
    expect(await names('search=leuven')).toEqual(['Drukkerij Peeters']);
    expect(await names('search=400100')).toEqual(['Transport Dubois SA']);
    expect(await names('kind=supplier&sort=name')).toEqual(['Drukkerij Peeters', 'Transport Dubois SA']);
    expect(await names('sort=number&direction=desc')).toEqual(['Transport Dubois SA', 'Drukkerij Peeters', 'Bakkerij Janssens BV']);
    const page = await admin.get(url('?sort=number&page=2&pageSize=2'));
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items.map((r: { number: string }) => r.number)).toEqual(['400100']);
  });

  it('edits, deactivates and re-activates; the filters show active and not-active relations', async () => {
    const list = (await admin.get(url('?search=Peeters'))).body.items;
    const id = list[0].id;
    const edited = await admin.patch(url(`/${id}`), { street: 'Bondgenotenlaan 1', postcode: '3000', email: 'info@peeters.be; boekhouding@peeters.be' });
    expect(edited.body).toMatchObject({ street: 'Bondgenotenlaan 1', email: 'info@peeters.be; boekhouding@peeters.be', name: 'Drukkerij Peeters' });
    expect((await admin.post(url(`/${id}/deactivate`))).body.active).toBe(false);
    expect((await admin.get(url('?status=inactive'))).body.items.map((r: { id: number }) => r.id)).toEqual([id]);
    expect((await admin.get(url('?status=active'))).body.total).toBe(2);
    expect((await admin.post(url(`/${id}/activate`))).body.active).toBe(true);
    const renumber = await admin.patch(url(`/${id}`), { number: '400100' });
    expect(renumber.status).toBe(409);
  });

  it('refuses to delete a relation something refers to, names it and suggests deactivating; deletes one nothing refers to', async () => {
    const created = (await admin.post(url(), { name: 'Te verwijderen BV' })).body;
    registerRelationReference('dossier.content.relations', async (_db, d, r) => (d === dossierId && r === created.id ? 2 : 0));
    try {
      const refused = await admin.delete(url(`/${created.id}`));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('relation.in_use');
      expect(refused.body.message).toContain('Zet ze op niet-actief');
      expect(refused.body.message).toContain('relaties');
    } finally {
      unregisterRelationReference('dossier.content.relations');
    }
    // A table that refers to relations by foreign key (as bookings do) also stops the delete, with the same advice.
    const { sql } = await import('kysely');
    await sql`create table test_relation_ref (dossier_id integer, relation_id integer, foreign key (dossier_id, relation_id) references relation (dossier_id, id))`.execute(env.svc.db);
    await sql`insert into test_relation_ref values (${dossierId}, ${created.id})`.execute(env.svc.db);
    const byForeignKey = await admin.delete(url(`/${created.id}`));
    expect(byForeignKey.status).toBe(409);
    expect(byForeignKey.body.message).toBe(`Relatie ${created.number} (Te verwijderen BV) kan niet verwijderd worden: boekingen of andere stukken verwijzen ernaar. Zet ze op niet-actief in de plaats.`);
    await sql`drop table test_relation_ref`.execute(env.svc.db);
    expect((await admin.delete(url(`/${created.id}`))).status).toBe(204);
    expect((await admin.get(url(`/${created.id}`))).status).toBe(404);
  });

  it('keeps a dossier with relations from being deleted', async () => {
    const res = await admin.delete(`/api/v1/dossiers/${dossierId}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('relaties');
  });

  it('exports the filtered list as CSV, Excel and PDF, and prints one relation', async () => {
    const csv = await download(env.app, admin, url('/export?format=csv&status=active&sort=number'));
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('number;name;kind;street;postcode;city;country;language;enterpriseNumber;vatNumber;iban;bic;email;phone;paymentDays;paymentEndOfMonth;defaultVatCode;defaultAccount;peppolId;active;notes');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('1;Bakkerij Janssens BV;customer;');
    const xlsx = await download(env.app, admin, url('/export?format=xlsx&search=dubois'));
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['x-record-count']).toBe('1');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const pdf = await download(env.app, admin, url('/export?format=pdf'));
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const id = (await admin.get(url('?search=janssens'))).body.items[0].id;
    const detail = await download(env.app, admin, url(`/${id}/pdf`));
    expect(detail.status).toBe(200);
    expect(detail.headers['content-disposition']).toBe('inline; filename="relation-1.pdf"');
  });

  it('checks the Peppol registration of one relation and of all customers against the SML and SMP', async () => {
    net.register('0208:0403170701', [INVOICE, CREDIT_NOTE]);
    const janssens = (await admin.get(url('?search=janssens'))).body.items[0];
    const one = await admin.post(url(`/${janssens.id}/peppol-check`));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ peppolStatus: 'registered', peppolRegistered: true, peppolDocumentTypes: [INVOICE, CREDIT_NOTE], peppolCheckedAt: '2026-03-15T09:00:00.000Z' });

    const all = await admin.post(url('/peppol-check'));
    // Customers with a Peppol id: Janssens (customer) and Dubois (both); Peeters is a supplier without one.
    expect(all.body).toMatchObject({ checked: 2, registered: 1, notRegistered: 1, unavailable: 0 });
    expect((await admin.get(url('?peppol=registered'))).body.items.map((r: { name: string }) => r.name)).toEqual(['Bakkerij Janssens BV']);

    // An unreachable SML: "could not check", and the earlier result stays.
    env.svc.config.peppolDnsServer = '127.0.0.1:9'; // nothing listens there
    try {
      const down = await admin.post(url(`/${janssens.id}/peppol-check`));
      expect(down.status).toBe(503);
      expect(down.body.message).toContain('Kon de Peppol-registratie van 0208:0403170701 niet controleren');
      const kept = (await admin.get(url(`/${janssens.id}`))).body;
      expect(kept).toMatchObject({ peppolRegistered: true, peppolDocumentTypes: [INVOICE, CREDIT_NOTE] });
    } finally {
      env.svc.config.peppolDnsServer = net.dnsServer;
    }
  });

  it('hides the relations of another office’s dossier (404, no data) and enforces rights', async () => {
    const other = await seedOffice(env.svc, 'Kantoor Anders', 'stranger');
    const stranger = await loggedIn(env.app, 'stranger');
    for (const res of [
      await stranger.get(url()),
      await stranger.get(url('/export?format=csv')),
      await stranger.post(url(), { name: 'Indringer' }),
      await stranger.post(url('/peppol-check')),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Janssens');
    }
    void other;
    await createUser(env.svc, cliActor(officeId), { login: 'viewer', password: 'viewer-pass-1', role: 'staff', rights: [{ dossierId, rights: ['view'] }] }, officeId);
    const viewer = await loggedIn(env.app, 'viewer', 'viewer-pass-1');
    expect((await viewer.get(url())).status).toBe(200);
    const create = await viewer.post(url(), { name: 'Niet toegelaten' });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('right.missing');
    expect((await download(env.app, viewer, url('/export?format=csv'))).status).toBe(403);
  });
});
