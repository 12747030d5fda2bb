/** The reports as tables (for CSV, XLSX and PDF), with column labels in the user's language. */
import { translate, type Language } from '../../../core/i18n/index.ts';
import type { ReportTable } from './export.ts';
import type { TrialBalance } from './trial-balance.ts';
import type { generalLedger } from './general-ledger.ts';
import type { journalListing } from './journal-listing.ts';
import type { relationBalances } from './relation-balances.ts';

const t = (key: string, lang: Language, params: Record<string, unknown> = {}) => translate(`ledger.report.${key}`, lang, params);

export function trialBalanceTable(tb: TrialBalance, lang: Language, dossierName: string): ReportTable {
  return {
    title: t('trial_balance', lang),
    subtitle: `${dossierName} — ${tb.startDate} – ${tb.endDate} — ${t('periods', lang, { from: tb.fromPeriod, to: tb.toPeriod })}`,
    columns: [
      { key: 'account', label: t('account', lang), kind: 'text', width: 1 },
      { key: 'name', label: t('name', lang), kind: 'text', width: 4 },
      { key: 'opening', label: t('opening', lang), kind: 'money' },
      { key: 'debit', label: t('debit', lang), kind: 'money' },
      { key: 'credit', label: t('credit', lang), kind: 'money' },
      { key: 'closing', label: t('closing', lang), kind: 'money' },
    ],
    rows: tb.rows.map((r) => ({ account: r.account, name: r.name, opening: r.opening, debit: r.debit, credit: r.credit, closing: r.closing })),
    totals: { account: t('total', lang), name: null, ...tb.totals },
  };
}

export function generalLedgerTable(gl: Awaited<ReturnType<typeof generalLedger>>, lang: Language, dossierName: string): ReportTable {
  const linesOf = new Map<string, typeof gl.lines>();
  for (const l of gl.lines) {
    const list = linesOf.get(l.account);
    if (list) list.push(l);
    else linesOf.set(l.account, [l]);
  }
  return {
    title: t('general_ledger', lang),
    subtitle: `${dossierName} — ${t('periods', lang, { from: gl.fromPeriod, to: gl.toPeriod })}`,
    columns: [
      { key: 'account', label: t('account', lang), kind: 'text', width: 1 },
      { key: 'date', label: t('date', lang), kind: 'date', width: 1.2 },
      { key: 'booking', label: t('booking', lang), kind: 'text', width: 1.6 },
      { key: 'description', label: t('description', lang), kind: 'text', width: 4 },
      { key: 'debit', label: t('debit', lang), kind: 'money' },
      { key: 'credit', label: t('credit', lang), kind: 'money' },
      { key: 'balance', label: t('balance', lang), kind: 'money' },
    ],
    // per account: a row with its name and opening balance, then its lines with the running balance
    rows: gl.accounts.flatMap((a) => {
      const own = linesOf.get(a.account) ?? [];
      if (!own.length && a.debit === 0 && a.credit === 0 && a.opening === 0) return [];
      return [
        { account: a.account, date: null, booking: null, description: `${a.name} — ${t('opening', lang)}`, debit: null, credit: null, balance: a.opening },
        ...own.map((l) => ({
          account: l.account,
          date: l.date,
          booking: l.booking,
          description: [l.relationName, l.description].filter(Boolean).join(' — ') || null,
          debit: l.debit || null,
          credit: l.credit || null,
          balance: l.balance,
        })),
      ];
    }),
    totals: { account: t('total', lang), debit: gl.lines.reduce((s, l) => s + l.debit, 0), credit: gl.lines.reduce((s, l) => s + l.credit, 0) },
  };
}

export function journalListingTable(jl: Awaited<ReturnType<typeof journalListing>>, lang: Language, dossierName: string): ReportTable {
  return {
    title: `${t('journal_listing', lang)} ${jl.journal.code} — ${jl.journal.name}`,
    subtitle: `${dossierName} — ${t('periods', lang, { from: jl.fromPeriod, to: jl.toPeriod })}`,
    columns: [
      { key: 'booking', label: t('booking', lang), kind: 'text', width: 1.6 },
      { key: 'date', label: t('date', lang), kind: 'date', width: 1.2 },
      { key: 'account', label: t('account', lang), kind: 'text', width: 1 },
      { key: 'description', label: t('description', lang), kind: 'text', width: 4 },
      { key: 'debit', label: t('debit', lang), kind: 'money' },
      { key: 'credit', label: t('credit', lang), kind: 'money' },
    ],
    rows: jl.bookings.flatMap((b) =>
      b.lines.map((l, i) => ({
        booking: i === 0 ? b.display : null,
        date: i === 0 ? b.date : null,
        account: l.account,
        description: [l.accountName, i === 0 ? b.relationName : null, l.description].filter(Boolean).join(' — '),
        debit: l.debit || null,
        credit: l.credit || null,
      })),
    ),
    totals: { booking: t('total', lang), debit: jl.totals.debit, credit: jl.totals.credit },
  };
}

export function relationBalancesTable(rb: Awaited<ReturnType<typeof relationBalances>>, lang: Language, dossierName: string): ReportTable {
  return {
    title: t(rb.kind === 'customers' ? 'customer_balances' : 'supplier_balances', lang),
    subtitle: `${dossierName} — ${rb.account}`,
    columns: [
      { key: 'number', label: t('number', lang), kind: 'text', width: 1 },
      { key: 'name', label: t('name', lang), kind: 'text', width: 4 },
      { key: 'opening', label: t('opening', lang), kind: 'money' },
      { key: 'debit', label: t('debit', lang), kind: 'money' },
      { key: 'credit', label: t('credit', lang), kind: 'money' },
      { key: 'balance', label: t('balance', lang), kind: 'money' },
    ],
    rows: rb.items.map((r) => ({ number: r.number, name: r.name, opening: r.opening, debit: r.debit, credit: r.credit, balance: r.balance })),
    totals: { number: t('total', lang), ...rb.totals },
  };
}
