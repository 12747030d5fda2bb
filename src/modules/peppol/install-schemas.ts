/**
 * Peppol → the UBL 2.1 schemas of the installation. Every outgoing Peppol invoice is checked against the
 * OASIS UBL 2.1 XSD before it is sent (send.ts); Argonaut does not ship those schemas, so an installation
 * installs them once from the official distribution:
 *
 *   argonaut peppol install-schemas UBL-2.1.zip      (https://docs.oasis-open.org/ubl/os-UBL-2.1/UBL-2.1.zip)
 *   argonaut peppol install-schemas ~/os-UBL-2.1     (the package unpacked, or its xsd/ folder)
 *
 * The xsd/common and xsd/maindoc schemas are copied into the schema folder (Config.ublXsdDir: UBL_XSD_DIR,
 * by default <data>/ubl-2.1-xsd). Before the folder is replaced, the Invoice and CreditNote schemas and every
 * schema they import or include must be present, and libxml2 must compile them: a minimal Invoice and
 * CreditNote pass and an Invoice without its number is refused. Otherwise nothing changes and the error
 * names what is missing or broken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validation } from '../../core/errors.ts';
import { looksLikeZip, openZip, ZipError } from '../../core/zip.ts';
import { forgetXsd, validateUblXsd, xsdAvailable } from '../../formats/ubl/xsd.ts';
import type { Config } from '../../services.ts';
import './messages.ts';

/** Where the official package can be downloaded (also named in messages and on the settings screen). */
export const UBL_21_DOWNLOAD = 'https://docs.oasis-open.org/ubl/os-UBL-2.1/UBL-2.1.zip';
export const INSTALL_SCHEMAS_COMMAND = 'argonaut peppol install-schemas UBL-2.1.zip';

const INVOICE = 'maindoc/UBL-Invoice-2.1.xsd';
const CREDIT_NOTE = 'maindoc/UBL-CreditNote-2.1.xsd';
const FILE_NAME = /^[A-Za-z0-9._-]+\.xsd$/;

export interface UblSchemaStatus {
  /** the schema folder of this installation */
  dir: string;
  installed: boolean;
  /** how to install them (shown while they are missing) */
  command: string;
  download: string;
}

export function ublSchemaStatus(config: Pick<Config, 'ublXsdDir'>): UblSchemaStatus {
  return { dir: config.ublXsdDir, installed: xsdAvailable(config.ublXsdDir), command: INSTALL_SCHEMAS_COMMAND, download: UBL_21_DOWNLOAD };
}

/** The .xsd files a source offers, by path relative to the source ("xsd/common/X.xsd"). */
interface Source {
  paths: string[];
  read(relative: string): Buffer;
  close(): void;
}

function folderSource(root: string): Source {
  // The schemas sit in <root>/common and <root>/maindoc, where <root> is the folder given, its xsd/ folder,
  // or one level down (a folder holding the unpacked package): no deep walk through a user's disk.
  const paths: string[] = [];
  const listXsd = (rel: string) => {
    const dir = path.join(root, rel);
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) if (d.isFile() && d.name.endsWith('.xsd')) paths.push(path.posix.join(rel, d.name));
  };
  const bases = ['', 'xsd'];
  for (const d of fs.readdirSync(root, { withFileTypes: true })) if (d.isDirectory() && d.name !== 'xsd') bases.push(d.name, `${d.name}/xsd`);
  for (const base of bases) for (const sub of ['common', 'maindoc']) listXsd(path.posix.join(base, sub));
  return { paths, read: (rel) => fs.readFileSync(path.join(root, rel)), close: () => undefined };
}

function zipSource(file: string, source: string): Source {
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(file);
  } catch (err) {
    throw validation('peppol.schemas_zip_unreadable', { source, reason: (err as Error).message });
  }
  const byName = new Map(zip.entries.filter((e) => !e.directory && /(^|\/)(common|maindoc)\/[^/]+\.xsd$/.test(e.name)).map((e) => [e.name, e]));
  return {
    paths: [...byName.keys()],
    read: (rel) => {
      try {
        return zip.read(byName.get(rel)!, 32 * 1024 * 1024);
      } catch (err) {
        if (err instanceof ZipError) throw validation('peppol.schemas_zip_unreadable', { source, reason: err.message });
        throw err;
      }
    },
    close: () => zip.close(),
  };
}

/** The prefix under which common/ and maindoc/ sit: the one holding the Invoice schema, xsd/ preferred over xsdrt/. */
function schemaRoot(paths: string[]): string | null {
  const roots = [INVOICE, CREDIT_NOTE, 'common/UBL-CommonAggregateComponents-2.1.xsd']
    .map((marker) => paths.filter((p) => p.endsWith(marker) && (p === marker || p.endsWith(`/${marker}`))).map((p) => p.slice(0, p.length - marker.length)))
    .find((found) => found.length > 0);
  if (!roots) return null;
  const rank = (r: string) => (r === '' || r.endsWith('xsd/') ? 0 : 1) * 1000 + r.length;
  return [...roots].sort((a, b) => rank(a) - rank(b))[0];
}

