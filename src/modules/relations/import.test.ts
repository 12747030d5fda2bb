import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';
import { download, upload } from '../../../test/relations/http.ts';

/** A valid Belgian enterprise number from a serial: 8 digits + 97 − (n mod 97). */
export function enterpriseNumber(serial: number): string {
  const base = String(20_000_000 + serial).padStart(8, '0');
  return `0${base.slice(1)}${String(97 - (Number(`0${base.slice(1)}`) % 97)).padStart(2, '0')}`;
}

describe.each(engines)('importing and exporting relations (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  let dossierId: number;
  const url = (path = '', id = dossierId) => `/api/v1/dossiers/${id}/relations${path}`;
  const newDossier = async (name: string) => (await admin.post('/api/v1/dossiers', { name, fiscalYearStart: '2026-01-01' })).body.id as number;
  const all = async (id = dossierId) => (await admin.get(url('?pageSize=500&sort=number', id))).body.items as Array<Record<string, unknown>>;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    dossierId = await newDossier('Garage Verstraeten');
  });
  afterAll(() => env?.close());

  const badFile = [
    'Naam;Btw-nummer;IBAN;Gemeente;Soort',
    'Bakkerij Janssens BV;BE0403170701;BE68 5390 0754 7034;Gent;klant',
    'Fout BV;BE0403170702;;Brugge;klant',
    ';BE0477472701;BE00 1234;Antwerpen;friend',
    'Slagerij Maes;;;Aalst;leverancier',
  ].join('\n');

  it('previews every bad row (row number, field, reason) and imports nothing while any row is bad', async () => {
    const res = await upload(admin, url('/import'), { name: 'relaties.csv', content: badFile });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', rowCount: 4, problemRowCount: 2 });
    expect(res.body.mapping).toEqual({ name: 'Naam', kind: 'Soort', city: 'Gemeente', vatNumber: 'Btw-nummer', iban: 'IBAN' });
    expect(res.body.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`)).toEqual(['3:vatNumber', '4:name', '4:kind', '4:iban']);
    expect(res.body.problems[0].message).toBe('Het btw-nummer BE0403170702 is ongeldig: de controlecijfers (modulo 97) kloppen niet.');
    expect(res.body.problems[1].message).toBe('Het veld Naam is verplicht.');

    const commit = await admin.post(url(`/import/${res.body.uploadId}/commit`), { duplicates: 'skip' });
    expect(commit.status).toBe(400);
    expect(commit.body.code).toBe('relation.import.rows_invalid');
    expect(commit.body.message).toContain('2 rij(en)');
    expect(commit.body.details.map((d: { line: number; field: string }) => `${d.line}:${d.field}`)).toEqual(['3:vatNumber', '4:name', '4:kind', '4:iban']);
    expect((await admin.get(url())).body.total).toBe(0);
  });

  it('imports the corrected file, gives numbers, and remembers the column mapping for the dossier', async () => {
    const fixed = badFile.replace('BE0403170702', 'BE0202239951').replace(';BE0477472701;BE00 1234;Antwerpen;friend', 'Transport Dubois;BE0477472701;;Antwerpen;beide');
    const res = await upload(admin, url('/import'), { name: 'relaties.csv', content: fixed });
    expect(res.body.problems).toEqual([]);
    expect(res.body.newCount).toBe(4);
    const commit = await admin.post(url(`/import/${res.body.uploadId}/commit`), { duplicates: 'skip' });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ created: 4, updated: 0, skipped: 0, rowCount: 4 });
    const rows = await all();
    expect(rows.map((r) => [r.number, r.name, r.kind, r.vatNumber])).toEqual([
      ['1', 'Bakkerij Janssens BV', 'customer', 'BE0403170701'],
      ['2', 'Fout BV', 'customer', 'BE0202239951'],
      ['3', 'Transport Dubois', 'both', 'BE0477472701'],
      ['4', 'Slagerij Maes', 'supplier', null],
    ]);
    expect(rows[0]).toMatchObject({ iban: 'BE68539007547034', peppolId: '0208:0403170701', city: 'Gent' });
    // The same upload cannot be committed twice (the file is gone after the commit).
    expect((await admin.post(url(`/import/${res.body.uploadId}/commit`), { duplicates: 'skip' })).body.code).toBe('relation.import.upload_not_found');

    // A file with headers nobody can guess: the user maps them; the next file gets that mapping.
    const odd = 'Klantcode,Omschrijving,Woonplaats\nK-9,Apotheek Claes,Hasselt\n';
    const first = await upload(admin, url('/import'), { name: 'export.csv', content: odd });
    expect(first.body.mapping).toEqual({ city: 'Woonplaats' });
    expect(first.body.problems[0].code).toBe('relation.import.no_name_column');
    const mapping = { number: 'Klantcode', name: 'Omschrijving', city: 'Woonplaats' };
    const remapped = await admin.post(url(`/import/${first.body.uploadId}/preview`), { mapping });
    expect(remapped.body).toMatchObject({ problems: [], newCount: 1, sample: [{ row: 2, values: { number: 'K-9', name: 'Apotheek Claes' } }] });
    expect((await admin.post(url(`/import/${first.body.uploadId}/commit`), { mapping, duplicates: 'skip' })).body.created).toBe(1);
    const again = await upload(admin, url('/import'), { name: 'export2.csv', content: 'Klantcode,Omschrijving,Woonplaats\nK-10,Optiek Wouters,Genk\n' });
    expect(again.body.mapping).toEqual(mapping);
  });

  it('reports duplicates in the dossier and within the file, then skips or updates them as chosen', async () => {
    const file = [
      'number,name,vatNumber,city,phone',
      ',Bakkerij Janssens (nieuw adres),BE 0403.170.701,Gent,09 123 45 67', // same VAT number as relation 1
      '4,Slagerij Maes NV,,Aalst,053 11 22 33', // same number as relation 4
      ',Nieuwe Klant BV,BE0123456749,Kortrijk,',
      ',Nieuwe Klant (dubbel),BE0123456749,Kortrijk,056 00 00 00', // same as the row above
    ].join('\n');
    const preview = await upload(admin, url('/import'), { name: 'update.csv', content: file });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.duplicates).toEqual([
      { row: 2, field: 'vatNumber', value: 'BE0403170701', existing: { id: expect.any(Number), number: '1', name: 'Bakkerij Janssens BV' } },
      { row: 3, field: 'number', value: '4', existing: { id: expect.any(Number), number: '4', name: 'Slagerij Maes' } },
      { row: 5, field: 'vatNumber', value: 'BE0123456749', sameAsRow: 4 },
    ]);
    expect(preview.body).toMatchObject({ newCount: 1, duplicateCount: 3 });

    const skip = await admin.post(url(`/import/${preview.body.uploadId}/commit`), { duplicates: 'skip' });
    expect(skip.body).toEqual({ created: 1, updated: 0, skipped: 3, rowCount: 4 });
    expect((await all()).find((r) => r.number === '1')).toMatchObject({ name: 'Bakkerij Janssens BV', phone: null });

    const again = await upload(admin, url('/import'), { name: 'update.csv', content: file });
    const update = await admin.post(url(`/import/${again.body.uploadId}/commit`), { duplicates: 'update' });
    expect(update.body).toEqual({ created: 0, updated: 3, skipped: 0, rowCount: 4 });
    const rows = await all();
    // Updated with the mapped columns only: the IBAN (not in the file) stays; the relation keeps its number.
    expect(rows.find((r) => r.number === '1')).toMatchObject({ name: 'Bakkerij Janssens (nieuw adres)', phone: '09 123 45 67', iban: 'BE68539007547034' });
    expect(rows.find((r) => r.number === '4')).toMatchObject({ name: 'Slagerij Maes NV', phone: '053 11 22 33' });
    expect(rows.filter((r) => r.vatNumber === 'BE0123456749')).toMatchObject([{ name: 'Nieuwe Klant (dubbel)', phone: '056 00 00 00' }]);
  });

  it('reads Windows-1252 CSV and Excel files, and refuses files that are neither CSV nor .xlsx', async () => {
    const target = await newDossier('Import formats');
    const latin1 = Buffer.from('Nom;N° TVA;Localité;Langue\r\nBoulangerie Hélène;BE0403170701;Liège;Français\r\n', 'latin1');
    const csv = await upload(admin, url('/import', target), { name: 'clients.csv', content: latin1 });
    expect(csv.body).toMatchObject({ encoding: 'windows-1252', mapping: { name: 'Nom', vatNumber: 'N° TVA', city: 'Localité', language: 'Langue' } });
    expect(csv.body.sample[0].values).toMatchObject({ name: 'Boulangerie Hélène', city: 'Liège', language: 'fr' });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Klanten');
    ws.addRow(['Company name', 'Enterprise number', 'E-mail', 'Postcode']);
    ws.addRow(['Atelier Wouters', 477472701, { text: 'info@wouters.be', hyperlink: 'mailto:info@wouters.be' }, 3500]);
    const xlsx = await upload(admin, url('/import', target), { name: 'klanten.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(xlsx.body.format).toBe('xlsx');
    expect(xlsx.body.sample[0].values).toMatchObject({ name: 'Atelier Wouters', enterpriseNumber: '0477472701', email: 'info@wouters.be', postcode: '3500', peppolId: '0208:0477472701' });

    const pdf = await upload(admin, url('/import', target), { name: 'relaties.pdf', content: Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n\0') });
    expect(pdf.status).toBe(400);
    expect(pdf.body.code).toBe('relation.import.file_type');
    expect(pdf.body.message).toContain('geen CSV- of Excel-bestand');
    const xls = await upload(admin, url('/import', target), { name: 'oud.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect(xls.body.code).toBe('relation.import.old_excel');
  });

  it('round trip: what the CSV and Excel exports write imports back unchanged', async () => {
    await admin.patch(url(`/${(await all())[0].id}`), { notes: 'Levert op dinsdag; "vers" brood\nTweede regel', paymentEndOfMonth: true, paymentDays: 60, defaultAccount: '700000', bic: 'GKCCBEBB' });
    const exported = await download(env.app, admin, url('/export?format=csv'));
    const text = exported.body.toString('utf8');

    // Into an empty dossier: the same relations, the same CSV.
    const copy = await newDossier('Kopie');
    const res = await upload(admin, url('/import', copy), { name: exported.headers['content-disposition']!.toString().split('"')[1], content: exported.body });
    expect(res.body.problems).toEqual([]);
    expect((await admin.post(url(`/import/${res.body.uploadId}/commit`, copy), { duplicates: 'skip' })).body.created).toBe((await all()).length);
    expect((await download(env.app, admin, url('/export?format=csv', copy))).body.toString('utf8')).toBe(text);

    // Back into the same dossier with "update": nothing changes.
    const before = (await all()).map(({ updatedAt: _u, ...r }) => r);
    const same = await upload(admin, url('/import'), { name: 'same.csv', content: exported.body });
    expect(same.body.duplicateCount).toBe(before.length);
    await admin.post(url(`/import/${same.body.uploadId}/commit`), { duplicates: 'update' });
    expect((await all()).map(({ updatedAt: _u, ...r }) => r)).toEqual(before);

    // The Excel export (Dutch headers and values) imports into another dossier as the same relations.
    const xlsx = await download(env.app, admin, url('/export?format=xlsx'));
    const third = await newDossier('Kopie Excel');
    const fromXlsx = await upload(admin, url('/import', third), { name: 'relaties.xlsx', content: xlsx.body });
    expect(fromXlsx.body.problems).toEqual([]);
    await admin.post(url(`/import/${fromXlsx.body.uploadId}/commit`, third), { duplicates: 'skip' });
    expect((await download(env.app, admin, url('/export?format=csv', third))).body.toString('utf8')).toBe(text);
  });

  it('imports a file of 10,000 relations in one go', async () => {
    const target = await newDossier('Groothandel');
    const lines = ['Nummer;Naam;Ondernemingsnummer;Straat;Postcode;Gemeente;IBAN'];
    for (let i = 1; i <= 10_000; i++) lines.push(`${1000 + i};Klant ${i} BV;${enterpriseNumber(i)};Kerkstraat ${i};9000;Gent;BE68 5390 0754 7034`);
    const res = await upload(admin, url('/import', target), { name: 'groot.csv', content: lines.join('\r\n') });
    expect(res.body).toMatchObject({ rowCount: 10_000, newCount: 10_000, problems: [] });
    const commit = await admin.post(url(`/import/${res.body.uploadId}/commit`, target), { duplicates: 'skip' });
    expect(commit.body).toEqual({ created: 10_000, updated: 0, skipped: 0, rowCount: 10_000 });
    const list = await admin.get(url('?search=Klant 9999 BV', target));
    expect(list.body.items[0]).toMatchObject({ number: '10999', enterpriseNumber: enterpriseNumber(9999), peppolId: `0208:${enterpriseNumber(9999)}` });
    expect((await admin.get(url('', target))).body.total).toBe(10_000);
  });
});
