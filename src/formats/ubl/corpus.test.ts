/**
 * The 32 real UBL documents of ../shared/corpus/ubl: each parses into a purchase proposal whose total is the
 * document's PayableAmount (or is refused with a reason), passes the UBL 2.1 XSD, and our rules find only
 * rules the official Peppol 2026.5 validator also reported (SOURCES.md, column "expected").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUbl } from './parse.ts';
import { purchaseProposal } from './proposal.ts';
import { checkRules } from './rules.ts';
import { validateUblXsd } from './xsd.ts';

const DIR = path.resolve(import.meta.dirname, '../../../../shared/corpus/ubl');
const XSD = path.join(DIR, 'xsd');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.xml')).sort();

/** What the official validator reported (SOURCES.md); files not listed pass. Only rule ids, national rules included. */
const EXPECTED_FAILURES: Record<string, string[]> = {
  'cen-ubl-tc434-example1.xml': ['PEPPOL-EN16931-R001', 'PEPPOL-EN16931-R003', 'PEPPOL-EN16931-R004', 'PEPPOL-EN16931-R007', 'PEPPOL-EN16931-R010', 'PEPPOL-EN16931-R020', 'PEPPOL-EN16931-R120', 'NL-R-003'],
  'cen-ubl-tc434-example2.xml': ['PEPPOL-EN16931-R004', 'PEPPOL-EN16931-R007', 'PEPPOL-EN16931-R008', 'PEPPOL-EN16931-R010', 'PEPPOL-EN16931-R020', 'PEPPOL-EN16931-R043', 'PEPPOL-EN16931-R046', 'PEPPOL-EN16931-R120', 'NO-R-001'],
  'cen-ubl-tc434-example5.xml': ['PEPPOL-EN16931-R004', 'PEPPOL-EN16931-R007', 'PEPPOL-EN16931-R101', 'NL-R-003', 'PEPPOL-EN16931-CL008'],
  'cen-ubl-tc434-creditnote1.xml': ['PEPPOL-EN16931-R004'],
  'cen-test-BIS_Billing_30-OmvandSkattskyldighet.xml': ['PEPPOL-COMMON-R049', 'SE-R-013'],
  'cen-test-BIS_Billing_30-Valutor_i_faktura.xml': ['PEPPOL-COMMON-R049', 'SE-R-013'],
  'cen-test-Invoice-Max_content.xml': ['PEPPOL-COMMON-R049', 'SE-R-013'],
  'cen-test-CreditNote-Max_content.xml': ['PEPPOL-COMMON-R049', 'SE-R-013'],
  'ublbe-15000001-invoice.xml': ['PEPPOL-EN16931-R004'],
  'ublbe-15000002-creditnote.xml': ['PEPPOL-EN16931-R004'],
  'ublbe-15000004-multi-vat-rates.xml': ['PEPPOL-EN16931-R004'],
  'ublbe-15000008-reverse-charge-AE.xml': ['PEPPOL-EN16931-R004', 'BR-CL-22'],
  'ublbe-15000014-intra-community-K.xml': ['PEPPOL-EN16931-R004', 'BR-IC-01', 'BR-IC-08', 'BR-IC-12', 'BR-CL-22'],
  'ublbe-15000023-currency-USD.xml': ['PEPPOL-EN16931-R004'],
};

/** PayableAmount read with a plain regular expression, independent of the parser: → cents. */
function payableCents(xml: string): number {
  const m = /<cbc:PayableAmount[^>]*>\s*([-0-9.]+)\s*</.exec(xml);
  if (!m) throw new Error('no PayableAmount');
  const [int, frac = ''] = m[1].replace('-', '').split('.');
  const value = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return m[1].startsWith('-') ? -value : value;
}

