import { describe, expect, it } from 'vitest';
import { makeOgm } from '../../core/ogm.ts';
import { planAutoMatches } from './auto-match.ts';
import type { OpenItem } from './open-items.ts';
import { allocateForeign } from './currency.ts';
import { ageBucket, allocate } from './rules.ts';

describe('allocate', () => {
  it('applies every line in full when debits and credits net to zero', () => {
    expect(allocate([{ open: 1000 }, { open: 500 }, { open: -1500 }])).toEqual({ applied: [1000, 500, -1500], full: true });
  });
  it('applies the smaller side in full and the larger one first line first (a part payment)', () => {
    expect(allocate([{ open: 1000 }, { open: 500 }, { open: -1200 }])).toEqual({ applied: [1000, 200, -1200], full: false });
    expect(allocate([{ open: 300 }, { open: -200 }, { open: -400 }])).toEqual({ applied: [300, -200, -100], full: false });
  });
  it('always applies amounts that sum to zero', () => {
    const r = allocate([{ open: 123 }, { open: -7 }, { open: 55 }, { open: -1000 }]);
    expect(r.applied.reduce((s, a) => s + a, 0)).toBe(0);
  });
});

describe('ageBucket', () => {
  it('counts days past the due date', () => {
    expect(ageBucket('2026-04-01', '2026-03-31')).toBe('notDue');
    expect(ageBucket('2026-03-31', '2026-03-31')).toBe('d0_30');
    expect(ageBucket('2026-03-01', '2026-03-31')).toBe('d0_30');
    expect(ageBucket('2026-02-28', '2026-03-31')).toBe('d31_60');
    expect(ageBucket('2026-01-30', '2026-03-31')).toBe('d31_60');
    expect(ageBucket('2026-01-29', '2026-03-31')).toBe('d61_90');
    expect(ageBucket('2025-12-31', '2026-03-31')).toBe('d61_90');
    expect(ageBucket('2025-12-30', '2026-03-31')).toBe('over90');
  });
});

