/**
 * Belgian structured communication ("gestructureerde mededeling", OGM / VCS):
 * 12 digits, shown as +++123/4567/89012+++. The last two digits are the first ten taken as a
 * number, mod 97, with 0 written as 97.
 */

/** Check digits (two characters) for the first ten digits of an OGM. */
export function ogmCheckDigits(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`OGM base must be 10 digits: ${first10}`);
  const mod = Number(first10) % 97; // 10 digits stay well below 2^53
  const check = mod === 0 ? 97 : mod;
  return check < 10 ? `0${check}` : String(check);
}

/** True when `digits12` is exactly 12 digits with correct mod-97 check digits. */
export function isValidOgm(digits12: string): boolean {
  if (digits12.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = digits12.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return ogmCheckDigits(digits12.slice(0, 10)) === digits12.slice(10);
}

/** +++123/4567/89012+++ from 12 digits (no check is made; use isValidOgm for that). */
export function formatOgm(digits12: string): string {
  if (!/^\d{12}$/.test(digits12)) throw new RangeError(`OGM must be 12 digits: ${digits12}`);
  return `+++${digits12.slice(0, 3)}/${digits12.slice(3, 7)}/${digits12.slice(7)}+++`;
}

/** Makes an OGM (12 digits, valid check) from the first ten digits. */
export function makeOgm(first10: string): string {
  return first10 + ogmCheckDigits(first10);
}

/**
 * Reads an OGM as people write it: "+++123/4567/89012+++", "***123/4567/89012***",
 * "123/4567/89012", "123456789012" (spaces, slashes, dots and dashes allowed between digits).
 * Returns the 12 digits, or null when the text is not 12 digits. It does not check validity.
 */
export function normalizeOgm(text: string): string | null {
  const digits = text.trim().replace(/^(\+\+\+|\*\*\*)|(\+\+\+|\*\*\*)$/g, '').replace(/[\s/.-]/g, '');
  return /^\d{12}$/.test(digits) ? digits : null;
}

const OGM_IN_TEXT = /(?:\+\+\+|\*\*\*)\s*(\d{3})\s*\/\s*(\d{4})\s*\/\s*(\d{5})\s*(?:\+\+\+|\*\*\*)/;

/** Finds a +++ddd/dddd/ddddd+++ (or ***…***) communication with valid check digits inside free text. */
export function findOgmInText(text: string): string | null {
  const m = OGM_IN_TEXT.exec(text);
  if (!m) return null;
  const digits = m[1] + m[2] + m[3];
  return isValidOgm(digits) ? digits : null;
}

/**
 * ISO 11649 creditor reference ("RF" + 2 check digits + up to 21 letters/digits), ISO 7064 mod 97-10.
 * Spaces are ignored; letters count A=10 … Z=35.
 */
export function isValidRfReference(reference: string): boolean {
  const ref = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  const rearranged = ref.slice(4) + ref.slice(0, 4);
  let mod = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    mod = (value >= 10 ? mod * 100 + value : mod * 10 + value) % 97;
  }
  return mod === 1;
}
