/**
 * Peppol participant identifiers (scheme iso6523-actorid-upis, value "<EAS>:<id>") and the SML
 * host name a participant is published under (../shared/notes/peppol.md §7):
 * lower-cased value → SHA-256 → base32 (RFC 4648, no padding, lower case) → `<hash>.iso6523-actorid-upis.<zone>`.
 */
import crypto from 'node:crypto';
import { checkBelgianVat, checkEnterpriseNumber, enterpriseDigits } from '../../core/identifiers/belgium.ts';

export const PARTICIPANT_SCHEME = 'iso6523-actorid-upis';
/** Production SML zone after OpenPeppol took the SML over (peppol.md §7.3). */
export const DEFAULT_SML_ZONE = 'participant.sml.prod.tech.peppol.org';

export type ParticipantProblem = 'format' | 'scheme' | 'enterprise_number' | 'vat_number';

/**
 * Normalises "0208:0403.170.701", "iso6523-actorid-upis::0208:0403170701" or " 9925:be0403170701 " to
 * the canonical value: a four-digit EAS code, a colon and the identifier (0208 → 10 digits, 9925 → BE + 10 digits).
 */
export function normalizeParticipantId(input: string): { value?: string; problem?: ParticipantProblem } {
  let text = input.trim();
  if (text.toLowerCase().startsWith(`${PARTICIPANT_SCHEME}::`)) text = text.slice(PARTICIPANT_SCHEME.length + 2);
  const m = /^(\d{4}):(.+)$/.exec(text);
  if (!m) return { problem: /^[^:]+:.+$/.test(text) ? 'scheme' : 'format' };
  const [, scheme, rawId] = m;
  let id = rawId.trim();
  if (scheme === '0208') {
    if (checkEnterpriseNumber(id)) return { problem: 'enterprise_number' };
    id = enterpriseDigits(id);
  } else if (scheme === '9925') {
    const compact = id.replace(/[\s.\-/]/g, '').toUpperCase();
    if (compact.startsWith('BE')) {
      if (checkBelgianVat(compact)) return { problem: 'vat_number' };
      id = `BE${enterpriseDigits(compact.slice(2))}`;
    } else id = compact;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9.\-_:/+]{0,49}$/.test(id)) return { problem: 'format' };
  return { value: `${scheme}:${id}` };
}

/** RFC 4648 base32 without padding, lower case. */
export function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The hash label of a participant: base32(sha256(lower-cased value)). */
export function participantHash(value: string): string {
  return base32(crypto.createHash('sha256').update(value.toLowerCase(), 'utf8').digest());
}

export function smlHostName(value: string, zone: string = DEFAULT_SML_ZONE): string {
  return `${participantHash(value)}.${PARTICIPANT_SCHEME}.${zone.replace(/^\.+|\.+$/g, '')}`;
}

/**
 * The SMP base URL from U-NAPTR records: flag "U", service "Meta:SMP", regexp "!^.*$!https://smp.example!"
 * (the replacement is the part after the second delimiter). Lowest order, then preference, wins.
 */
export function smpUrlFromNaptr(
  records: Array<{ flags: string; service: string; regexp: string; order: number; preference: number }>,
): string | null {
  const candidates = records
    .filter((r) => r.flags.toUpperCase() === 'U' && r.service.toLowerCase() === 'meta:smp' && r.regexp.length > 2)
    .sort((a, b) => a.order - b.order || a.preference - b.preference);
  for (const r of candidates) {
    const delimiter = r.regexp[0];
    const parts = r.regexp.split(delimiter);
    // "!^.*$!https://smp!" → ['', '^.*$', 'https://smp', '']
    const replacement = parts[2];
    if (replacement && /^https?:\/\//i.test(replacement)) return replacement.replace(/\/+$/, '');
  }
  return null;
}

/** The URL of a participant's service group at its SMP: `{smp}/iso6523-actorid-upis%3A%3A0208%3A…`. */
export function serviceGroupUrl(smpUrl: string, value: string): string {
  return `${smpUrl.replace(/\/+$/, '')}/${encodeURIComponent(`${PARTICIPANT_SCHEME}::${value}`)}`;
}

/** Names the document types users meet most ("busdox-docid-qns::…Invoice-2::Invoice##…"). */
export function documentTypeLabel(id: string): string {
  if (/CreditNote-2::CreditNote##/.test(id)) return 'Credit note (UBL)';
  if (/Invoice-2::Invoice##/.test(id)) return 'Invoice (UBL)';
  if (/CrossIndustryInvoice/.test(id)) return 'Invoice (CII)';
  if (/Order-2::Order##/.test(id)) return 'Order';
  if (/OrderResponse/.test(id)) return 'Order response';
  if (/ApplicationResponse/.test(id)) return 'Message level response';
  if (/DespatchAdvice/.test(id)) return 'Despatch advice';
  return id;
}
