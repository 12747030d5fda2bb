/**
 * The UBL 2.1 schemas on a real installation. A fresh installation has none (they are not shipped), so a
 * Peppol send is refused with peppol.xsd_missing saying where they belong and how to install them; the
 * settings say they are missing. `installUblSchemas` (argonaut peppol install-schemas) takes the OASIS
 * distribution — here the corpus copy of its xsd/ folder, as a user's unpacked download, and a zip this
 * test builds from it the way the OASIS package is laid out — into <data>/ubl-2.1-xsd; then the send
 * validates and reaches the outbox. Broken sources are refused with the reason named, and what was
 * installed before stays as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';
import { configFromEnv } from '../../services.ts';
import { installUblSchemas, ublSchemaStatus } from './install-schemas.ts';

const CORPUS_XSD = fileURLToPath(new URL('../../../../shared/corpus/ubl/xsd', import.meta.url));

/** A ZIP archive: maindoc entries stored, the others deflated (both methods the reader must handle). */
function zipOf(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const stored = e.name.includes('/maindoc/');
    const body = stored ? e.data : zlib.deflateRawSync(e.data);
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const corpusFiles = (folder: 'common' | 'maindoc') => fs.readdirSync(path.join(CORPUS_XSD, folder)).map((f) => ({ rel: `${folder}/${f}`, data: fs.readFileSync(path.join(CORPUS_XSD, folder, f)) }));

/** The OASIS package as downloaded: a top folder with documentation, xsd/ and the annotation-free xsdrt/. */
function oasisZip(options: { withMaindoc?: boolean } = {}): Buffer {
  const schemas = [...corpusFiles('common'), ...(options.withMaindoc === false ? [] : corpusFiles('maindoc'))];
  return zipOf([
    { name: 'os-UBL-2.1/', data: Buffer.alloc(0) },
    { name: 'os-UBL-2.1/UBL-2.1.html', data: Buffer.from('<html><title>UBL 2.1</title></html>') },
    ...schemas.map((s) => ({ name: `os-UBL-2.1/xsd/${s.rel}`, data: s.data })),
    // a decoy with the same layout: the installer takes xsd/, not xsdrt/
    ...schemas.map((s) => ({ name: `os-UBL-2.1/xsdrt/${s.rel}`, data: Buffer.from('<!-- runtime copy -->') })),
  ]);
}

function expectInstalledAsCorpus(dir: string) {
  for (const folder of ['common', 'maindoc'] as const) {
    const names = fs.readdirSync(path.join(dir, folder)).sort();
    expect(names).toEqual(fs.readdirSync(path.join(CORPUS_XSD, folder)).sort());
    for (const n of names) expect(fs.readFileSync(path.join(dir, folder, n)).equals(fs.readFileSync(path.join(CORPUS_XSD, folder, n))), `${folder}/${n}`).toBe(true);
  }
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; params: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('installing the UBL 2.1 schemas (argonaut peppol install-schemas)', () => {
  let tmp: string;
  let dataDir: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-xsd-'));
    dataDir = path.join(tmp, 'data');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds none on a fresh installation, and installs them from the unpacked download into <data>/ubl-2.1-xsd', async () => {
    const config = configFromEnv({}, { dataDir });
    expect(ublSchemaStatus(config)).toMatchObject({ dir: path.join(dataDir, 'ubl-2.1-xsd'), installed: false, command: 'argonaut peppol install-schemas UBL-2.1.zip' });
    // the xsd/ folder itself
    const result = await installUblSchemas(config, CORPUS_XSD);
    expect(result).toEqual({ dir: path.join(dataDir, 'ubl-2.1-xsd'), source: CORPUS_XSD, common: 14, maindoc: 2 });
    expect(ublSchemaStatus(config).installed).toBe(true);
    expectInstalledAsCorpus(result.dir);
    // the folder holding xsd/ (the unpacked package's top folder) does as well, replacing what was there
    const again = await installUblSchemas(config, path.dirname(CORPUS_XSD));
    expect(again.maindoc).toBe(2);
    expectInstalledAsCorpus(again.dir);
    expect(fs.readdirSync(dataDir)).toEqual(['ubl-2.1-xsd']);
  });

  it('installs them from the OASIS zip: xsd/common and xsd/maindoc byte for byte, not the xsdrt/ copies', async () => {
    const zip = path.join(tmp, 'UBL-2.1.zip');
    fs.writeFileSync(zip, oasisZip());
    const config = configFromEnv({ UBL_XSD_DIR: path.join(tmp, 'elsewhere', 'ubl') }, { dataDir });
    const result = await installUblSchemas(config, zip);
    expect(result).toMatchObject({ dir: path.join(tmp, 'elsewhere', 'ubl'), common: 14, maindoc: 2 });
    expectInstalledAsCorpus(result.dir);
    expect(ublSchemaStatus(config).installed).toBe(true);
  });

  it('refuses a source without xsd/maindoc, a file that is no zip, a damaged zip and a missing path — naming why — and keeps what was installed', async () => {
    const config = configFromEnv({}, { dataDir });
    await installUblSchemas(config, CORPUS_XSD);

    const noMaindoc = path.join(tmp, 'common-only.zip');
    fs.writeFileSync(noMaindoc, oasisZip({ withMaindoc: false }));
    const a = await refusal(installUblSchemas(config, noMaindoc));
    expect(a.code).toBe('peppol.schemas_incomplete');
    expect(a.params.missing).toBe('os-UBL-2.1/xsd/maindoc/UBL-CreditNote-2.1.xsd, os-UBL-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd');

    const pdf = path.join(tmp, 'UBL-2.1.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7 not a zip');
    expect((await refusal(installUblSchemas(config, pdf))).code).toBe('peppol.schemas_source_invalid');

    const truncated = path.join(tmp, 'truncated.zip');
    fs.writeFileSync(truncated, oasisZip().subarray(0, 20_000));
    const c = await refusal(installUblSchemas(config, truncated));
    expect(c.code).toBe('peppol.schemas_zip_unreadable');
    expect(String(c.params.reason)).toContain('truncated');

    expect((await refusal(installUblSchemas(config, path.join(tmp, 'nowhere.zip')))).code).toBe('peppol.schemas_source_missing');
    expect(fs.readdirSync(tmp).sort()).toEqual(['UBL-2.1.pdf', 'common-only.zip', 'data', 'truncated.zip']);
    expect(fs.readdirSync(dataDir)).toEqual(['ubl-2.1-xsd']);
    expectInstalledAsCorpus(config.ublXsdDir);
  });

  it('refuses schemas that import a schema the source lacks (naming it) or that do not compile (naming the error), installing nothing', async () => {
    const config = configFromEnv({}, { dataDir });
    const copy = (name: string) => {
      const dir = path.join(tmp, name, 'xsd');
      fs.cpSync(CORPUS_XSD, dir, { recursive: true });
      return dir;
    };
    const lacking = copy('lacking');
    fs.rmSync(path.join(lacking, 'common', 'UBL-CommonBasicComponents-2.1.xsd'));
    const a = await refusal(installUblSchemas(config, lacking));
    expect(a.code).toBe('peppol.schemas_incomplete');
    expect(a.params.missing).toBe('common/UBL-CommonBasicComponents-2.1.xsd');

    const damaged = copy('damaged');
    const invoiceXsd = path.join(damaged, 'maindoc', 'UBL-Invoice-2.1.xsd');
    const text = fs.readFileSync(invoiceXsd, 'utf8');
    fs.writeFileSync(invoiceXsd, text.slice(0, Math.floor(text.length / 2)));
    const b = await refusal(installUblSchemas(config, damaged));
    expect(b.code).toBe('peppol.schemas_broken');
    expect(String(b.params.reason)).toMatch(/UBL-Invoice-2\.1\.xsd/);
    expect(ublSchemaStatus(config).installed).toBe(false);
    expect(fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : []).toEqual([]);
  });
});

