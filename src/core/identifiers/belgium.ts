/**
 * Belgian enterprise numbers (ondernemingsnummer / numéro d'entreprise) and VAT numbers.
 * 10 digits, starting with 0 or 1; the last two digits are 97 − (first eight mod 97).
 * The VAT number is "BE" followed by the enterprise number.
 */
import { validation } from '../errors.ts';
import { defineMessages } from '../i18n/index.ts';

defineMessages({
  'identifier.enterprise_number_invalid': {
    nl: 'Het ondernemingsnummer {value} is ongeldig: {reason}.',
    fr: "Le numéro d'entreprise {value} n'est pas valable : {reason}.",
    en: 'The enterprise number {value} is invalid: {reason}.',
  },
  'identifier.vat_number_invalid': {
    nl: 'Het btw-nummer {value} is ongeldig: {reason}.',
    fr: 'Le numéro de TVA {value} n’est pas valable : {reason}.',
    en: 'The VAT number {value} is invalid: {reason}.',
  },
  'identifier.reason.length': {
    nl: 'het moet 10 cijfers tellen',
    fr: 'il doit compter 10 chiffres',
    en: 'it must have 10 digits',
  },
  'identifier.reason.first_digit': {
    nl: 'het moet met 0 of 1 beginnen',
    fr: 'il doit commencer par 0 ou 1',
    en: 'it must start with 0 or 1',
  },
  'identifier.reason.check_digits': {
    nl: 'de controlecijfers (modulo 97) kloppen niet',
    fr: 'les chiffres de contrôle (modulo 97) ne correspondent pas',
    en: 'the check digits (modulo 97) do not match',
  },
  'identifier.reason.prefix': {
    nl: 'een Belgisch btw-nummer begint met BE',
    fr: 'un numéro de TVA belge commence par BE',
    en: 'a Belgian VAT number starts with BE',
  },
});

export type IdentifierProblem = 'length' | 'first_digit' | 'check_digits' | 'prefix';

/** Digits only: "BE 0123.456.749" → "0123456749". A 9-digit legacy number gets its leading 0. */
export function enterpriseDigits(input: string): string {
  const digits = input.replace(/^\s*BE/i, '').replace(/[\s.\-/]/g, '');
  return /^\d{9}$/.test(digits) ? `0${digits}` : digits;
}

export function checkEnterpriseNumber(input: string): IdentifierProblem | null {
  const digits = enterpriseDigits(input);
  if (!/^\d{10}$/.test(digits)) return 'length';
  if (digits[0] !== '0' && digits[0] !== '1') return 'first_digit';
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  return check === Number(digits.slice(8)) ? null : 'check_digits';
}

/** "0123456749" → "0123.456.749", the way Belgian documents print it. */
export function formatEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** Checks and normalises an enterprise number to its 10 digits, or throws naming the field. */
export function normalizeEnterpriseNumber(input: string, field = 'enterpriseNumber'): string {
  const problem = checkEnterpriseNumber(input);
  if (problem) {
    throw validation('identifier.enterprise_number_invalid', { value: input, reason: `identifier.reason.${problem}` }, [
      { field, code: 'identifier.enterprise_number_invalid', params: { value: input, reason: `identifier.reason.${problem}` } },
    ]);
  }
  return enterpriseDigits(input);
}

export function checkBelgianVat(input: string): IdentifierProblem | null {
  const compact = input.replace(/[\s.\-/]/g, '').toUpperCase();
  if (!compact.startsWith('BE')) return 'prefix';
  return checkEnterpriseNumber(compact.slice(2));
}

/** Checks and normalises a Belgian VAT number to "BE" + 10 digits, or throws naming the field. */
export function normalizeBelgianVat(input: string, field = 'vatNumber'): string {
  const problem = checkBelgianVat(input);
  if (problem) {
    throw validation('identifier.vat_number_invalid', { value: input, reason: `identifier.reason.${problem}` }, [
      { field, code: 'identifier.vat_number_invalid', params: { value: input, reason: `identifier.reason.${problem}` } },
    ]);
  }
  return `BE${enterpriseDigits(input.replace(/^\s*BE/i, ''))}`;
}
