/**
 * CODA 2.x reader (Febelfin "gecodeerde rekeninguittreksels"). Pure: text or bytes in, statements out.
 *
 * Positions follow shared/notes/coda-format.md (1-based in comments, 0-based in code).
 * Linear in the file size: bytes are decoded in pieces of 4 MB (never one string of the whole file),
 * each read line by line with indexOf; the movement records (2x, 3x: nearly all of a file) are read in
 * place, at their offset in the piece, and only the fields kept become (sliced, trimmed) strings — no
 * string per line, per blank zone, per code or per trim, so a parse makes little besides its result.
 * No regex per line and no array of lines.
 *
 * Booking rule: movements are the records 21 with detail number 0000; records 21 with another
 * detail number are kept as `details` of the movement with the same sequence number.
 */
import { validation, type AppError } from '../../core/errors.ts';
import { formatOgm, isValidOgm } from '../../core/ogm.ts';
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import {
  decodeWindows1252,
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

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isWhitespace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** s.slice(from, to).trim() || null, making one string at most (none for a blank zone). */
function field(s: string, from: number, to: number): string | null {
  while (from < to && isWhitespace(s.charCodeAt(from))) from++;
  while (to > from && isWhitespace(s.charCodeAt(to - 1))) to--;
  return from === to ? null : s.slice(from, to);
}

/** True when s[from, to) holds only whitespace. */
function blank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}

/** Counterparty account in record 23 pos 11–44 (at `at`): an IBAN, or an old Belgian number "290021239785 EUR BE". */
function counterpartyAccount(s: string, at: number): string | null {
  let from = at + 10;
  let to = at + 44;
  while (from < to && isWhitespace(s.charCodeAt(from))) from++;
  while (to > from && isWhitespace(s.charCodeAt(to - 1))) to--;
  if (from === to) return null;
  let end = from;
  let zeros = true;
  for (; end < to; end++) {
    const c = s.charCodeAt(end);
    if (c === 32) break;
    if (c !== 48) zeros = false;
  }
  return zeros ? null : s.slice(from, end);
}

function intern(cache: Map<string, string>, value: string): string {
  const known = cache.get(value);
  if (known !== undefined) return known;
  cache.set(value, value);
  return value;
}

/**
 * Communication of a record 21 with its continuations 22 and 23, each a zone [from, to) of its string:
 * concatenated only when 22/23 carry text (otherwise a trimmed slice of 21, which copies nothing).
 */
function communication(s21: string, from21: number, to21: number, s22: string, from22: number, to22: number, s23: string, from23: number, to23: number): string | null {
  const has23 = !blank(s23, from23, to23);
  if (!has23 && blank(s22, from22, to22)) return field(s21, from21, to21);
  const text = (s21.slice(from21, to21) + s22.slice(from22, to22) + (has23 ? s23.slice(from23, to23) : '')).trim();
  return text === '' ? null : text;
}

/** Size of the pieces a file is decoded in (they end at a line end). */
const PIECE_BYTES = 1 << 22;

/**
 * The file as text, in pieces of about 4 MB that each end at a line end, decoded as the rest of the
 * product reads bank files (valid UTF-8 as UTF-8, anything else as Windows-1252; a byte-order mark
 * dropped). Never one string of the whole file: each piece costs the same whatever the file's size
 * (one string of 56 MB took longer to make than to parse: fresh memory each time), and lines never
 * straddle two pieces.
 */
function* pieces(input: string | Uint8Array): Generator<string> {
  if (typeof input === 'string') {
    yield input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return;
  }
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const encoding = isAscii(bytes) ? 'ascii' : isUtf8(bytes) ? 'utf8' : 'windows-1252';
  const len = bytes.length;
  let start = encoding === 'utf8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < len) {
    const nl = start + PIECE_BYTES < len ? bytes.indexOf(10, start + PIECE_BYTES) : -1;
    const end = nl < 0 ? len : nl + 1;
    if (encoding === 'windows-1252') yield decodeWindows1252(bytes.subarray(start, end));
    else yield bytes.toString(encoding === 'ascii' ? 'latin1' : 'utf8', start, end);
    start = end;
  }
}

/**
 * Parses a CODA file (one or more 0…9 blocks, each with one or more statements).
 * Bytes are decoded as UTF-8 when valid, else as Windows-1252. Throws an AppError (validation)
 * naming the line for a version other than 2 or a malformed record; inconsistencies that a bank
 * file can carry (trailer totals, balances, check digits) become warnings on the statement.
 */
