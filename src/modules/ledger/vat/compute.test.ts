import { describe, expect, it } from 'vitest';
import { BELGIAN_VAT_CODES } from '../data/vat-codes.ts';
import { computeInvoice, type VatCodeDef } from './compute.ts';

const codes = new Map<string, VatCodeDef>(
  BELGIAN_VAT_CODES.map((c) => [c.code, { code: c.code, kind: c.kind, rateBp: c.rates[c.rates.length - 1].rateBp, deductiblePercent: c.deductiblePercent, reverseCharge: c.reverseCharge, grids: c.grids }]),
);
const accounts = { counterparty: '440000', vatReceivable: '411000', vatPayable: '451000', rounding: '643000' };
const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);
const purchase = (lines: Parameters<typeof computeInvoice>[0]['lines'], extra: Partial<Parameters<typeof computeInvoice>[0]> = {}) =>
  computeInvoice({ side: 'purchase', creditNote: false, lines, relationId: 7, dueDate: '2026-04-14', ...extra }, codes, accounts);

describe('VAT computation of invoices and credit notes', () => {
  it('books a 21% purchase: cost debit, deductible VAT on 411000, total credited to the supplier; grids 82 and 59', () => {
    const r = purchase([{ account: '611000', vatCode: 'A21S', amount: 100000 }]);
    expect(r.lines.map((l) => [l.account, l.amount, l.kind])).toEqual([
      ['440000', -121000, 'total'],
      ['611000', 100000, 'entry'],
      ['411000', 21000, 'vat'],
    ]);
    expect(r.lines[0]).toMatchObject({ relationId: 7, dueDate: '2026-04-14' });
    expect(r.grids).toEqual({ '82': 100000, '59': 21000 });
    expect(sum(r.lines)).toBe(0);
  });

  it('computes VAT once per code on the sum of the bases (as printed on the invoice)', () => {
    const r = purchase([
      { account: '604000', vatCode: 'A21G', amount: 1050 },
      { account: '604000', vatCode: 'A21G', amount: 1050 },
      { account: '604000', vatCode: 'A06G', amount: 999 },
    ]);
    expect(r.vat).toEqual([
      { code: 'A21G', rateBp: 2100, base: 2100, vat: 441, deductible: 441, nonDeductible: 0 },
      { code: 'A06G', rateBp: 600, base: 999, vat: 60, deductible: 60, nonDeductible: 0 },
    ]);
    expect(r.totalInclVat).toBe(2100 + 441 + 999 + 60);
    expect(r.grids).toEqual({ '81': 3099, '59': 501 });
  });

  it('splits an amount entered including VAT so the total stays exactly that amount', () => {
    const r = purchase([{ account: '612000', vatCode: 'A06S', amountInclVat: 999 }]);
    expect(r.totalInclVat).toBe(999);
    expect(r.vat[0]).toMatchObject({ base: 942, vat: 57 });
  });

  it('puts non-deductible car VAT (50%) on the cost account and only the deductible half in grid 59', () => {
    const r = purchase([{ account: '610000', vatCode: 'A21S-D50', amount: 10000 }]);
    expect(r.lines.map((l) => [l.account, l.amount, l.kind])).toEqual([
      ['440000', -12100, 'total'],
      ['610000', 10000, 'entry'],
      ['411000', 1050, 'vat'],
      ['610000', 1050, 'vat_nondeductible'],
    ]);
    expect(r.grids).toEqual({ '82': 11050, '59': 1050 });
  });

  it('self-assesses VAT on an intra-Community acquisition: due on 451000, deducted on 411000, supplier paid the base', () => {
    const r = purchase([{ account: '604000', vatCode: 'AICG', amount: 50000 }]);
    expect(r.lines.map((l) => [l.account, l.amount, l.kind])).toEqual([
      ['440000', -50000, 'total'],
      ['604000', 50000, 'entry'],
      ['411000', 10500, 'vat'],
      ['451000', -10500, 'vat_due'],
    ]);
    expect(r.grids).toEqual({ '81': 50000, '86': 50000, '55': 10500, '59': 10500 });
  });

  it('turns a purchase credit note around: supplier debited, purchase grid lowered and shown in 85, VAT to repay in 63', () => {
    const r = purchase([{ account: '611000', vatCode: 'A21S', amount: 20000 }], { creditNote: true });
    expect(r.lines.map((l) => [l.account, l.amount])).toEqual([
      ['440000', 24200],
      ['611000', -20000],
      ['411000', -4200],
    ]);
    expect(r.grids).toEqual({ '82': -20000, '85': 20000, '63': 4200 });
  });

  it('books a sales invoice (grids 03/54) and a sales credit note (49/64) on the customer', () => {
    const inv = computeInvoice({ side: 'sales', creditNote: false, lines: [{ account: '700000', vatCode: 'V21', amount: 200000 }], relationId: 3, dueDate: null }, codes, { ...accounts, counterparty: '400000' });
    expect(inv.lines.map((l) => [l.account, l.amount])).toEqual([
      ['400000', 242000],
      ['700000', -200000],
      ['451000', -42000],
    ]);
    expect(inv.grids).toEqual({ '03': 200000, '54': 42000 });
    const cn = computeInvoice({ side: 'sales', creditNote: true, lines: [{ account: '700000', vatCode: 'V21', amount: 10000 }], relationId: 3, dueDate: null }, codes, { ...accounts, counterparty: '400000' });
    expect(cn.lines.map((l) => [l.account, l.amount])).toEqual([
      ['400000', -12100],
      ['700000', 10000],
      ['451000', 2100],
    ]);
    expect(cn.grids).toEqual({ '49': 10000, '64': 2100 });
  });

  it('books a difference of a few cents with the printed total as rounding, and refuses a larger one', () => {
    const r = purchase([{ account: '611000', vatCode: 'A21S', amount: 1050 }], { totalInclVat: 1270 });
    expect(r.rounding).toBe(-1);
    expect(r.lines.at(-1)).toMatchObject({ account: '643000', amount: -1, kind: 'rounding' });
    expect(sum(r.lines)).toBe(0);
    expect(() => purchase([{ account: '611000', vatCode: 'A21S', amount: 1050 }], { totalInclVat: 1300 })).toThrow(/total_mismatch/);
  });

  it('refuses a sales code on a purchase and names the line', () => {
    try {
      purchase([{ account: '611000', vatCode: 'A21S', amount: 100 }, { account: '611000', vatCode: 'V21', amount: 100 }]);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string; details: Array<{ line: number }> }).code).toBe('ledger.vat_code_wrong_kind');
      expect((e as { details: Array<{ line: number }> }).details[0].line).toBe(2);
    }
  });
});
