/**
 * Every CODA file of shared/corpus/coda against its facts in expected.json: balances, dates, counts,
 * sums, trailer checks, structured communications and the two refusals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../core/errors.ts';
import { formatOgm } from '../../core/ogm.ts';
import { decimalToThousandths, formatAmount, type ParsedStatement } from '../statement.ts';
import { parseCoda } from './parse.ts';

const dir = fileURLToPath(new URL('../../../../shared/corpus/coda/', import.meta.url));

interface ExpectedStatement {
  account: string;
  currency: string;
  sequence: string;
  newBalanceSequence: string;
  codaSequence: string;
  oldBalance: string;
  newBalance: string;
  oldBalanceDate: string;
  newBalanceDate: string;
  movementCount: number;
  record21Count: number;
  movementSum: string;
  detailSum: string;
  balanceCheck: string;
  holderName: string;
  record8Account: string;
  structuredCommunications?: { seq: string; type: string; formatted?: string; mod97Valid?: boolean }[];
}
interface ExpectedTrailer {
  records: number;
  debit: string;
  credit: string;
  'recordsCounted(1,2x,3x,8)': number;
  record4Lines: number;
  'computedDebit(detail 0000)': string;
  'computedCredit(detail 0000)': string;
}
interface ExpectedFile {
  file: string;
  headers: { duplicate: boolean; versionCode: string }[];
  statements: ExpectedStatement[];
  trailers: ExpectedTrailer[];
}

const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8')) as ExpectedFile[];

/** Files the parser must refuse, with the error it must give. */
const refusals: Record<string, { code: string; line: number; params: Record<string, unknown> }> = {
  'pycoda_Coda_faulty_version.txt': { code: 'coda.unsupported_version', line: 1, params: { version: '5' } },
  'coda-rs_CODA-bad.txt': { code: 'coda.malformed_record', line: 2, params: { reason: 'coda.reason.too_long' } },
};

const codes = (s: ParsedStatement) => s.issues.map((i) => i.code);
const issue = (s: ParsedStatement, code: string) => s.issues.find((i) => i.code === code);