describe.each(engines)('sending over Peppol needs the installed schemas (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  let base: string;
  let invoiceId: number;
  let outbox: string;
  let zip: string;

  beforeAll(async () => {
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-peppol-out-'));
    zip = path.join(outbox, '..', `${path.basename(outbox)}-UBL-2.1.zip`);
    fs.writeFileSync(zip, oasisZip());
    // no ublXsdDir: the installation's default, <data>/ubl-2.1-xsd
    env = await createTestEnv(engine, { peppolOutboxDir: outbox });
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    const d = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2026-01-01', vatNumber: 'BE0403170701', street: 'Kerkstraat 1', postcode: '9000', city: 'Gent', modules: { invoicing: true } });
    base = `/api/v1/dossiers/${d.body.id}`;
    await admin.post(`${base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68 5390 0754 7034', bic: 'KREDBEBB' });
    const customer = await sql<{ id: number }>`
      insert into relation (dossier_id, number, name, kind, street, postcode, city, country, language, vat_number, enterprise_number, peppol_id, peppol_registered)
      values (${d.body.id}, 'K001', 'Boulangerie Dupont SRL', 'customer', 'Rue Haute 5', '1000', 'Bruxelles', 'BE', 'fr', 'BE0202239951', '0202239951', '0208:0202239951', true)
      returning id`.execute(env.svc.db);
    const inv = await admin.post(`${base}/invoicing/invoices`, { customerId: customer.rows[0].id, issueDate: '2026-03-10', buyerReference: 'REF-9', lines: [{ description: 'Pains au chocolat', quantity: 40, unitPrice: '1.25', vatCode: 'V06' }] });
    invoiceId = inv.body.id;
    expect((await admin.post(`${base}/invoicing/invoices/${invoiceId}/post`)).status).toBe(200);
  });
  afterAll(async () => {
    await env?.close();
    fs.rmSync(outbox, { recursive: true, force: true });
    fs.rmSync(zip, { force: true });
  });

  it('refuses the send while the schemas are missing, saying how to install them; after installing the zip the send validates and reaches the outbox', async () => {
    const before = (await admin.get(`${base}/invoicing/settings`)).body;
    expect(before.ublSchemas).toMatchObject({ installed: false, dir: path.join(env.dataDir, 'ubl-2.1-xsd') });

    const refused = await admin.post(`${base}/invoicing/invoices/${invoiceId}/peppol`, {});
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('peppol.xsd_missing');
    expect(refused.body.message).toContain(path.join(env.dataDir, 'ubl-2.1-xsd'));
    expect(refused.body.message).toContain('argonaut peppol install-schemas UBL-2.1.zip');
    expect(fs.readdirSync(outbox)).toEqual([]);
    expect((await admin.get(`${base}/invoicing/invoices/${invoiceId}`)).body.status).toBe('posted');

    await installUblSchemas(env.config, zip);
    expect((await admin.get(`${base}/invoicing/settings`)).body.ublSchemas.installed).toBe(true);
    const sent = await admin.post(`${base}/invoicing/invoices/${invoiceId}/peppol`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.invoice).toMatchObject({ status: 'sent', sentHow: 'peppol', sentTo: '0208:0202239951' });
    const files = fs.readdirSync(outbox, { recursive: true }).map(String).filter((f) => f.endsWith('.xml'));
    expect(files).toHaveLength(1);
    const envelope = fs.readFileSync(path.join(outbox, files[0]), 'utf8');
    expect(envelope).toContain('StandardBusinessDocumentHeader');
    expect(envelope).toContain('<cbc:ID>VK 2026/0001</cbc:ID>');
  });
});
