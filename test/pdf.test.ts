/**
 * The tests' PDF reader (test/pdf.ts) reads each stream by its /Length: compressed data whose last
 * byte is a carriage return, or that holds "endstream", is read whole — a search for "endstream" cut
 * such a stream short, and the invoice tests then found no embedded UBL now and then.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { embeddedUbl, pdfStreams } from './pdf.ts';

/** A deflated UBL text whose compressed form ends in the byte 0x0d (found by varying a comment). */
function ublEndingInCarriageReturn(): { xml: string; data: Buffer } {
  for (let i = 0; ; i++) {
    const xml = `<?xml version="1.0"?><Invoice><cbc:ID>VK 2026/${i}</cbc:ID></Invoice>`;
    const data = zlib.deflateSync(Buffer.from(xml));
    if (data[data.length - 1] === 0x0d) return { xml, data };
  }
}

function pdfWith(streams: Array<{ dict: string; data: Buffer }>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  streams.forEach((s, i) => {
    parts.push(Buffer.from(`${i + 1} 0 obj\n<<${s.dict.replace('LEN', String(s.data.length))}>>\nstream\n`, 'latin1'), s.data, Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  parts.push(Buffer.from('%%EOF\n', 'latin1'));
  return Buffer.concat(parts);
}

describe('reading a PDF in the tests', () => {
  it('reads a compressed stream that ends in a carriage return whole, by its /Length', () => {
    const { xml, data } = ublEndingInCarriageReturn();
    const pdf = pdfWith([
      { dict: '/Length LEN', data: Buffer.from('BT /F1 12 Tf (Factuur) Tj ET') },
      { dict: '/Type /EmbeddedFile /Filter /FlateDecode /Length LEN', data },
    ]);
    expect(pdfStreams(pdf)).toEqual(['BT /F1 12 Tf (Factuur) Tj ET', xml]);
    expect(embeddedUbl(pdf)).toBe(xml);
  });

  it('reads a stream holding the word endstream whole, and a /Length given as a reference', () => {
    const text = 'endstream inside the data\nendstream';
    const parts = [Buffer.from('%PDF-1.7\n1 0 obj\n<</Length 2 0 R>>\nstream\n', 'latin1'), Buffer.from(text), Buffer.from(`\nendstream\nendobj\n2 0 obj\n${text.length}\nendobj\n`, 'latin1')];
    expect(pdfStreams(Buffer.concat(parts))).toEqual([text]);
  });

  it('says which stream does not end at its /Length', () => {
    const pdf = pdfWith([{ dict: '/Length 3', data: Buffer.from('abcdef') }]);
    expect(() => pdfStreams(pdf)).toThrow(/does not end at its \/Length 3/);
  });
});
