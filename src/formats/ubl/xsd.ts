/**
 * UBL 2.1 XSD validation with libxml2's xmllint compiled to WebAssembly (xmllint-wasm: no native build,
 * no network). The OASIS schemas are read from a folder holding `common/` and `maindoc/`
 * (the UBL 2.1 OS package layout); the caller says where (Config.ublXsdDir).
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML, memoryPages } from 'xmllint-wasm';

export interface XsdProblem {
  line: number | null;
  message: string;
}

interface SchemaSet {
  preload: Array<{ fileName: string; contents: string }>;
  invoice: string;
  creditNote: string;
}

const cache = new Map<string, SchemaSet>();

/** True when `dir` holds the UBL 2.1 Invoice and CreditNote schemas and the common schemas beside them. */
export function xsdAvailable(dir: string): boolean {
  return (
    fs.existsSync(path.join(dir, 'maindoc', 'UBL-Invoice-2.1.xsd')) &&
    fs.existsSync(path.join(dir, 'maindoc', 'UBL-CreditNote-2.1.xsd')) &&
    fs.existsSync(path.join(dir, 'common', 'UBL-CommonAggregateComponents-2.1.xsd'))
  );
}

/** Drops the schemas read from `dir` (after they were installed again, or a trial folder is removed). */
export function forgetXsd(dir: string): void {
  cache.delete(dir);
}

function load(dir: string): SchemaSet {
  const hit = cache.get(dir);
  if (hit) return hit;
  const common = path.join(dir, 'common');
  const preload = fs
    .readdirSync(common)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: `common/${f}`, contents: fs.readFileSync(path.join(common, f), 'utf8') }));
  const set = {
    preload,
    invoice: fs.readFileSync(path.join(dir, 'maindoc', 'UBL-Invoice-2.1.xsd'), 'utf8'),
    creditNote: fs.readFileSync(path.join(dir, 'maindoc', 'UBL-CreditNote-2.1.xsd'), 'utf8'),
  };
  cache.set(dir, set);
  return set;
}

/** The root element's local name ('Invoice', 'CreditNote', …) or null when the text is no XML. */
export function rootElementName(xml: string): string | null {
  const m = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  return m ? m[1] : null;
}

/** Validates a UBL Invoice or CreditNote against the UBL 2.1 XSD; [] when valid. */
export async function validateUblXsd(xml: string, xsdDir: string): Promise<XsdProblem[]> {
  const root = rootElementName(xml);
  if (root !== 'Invoice' && root !== 'CreditNote') return [{ line: null, message: `root element ${root ?? '(none)'} is neither Invoice nor CreditNote` }];
  const set = load(xsdDir);
  const schemaName = root === 'Invoice' ? 'maindoc/UBL-Invoice-2.1.xsd' : 'maindoc/UBL-CreditNote-2.1.xsd';
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: { fileName: schemaName, contents: root === 'Invoice' ? set.invoice : set.creditNote },
    preload: set.preload,
    maxMemoryPages: memoryPages.GiB,
  });
  if (result.valid) return [];
  return result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.trim() }));
}
