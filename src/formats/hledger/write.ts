/**
 * Writes bookings as an hledger journal (https://hledger.org/journal.html), so that
 * `hledger -f FILE balance` shows the same balances as Argonaut's trial balance.
 * Pure: plain data in, text out (in chunks, so a year of a million lines streams to a file).
 *
 *   account 550000  ; Kredietinstellingen - rekening-courant (bank)
 *
 *   2025-04-30 * BNK 2025/0002 | Uittreksel 4
 *       550000    3630.00 EUR
 *       400000   -3630.00 EUR  ; Café De Zwaan
 *
 * Accounts are written by number (hledger sorts them like the chart); names go in the account
 * directives. Amounts are integer cents written with two decimals and the commodity code after.
 */

export interface HledgerAccount {
  number: string;
  name: string;
}

export interface HledgerPosting {
  account: string;
  /** cents, debit > 0, credit < 0 */
  amount: number;
  comment?: string | null;
}

export interface HledgerTransaction {
  date: string;
  code: string;
  description: string | null;
  postings: HledgerPosting[];
}

/** Text hledger reads safely on one line: no newlines, no ';' (comment start). */
export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\r\n\t;]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export function formatAmount(cents: number, commodity: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${commodity}`;
}

export function header(accounts: HledgerAccount[], commodity = 'EUR', title?: string): string {
  const out: string[] = [];
  if (title) out.push(`; ${clean(title)}`, '');
  out.push(`commodity 1000.00 ${commodity}`, '');
  for (const a of accounts) out.push(`account ${a.number}  ; ${clean(a.name)}`);
  out.push('');
  return out.join('\n') + '\n';
}

export function transaction(t: HledgerTransaction, commodity = 'EUR'): string {
  const description = clean(t.description);
  const lines = [`${t.date} * ${clean(t.code)}${description ? ` | ${description}` : ''}`];
  for (const p of t.postings) {
    const comment = clean(p.comment);
    lines.push(`    ${p.account}  ${formatAmount(p.amount, commodity)}${comment ? `  ; ${comment}` : ''}`);
  }
  return lines.join('\n') + '\n\n';
}

/** Parses `hledger balance -O csv` output ("account","balance") into cents per account. */
export function parseBalanceCsv(csv: string, commodity = 'EUR'): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const m = /^"([^"]*)","([^"]*)"$/.exec(line.trim());
    if (!m || m[1] === 'total' || m[1] === 'Total:') continue;
    const amount = m[2].replace(commodity, '').replace(/,/g, '').trim();
    if (amount === '0' || amount === '') {
      result.set(m[1], 0);
      continue;
    }
    const neg = amount.startsWith('-');
    const [units, decimals = ''] = amount.replace(/^-/, '').split('.');
    const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2));
    result.set(m[1], neg ? -cents : cents);
  }
  return result;
}
