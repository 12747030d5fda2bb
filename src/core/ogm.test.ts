import { describe, expect, it } from 'vitest';
import { findOgmInText, formatOgm, isValidOgm, isValidRfReference, makeOgm, normalizeOgm, ogmCheckDigits } from './ogm.ts';

describe('structured communication (OGM)', () => {
  it('accepts the worked example from the Odoo CODA test file', () => {
    // 2402838428 mod 97 = 18
    expect(isValidOgm('240283842818')).toBe(true);
  });

  it('writes check digit 97 when the number is a multiple of 97', () => {
    expect(ogmCheckDigits('0000000097')).toBe('97');
    expect(isValidOgm('000000009797')).toBe(true);
    expect(isValidOgm('000000009700')).toBe(false);
    expect(ogmCheckDigits('0000000000')).toBe('97');
  });

  it('pads single-digit check digits', () => {
    expect(ogmCheckDigits('0000000001')).toBe('01');
    expect(makeOgm('0000000001')).toBe('000000000101');
  });

  it('flags the anonymised numbers of the php-coda-parser samples', () => {
    expect(isValidOgm('000003505158')).toBe(false);
  });

  it('refuses anything that is not exactly 12 digits', () => {
    expect(isValidOgm('24028384281')).toBe(false);
    expect(isValidOgm('2402838428188')).toBe(false);
    expect(isValidOgm('24028384281a')).toBe(false);
    expect(isValidOgm('')).toBe(false);
  });

  it('formats as +++ddd/dddd/ddddd+++', () => {
    expect(formatOgm('240283842818')).toBe('+++240/2838/42818+++');
    expect(() => formatOgm('123')).toThrow();
  });

  it('reads the usual written forms', () => {
    expect(normalizeOgm('+++240/2838/42818+++')).toBe('240283842818');
    expect(normalizeOgm('***240/2838/42818***')).toBe('240283842818');
    expect(normalizeOgm(' 240 2838 42818 ')).toBe('240283842818');
    expect(normalizeOgm('RF18539007547034')).toBeNull();
  });

  it('finds a valid OGM inside free text only', () => {
    expect(findOgmInText('Factuur 12 +++240/2838/42818+++ dank u')).toBe('240283842818');
    expect(findOgmInText('+++000/0035/05158+++')).toBeNull();
    expect(findOgmInText('no communication')).toBeNull();
  });
});

describe('ISO 11649 creditor reference', () => {
  it('accepts the standard example RF18 5390 0754 7034', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF18539007547034')).toBe(true);
    expect(isValidRfReference('RF71 4542 1234 5678 9012')).toBe(false);
  });

  it('refuses wrong check digits and non-RF text', () => {
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('240283842818')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
  });
});