describe('UBL corpus', () => {
  it('holds the 32 documents', () => expect(files).toHaveLength(32));

  for (const file of files) {
    it(`${file}: proposal total = PayableAmount; our rules ⊆ the official findings`, () => {
      const xml = fs.readFileSync(path.join(DIR, file), 'utf8');
      const result = purchaseProposal(xml);
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      const p = result.proposal;
      expect(p.total).toBe(payableCents(xml));
      expect(p.totals.payable).toBe(p.totals.inclusive - p.totals.prepaid + p.totals.rounding);
      // lines (incl. document allowances/charges) add up to the net total, VAT subtotals to the VAT total
      expect(p.lines.reduce((s, l) => s + l.net, 0)).toBe(p.totals.net);
      expect(p.vat.reduce((s, v) => s + v.tax, 0)).toBe(p.totals.vat);
      expect(p.supplier.name).not.toBe('');
      expect(p.documentType).toBe(xml.includes('<CreditNote') ? 'credit_note' : 'invoice');

      const found = [...new Set(checkRules(parseUbl(xml)).map((v) => v.rule))];
      const expected = EXPECTED_FAILURES[file] ?? [];
      for (const rule of found) expect(expected, `${rule} was not reported by the official validator`).toContain(rule);
      // the rules we implement that the official validator reported are found
      const implemented = ['PEPPOL-EN16931-R001', 'PEPPOL-EN16931-R003', 'PEPPOL-EN16931-R004', 'PEPPOL-EN16931-R008', 'PEPPOL-EN16931-R010', 'PEPPOL-EN16931-R020', 'PEPPOL-EN16931-R043', 'PEPPOL-EN16931-R046', 'PEPPOL-EN16931-R120', 'BR-IC-08', 'BR-CL-22'];
      for (const rule of expected.filter((r) => implemented.includes(r))) expect(found).toContain(rule);
    });
  }

  it('Belgian documents: supplier VAT and enterprise number, VAT per rate, embedded PDF', () => {
    const p = purchaseProposal(fs.readFileSync(path.join(DIR, 'ublbe-15000004-multi-vat-rates.xml'), 'utf8'));
    if (!p.ok) throw new Error(p.reason);
    expect(p.proposal.supplier).toMatchObject({ name: 'My Supplier Company', vatNumber: 'BE0000000196', enterpriseNumber: '0000000196' });
    expect(p.proposal.vat.map((v) => `${v.category} ${v.rate}`).sort()).toEqual(['S 12', 'S 21', 'S 6', 'Z 0']);
    expect(p.proposal.total).toBe(345600);
    expect(p.proposal.attachments[0]).toMatchObject({ filename: '15000004.pdf', mimeCode: 'application/pdf' });
    const cn = purchaseProposal(fs.readFileSync(path.join(DIR, 'ublbe-15000002-creditnote.xml'), 'utf8'));
    if (!cn.ok) throw new Error(cn.reason);
    expect(cn.proposal).toMatchObject({ documentType: 'credit_note', creditNote: true, total: 48400 });
    const neg = purchaseProposal(fs.readFileSync(path.join(DIR, 'peppol-base-negative-inv-correction.xml'), 'utf8'));
    if (!neg.ok) throw new Error(neg.reason);
    expect(neg.proposal).toMatchObject({ documentType: 'invoice', creditNote: true, total: -165625 });
  });

  it('refuses what is not an invoice, and a document whose totals contradict each other', () => {
    expect(purchaseProposal('this is not xml <')).toMatchObject({ ok: false });
    const order = purchaseProposal('<?xml version="1.0"?><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>');
    expect(order).toMatchObject({ ok: false, reason: expect.stringContaining('root element Order') });
    const xml = fs.readFileSync(path.join(DIR, 'peppol-base-example.xml'), 'utf8').replace(/(<cbc:PayableAmount[^>]*>)[^<]+/, '$11000.00');
    const bad = purchaseProposal(xml);
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('BR-CO-16') });
  });

  for (const file of files) {
    it(`${file} passes the UBL 2.1 XSD`, { timeout: 180_000 }, async () => {
      expect(await validateUblXsd(fs.readFileSync(path.join(DIR, file), 'utf8'), XSD)).toEqual([]);
    });
  }
});
