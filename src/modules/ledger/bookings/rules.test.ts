import { describe, expect, it } from 'vitest';
import { bookingDisplay, checkBalanced, dueDateFromTerms, reversedLines, statementLines, structuredCommunication } from './rules.ts';

describe('booking rules', () => {
  it('refuses a booking that does not balance to the cent, saying by how much', () => {
    expect(() => checkBalanced([{ amount: 10000 }, { amount: -9999 }])).toThrow(/booking_unbalanced/);
    try {
      checkBalanced([{ amount: 10000 }, { amount: -9999 }]);
    } catch (e) {
      expect((e as { params: { difference: string } }).params.difference).toBe('0.01');
    }
    expect(() => checkBalanced([{ amount: 10000 }, { amount: -10000 }])).not.toThrow();
  });
  it('computes the due date from payment terms, also "end of month"', () => {
    expect(dueDateFromTerms('2026-01-15', 30, false)).toBe('2026-02-14');
    expect(dueDateFromTerms('2026-01-15', 30, true)).toBe('2026-02-28');
    expect(dueDateFromTerms('2026-01-15', 0, false)).toBe('2026-01-15');
  });
  it('reads structured communications as typed and refuses a wrong check', () => {
    expect(structuredCommunication('+++123/4567/89002+++', 'x')).toBe('123456789002');
    expect(structuredCommunication('', 'x')).toBeNull();
    expect(() => structuredCommunication('+++123/4567/89003+++', 'x')).toThrow(/ogm_invalid/);
  });
  it('reverses every line', () => {
    expect(reversedLines([{ amount: 5, vatBase: 4 }, { amount: -5, vatBase: null }])).toEqual([{ amount: -5, vatBase: -4 }, { amount: 5, vatBase: null }]);
  });
  it('shows a booking number with journal and year', () => {
    expect(bookingDisplay('AK', '2026-01-01', 7)).toBe('AK 2026/0007');
  });
  it('books a statement: money in debits the bank, and the closing balance must follow from the movements', () => {
    const lines = statementLines('550000', 100000, 112100, [{ amount: 12100, account: '400000', relationId: 3, communication: null, structuredCommunication: '123456789002', description: null }]);
    expect(lines.map((l) => [l.account, l.amount, l.relationId ?? null])).toEqual([
      ['550000', 12100, null],
      ['400000', -12100, 3],
    ]);
    expect(() => statementLines('550000', 100000, 112000, [{ amount: 12100, account: '400000', relationId: 3, communication: null, structuredCommunication: null, description: null }])).toThrow(/statement_closing_mismatch/);
  });
});