/** Every schema the Invoice and CreditNote schemas import or include, transitively; the ones absent are `missing`. */
function closure(files: Map<string, Buffer>): { needed: Set<string>; missing: string[] } {
  const needed = new Set<string>();
  const missing = new Set<string>();
  const queue = [INVOICE, CREDIT_NOTE];
  while (queue.length) {
    const file = queue.shift()!;
    if (needed.has(file) || missing.has(file)) continue;
    const content = files.get(file);
    if (!content) {
      missing.add(file);
      continue;
    }
    needed.add(file);
    const text = content.toString('utf8');
    for (const m of text.matchAll(/<(?:[\w.-]+:)?(?:import|include|redefine)\b[^>]*?\bschemaLocation\s*=\s*["']([^"']+)["']/g)) {
      const location = m[1];
      if (/^[a-z]+:/i.test(location)) continue; // an absolute URL: not part of the package
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), location)));
    }
  }
  return { needed, missing: [...missing].sort() };
}

const NS = 'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';
const minimal = (root: 'Invoice' | 'CreditNote', withId = true) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" ${NS}>${withId ? '<cbc:ID>1</cbc:ID>' : ''}<cbc:IssueDate>2026-01-01</cbc:IssueDate>` +
  `<cac:AccountingSupplierParty/><cac:AccountingCustomerParty/><cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">0.00</cbc:PayableAmount></cac:LegalMonetaryTotal>` +
  `<cac:${root}Line><cbc:ID>1</cbc:ID><cbc:LineExtensionAmount currencyID="EUR">0.00</cbc:LineExtensionAmount><cac:Item/></cac:${root}Line></${root}>`;

/** Compiles the schemas in `dir` and checks that they accept minimal documents and refuse a broken one; the reason, or null. */
async function compileProblem(dir: string): Promise<string | null> {
  try {
    for (const root of ['Invoice', 'CreditNote'] as const) {
      const problems = await validateUblXsd(minimal(root), dir);
      if (problems.length) return `${root}: ${problems[0].message}`;
    }
    if ((await validateUblXsd(minimal('Invoice', false), dir)).length === 0) return 'the Invoice schema accepts an invoice without its number (cbc:ID)';
    return null;
  } catch (err) {
    const text = String((err as Error).message ?? err);
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return (lines.find((l) => /error/i.test(l)) ?? lines[0] ?? text).slice(0, 400);
  } finally {
    forgetXsd(dir);
  }
}

export interface InstalledSchemas {
  dir: string;
  source: string;
  common: number;
  maindoc: number;
}

/**
 * Installs the UBL 2.1 schemas from `source` (the OASIS zip, the unpacked package or its xsd/ folder) into
 * the installation's schema folder, replacing what was there only when the new set is complete and compiles.
 */
export async function installUblSchemas(config: Pick<Config, 'ublXsdDir'>, source: string): Promise<InstalledSchemas> {
  const from = path.resolve(source);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(from);
  } catch {
    throw validation('peppol.schemas_source_missing', { source });
  }
  let src: Source;
  if (stat.isDirectory()) src = folderSource(from);
  else if (stat.isFile() && looksLikeZip(from)) src = zipSource(from, source);
  else throw validation('peppol.schemas_source_invalid', { source });

  const target = path.resolve(config.ublXsdDir);
  const trial = `${target}.new-${process.pid}-${Date.now()}`;
  try {
    const root = schemaRoot(src.paths);
    if (root === null) {
      throw validation('peppol.schemas_incomplete', { source, missing: `xsd/${INVOICE}, xsd/${CREDIT_NOTE}` });
    }
    // Direct children of <root>common/ and <root>maindoc/ only.
    const files = new Map<string, Buffer>();
    for (const p of src.paths) {
      if (!p.startsWith(root)) continue;
      const rel = p.slice(root.length);
      const [folder, name, ...rest] = rel.split('/');
      if (rest.length || !(folder === 'common' || folder === 'maindoc') || !FILE_NAME.test(name)) continue;
      files.set(rel, src.read(p));
    }
    const { missing } = closure(files);
    if (missing.length) throw validation('peppol.schemas_incomplete', { source, missing: missing.map((m) => `${root}${m}`).join(', ') });

    fs.mkdirSync(path.join(trial, 'common'), { recursive: true });
    fs.mkdirSync(path.join(trial, 'maindoc'), { recursive: true });
    for (const [rel, content] of files) fs.writeFileSync(path.join(trial, rel), content);
    const problem = await compileProblem(trial);
    if (problem) throw validation('peppol.schemas_broken', { source, reason: problem });

    const old = `${target}.old-${process.pid}-${Date.now()}`;
    const hadOld = fs.existsSync(target);
    if (hadOld) fs.renameSync(target, old);
    fs.renameSync(trial, target);
    if (hadOld) fs.rmSync(old, { recursive: true, force: true });
    forgetXsd(target);
    const count = (folder: string) => [...files.keys()].filter((k) => k.startsWith(`${folder}/`)).length;
    return { dir: target, source, common: count('common'), maindoc: count('maindoc') };
  } finally {
    src.close();
    fs.rmSync(trial, { recursive: true, force: true });
  }
}