export function parseCoda(input: string | Uint8Array): ParsedStatement[] {
  const statements: ParsedStatement[] = [];
  const dates = new Map<number, string>();
  const codes = new Map<string, string>(); // transaction codes repeat: keep one string each
  const numericCodes = new Map<number, string>(); // the same, found by the value of their 8 digits

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
  let movementSeq = -1;
  // Transaction whose record 21 is being continued by 22/23 (a movement or a detail), with its
  // communication zones [from, to) in their strings (record 21, 22, 23)
  let pending: Transaction | null = null;
  let c21 = '';
  let f21 = 0;
  let t21 = 0;
  let c22 = '';
  let f22 = 0;
  let t22 = 0;
  let c23 = '';
  let f23 = 0;
  let t23 = 0;
  let sum = 0n;

  let seenRecord = false;
  let lineNo = 0;
  let lastLineNo = 0;
  for (const text of pieces(input)) {
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
      // The record is read at offset `at` of `src`: the text itself for a record of 128 characters (nearly
      // all), a padded or cut copy otherwise. The rare records (0, 1, 8, 9) take it as a `line` string.
      let src = text;
      let at = start;
      if (end - start !== RECORD_LENGTH) {
        if (end - start > RECORD_LENGTH) {
          if (!blank(text, start + RECORD_LENGTH, end)) throw malformed(lineNo, 'too_long');
        } else {
          if (/^[\s\x1a]*$/.test(text.slice(start, end))) continue; // blank line or DOS end-of-file mark
          if (shortLines++ === 0) firstShortLine = lineNo;
          src = text.slice(start, end).padEnd(RECORD_LENGTH);
          at = 0;
        }
      }
      lastLineNo = lineNo;
      const type = src.charCodeAt(at);
      const article = src.charCodeAt(at + 1);

      if (type === 50 /* 2: movement */) {
        if (!inBlock) throw malformed(lineNo, seenRecord ? 'outside_file' : 'no_header');
        if (!stmt) throw malformed(lineNo, 'outside_statement', src.slice(at, at + 2));
        counted++;
        if (article === 49 /* 21 */) {
          if (pending) pending.communication = communication(c21, f21, t21, c22, f22, t22, c23, f23, t23);
          pending = null;
          const seqN = digits(src, at + 2, at + 6);
          const detailN = digits(src, at + 6, at + 10);
          if (seqN < 0 || detailN < 0) throw malformed(lineNo, 'bad_number', '21');
          const amt = amount(src, at + 31, at + 32, lineNo, '21');
          const valueDate = date(src, at + 47, lineNo, '21', dates);
          const entryDate = date(src, at + 115, lineNo, '21', dates);
          const bankReference = field(src, at + 10, at + 31);
          // transaction codes repeat: one string per code (found by its digits without making a string)
          const codeN = digits(src, at + 53, at + 61);
          let transactionCode: string;
          if (codeN >= 0) {
            const known = numericCodes.get(codeN);
            if (known !== undefined) transactionCode = known;
            else numericCodes.set(codeN, (transactionCode = src.slice(at + 53, at + 61)));
          } else transactionCode = intern(codes, src.slice(at + 53, at + 61));
          let structuredCommunication: string | null = null;
          c21 = src;
          f21 = at + 62;
          t21 = at + 115;
          if (src.charCodeAt(at + 61) === 49 /* structured */) {
            f21 = at + 65; // other structured types: keep their raw text
            // type 101 or 102: a Belgian structured communication (OGM) of 12 digits
            if (src.charCodeAt(at + 62) === 49 && src.charCodeAt(at + 63) === 48 && (src.charCodeAt(at + 64) === 49 || src.charCodeAt(at + 64) === 50)) {
              if (digits(src, at + 65, at + 77) >= 0) {
                const ogm = src.slice(at + 65, at + 77);
                structuredCommunication = ogm;
                if (!isValidOgm(ogm)) warn(stmt, 'coda.invalid_ogm', { line: lineNo, ogm: formatOgm(ogm) });
                f21 = at + 77;
              } else {
                warn(stmt, 'coda.malformed_ogm', { line: lineNo, value: src.slice(at + 65, at + 77).trim() });
              }
            }
          }
          c22 = c23 = '';
          f22 = t22 = f23 = t23 = 0;

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
            movementSeq = seqN;
            sum += amt;
            if (amt < 0n) debit -= amt;
            else credit += amt;
            pending = m;
          } else if (movement && movementSeq === seqN) {
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
            warn(stmt, 'coda.orphan_detail', { line: lineNo, sequence: src.slice(at + 2, at + 6), detail: src.slice(at + 6, at + 10), amount: formatAmount(amt) });
          }
        } else if (article === 50 /* 22 */) {
          if (pending) {
            c22 = src;
            f22 = at + 10;
            t22 = at + 63;
            pending.endToEndId = field(src, at + 63, at + 98);
            pending.counterpartyBic = field(src, at + 98, at + 109);
          }
        } else if (article === 51 /* 23 */) {
          if (pending) {
            pending.counterpartyAccount = counterpartyAccount(src, at);
            pending.counterpartyName = field(src, at + 47, at + 82);
            c23 = src;
            f23 = at + 82;
            t23 = at + 125;
          }
        } else {
          throw malformed(lineNo, 'unknown_record', src.slice(at, at + 2));
        }
        continue;
      }

      if (type === 51 /* 3: information */) {
        if (!inBlock) throw malformed(lineNo, seenRecord ? 'outside_file' : 'no_header');
        if (!stmt) throw malformed(lineNo, 'outside_statement', src.slice(at, at + 2));
        if (article < 49 || article > 51) throw malformed(lineNo, 'unknown_record', src.slice(at, at + 2));
        counted++;
        // 31 with structured type 001 holds the counterparty's name (70 chars) when 23 had none
        if (
          article === 49 && pending && pending.counterpartyName === null && src.charCodeAt(at + 39) === 49 &&
          src.charCodeAt(at + 40) === 48 && src.charCodeAt(at + 41) === 48 && src.charCodeAt(at + 42) === 49
        ) {
          pending.counterpartyName = field(src, at + 43, at + 113);
        }
        continue;
      }

      const line = at === 0 && src.length === RECORD_LENGTH ? src : src.slice(at, at + RECORD_LENGTH);

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
        movementSeq = -1;
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
        if (pending) pending.communication = communication(c21, f21, t21, c22, f22, t22, c23, f23, t23);
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
  }

  if (!seenRecord) throw validation('coda.empty_file');
  if (inBlock) throw malformed(lastLineNo, 'missing_trailer');
  return statements;
}
