/** Pure rules of the chart of accounts: numbers, types, classes, fixed-account roles. */
import { validation } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n/index.ts';

export const ACCOUNT_TYPES = [
  'offbalance',
  'equity',
  'liability',
  'asset',
  'contra_asset',
  'receivable',
  'payable',
  'tax',
  'bank',
  'cash',
  'transfer',
  'suspense',
  'expense',
  'income',
  'appropriation',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export function normalizeAccountNumber(value: string, field = 'number'): string {
  const number = value.trim();
  if (!/^\d{1,10}$/.test(number)) {
    throw validation('ledger.account_number_invalid', { value }, [{ field, code: 'ledger.account_number_invalid', params: { value } }]);
  }
  return number;
}

/** Class of an account: its first digit (0–9). */
export const accountClass = (number: string): number => Number(number[0]);

/** Balance-sheet accounts (classes 0–5) are carried forward; 6–7 close into the result. */
export const isBalanceSheet = (number: string): boolean => accountClass(number) <= 5;
export const isProfitAndLoss = (number: string): boolean => accountClass(number) === 6 || accountClass(number) === 7;

/** The type an account gets when the user does not choose one, from its MAR class. */
export function defaultAccountType(number: string): AccountType {
  const two = number.slice(0, 2).padEnd(2, '0');
  const c = accountClass(number);
  if (c === 0) return 'offbalance';
  if (c === 1) return Number(two) >= 16 && two !== '19' ? 'liability' : 'equity';
  if (c === 2 || c === 3) return number.length >= 4 && number[3] === '9' ? 'contra_asset' : 'asset';
  if (c === 4) {
    const three = number.slice(0, 3).padEnd(3, '0');
    if (two === '40') return 'receivable';
    if (two === '44') return 'payable';
    if (['411', '412', '450', '451', '452', '453'].includes(three)) return 'tax';
    if (three === '499') return 'suspense';
    if (two === '41' || three === '490' || three === '491') return 'asset';
    return 'liability';
  }
  if (c === 5) {
    if (two === '55') return 'bank';
    if (two === '57') return 'cash';
    if (two === '58') return 'transfer';
    return 'asset';
  }
  if (c === 6) return two === '69' ? 'appropriation' : 'expense';
  if (c === 7) return two === '79' ? 'appropriation' : 'income';
  return 'asset';
}

/** Customers/suppliers-like accounts are managed by open item (matching) by default. */
export function defaultReconcilable(number: string): boolean {
  return number.startsWith('40') || number.startsWith('44');
}

export function accountName(row: { name_nl: string; name_fr: string; name_en: string }, lang: Language): string {
  return lang === 'fr' ? row.name_fr : lang === 'en' ? row.name_en : row.name_nl;
}

/** The roles the software books on by itself, with the account a new dossier gets for each. */
export const FIXED_ROLES = [
  { role: 'customers', account: '400000' },
  { role: 'suppliers', account: '440000' },
  { role: 'vat_receivable', account: '411000' },
  { role: 'vat_payable', account: '451000' },
  { role: 'vat_current', account: '451200' },
  { role: 'coda_suspense', account: '499000' },
  { role: 'opening', account: '588888' },
  { role: 'result_of_year', account: '149000' },
  { role: 'profit_carried_forward', account: '140000' },
  { role: 'loss_carried_forward', account: '141000' },
  { role: 'rounding_differences', account: '643000' },
  { role: 'exchange_loss', account: '654000' },
  { role: 'exchange_gain', account: '754000' },
] as const;
export type FixedRole = (typeof FIXED_ROLES)[number]['role'];
export const isFixedRole = (value: string): value is FixedRole => FIXED_ROLES.some((r) => r.role === value);

/** The error of a booking that needs a fixed account whose role has none: it names the role. */
export function fixedAccountMissing(role: FixedRole) {
  return validation('ledger.fixed_account_missing', { role: `ledger.role.${role}` }, [{ field: role, code: 'ledger.fixed_account_missing', params: { role: `ledger.role.${role}` } }]);
}
