/**
 * CODA 2.x reader (Febelfin "gecodeerde rekeninguittreksels"). Pure: text or bytes in, statements out.
 *
 * Positions follow shared/notes/coda-format.md (1-based in comments, 0-based in code).
 * The file is read line by line with indexOf and fixed-column slices: no regex per line and no
 * array of lines, so a large file costs little more than its own text.
 *
 * Booking rule: movements are the records 21 with detail number 0000; records 21 with another
 * detail number are kept as `details` of the movement with the same sequence number.
 */
import { validation, type AppError } from '../../core/errors.ts';
import { formatOgm, isValidOgm } from '../../core/ogm.ts';
import {
  decodeBankFile,
  formatAmount,
  type Movement,
  type ParsedStatement,
  type StatementIssue,
  type Transaction,
  warn,
} from '../statement.ts';
import './messages.ts';

const RECORD_LENGTH = 128;

function malformed(line: number, reason: string, record?: string): AppError {
  const code = `coda.reason.${reason}`;
  return validation('coda.malformed_record', { line, reason: code, ...(record ? { record } : {}) }, [{ line, code }]);
}

/** Value of the digits in line[from, to), or -1 when one of them is not a digit. */
function digits(line: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Signed amount in thousandths: sign digit at `signAt` (0 credit, 1 debit), 15 digits (12 + 3) from `from`. */
function amount(line: string, signAt: number, from: number, lineNo: number, record: string): bigint {
  const sign = line.charCodeAt(signAt);
  const n = digits(line, from, from + 15); // at most 999 999 999 999 999 < 2^53
  if (n < 0 || (sign !== 48 && sign !== 49)) throw malformed(lineNo, 'bad_amount', record);
  const v = BigInt(n);
  return sign === 49 ? -v : v;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** DDMMYY at `from` as YYYY-MM-DD; "000000" and blanks are "unknown" (null). Cached per file. */
function date(line: string, from: number, lineNo: number, record: string, cache: Map<number, string>): string | null {
  const n = digits(line, from, from + 6);
  if (n === 0) return null;
  if (n < 0) {
    if (line.slice(from, from + 6).trim() === '') return null;
    throw malformed(lineNo, 'bad_date', record);
  }
  const cached = cache.get(n);
  if (cached !== undefined) return cached;
  const dd = Math.floor(n / 10000);
  const mm = Math.floor(n / 100) % 100;
  const yy = n % 100;
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (mm < 1 || mm > 12 || dd < 1 || dd > DAYS_IN_MONTH[mm] || (mm === 2 && dd === 29 && !leap)) {
    throw malformed(lineNo, 'bad_date', record);
  }
  const iso = `${year}-${mm < 10 ? '0' : ''}${mm}-${dd < 10 ? '0' : ''}${dd}`;
  cache.set(n, iso);
  return iso;
}

/** Account and currency from the 37-character account zone (record 1 pos 6–42, record 8 pos 5–41). */
function accountZone(line: string, at: number, structure: string): { account: string; currency: string } {
  switch (structure) {
    case '0': // Belgian account number: 12 digits, blank, currency
      return { account: line.slice(at, at + 12), currency: line.slice(at + 13, at + 16) };
    case '2': // IBAN of a Belgian account: 31 + 3 extension + currency
      return { account: line.slice(at, at + 31).trim(), currency: line.slice(at + 34, at + 37) };
    case '1': // foreign account number
    case '3': // IBAN of a foreign account
      return { account: line.slice(at, at + 34).trim(), currency: line.slice(at + 34, at + 37) };
    default: {
      // Blank structure digit (seen from Bpost): an IBAN if it looks like one, else a Belgian number.
      const zone = line.slice(at, at + 37);
      if (/^[A-Z]{2}\d{2}/.test(zone)) {
        const space = zone.indexOf(' ');
        const currency = zone.slice(34, 37);
        return { account: zone.slice(0, space < 0 ? 34 : space), currency: /^[A-Z]{3}$/.test(currency) ? currency : zone.slice(13, 16) };
      }
      return { account: zone.slice(0, 12), currency: zone.slice(13, 16) };
    }
  }
}

/** Counterparty account in record 23 pos 11–44: an IBAN, or an old Belgian number "290021239785 EUR BE". */
function counterpartyAccount(line: string): string | null {
  const zone = line.slice(10, 44).trim();
  if (zone === '') return null;
  const space = zone.indexOf(' ');
  const account = space < 0 ? zone : zone.slice(0, space);
  return /^0+$/.test(account) ? null : account;
}

function intern(cache: Map<string, string>, value: string): string {
  const known = cache.get(value);
  if (known !== undefined) return known;
  cache.set(value, value);
  return value;
}

/** Communication of a record 21 with its continuations 22 and 23: concatenated only when they carry text. */
function communication(comm21: string, comm22: string, comm23: string): string | null {
  // Trimming a slice of the file copies nothing; concatenating does, so only when 22/23 are not blank.
  const text = (isBlank(comm23) ? (isBlank(comm22) ? comm21 : comm21 + comm22) : comm21 + comm22 + comm23).trim();
  return text === '' ? null : text;
}

/** s.trim() === '' without making a string for the common cases (all spaces, or a visible character first). */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) continue;
    if (c > 32 && c !== 160 && c < 0x1680) return false;
    return s.trim() === '';
  }
  return true;
}

