/**
 * Builds a small CODA 2.x file for tests (records 0, 1, 21, 23, 8, 9; 128 characters each, CRLF),
 * with correct trailer counts and totals, so a test controls the account, balances and movements.
 */
export interface CodaMovement {
  /** cents, money in > 0 */
  amount: number;
  /** a Belgian structured communication (12 digits) or free text */
  ogm?: string;
  communication?: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
}

export interface CodaStatement {
  iban: string;
  /** paper statement number, 3 digits */
  sequence: string;
  /** YYYY-MM-DD */
  date: string;
  /** cents */
  opening: number;
  movements: CodaMovement[];
  holder?: string;
}

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
const amount15 = (cents: number) => String(Math.abs(cents) * 10).padStart(15, '0');
const sign = (cents: number) => (cents < 0 ? '1' : '0');
const fit = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');

function check(line: string): string {
  if (line.length !== 128) throw new Error(`CODA test record of ${line.length} characters: ${line}`);
  return line;
}

export function codaFile(s: CodaStatement): string {
  const d = ddmmyy(s.date);
  const zone = fit(s.iban.replace(/\s+/g, ''), 31) + '   ' + 'EUR';
  const lines: string[] = [];
  lines.push(check('0' + '0000' + d + '725' + '05' + ' ' + ' '.repeat(7) + fit('', 10) + fit(s.holder ?? 'ARGONAUT TEST', 26) + fit('KREDBEBB', 11) + '00000000000' + ' ' + '00000' + ' '.repeat(16) + ' '.repeat(16) + ' '.repeat(7) + '2'));
  lines.push(check('1' + '2' + s.sequence + zone + sign(s.opening) + amount15(s.opening) + d + fit(s.holder ?? 'ARGONAUT TEST', 26) + fit('Zichtrekening', 35) + s.sequence));
  let counted = 1;
  let debit = 0;
  let credit = 0;
  let balance = s.opening;
  s.movements.forEach((m, i) => {
    const seq = String(i + 1).padStart(4, '0');
    const comm = m.ogm ? '1' + fit('101' + m.ogm, 53) : '0' + fit(m.communication ?? '', 53);
    const has23 = !!(m.counterpartyName || m.counterpartyAccount);
    lines.push(check('21' + seq + '0000' + fit(`REF${seq}`, 21) + sign(m.amount) + amount15(m.amount) + d + '00150000' + comm + d + s.sequence + '0' + (has23 ? '1' : '0') + ' ' + '0'));
    counted++;
    if (has23) {
      lines.push(check('23' + seq + '0000' + fit(m.counterpartyAccount ?? '', 34) + 'EUR' + fit(m.counterpartyName ?? '', 35) + fit('', 43) + '0' + ' ' + '0'));
      counted++;
    }
    if (m.amount < 0) debit += -m.amount;
    else credit += m.amount;
    balance += m.amount;
  });
  lines.push(check('8' + s.sequence + zone + sign(balance) + amount15(balance) + d + ' '.repeat(64) + '0'));
  counted++;
  lines.push(check('9' + ' '.repeat(15) + String(counted).padStart(6, '0') + String(debit * 10).padStart(15, '0') + String(credit * 10).padStart(15, '0') + ' '.repeat(75) + '2'));
  return lines.join('\r\n') + '\r\n';
}
