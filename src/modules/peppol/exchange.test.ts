/**
 * The currency rules of received documents, without a database: the rate derived from the EUR VAT, the
 * user's rate checked, conversion to euro cents half away from zero in exact decimals, and the document's
 * EUR VAT put onto a prepared purchase booking so it still balances (invoice and credit note, grids too).
 */
import fs from 'node:fs';
import path from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.ts';
import { parseUbl } from '../../formats/ubl/parse.ts';
import type { PostingLine, VatCodeDef } from '../ledger/vat/compute.ts';
import { applyDocumentVat, bookingRate, documentExchange, formatRate, parseExchangeRate, toEuroCents } from './exchange.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/ubl');
const corpus = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');
const fails = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('exchange rate of a received document', () => {
  it('derives EUR per USD from the VAT in EUR of the USD corpus invoice (68.61 / 84.00)', () => {
    const fx = documentExchange(parseUbl(corpus('ublbe-15000023-currency-USD.xml')), 8400)!;
    expect(fx).toMatchObject({ currency: 'USD', taxCurrency: 'EUR', vatInEur: 6861 });
    expect(formatRate(fx.derivedRate!)).toBe('0.816786');
    expect(toEuroCents(40000, fx.derivedRate!)).toBe(32671);
    expect(toEuroCents(8400, fx.derivedRate!)).toBe(6861);
  });

  it('has no rate to derive when the tax currency is not EUR, and none for a EUR document', () => {
    const fx = documentExchange(parseUbl(corpus('cen-test-BIS_Billing_30-Valutor_i_faktura.xml')), 2300000)!;
    expect(fx).toMatchObject({ currency: 'USD', taxCurrency: 'SEK', vatInEur: null, derivedRate: null });
    const e = fails(() => bookingRate(fx, undefined, 'X1'));
    expect(e.code).toBe('peppol.exchange_rate_required');
    expect(e.details[0].field).toBe('exchangeRate');
    expect(documentExchange(parseUbl(corpus('ublbe-15000001-invoice.xml')), 8400)).toBeNull();
  });

  it("takes the user's rate over the derived one and refuses ill-formed, zero and negative rates naming exchangeRate", () => {
    const fx = documentExchange(parseUbl(corpus('ublbe-15000023-currency-USD.xml')), 8400)!;
    expect(bookingRate(fx, '0.9215', 'X1')).toMatchObject({ source: 'given' });
    expect(bookingRate(fx, null, 'X1').source).toBe('document');
    for (const bad of ['0,9215', '0', '0.00', '-1', '1e3', ' ', 'abc', '.5']) {
      const e = fails(() => parseExchangeRate(bad, 'USD'));
      expect(e.code, bad).toBe('peppol.exchange_rate_invalid');
      expect(e.details[0].field).toBe('exchangeRate');
    }
  });

  it('converts half away from zero, exactly', () => {
    expect(toEuroCents(1, new Big('0.5'))).toBe(1);
    expect(toEuroCents(-1, new Big('0.5'))).toBe(-1);
    expect(toEuroCents(3, new Big('0.5'))).toBe(2);
    expect(toEuroCents(10000001, new Big('1.1'))).toBe(11000001);
  });
});

const grids = { invoice: [{ grid: '82', of: 'base' as const, sign: 1 as const }, { grid: '59', of: 'deductible' as const, sign: 1 as const }], creditNote: [{ grid: '85', of: 'base' as const, sign: 1 as const }, { grid: '63', of: 'deductible' as const, sign: 1 as const }] };
const codes = new Map<string, VatCodeDef>([
  ['A21S', { code: 'A21S', kind: 'purchase', rateBp: 2100, deductiblePercent: 100, reverseCharge: false, grids } as VatCodeDef],
  ['A21S-D50', { code: 'A21S-D50', kind: 'purchase', rateBp: 2100, deductiblePercent: 50, reverseCharge: false, grids } as VatCodeDef],
]);
const line = (account: string, amount: number, kind: PostingLine['kind'], vatCode?: string): PostingLine => ({ account, amount, kind, vatCode: vatCode ?? null });

describe("the document's EUR VAT on a prepared booking", () => {
  it('a cent of difference goes onto the VAT line and the supplier total; the grids follow and the booking balances', () => {
    const b = { kind: 'purchase_invoice', amount: 39531, lines: [line('440000', -39531, 'total'), line('604000', 32671, 'entry', 'A21S'), line('411000', 6860, 'vat', 'A21S')], grids: { '82': 32671, '59': 6860 } };
    expect(applyDocumentVat(b, 6861, codes, 'X1')).toBe(1);
    expect(b.lines.map((l) => l.amount)).toEqual([-39532, 32671, 6861]);
    expect(b.amount).toBe(39532);
    expect(b.grids).toEqual({ '82': 32671, '59': 6861 });
  });

  it('a credit note: the VAT credit and the supplier debit move, the currency amount keeps the sign of the total', () => {
    const total = { ...line('440000', 44601, 'total'), currency: 'USD', currencyAmount: 48400 };
    const b = { kind: 'purchase_credit_note', amount: 44601, lines: [total, line('604000', -36860, 'entry', 'A21S'), line('411000', -7741, 'vat', 'A21S')], grids: { '85': 36860, '63': 7741 } };
    expect(applyDocumentVat(b, 7739, codes, 'X1')).toBe(-2);
    expect(b.lines.map((l) => l.amount)).toEqual([44599, -36860, -7739]);
    expect(b.lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
    expect(total.currencyAmount).toBe(48400);
    expect(b.grids).toEqual({ '85': 36860, '63': 7739 });
  });

  it('nothing moves when the VAT already matches; only partly deductible codes: refused with a coded error', () => {
    const same = { kind: 'purchase_invoice', amount: 121, lines: [line('440000', -121, 'total'), line('604000', 100, 'entry', 'A21S'), line('411000', 21, 'vat', 'A21S')], grids: {} };
    expect(applyDocumentVat(same, 21, codes, 'X1')).toBe(0);
    const partly = {
      kind: 'purchase_invoice',
      amount: 121,
      lines: [line('440000', -121, 'total'), line('610000', 100, 'entry', 'A21S-D50'), line('411000', 11, 'vat', 'A21S-D50'), line('610000', 10, 'vat_nondeductible', 'A21S-D50')],
      grids: {},
    };
    expect(fails(() => applyDocumentVat(partly, 22, codes, 'X1')).code).toBe('peppol.exchange_vat_unplaced');
  });
});
