import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../core/errors.ts';
import { translate } from '../../core/i18n/index.ts';
import { formatAmount, statementToJson } from '../statement.ts';
import { codaMessages } from './messages.ts';
import { parseCoda } from './parse.ts';

/** A 128-character record with texts at 1-based positions, as the standard numbers them. */
function rec(...parts: Array<[number, string]>): string {
  const chars = new Array<string>(128).fill(' ');
  for (const [pos, text] of parts) for (let i = 0; i < text.length; i++) chars[pos - 1 + i] = text[i];
  return chars.join('');
}

const header = (version = '2', duplicate = ' ') =>
  rec([1, '00000'], [6, '150124'], [12, '000'], [15, '05'], [17, duplicate], [35, 'ARGONAUT TEST'], [61, 'GKCCBEBB'], [128, version]);
const oldBalance = (balance = '000000001000000', seq = '001') =>
  rec([1, '12'], [3, seq], [6, 'BE68539007547034'], [40, 'EUR'], [43, '0'], [44, balance], [59, '140124'], [65, 'ARGONAUT BV'], [91, 'Zichtrekening'], [126, '001']);
const movement = (o: { seq?: string; detail?: string; sign?: string; amount?: string; comm?: string; structured?: boolean; type?: string } = {}) =>
  rec(
    [1, '21'],
    [3, o.seq ?? '0001'],
    [7, o.detail ?? '0000'],
    [11, 'REF0001 ABCDEFGHIJK'],
    [32, o.sign ?? '0'],
    [33, o.amount ?? '000000000123450'],
    [48, '150124'],
    [54, `${o.type ?? '0'}0150000`],
    [62, o.structured === false ? '0' : '1'],
    [63, o.comm ?? '101240283842818'],
    [116, '150124'],
    [122, '001'],
    [125, '0'],
    [126, '1'],
    [128, '0'],
  );
const counterparty = (name = 'CAFE BRULE', seq = '0001', detail = '0000') =>
  rec([1, '23'], [3, seq], [7, detail], [11, 'BE71096123456769'], [45, 'EUR'], [48, name], [126, '0'], [128, '0']);
const newBalance = (balance = '000000001123450', seq = '001') =>
  rec([1, '8'], [2, seq], [5, 'BE68539007547034'], [39, 'EUR'], [42, '0'], [43, balance], [58, '150124'], [128, '0']);
const trailer = (count = '000004', debit = '000000000000000', credit = '000000000123450') =>
  rec([1, '9'], [17, count], [23, debit], [38, credit], [128, '2']);

const simpleFile = (name?: string) => [header(), oldBalance(), movement(), counterparty(name), newBalance(), trailer()];

