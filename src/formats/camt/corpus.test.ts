/**
 * Every camt.053 sample of shared/corpus/iso20022/samples/camt053 against ../expected.json:
 * accounts, currencies, opening and closing balances, entry counts and sums, reconciliation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.ts';
import { decimalToThousandths, formatAmount, type ParsedStatement } from '../statement.ts';
import { parseCamt053 } from './parse.ts';

const root = fileURLToPath(new URL('../../../../shared/corpus/iso20022/', import.meta.url));
const samples = root + 'samples/camt053/';

interface ExpectedStatement {
  statement_id: string;
  account: string;
  currency: string;
  opening_OPBD: string;
  closing_CLBD: string;
  entry_count: number;
  entries_sum: string;
  opening_plus_sum_equals_closing: boolean;
}
const expected = JSON.parse(readFileSync(root + 'expected.json', 'utf8')) as {
  files: Record<string, { namespace: string; statements: ExpectedStatement[] }>;
};

const camtFiles = Object.keys(expected.files).filter((f) => f.includes('camt053'));
const parse = (file: string) => parseCamt053(readFileSync(samples + file));
const codes = (s: ParsedStatement) => s.issues.map((i) => i.code);

describe('camt.053 corpus (shared/corpus/iso20022/samples/camt053)', () => {
  it('has an expectation for every sample file', () => {
    const onDisk = readdirSync(samples).filter((f) => f.endsWith('.xml')).sort();
    expect(camtFiles.sort()).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of camtFiles) {
    const e = expected.files[file];
    it(`${file}: balances, entries and reconciliation as expected`, () => {
      const statements = parse(file);
      expect(statements).toHaveLength(e.statements.length);
      e.statements.forEach((x, i) => {
        const s = statements[i];
        expect(s.format).toBe('camt.053');
        expect(s.statementId).toBe(x.statement_id);
        expect(s.account).toBe(x.account);
        expect(s.currency).toBe(x.currency);
        expect(formatAmount(s.oldBalance)).toBe(formatAmount(decimalToThousandths(x.opening_OPBD)));
        expect(formatAmount(s.newBalance)).toBe(formatAmount(decimalToThousandths(x.closing_CLBD)));
        expect(s.movements).toHaveLength(x.entry_count);
        const sum = s.movements.reduce((a, m) => a + m.amount, 0n);
        expect(sum).toBe(decimalToThousandths(x.entries_sum));
        expect(codes(s).includes('camt.balance_mismatch')).toBe(!x.opening_plus_sum_equals_closing);
      });
    });
  }

  it('the Belgian monthly statements chain: closing of one month is the opening of the next', () => {
    const months = ['2024-10', '2024-11', '2024-12'].map((m) => parse(`be-anon__camt053v02__BE68793230773034__${m}.xml`)[0]);
    expect(months[0].newBalance).toBe(months[1].oldBalance);
    expect(months[1].newBalance).toBe(months[2].oldBalance);
    expect(months.every((s) => s.warnings.length === 0)).toBe(true);
  });

  it('the counterparty is the debtor of a credit and the creditor of a debit', () => {
    const [s] = parse('be-anon__camt053v02__BE68793230773034__2024-10.xml');
    const [credit, debit] = s.movements;
    expect([formatAmount(credit.amount), credit.counterpartyName, credit.counterpartyAccount, credit.counterpartyBic]).toEqual([
      '30000.00',
      'Stellar Ltd',
      'BE91516952884376',
      'RABOBEI9',
    ]);
    expect([formatAmount(debit.amount), debit.counterpartyName, debit.counterpartyAccount]).toEqual(['-11.00', 'Nova Holdings', 'BE96444908270905']);
    expect(credit.entryDate).toBe('2024-10-31');
    expect(credit.transactionCode).toBe('PMNT/RCDT/ESCT');
  });

  it('a batch entry keeps its transaction details (ABN AMRO test file)', () => {
    const [s] = parse('nl-abnamro-test__camt053v02__oca.xml');
    const batch = s.movements[1];
    expect(formatAmount(batch.amount)).toBe('-664.05');
    expect(batch.details.map((d) => [formatAmount(d.amount!), d.counterpartyName, d.endToEndId])).toEqual([
      ['-564.05', 'Test Customer', 'TESTBANK/NL/20141229/01206408'],
      ['-100.00', 'Test Customer', 'TESTBANK/NL/20141229/01206407'],
    ]);
    expect(s.movements[0]).toMatchObject({
      counterpartyName: 'INSURANCE COMPANY TESTX',
      counterpartyAccount: 'NL46ABNA0499998748',
      communication: 'Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014',
    });
    // No RmtInf: the additional transaction information is the communication
    expect(s.movements[2].communication).toBe('#RD PARTY MEDIA CUSNO 90782 4210773');
    expect(codes(s)).toEqual(['camt.balance_mismatch']);
  });

  it('a PostFinance batch (v04) with two details and Swiss ISR references', () => {
    const [s] = parse('ch-postfinance-test__camt053v04__oca-txdtls__INVALID.xml');
    const [m] = s.movements;
    expect(m.communication).toBe('CRÉDIT GROUPÉ BVR TRAITEMENT DU 22.03.2017 NUMÉRO CLIENT 01-70884-3 PAQUET ID: 123456CHCAFEBABE');
    expect(m.details.map((d) => [formatAmount(d.amount!), d.counterpartyName, d.counterpartyAccount, d.creditorReference, d.counterpartyBic])).toEqual([
      ['2187.00', 'Banque Cantonale Vaudoise', 'CH2222000000123456789', '302388292000011111111111111', 'POFICHBEXXX'],
      ['1296.00', 'Banque Cantonale Vaudoise', 'CH3333000000123456789', '302388292000022222222222222', 'POFICHBEYYY'],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('v08: party names under Pty, a BBA reference that is not an OGM is kept and flagged', () => {
    const [s] = parse('synthetic__camt053v08__genkgo.xml');
    const [m] = s.movements;
    expect(m.counterpartyName).toBe('NAME NAME');
    expect(m.structuredCommunication).toBeNull();
    expect(m.creditorReference).toBe('4654654654654654');
    expect(m.entryDate).toBe('2014-12-31'); // from BookgDt/DtTm
    expect(codes(s)).toEqual(['camt.malformed_bba_reference', 'camt.balance_mismatch']);
  });

  it('balances without CdtDbtInd are read as credits, with a warning', () => {
    const statements = parse('lt-anon__camt053v08__two-accounts__2024-03-07__INVALID.xml');
    for (const s of statements) expect(codes(s)).toEqual(['camt.missing_balance_indicator', 'camt.missing_balance_indicator']);
  });

  it('refuses the pain files: they are not camt.053', () => {
    for (const [dir, version] of [
      ['pain001', 'pain.001.001.03'],
      ['pain008', 'pain.008.001.02'],
    ]) {
      const file = readdirSync(root + 'samples/' + dir).find((f) => f.includes(version))!;
      try {
        parseCamt053(readFileSync(root + 'samples/' + dir + '/' + file));
        expect.unreachable();
      } catch (err) {
        expect(isAppError(err) && err.code).toBe('camt.not_camt053');
        expect(isAppError(err) && err.params).toEqual({ found: version });
      }
    }
  });
});
