import { describe, expect, it } from 'vitest';
import {
  AmountTextError,
  decimalToThousandths,
  decodeBankFile,
  decodeWindows1252,
  formatAmount,
  statementToJson,
  type ParsedStatement,
} from './statement.ts';

describe('amounts in thousandths', () => {
  it('format as the corpus writes them: two decimals, a third only when it is not zero', () => {
    expect(formatAmount(1_234_560n)).toBe('1234.56');
    expect(formatAmount(-12_500n)).toBe('-12.50');
    expect(formatAmount(23_154_685n)).toBe('23154.685');
    expect(formatAmount(-767_823n)).toBe('-767.823');
    expect(formatAmount(0n)).toBe('0.00');
    expect(formatAmount(5n)).toBe('0.005');
    expect(formatAmount(-50n)).toBe('-0.05');
    expect(formatAmount(999_999_999_999_999n)).toBe('999999999999.999');
    expect(formatAmount(12_345_678_901_234_567_890n)).toBe('12345678901234567.89');
  });

  it('read decimal text exactly, never through a float', () => {
    expect(decimalToThousandths('0.1')).toBe(100n);
    expect(decimalToThousandths('30000')).toBe(30_000_000n);
    expect(decimalToThousandths('536.3')).toBe(536_300n);
    expect(decimalToThousandths('18.150')).toBe(18_150n);
    expect(decimalToThousandths('8.85000')).toBe(8_850n);
    expect(decimalToThousandths('-0.20')).toBe(-200n);
    expect(decimalToThousandths(' 12. ')).toBe(12_000n);
    expect(decimalToThousandths('90071992547409.93')).toBe(90_071_992_547_409_930n);
  });

  it('refuse more than three significant decimals and non-numbers', () => {
    expect(() => decimalToThousandths('1.0001')).toThrow(AmountTextError);
    expect(() => decimalToThousandths('1,50')).toThrow(AmountTextError);
    expect(() => decimalToThousandths('1e3')).toThrow(AmountTextError);
    expect(() => decimalToThousandths('')).toThrow(AmountTextError);
    try {
      decimalToThousandths('1.23456');
    } catch (err) {
      expect((err as AmountTextError).reason).toBe('precision');
    }
  });
});

describe('decoding bank files', () => {
  it('keeps valid UTF-8 and falls back to Windows-1252', () => {
    expect(decodeBankFile(Buffer.from('Compte à vue', 'utf8'))).toEqual({ text: 'Compte à vue', encoding: 'utf-8' });
    expect(decodeBankFile(Buffer.from('Compte à vue', 'latin1'))).toEqual({ text: 'Compte à vue', encoding: 'windows-1252' });
    expect(decodeBankFile(Buffer.from('Zichtrekening 001', 'latin1'))).toEqual({ text: 'Zichtrekening 001', encoding: 'utf-8' }); // plain ASCII
  });

  it('drops a UTF-8 byte-order mark and reads a view into a larger buffer only within its bounds', () => {
    expect(decodeBankFile(Buffer.from('\ufeffCompte à vue', 'utf8'))).toEqual({ text: 'Compte à vue', encoding: 'utf-8' });
    const whole = Buffer.from('xxCafé Brûléyy', 'latin1');
    expect(decodeBankFile(new Uint8Array(whole.buffer, whole.byteOffset + 2, 10))).toEqual({ text: 'Café Brûlé', encoding: 'windows-1252' });
    expect(decodeWindows1252(new Uint8Array(whole.buffer, whole.byteOffset + 2, 4))).toBe('Café');
  });

  it('maps the Windows-1252 bytes 0x80–0x9F (€, quotes, dashes, Œ)', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x20, 0x93, 0x41, 0x94, 0x96, 0x8c, 0xe9]))).toBe('€ “A”–Œé');
  });
});

describe('statementToJson', () => {
  it('gives exactly the CLI fields, amounts as decimal strings', () => {
    const s: ParsedStatement = {
      format: 'coda',
      account: 'BE68539007547034',
      currency: 'EUR',
      sequence: '001',
      oldBalance: 100_000n,
      newBalance: 99_500n,
      oldBalanceDate: '2024-01-14',
      newBalanceDate: '2024-01-15',
      holderName: 'X',
      movements: [
        {
          amount: -500n,
          valueDate: '2024-01-15',
          entryDate: '2024-01-15',
          structuredCommunication: null,
          creditorReference: 'RF18539007547034',
          communication: 'kosten',
          counterpartyName: null,
          counterpartyAccount: null,
          counterpartyBic: null,
          bankReference: 'R',
          endToEndId: null,
          transactionCode: '00370000',
          details: [],
        },
      ],
      warnings: ['w'],
      issues: [{ code: 'coda.duplicate_file', params: { line: 1 } }],
    };
    expect(statementToJson(s)).toEqual({
      account: 'BE68539007547034',
      currency: 'EUR',
      sequence: '001',
      oldBalance: '100.00',
      newBalance: '99.50',
      oldBalanceDate: '2024-01-14',
      newBalanceDate: '2024-01-15',
      movements: [
        {
          amount: '-0.50',
          valueDate: '2024-01-15',
          entryDate: '2024-01-15',
          structuredCommunication: null,
          communication: 'kosten',
          counterpartyName: null,
          counterpartyAccount: null,
        },
      ],
      warnings: ['w'],
    });
  });
});