/**
 * Parses a CODA file (one or more 0…9 blocks, each with one or more statements).
 * Bytes are decoded as UTF-8 when valid, else as Windows-1252. Throws an AppError (validation)
 * naming the line for a version other than 2 or a malformed record; inconsistencies that a bank
 * file can carry (trailer totals, balances, check digits) become warnings on the statement.
 */
export function parseCoda(input: string | Uint8Array): ParsedStatement[] {
  let text = typeof input === 'string' ? input : decodeBankFile(input).text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const statements: ParsedStatement[] = [];
  const dates = new Map<number, string>();
  const codes = new Map<string, string>(); // transaction codes repeat: keep one string each

  // Current 0…9 block ("file" in the standard)
  let inBlock = false;
  let blockStatements: ParsedStatement[] = [];
  let blockIssues: StatementIssue[] = [];
  let counted = 0; // records 1, 21, 22, 23, 31, 32, 33, 8
  let record4 = 0;
  let debit = 0n;
  let credit = 0n;
  let shortLines = 0;
  let firstShortLine = 0;
  let duplicate = false;
  let headerLine = 0;
  let creationDate: string | null = null;
  let bic: string | null = null;

  // Current statement and record 21
  let stmt: ParsedStatement | null = null;
  let structure = '';
  let movement: Movement | null = null;
  let movementSeq = '';
  // Transaction whose record 21 is being continued by 22/23 (a movement or a detail), with its communication parts
  let pending: Transaction | null = null;
  let comm21 = '';
  let comm22 = '';
  let comm23 = '';
  let sum = 0n;

  let seenRecord = false;
  let lineNo = 0;
  let lastLineNo = 0;
  let pos = 0;
  const len = text.length;

  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const start = pos;
    pos = nl + 1;
    lineNo++;
    if (end === start) continue;
    let line = text.slice(start, end);
    if (line.length !== RECORD_LENGTH) {
      if (line.length > RECORD_LENGTH) {
        if (line.slice(RECORD_LENGTH).trim() !== '') throw malformed(lineNo, 'too_long');
        line = line.slice(0, RECORD_LENGTH);
      } else {
        if (/^[\s\x1a]*$/.test(line)) continue; // blank line or DOS end-of-file mark
        if (shortLines++ === 0) firstShortLine = lineNo;
        line = line.padEnd(RECORD_LENGTH);
      }
    }
    lastLineNo = lineNo;
    const type = line.charCodeAt(0);

    if (type === 48 /* 0: header */) {
      if (stmt) throw malformed(lineNo, 'statement_not_closed', '0');
      if (inBlock) throw malformed(lineNo, 'missing_trailer', '0');
      const version = line.charAt(127);
      if (version !== '2') {
        throw validation('coda.unsupported_version', { line: lineNo, version: version.trim() || '?' });
      }
      seenRecord = true;
      inBlock = true;
      duplicate = line.charCodeAt(16) === 68; // 'D'
      headerLine = lineNo;
      creationDate = date(line, 5, lineNo, '0', dates);
      bic = line.slice(60, 71).trim() || null;
      continue;
    }

    if (!inBlock) throw malformed(lineNo, seenRecord ? 'outside_file' : 'no_header');
    const article = line.charCodeAt(1);

    if (type === 50 /* 2: movement */) {
      if (!stmt) throw malformed(lineNo, 'outside_statement', line.slice(0, 2));
      counted++;
      if (article === 49 /* 21 */) {
        if (pending) pending.communication = communication(comm21, comm22, comm23);
        pending = null;
        const seqN = digits(line, 2, 6);
        const detailN = digits(line, 6, 10);
        if (seqN < 0 || detailN < 0) throw malformed(lineNo, 'bad_number', '21');
        const seq = line.slice(2, 6);
        const amt = amount(line, 31, 32, lineNo, '21');
        const valueDate = date(line, 47, lineNo, '21', dates);
        const entryDate = date(line, 115, lineNo, '21', dates);
        const bankReference = line.slice(10, 31).trim() || null;
        const transactionCode = intern(codes, line.slice(53, 61));
        let structuredCommunication: string | null = null;
        if (line.charCodeAt(61) === 49 /* structured */) {
          const commType = line.slice(62, 65);
          if (commType === '101' || commType === '102') {
            const ogm = line.slice(65, 77);
            if (digits(line, 65, 77) >= 0) {
              structuredCommunication = ogm;
              if (!isValidOgm(ogm)) warn(stmt, 'coda.invalid_ogm', { line: lineNo, ogm: formatOgm(ogm) });
              comm21 = line.slice(77, 115);
            } else {
              warn(stmt, 'coda.malformed_ogm', { line: lineNo, value: ogm.trim() });
              comm21 = line.slice(65, 115);
            }
          } else {
            comm21 = line.slice(65, 115); // other structured types: keep their raw text
          }
        } else {
          comm21 = line.slice(62, 115);
        }
        comm22 = '';
        comm23 = '';

        // One object literal per kind (a movement with its details array, a detail without), so that
        // each keeps one shape with all its fields in the object: a large file makes many of them.
        if (detailN === 0) {
          const m: Movement = {
            amount: amt,
            valueDate,
            entryDate,
            structuredCommunication,
            creditorReference: null,
            communication: null,
            counterpartyName: null,
            counterpartyAccount: null,
            counterpartyBic: null,
            bankReference,
            endToEndId: null,
            transactionCode,
            details: [],
          };
          stmt.movements.push(m);
          movement = m;
          movementSeq = seq;
          sum += amt;
          if (amt < 0n) debit -= amt;
          else credit += amt;
          pending = m;
        } else if (movement && movementSeq === seq) {
          const tx: Transaction = {
            amount: amt,
            valueDate,
            entryDate,
            structuredCommunication,
            creditorReference: null,
            communication: null,
            counterpartyName: null,
            counterpartyAccount: null,
            counterpartyBic: null,
            bankReference,
            endToEndId: null,
            transactionCode,
          };
          movement.details.push(tx);
          pending = tx;
        } else {
          warn(stmt, 'coda.orphan_detail', { line: lineNo, sequence: seq, detail: line.slice(6, 10), amount: formatAmount(amt) });
        }
      } else if (article === 50 /* 22 */) {
        if (pending) {
          comm22 = line.slice(10, 63);
          pending.endToEndId = line.slice(63, 98).trim() || null;
          pending.counterpartyBic = line.slice(98, 109).trim() || null;
        }
      } else if (article === 51 /* 23 */) {
        if (pending) {
          pending.counterpartyAccount = counterpartyAccount(line);
          pending.counterpartyName = line.slice(47, 82).trim() || null;
          comm23 = line.slice(82, 125);
        }
      } else {
        throw malformed(lineNo, 'unknown_record', line.slice(0, 2));
      }
      continue;
    }

    if (type === 51 /* 3: information */) {
      if (!stmt) throw malformed(lineNo, 'outside_statement', line.slice(0, 2));
      if (article < 49 || article > 51) throw malformed(lineNo, 'unknown_record', line.slice(0, 2));
      counted++;
      // 31 with structured type 001 holds the counterparty's name (70 chars) when 23 had none
      if (article === 49 && pending && pending.counterpartyName === null && line.charCodeAt(39) === 49 && line.slice(40, 43) === '001') {
        pending.counterpartyName = line.slice(43, 113).trim() || null;
      }
      continue;
    }

    if (type === 49 /* 1: old balance */) {
      if (stmt) throw malformed(lineNo, 'statement_not_closed', '1');
      counted++;
      structure = line.charAt(1);
      if (structure !== '0' && structure !== '1' && structure !== '2' && structure !== '3' && structure !== ' ') {
        throw malformed(lineNo, 'bad_account_structure', '1');
      }
      const { account, currency } = accountZone(line, 5, structure);
      stmt = {
        format: 'coda',
        account,
        currency: currency.trim(),
        sequence: line.slice(2, 5),
        oldBalance: amount(line, 42, 43, lineNo, '1'),
        newBalance: 0n,
        oldBalanceDate: date(line, 58, lineNo, '1', dates),
        newBalanceDate: null,
        holderName: line.slice(64, 90).trim() || null,
        movements: [],
        warnings: [],
        issues: [],
        accountStructure: structure,
        codaSequence: line.slice(125, 128).trim() || null,
        accountDescription: line.slice(90, 125).trim() || null,
        bic,
        creationDate,
        duplicate,
      };
      movement = null;
      movementSeq = '';
      pending = null;
      sum = 0n;
      if (duplicate) warn(stmt, 'coda.duplicate_file', { line: headerLine });
      statements.push(stmt);
      blockStatements.push(stmt);
      continue;
    }

    if (type === 56 /* 8: new balance */) {
      if (!stmt) throw malformed(lineNo, 'outside_statement', '8');
      counted++;
      if (pending) pending.communication = communication(comm21, comm22, comm23);
      pending = null;
      const s = stmt;
      s.newBalance = amount(line, 41, 42, lineNo, '8');
      s.newBalanceDate = date(line, 57, lineNo, '8', dates);
      const sequence8 = line.slice(1, 4);
      if (sequence8 !== s.sequence) {
        warn(s, 'coda.sequence_mismatch', { line: lineNo, sequence: s.sequence, newBalanceSequence: sequence8 });
      }
      const account8 = accountZone(line, 4, structure).account;
      if (account8 !== s.account) {
        warn(s, 'coda.account_mismatch', { line: lineNo, account: s.account, newBalanceAccount: account8 });
      }
      const computed = s.oldBalance + sum;
      if (computed !== s.newBalance) {
        warn(s, 'coda.balance_mismatch', {
          line: lineNo,
          account: s.account,
          sequence: s.sequence,
          oldBalance: formatAmount(s.oldBalance),
          movementSum: formatAmount(sum),
          computed: formatAmount(computed),
          newBalance: formatAmount(s.newBalance),
          difference: formatAmount(computed - s.newBalance),
        });
      }
      stmt = null;
      continue;
    }

    if (type === 52 /* 4: free communication, not counted in the trailer */) {
      record4++;
      continue;
    }

    if (type === 57 /* 9: trailer */) {
      if (stmt) throw malformed(lineNo, 'statement_not_closed', '9');
      const stated = digits(line, 16, 22);
      if (stated < 0) throw malformed(lineNo, 'bad_number', '9');
      const statedDebit = digits(line, 22, 37);
      const statedCredit = digits(line, 37, 52);
      if (statedDebit < 0 || statedCredit < 0) throw malformed(lineNo, 'bad_amount', '9');
      // The standard counts records 1, 2x, 3x and 8; some writers also count record 4.
      if (stated !== counted && stated !== counted + record4) {
        blockIssues.push({ code: 'coda.trailer_count_mismatch', params: { line: lineNo, stated, counted } });
      }
      if (BigInt(statedDebit) !== debit) {
        blockIssues.push({
          code: 'coda.trailer_debit_mismatch',
          params: { line: lineNo, stated: formatAmount(BigInt(statedDebit)), computed: formatAmount(debit) },
        });
      }
      if (BigInt(statedCredit) !== credit) {
        blockIssues.push({
          code: 'coda.trailer_credit_mismatch',
          params: { line: lineNo, stated: formatAmount(BigInt(statedCredit)), computed: formatAmount(credit) },
        });
      }
      if (shortLines > 0) blockIssues.push({ code: 'coda.short_lines', params: { line: firstShortLine, count: shortLines } });
      for (const s of blockStatements) for (const issue of blockIssues) warn(s, issue.code, issue.params);
      inBlock = false;
      blockStatements = [];
      blockIssues = [];
      counted = 0;
      record4 = 0;
      debit = 0n;
      credit = 0n;
      shortLines = 0;
      continue;
    }

    throw malformed(lineNo, 'unknown_record', line.charAt(0));
  }

  if (!seenRecord) throw validation('coda.empty_file');
  if (inBlock) throw malformed(lastLineNo, 'missing_trailer');
  return statements;
}
