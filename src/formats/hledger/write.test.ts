import { describe, expect, it } from 'vitest';
import { clean, formatAmount, header, parseBalanceCsv, transaction } from './write.ts';

describe('hledger journal writer', () => {
  it('writes a transaction with two-space separated postings and cents as decimals', () => {
    const text = transaction({
      date: '2025-04-30',
      code: 'BNK 2025/0002',
      description: 'Uittreksel 4; april\nbis',
      postings: [
        { account: '550000', amount: 363000 },
        { account: '400000', amount: -363000, comment: 'Café De Zwaan' },
      ],
    });
    expect(text).toBe('2025-04-30 * BNK 2025/0002 | Uittreksel 4 april bis\n    550000  3630.00 EUR\n    400000  -3630.00 EUR  ; Café De Zwaan\n\n');
  });
  it('declares the commodity and the accounts with their names', () => {
    expect(header([{ number: '400000', name: 'Klanten' }])).toBe('commodity 1000.00 EUR\n\naccount 400000  ; Klanten\n\n');
  });
  it('formats small and negative amounts', () => {
    expect(formatAmount(-5, 'EUR')).toBe('-0.05 EUR');
    expect(clean('a;b')).toBe('a b');
  });
  it('reads hledger balance CSV output back into cents', () => {
    const parsed = parseBalanceCsv('"account","balance"\n"400000","1210.00 EUR"\n"440000","-605.50 EUR"\n"588888","0"\n"total","0"\n');
    expect([...parsed]).toEqual([
      ['400000', 121000],
      ['440000', -60550],
      ['588888', 0],
    ]);
  });
});