describe('planAutoMatches', () => {
  let n = 0;
  const item = (over: Partial<OpenItem>): OpenItem => ({
    bookingId: ++n, lineNo: 1, account: '400000', relationId: 1, relationNumber: 'K001', relationName: 'A', amount: over.open ?? 0, open: 0,
    date: '2026-01-10', dueDate: null, structuredCommunication: null, communication: null, reference: null, bookingKind: 'sales_invoice', document: `VK ${n}`, fiscalYearId: 1,
    counterpartyAccount: null, counterpartyName: null, currency: null, currencyAmount: null, currencyOpen: null,
    ...over,
  });
  const ogm = makeOgm('1234567890');

  it('matches by OGM even when the amount differs (part payment), leaving the rest of the invoice open', () => {
    const inv = item({ open: 10000, structuredCommunication: ogm });
    const other = item({ open: 4000 });
    const pay = item({ open: -4000, bookingKind: 'financial_statement', structuredCommunication: ogm });
    const { matches, proposals } = planAutoMatches([inv, other, pay]);
    expect(proposals).toEqual([]);
    expect(matches).toEqual([{ kind: 'auto', method: 'ogm', account: '400000', relationId: 1, lines: [{ bookingId: inv.bookingId, lineNo: 1, amount: 4000 }, { bookingId: pay.bookingId, lineNo: 1, amount: -4000 }] }]);
    expect([inv.open, other.open, pay.open]).toEqual([6000, 4000, 0]);
  });

  it('finds an OGM written in the free communication, but never an invalid one', () => {
    const inv = item({ open: 10000, structuredCommunication: ogm });
    const pay = item({ open: -10000, bookingKind: 'financial_statement', communication: `betaling +++${ogm.slice(0, 3)}/${ogm.slice(3, 7)}/${ogm.slice(7)}+++` });
    expect(planAutoMatches([inv, pay]).matches[0].method).toBe('ogm');
    const inv2 = item({ open: 10000, structuredCommunication: ogm });
    const bad = item({ open: -9000, bookingKind: 'financial_statement', communication: '+++123/4567/89000+++' });
    expect(planAutoMatches([inv2, bad]).matches).toEqual([]);
  });

  it('never matches another relation, another account or the same side', () => {
    const inv = item({ open: 10000, structuredCommunication: ogm });
    const otherRelation = item({ open: -10000, bookingKind: 'financial_statement', relationId: 2, structuredCommunication: ogm });
    const otherAccount = item({ open: -10000, bookingKind: 'financial_statement', account: '440000', structuredCommunication: ogm });
    const sameSide = item({ open: 10000, bookingKind: 'financial_statement', structuredCommunication: ogm });
    expect(planAutoMatches([inv, otherRelation, otherAccount, sameSide]).matches).toEqual([]);
  });

  it('by reference in a free communication; two invoices whose reference fits give a proposal', () => {
    const a = item({ open: 5000, reference: 'F2026-0012' });
    const b = item({ open: 7000, reference: 'F2026-0013' });
    const pay = item({ open: -5000, bookingKind: 'financial_statement', communication: 'factuur f 2026/0012' });
    expect(planAutoMatches([a, b, pay]).matches.map((m) => [m.method, m.lines[0].bookingId])).toEqual([['reference', a.bookingId]]);
    const c = item({ open: 5000, reference: 'X1' });
    const d = item({ open: 5000, reference: 'F-77' });
    const e = item({ open: 5000, reference: 'F-77 bis' });
    const pay2 = item({ open: -5000, bookingKind: 'financial_statement', communication: 'F-77 bis' });
    const plan = planAutoMatches([c, d, e, pay2]);
    expect(plan.matches).toEqual([]);
    expect(plan.proposals).toMatchObject([{ by: 'reference', candidates: [{ bookingId: d.bookingId }, { bookingId: e.bookingId }] }]);
  });

  describe('a payment without relation, recognised by its counterparty IBAN', () => {
    const iban = 'BE71096123456769';
    const byIban = new Map([[iban, { id: 7, number: 'K007', kind: 'customer' as const }]]);
    const suspense = (over: Partial<OpenItem>) => item({ account: '499000', relationId: null, relationNumber: null, bookingKind: 'financial_statement', counterpartyAccount: iban, ...over });

    it('moves to the relation and matches when exactly one invoice of that relation has the amount', () => {
      const inv = item({ relationId: 7, open: 36300 });
      const otherRelation = item({ relationId: 8, open: 36300 });
      const pay = suspense({ open: -36300, counterpartyAccount: 'be71 0961 2345 6769' });
      const plan = planAutoMatches([inv, otherRelation, pay], byIban);
      expect(plan.matches).toEqual([]);
      expect(plan.proposals).toEqual([]);
      expect(plan.transfers).toMatchObject([{ payment: { bookingId: pay.bookingId }, moved: -36300, relationId: 7, relationNumber: 'K007', invoice: { bookingId: inv.bookingId }, applied: 36300, method: 'amount' }]);
      expect([inv.open, otherRelation.open, pay.open]).toEqual([0, 36300, 0]);
    });

    it('proposes the candidates when several invoices of the relation have the amount; an unknown IBAN is left alone', () => {
      const a = item({ relationId: 7, open: 10000 });
      const b = item({ relationId: 7, open: 10000 });
      const pay = suspense({ open: -10000 });
      const unknown = suspense({ open: -10000, counterpartyAccount: 'BE68539007547034' });
      const plan = planAutoMatches([a, b, pay, unknown], byIban);
      expect(plan.transfers).toEqual([]);
      expect(plan.proposals).toMatchObject([{ bookingId: pay.bookingId, by: 'amount', relationId: 7, relationNumber: 'K007', counterpartyAccount: iban, candidates: [{ bookingId: a.bookingId }, { bookingId: b.bookingId }] }]);
    });

    it('a reference in the communication decides before the amount, on the supplier account too', () => {
      const inv = item({ relationId: 7, account: '440000', open: -50000, reference: 'INV-4411', bookingKind: 'purchase_invoice' });
      const same = item({ relationId: 7, account: '440000', open: -50000, reference: 'INV-4412', bookingKind: 'purchase_invoice' });
      const pay = suspense({ open: 50000, communication: 'invoice INV-4411' });
      const plan = planAutoMatches([inv, same, pay], byIban);
      expect(plan.transfers).toMatchObject([{ invoice: { bookingId: inv.bookingId, account: '440000' }, applied: -50000, moved: 50000, method: 'reference' }]);
    });

    it('a payment that has a relation is matched within that relation only, whatever its IBAN', () => {
      const inv = item({ relationId: 7, open: 20000 });
      const pay = item({ relationId: 8, bookingKind: 'financial_statement', open: -20000, counterpartyAccount: iban });
      const plan = planAutoMatches([inv, pay], byIban);
      expect([plan.matches, plan.transfers, plan.proposals]).toEqual([[], [], []]);
    });
  });
});

describe('allocateForeign', () => {
  it('closes lines in their currency and books the euro difference as exchange difference', () => {
    // invoice USD 1,100.00 = EUR 1,000.00 paid USD 1,100.00 = EUR 980.00: a loss of 20.00
    expect(allocateForeign([{ open: 100000, currencyOpen: 110000 }, { open: -98000, currencyOpen: -110000 }])).toEqual({
      applied: [100000, -98000], currencyApplied: [110000, -110000], full: true, exchange: 2000,
    });
    // paid EUR 1,020.00: a gain of 20.00
    expect(allocateForeign([{ open: 100000, currencyOpen: 110000 }, { open: -102000, currencyOpen: -110000 }]).exchange).toBe(-2000);
  });
  it('a part payment applies the same part of the invoice’s euro amount, and the rest stays open in both', () => {
    const r = allocateForeign([{ open: 50000, currencyOpen: 55000 }, { open: -24000, currencyOpen: -27500 }]);
    expect(r).toEqual({ applied: [25000, -24000], currencyApplied: [27500, -27500], full: false, exchange: 1000 });
  });
  it('a euro-only line (an earlier exchange difference) applies its whole euro amount', () => {
    expect(allocateForeign([{ open: 1000, currencyOpen: 0 }, { open: 50000, currencyOpen: 55000 }, { open: -51000, currencyOpen: -55000 }])).toMatchObject({ applied: [1000, 50000, -51000], exchange: 0 });
  });
});
