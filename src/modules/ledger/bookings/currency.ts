/**
 * Foreign currency on a booking line: the books are in euro; an invoice, payment or miscellaneous line
 * in another currency also keeps that currency (ISO 4217, 3 letters) and its amount in it (cents of the
 * currency, signed like the euro amount — the sign given is ignored). Euro (or nothing) keeps none.
 */
import { validation } from '../../../core/errors.ts';
import { defineMessages } from '../../../core/i18n/index.ts';
import { toCents, type Cents } from '../money.ts';

defineMessages({
  'ledger.currency_amount_required': {
    nl: 'Geef het bedrag in {currency}.',
    fr: 'Donnez le montant en {currency}.',
    en: 'Give the amount in {currency}.',
  },
});

export interface ForeignAmount {
  currency: string;
  currencyAmount: Cents;
}

const invalid = (code: string, field: string, params: Record<string, unknown>, line?: number) =>
  validation(code, { ...params, line }, [{ field, line, code, params: { ...params, line } }]);

/**
 * The currency and currency amount of a line whose euro amount is `euro`; null for euro. A zero
 * currency amount is kept only when given as such (an exchange difference moves euro, no currency).
 */
export function foreignAmount(
  currency: string | null | undefined,
  amount: number | string | null | undefined,
  euro: Cents,
  fields: { currency: string; amount: string },
  line?: number,
): ForeignAmount | null {
  const code = currency?.trim().toUpperCase() ?? '';
  if (!code) return null;
  if (!/^[A-Z]{3}$/.test(code)) throw invalid('ledger.currency_invalid', fields.currency, { value: currency }, line);
  if (code === 'EUR') return null;
  if (amount === null || amount === undefined || amount === '') throw invalid('ledger.currency_amount_required', fields.amount, { currency: code }, line);
  let cents: Cents;
  try {
    cents = toCents(amount, fields.amount);
  } catch {
    throw invalid('ledger.amount_invalid', fields.amount, { value: amount }, line);
  }
  return { currency: code, currencyAmount: Math.sign(euro) * Math.abs(cents) || 0 };
}