function refusalOf(file: string): AppError {
  try {
    parseCoda(readFileSync(dir + file));
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error(`${file} was not refused`);
}

describe('CODA corpus (shared/corpus/coda)', () => {
  it('covers every file of the corpus', () => {
    expect(expected.length).toBeGreaterThanOrEqual(31);
  });

  for (const file of expected) {
    const refusal = refusals[file.file];
    if (refusal) {
      it(`${file.file}: refused with ${refusal.code} on line ${refusal.line}`, () => {
        const err = refusalOf(file.file);
        expect(err.code).toBe(refusal.code);
        expect(err.kind).toBe('validation');
        expect(err.params).toMatchObject({ line: refusal.line, ...refusal.params });
      });
      continue;
    }

    describe(file.file, () => {
      const statements = parseCoda(readFileSync(dir + file.file));

      it('has the expected statements, balances and dates', () => {
        expect(statements).toHaveLength(file.statements.length);
        file.statements.forEach((e, i) => {
          const s = statements[i];
          expect({
            account: s.account,
            currency: s.currency,
            sequence: s.sequence,
            codaSequence: s.codaSequence,
            oldBalance: formatAmount(s.oldBalance),
            newBalance: formatAmount(s.newBalance),
            oldBalanceDate: s.oldBalanceDate,
            newBalanceDate: s.newBalanceDate,
            holderName: s.holderName,
          }).toEqual({
            account: e.account,
            currency: e.currency,
            sequence: e.sequence,
            codaSequence: e.codaSequence,
            oldBalance: e.oldBalance,
            newBalance: e.newBalance,
            oldBalanceDate: e.oldBalanceDate,
            newBalanceDate: e.newBalanceDate,
            holderName: e.holderName,
          });
        });
      });

      it('books the records 21 with detail 0000 and keeps the others as details', () => {
        file.statements.forEach((e, i) => {
          const s = statements[i];
          expect(s.movements).toHaveLength(e.movementCount);
          const sum = s.movements.reduce((a, m) => a + m.amount, 0n);
          expect(formatAmount(sum)).toBe(e.movementSum);
          const details = s.movements.flatMap((m) => m.details);
          // Details without their movement (detail 0000) are left out, with their amount in the warning.
          const orphans = s.issues.filter((x) => x.code === 'coda.orphan_detail');
          const detailSum =
            details.reduce((a, d) => a + (d.amount ?? 0n), 0n) +
            orphans.reduce((a, o) => a + decimalToThousandths(String(o.params.amount)), 0n);
          expect(formatAmount(detailSum)).toBe(e.detailSum);
          expect(s.movements.length + details.length + orphans.length).toBe(e.record21Count);
        });
      });

      it('warns exactly when old balance + movements differs from the new balance', () => {
        file.statements.forEach((e, i) => {
          const s = statements[i];
          const mismatch = issue(s, 'coda.balance_mismatch');
          if (e.balanceCheck === 'ok') expect(mismatch).toBeUndefined();
          else expect(`MISMATCH diff=${mismatch?.params.difference}`).toBe(e.balanceCheck);
        });
      });

      it('warns when record 8 names another account or statement number', () => {
        file.statements.forEach((e, i) => {
          const s = statements[i];
          expect(codes(s).includes('coda.account_mismatch')).toBe(e.record8Account !== e.account);
          expect(codes(s).includes('coda.sequence_mismatch')).toBe(e.newBalanceSequence !== e.sequence);
        });
      });

      it('checks the trailer (record count, debit and credit totals)', () => {
        expect(file.trailers).toHaveLength(statements.length); // one statement per 0…9 block in this corpus
        file.trailers.forEach((t, i) => {
          const s = statements[i];
          const counted = t['recordsCounted(1,2x,3x,8)'];
          const countOk = t.records === counted || t.records === counted + t.record4Lines;
          expect(codes(s).includes('coda.trailer_count_mismatch')).toBe(!countOk);
          expect(codes(s).includes('coda.trailer_debit_mismatch')).toBe(t.debit !== t['computedDebit(detail 0000)']);
          expect(codes(s).includes('coda.trailer_credit_mismatch')).toBe(t.credit !== t['computedCredit(detail 0000)']);
          if (!countOk) expect(issue(s, 'coda.trailer_count_mismatch')?.params).toMatchObject({ stated: t.records, counted });
        });
      });

      it('reads structured communications 101/102 and flags wrong check digits', () => {
        file.statements.forEach((e, i) => {
          const s = statements[i];
          const ogms = (e.structuredCommunications ?? []).filter((c) => c.type === '101' || c.type === '102');
          const found = s.movements
            .flatMap((m) => [m, ...m.details])
            .map((t) => t.structuredCommunication)
            .filter((c): c is string => c !== null);
          expect(found.map(formatOgm)).toEqual(ogms.map((c) => c.formatted));
          const invalid = s.issues.filter((x) => x.code === 'coda.invalid_ogm').map((x) => x.params.ogm);
          expect(invalid).toEqual(ogms.filter((c) => !c.mod97Valid).map((c) => c.formatted));
        });
      });

      it('warns about a duplicate header', () => {
        statements.forEach((s, i) => {
          expect(codes(s).includes('coda.duplicate_file')).toBe(file.headers[i].duplicate);
        });
      });
    });
  }
});

describe('CODA corpus: what the source projects assert', () => {
  const parse = (file: string) => parseCoda(readFileSync(dir + file));

  it('php sample1: first credit 5.00 with OGM 000003505158 from KLANT1 MET NAAM1', () => {
    const m = parse('php-coda-parser_sample1.cod')[0].movements[0];
    expect(formatAmount(m.amount)).toBe('5.00');
    expect(m.structuredCommunication).toBe('000003505158');
    expect(m.counterpartyAccount).toBe('BE22313215646432');
    expect(m.counterpartyName).toBe('KLANT1 MET NAAM1');
  });

  it('php sample6: a 3-decimal debit and a structured communication on the second movement', () => {
    const [s] = parse('php-coda-parser_sample6.cod');
    expect(formatAmount(s.movements[0].amount)).toBe('-767.823');
    expect(s.movements[0].counterpartyAccount).toBe('BE54805480215856');
    expect(s.movements[0].counterpartyName).toBe('BVBA.BAKKER PIET');
    expect(s.movements[0].counterpartyBic).toBe('GEBCEEBB');
    expect(s.movements[1].structuredCommunication).toBe('112455446812');
    expect(formatAmount(s.newBalance)).toBe('-500012.10');
  });

  it('php sample10: a collective credit of 1000.00 keeps its two SEPA details (issue #29)', () => {
    const [s] = parse('php-coda-parser_sample10.cod');
    expect(s.movements).toHaveLength(1);
    expect(formatAmount(s.movements[0].amount)).toBe('1000.00');
    expect(s.movements[0].details.map((d) => [formatAmount(d.amount!), d.counterpartyName, d.counterpartyAccount])).toEqual([
      ['250.00', 'KLANT1 MET NAAM1', 'BE22313215646432'],
      ['750.00', 'KLANT2 MET NAAM2', 'BE25646548413215'],
    ]);
  });

  it('php sample12: a group with a single detail is one movement (issue #31)', () => {
    const [s] = parse('php-coda-parser_sample12_pr32.cod');
    expect(s.movements).toHaveLength(1);
    expect(s.movements[0].details).toHaveLength(1);
  });

  it('febelfin CODA.txt: first movement as in the febelfin-coda README', () => {
    const [s] = parse('febelfin-coda_CODA.txt');
    const m = s.movements[0];
    expect(s.movements).toHaveLength(59);
    expect([m.valueDate, m.entryDate, formatAmount(m.amount), m.bankReference, m.transactionCode]).toEqual([
      '2006-12-06',
      '2006-12-06',
      '-2578.25',
      'EPIB00048 AWIUBTKAPUO',
      '00799000',
    ]);
    expect(m.communication).toBe("BORDEREAU DE DECOMPTE AVANCES    015 NUMERO D'OPERATION 495953");
    expect(s.warnings).toEqual([]);
  });

  it('pycoda single statement: 17 movements + 15 details = 32 records 21', () => {
    const [s] = parse('pycoda_Coda_v2_3_single_statement.txt');
    expect(s.movements).toHaveLength(17);
    expect(s.movements.flatMap((m) => m.details)).toHaveLength(15);
    expect(s.holderName).toBe('STORA ENSO LANGERBRUGGE NV');
    expect(s.creationDate).toBe('2009-03-05');
    expect(formatAmount(s.movements[0].amount)).toBe('20.00');
  });

  it('pycoda foreign account: structure 3 (FR IBAN), record 4 not counted in the trailer', () => {
    const [s] = parse('pycoda_Coda_foreign_account.txt');
    expect(s.accountStructure).toBe('3');
    expect(s.account).toBe('FR1234567890240924002304825');
    expect(s.warnings).toEqual([]);
  });

  it('pycoda faulty globalisation 2: the truncated trailer line is read with a warning', () => {
    const [s] = parse('pycoda_Coda_v2_3_faulty_globalisation_2.txt');
    expect(issue(s, 'coda.short_lines')?.params).toEqual({ line: 8, count: 1 });
    expect(s.movements).toHaveLength(2);
  });

  it('odoo file: the valid OGM +++240/2838/42818+++ raises no check-digit warning', () => {
    const [s] = parse('odoo_Ontvangen_CODA.2013-01-11-18.59.15.txt');
    expect(s.movements.flatMap((m) => [m, ...m.details]).some((t) => t.structuredCommunication === '240283842818')).toBe(true);
    expect(codes(s)).not.toContain('coda.invalid_ogm');
  });

  it('neuroglia: a detail without its movement is left out with a warning; old Belgian counterparty number', () => {
    const [s] = parse('neuroglia_test.coda');
    expect(s.movements).toHaveLength(0);
    expect(issue(s, 'coda.orphan_detail')?.params).toMatchObject({ line: 3, sequence: '0001', detail: '0001' });
  });

  it('the Latin-1, UTF-8 and ASCII copies of sample 2 read the same', () => {
    const strip = (list: ParsedStatement[]) => JSON.stringify(list, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    const latin1 = strip(parse('csharp-coda-parser_sample2_latin1.cod'));
    expect(strip(parse('ts-coda-parser_sample2_utf8.cod'))).toBe(latin1);
  });

  it('the Latin-1 byte 0xEF is read as ï in a counterparty name', () => {
    const [s] = parse('csharp-coda-parser_sample1_latin1.cod');
    expect(s.movements.some((m) => m.counterpartyName?.includes('ï'))).toBe(true);
  });
});