function refusal(input: string | Uint8Array): AppError {
  try {
    parseCoda(input);
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('parseCoda', () => {
  it('reads a statement with one credit, its OGM and counterparty', () => {
    const [s] = parseCoda(simpleFile().join('\n'));
    expect(s).toMatchObject({
      format: 'coda',
      account: 'BE68539007547034',
      accountStructure: '2',
      currency: 'EUR',
      sequence: '001',
      oldBalanceDate: '2024-01-14',
      newBalanceDate: '2024-01-15',
      holderName: 'ARGONAUT BV',
      bic: 'GKCCBEBB',
      warnings: [],
    });
    expect(s.oldBalance).toBe(1_000_000n);
    expect(s.newBalance).toBe(1_123_450n);
    const m = s.movements[0];
    expect(m).toMatchObject({
      amount: 123_450n,
      valueDate: '2024-01-15',
      entryDate: '2024-01-15',
      structuredCommunication: '240283842818',
      communication: null,
      counterpartyName: 'CAFE BRULE',
      counterpartyAccount: 'BE71096123456769',
      transactionCode: '00150000',
      bankReference: 'REF0001 ABCDEFGHIJK',
    });
    expect(statementToJson(s).movements[0]).toEqual({
      amount: '123.45',
      valueDate: '2024-01-15',
      entryDate: '2024-01-15',
      structuredCommunication: '240283842818',
      communication: null,
      counterpartyName: 'CAFE BRULE',
      counterpartyAccount: 'BE71096123456769',
    });
  });

  it('reads LF, CRLF, a missing final newline and trailing blank lines alike', () => {
    const lines = simpleFile();
    const lf = parseCoda(lines.join('\n'));
    expect(parseCoda(lines.join('\r\n') + '\r\n')).toEqual(lf);
    expect(parseCoda(lines.join('\n') + '\n\n\n')).toEqual(lf);
    expect(parseCoda(lines.join('\r\n'))).toEqual(lf);
  });

  it('decodes UTF-8 (lines longer than 128 bytes) and Latin-1 bytes to the same text', () => {
    const text = simpleFile('CAFÉ BRÛLÉ à Liège').join('\r\n');
    const utf8 = parseCoda(Buffer.from(text, 'utf8'));
    const latin1 = parseCoda(Buffer.from(text, 'latin1'));
    expect(utf8[0].movements[0].counterpartyName).toBe('CAFÉ BRÛLÉ à Liège');
    expect(latin1).toEqual(utf8);
    // A byte-order mark is dropped
    expect(parseCoda(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual(utf8);
  });

  it('reads Windows-1252 bytes that are not Latin-1 (0x80 is €)', () => {
    const bytes = Buffer.from(simpleFile('EURO X').join('\n'), 'latin1');
    const at = bytes.indexOf('EURO X');
    bytes[at + 5] = 0x80;
    expect(parseCoda(bytes)[0].movements[0].counterpartyName).toBe('EURO €');
  });

  it('keeps three decimals exactly and reads a debit sign', () => {
    const file = [header(), oldBalance(), movement({ sign: '1', amount: '000000000767823' }), newBalance('000000000232177'), trailer('000003', '000000000767823', '000000000000000')];
    const [s] = parseCoda(file.join('\n'));
    expect(s.movements[0].amount).toBe(-767_823n);
    expect(formatAmount(s.movements[0].amount)).toBe('-767.823');
    expect(s.warnings).toEqual([]);
  });

  it('keeps the detail records of a globalised movement, and books only the total', () => {
    const file = [
      header(),
      oldBalance(),
      movement({ type: '1', amount: '000000000300000', structured: false, comm: 'BATCH' }),
      movement({ detail: '0001', type: '5', amount: '000000000100000' }),
      counterparty('KLANT EEN', '0001', '0001'),
      movement({ detail: '0002', type: '5', amount: '000000000200000', structured: false, comm: 'FACTUUR 2' }),
      newBalance('000000001300000'),
      trailer('000006', '000000000000000', '000000000300000'),
    ];
    const [s] = parseCoda(file.join('\n'));
    expect(s.movements).toHaveLength(1);
    expect(s.movements[0].amount).toBe(300_000n);
    expect(s.movements[0].communication).toBe('BATCH');
    expect(s.movements[0].details.map((d) => [d.amount, d.counterpartyName, d.communication])).toEqual([
      [100_000n, 'KLANT EEN', null],
      [200_000n, null, 'FACTUUR 2'],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('reads several statements in one file (several 0…9 blocks)', () => {
    const second = [header(), oldBalance('000000001123450', '002'), newBalance('000000001123450', '002'), trailer('000002', '000000000000000', '000000000000000')];
    const statements = parseCoda([...simpleFile(), ...second].join('\n'));
    expect(statements.map((s) => [s.sequence, formatAmount(s.oldBalance), formatAmount(s.newBalance), s.movements.length])).toEqual([
      ['001', '1000.00', '1123.45', 1],
      ['002', '1123.45', '1123.45', 0],
    ]);
  });

  it('flags a structured communication with wrong check digits but keeps it', () => {
    const file = simpleFile();
    file[2] = movement({ comm: '101000003505158' });
    const [s] = parseCoda(file.join('\n'));
    expect(s.movements[0].structuredCommunication).toBe('000003505158');
    expect(s.issues).toEqual([{ code: 'coda.invalid_ogm', params: { line: 3, ogm: '+++000/0035/05158+++' } }]);
    expect(s.warnings).toEqual(['Line 3: the structured communication +++000/0035/05158+++ has wrong check digits.']);
  });

  it('keeps a structured communication that is not 12 digits as text, with a warning', () => {
    const file = simpleFile();
    file[2] = movement({ comm: '101ABC/DEF' });
    const [s] = parseCoda(file.join('\n'));
    expect(s.movements[0].structuredCommunication).toBeNull();
    expect(s.movements[0].communication).toBe('ABC/DEF');
    expect(s.issues[0].code).toBe('coda.malformed_ogm');
  });

  it('reports an inconsistent statement (old balance + movements ≠ new balance) in three languages', () => {
    const file = simpleFile();
    file[4] = newBalance('000000001123460');
    const [s] = parseCoda(file.join('\n'));
    expect(s.issues).toEqual([
      {
        code: 'coda.balance_mismatch',
        params: {
          line: 5,
          account: 'BE68539007547034',
          sequence: '001',
          oldBalance: '1000.00',
          movementSum: '123.45',
          computed: '1123.45',
          newBalance: '1123.46',
          difference: '-0.01',
        },
      },
    ]);
    expect(statementToJson(s, 'nl').warnings[0]).toContain('Uittreksel 001 van rekening BE68539007547034 klopt niet');
    expect(statementToJson(s, 'fr').warnings[0]).toContain("L'extrait 001 du compte BE68539007547034 est incohérent");
  });

  it('warns when the trailer count or totals disagree with the records', () => {
    const file = simpleFile();
    file[5] = trailer('000009', '000000000000100', '000000000123450');
    const [s] = parseCoda(file.join('\n'));
    expect(s.issues.map((i) => [i.code, i.params])).toEqual([
      ['coda.trailer_count_mismatch', { line: 6, stated: 9, counted: 4 }],
      ['coda.trailer_debit_mismatch', { line: 6, stated: '0.10', computed: '0.00' }],
    ]);
  });

  it('warns about a duplicate file and about a detail without its movement', () => {
    const file = simpleFile();
    file[0] = header('2', 'D');
    file.splice(4, 0, movement({ seq: '0002', detail: '0001', amount: '000000000000100' }));
    file[6] = trailer('000005');
    const [s] = parseCoda(file.join('\n'));
    expect(s.issues.map((i) => i.code)).toEqual(['coda.duplicate_file', 'coda.orphan_detail']);
    expect(s.issues[1].params).toEqual({ line: 5, sequence: '0002', detail: '0001', amount: '0.10' });
    expect(s.duplicate).toBe(true);
  });

  it('reads a short (truncated) line as blanks, with a warning', () => {
    const file = simpleFile();
    file[5] = file[5].slice(0, 57);
    const [s] = parseCoda(file.join('\n'));
    expect(s.issues).toEqual([{ code: 'coda.short_lines', params: { line: 6, count: 1 } }]);
  });

  it('accepts blanks after position 128 but refuses a longer record', () => {
    const file = simpleFile();
    file[1] = file[1] + '   ';
    expect(parseCoda(file.join('\n'))).toHaveLength(1);
    file[1] = file[1].slice(0, 10) + 'badbadbad' + file[1].slice(10);
    const err = refusal(file.join('\n'));
    expect(err.code).toBe('coda.malformed_record');
    expect(err.params).toEqual({ line: 2, reason: 'coda.reason.too_long' });
    expect(translate(err.code, 'en', err.params)).toBe('Line 2 is not a valid CODA record: the line is longer than 128 characters.');
    expect(translate(err.code, 'nl', err.params)).toBe('Regel 2 is geen geldig CODA-record: de regel is langer dan 128 tekens.');
    expect(translate(err.code, 'fr', err.params)).toBe("La ligne 2 n'est pas un enregistrement CODA valide : la ligne dépasse 128 caractères.");
  });

  it('reads a file of several megabytes (decoded in 4 MB pieces) as one: movements, Latin-1 and UTF-8 text, line numbers', () => {
    // 40,000 movements in one statement (about 10 MB), every 7th with a Latin-1 name; line numbers run on
    const lines = [header(), oldBalance('000000000000000')];
    let total = 0n;
    for (let i = 0; i < 40_000; i++) {
      const seq = String((i % 9999) + 1).padStart(4, '0');
      lines.push(movement({ seq, amount: '000000000001000', comm: `101${'240283842818'}` }), counterparty(i % 7 === 0 ? 'CAFÉ BRÛLÉ' : 'BAKKERIJ PEETERS', seq));
      total += 1000n;
    }
    lines.push(newBalance(String(total).padStart(15, '0')), trailer(String(lines.length).padStart(6, '0'), '000000000000000', String(total).padStart(15, '0')));
    const text = lines.join('\r\n');
    for (const encoding of ['latin1', 'utf8'] as const) {
      const bytes = Buffer.from(text, encoding);
      expect(bytes.length).toBeGreaterThan(2 * (1 << 22));
      const [s] = parseCoda(bytes);
      expect(s.warnings).toEqual([]);
      expect(s.movements).toHaveLength(40_000);
      expect(s.movements.filter((m) => m.counterpartyName === 'CAFÉ BRÛLÉ')).toHaveLength(5715);
      expect(s.movements.at(-1)).toMatchObject({ counterpartyName: 'BAKKERIJ PEETERS', structuredCommunication: '240283842818', amount: 1000n });
      // a broken amount far into the file (a record 21, line 70,003) is named by its line number
      const broken = [...lines];
      broken[70_002] = broken[70_002].slice(0, 32) + 'X' + broken[70_002].slice(33);
      expect(refusal(Buffer.from(broken.join('\r\n'), encoding)).params).toMatchObject({ line: 70_003, reason: 'coda.reason.bad_amount' });
    }
  });

  it('refuses a malformed line, naming the line and the reason', () => {
    const cases: Array<[number, string, string, string]> = [
      [3, movement({ amount: '00000000012A450' }), 'coda.reason.bad_amount', '21'],
      [3, movement({ sign: '7' }), 'coda.reason.bad_amount', '21'],
      [3, movement({ seq: '00X1' }), 'coda.reason.bad_number', '21'],
      [2, oldBalance().slice(0, 58) + '320124' + oldBalance().slice(64), 'coda.reason.bad_date', '1'],
      [5, newBalance().slice(0, 57) + '290223' + newBalance().slice(63), 'coda.reason.bad_date', '8'],
      [2, '15' + oldBalance().slice(2), 'coda.reason.bad_account_structure', '1'],
      [4, rec([1, '24'], [3, '0001']), 'coda.reason.unknown_record', '24'],
      [4, rec([1, 'X']), 'coda.reason.unknown_record', 'X'],
    ];
    for (const [line, record, reason, recordType] of cases) {
      const file = simpleFile();
      file[line - 1] = record;
      const err = refusal(file.join('\n'));
      expect(err.code, reason).toBe('coda.malformed_record');
      expect(err.params, reason).toEqual({ line, reason, record: recordType });
      expect(err.details).toEqual([{ line, code: reason }]);
    }
  });

  it('refuses a file that is cut off or out of order', () => {
    const file = simpleFile();
    expect(refusal(file.slice(0, 5).join('\n')).params).toEqual({ line: 5, reason: 'coda.reason.missing_trailer' });
    expect(refusal(file.slice(0, 4).join('\n')).params).toEqual({ line: 4, reason: 'coda.reason.missing_trailer' });
    expect(refusal([...file.slice(0, 4), file[5]].join('\n')).params).toEqual({ line: 5, reason: 'coda.reason.statement_not_closed', record: '9' });
    expect(refusal(file.slice(1).join('\n')).params).toEqual({ line: 1, reason: 'coda.reason.no_header' });
    expect(refusal([header(), file[2]].join('\n')).params).toEqual({ line: 2, reason: 'coda.reason.outside_statement', record: '21' });
    expect(refusal([...file, file[1]].join('\n')).params).toEqual({ line: 7, reason: 'coda.reason.outside_file' });
  });

  it('refuses a version other than 2', () => {
    for (const version of ['1', '5', ' ']) {
      const err = refusal([header(version), ...simpleFile().slice(1)].join('\n'));
      expect(err.code).toBe('coda.unsupported_version');
      expect(err.params).toEqual({ line: 1, version: version.trim() || '?' });
    }
  });

  it('refuses an empty file', () => {
    expect(refusal('').code).toBe('coda.empty_file');
    expect(refusal('\r\n\r\n').code).toBe('coda.empty_file');
  });
});

describe('CODA messages', () => {
  it('exist in Dutch, French and English with the same placeholders', () => {
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, texts] of Object.entries(codaMessages)) {
      expect(placeholders(texts.nl), code).toEqual(placeholders(texts.en));
      expect(placeholders(texts.fr), code).toEqual(placeholders(texts.en));
      expect(texts.nl, code).not.toBe(texts.en);
      expect(texts.fr, code).not.toBe(texts.en);
    }
  });
});
