/** Management screens of the general ledger: the API shapes and small helpers they share. */
import { api, type ListQuery, type Page } from '../../api.ts';
import { useShell } from '../../app/shell-context.tsx';
import { useT } from '../../i18n/index.tsx';
import type { Right } from '../../api.ts';
import { splitCents } from '../accounting/accounting-api.ts';

export const ACCOUNT_TYPES = [
  'offbalance', 'equity', 'liability', 'asset', 'contra_asset', 'receivable', 'payable', 'tax', 'bank', 'cash', 'transfer', 'suspense', 'expense', 'income', 'appropriation',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  number: string;
  name: string;
  names: { nl: string; fr: string; en: string };
  type: AccountType;
  class: number;
  reconcilable: boolean;
  active: boolean;
  defaultVatCode: string | null;
  inUse: boolean;
}
/** An account as a list row: ManagementList keys rows by a number, so "1" + the account number. */
export type AccountRow = Account & { id: number };
export const accountRowId = (number: string) => Number(`1${number}`);
export const accountNumberOf = (id: number) => String(id).slice(1);

export interface FixedAccount {
  role: string;
  label: string;
  account: string | null;
  accountName: string | null;
}

export interface Period {
  periodNo: number;
  kind: 'opening' | 'regular' | 'closing';
  startDate: string;
  endDate: string;
  closed: boolean;
}
export interface FiscalYear {
  id: number;
  startDate: string;
  endDate: string;
  closed: boolean;
  vatPeriod: 'monthly' | 'quarterly';
  transferredAt: string | null;
  /** transferred, but its books changed since: the next year's opening balances are out of date */
  transferOutdated: boolean;
  bookings: number;
  canChangeStart: boolean;
  canChangeEnd: boolean;
  periods?: Period[];
}
export interface TransferResult {
  fiscalYearId: number;
  nextFiscalYearId: number;
  result: number;
  closingBookingId: number | null;
  openingBookingId: number | null;
  openingLines: number;
  replaced: boolean;
}

export const JOURNAL_TYPES = ['purchase', 'sales', 'financial', 'miscellaneous', 'opening'] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];
export interface Journal {
  id: number;
  code: string;
  name: string;
  type: JournalType;
  account: string | null;
  iban: string | null;
  ibanDisplay: string | null;
  bic: string | null;
  currency: string;
  active: boolean;
}
export interface JournalDetail extends Journal {
  numbering: Array<{ fiscalYearId: number; startDate: string; endDate: string; nextNumber: number; bookings: number }>;
  lastBooking: { id: number; fiscalYearId: number; number: number; date: string; kind: string; amount: number; reference: string | null; description: string | null } | null;
}

export interface GridRule {
  grid: string;
  of: 'base' | 'cost' | 'vat' | 'deductible';
  sign: 1 | -1;
}
export interface VatCode {
  code: string;
  kind: 'sales' | 'purchase';
  name: string;
  rateBp: number | null;
  deductiblePercent: number;
  reverseCharge: boolean;
  grids: { invoice: GridRule[]; creditNote: GridRule[] };
  active: boolean;
  rates: Array<{ validFrom: string; rateBp: number }>;
}

export const ledgerPath = (dossierId: number, path: string) => `/dossiers/${dossierId}/${path}`;

export function fetchAccounts(dossierId: number, active: 'active' | 'inactive' | 'all') {
  return async (query: ListQuery): Promise<Page<AccountRow>> => {
    const page = await api.get<Page<Account>>(ledgerPath(dossierId, 'accounts'), {
      search: query.search || undefined,
      sort: query.sort,
      direction: query.direction,
      page: query.page,
      pageSize: query.pageSize,
      active: active === 'all' ? undefined : active === 'active',
    });
    return { ...page, items: page.items.map((a) => ({ ...a, id: accountRowId(a.number) })) };
  };
}

export function useDossierId(): number {
  return useShell().dossierId!;
}

/** Why the user may not do this in the open dossier (undefined: allowed). */
export function useMissingRight(): (right: Right) => string | undefined {
  const t = useT();
  const { dossier } = useShell();
  const rights = dossier?.rights ?? [];
  return (right) => (rights.includes(right) ? undefined : t('access.missingRight', { right: t(`right.${right}`) }));
}

/** Integer cents as a decimal amount in the user's locale ("1.234,56"). */
export function formatCents(cents: number, locale: string): string {
  const { negative, euros, rest } = splitCents(cents);
  const whole = euros.toLocaleString(locale);
  const sep = (1.5).toLocaleString(locale).charAt(1);
  return `${negative ? '−' : ''}${whole}${sep}${rest}`;
}

/** A rate in basis points as a percentage ("21 %", "5,5 %"). */
export function formatRate(bp: number | null, locale: string): string {
  if (bp === null) return '';
  return `${(bp / 100).toLocaleString(locale, { maximumFractionDigits: 2 })} %`;
}
