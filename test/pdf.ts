/**
 * Reading what a generated PDF holds, for tests: its streams (page content, the PDF/A metadata, the
 * embedded UBL). Each stream is read by the /Length of its dictionary — compressed data may hold any
 * byte, a carriage return before "endstream" or the word itself, so a search for "endstream" cuts some
 * streams short — and inflated when it is FlateDecode.
 */
import zlib from 'node:zlib';

export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const keyword = /stream(\r\n|\n)/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text))) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    const objStart = text.lastIndexOf(' obj', m.index);
    const dict = text.slice(objStart, m.index);
    if (!/>>\s*$/.test(dict)) continue;
    const start = m.index + m[0].length;
    const length = lengthOf(text, dict);
    if (length === undefined) throw new Error(`a PDF stream at byte ${start} has no /Length`);
    const raw = pdf.subarray(start, start + length);
    if (text.slice(start + length, start + length + 12).trim().startsWith('endstream') === false) throw new Error(`a PDF stream at byte ${start} does not end at its /Length ${length}`);
    out.push(/\/FlateDecode/.test(dict) ? zlib.inflateSync(raw).toString('utf8') : raw.toString('utf8'));
    keyword.lastIndex = start + length;
  }
  return out;
}

/** The /Length of a stream dictionary: a number, or a reference to an object holding one. */
function lengthOf(text: string, dict: string): number | undefined {
  const m = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dict);
  if (!m) return undefined;
  if (m[2] === undefined) return Number(m[1]);
  const target = new RegExp(`(?:^|\\s)${m[1]}\\s+${m[2]}\\s+obj\\s*(\\d+)`).exec(text);
  return target ? Number(target[1]) : undefined;
}

/** The UBL invoice or credit note embedded in a PDF/A-3, or undefined when there is none. */
export function embeddedUbl(pdf: Buffer): string | undefined {
  return pdfStreams(pdf).find((s) => /<(Invoice|CreditNote)[\s>]/.test(s));
}
