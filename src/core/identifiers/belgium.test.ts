import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { describeError } from '../i18n/index.ts';
import { checkBelgianVat, checkEnterpriseNumber, formatEnterpriseNumber, normalizeBelgianVat, normalizeEnterpriseNumber } from './belgium.ts';

describe('Belgian enterprise and VAT numbers (mod 97)', () => {
  it('accepts real numbers written the usual ways', () => {
    // 0403.170.701 (Belgacom/Proximus) and 0417.497.106 (KBC) are public enterprise numbers.
    expect(checkEnterpriseNumber('0403.170.701')).toBeNull();
    expect(checkEnterpriseNumber('0417 497 106')).toBeNull();
    expect(normalizeEnterpriseNumber('BE 0403.170.701')).toBe('0403170701');
    expect(normalizeBelgianVat('be0417.497.106')).toBe('BE0417497106');
    expect(formatEnterpriseNumber('0403170701')).toBe('0403.170.701');
  });

  it('accepts an old nine-digit number by adding the leading zero', () => {
    expect(normalizeEnterpriseNumber('403170701')).toBe('0403170701');
  });

  it('names why a number is wrong', () => {
    expect(checkEnterpriseNumber('0403.170.702')).toBe('check_digits');
    expect(checkEnterpriseNumber('2403170701')).toBe('first_digit');
    expect(checkEnterpriseNumber('04031707')).toBe('length');
    expect(checkBelgianVat('0403170701')).toBe('prefix');
  });

  it('throws an error that names the field, in the user language', () => {
    try {
      normalizeBelgianVat('BE0403170702');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      if (!isAppError(e)) return;
      expect(e.details[0].field).toBe('vatNumber');
      expect(describeError(e, 'nl').message).toContain('controlecijfers');
      expect(describeError(e, 'fr').message).toContain('TVA');
      expect(describeError(e, 'en').message).toBe('The VAT number BE0403170702 is invalid: the check digits (modulo 97) do not match.');
    }
  });
});
