/**
 * Relations (customers and suppliers): the pure rules. Every field is normalised to what we store and
 * every problem names its field, so the API, the import preview and the CLI say the same thing.
 * - Belgian enterprise and VAT numbers: mod 97 (core/identifiers/belgium.ts);
 * - other EU (and a few neighbouring) VAT numbers: format and check digits per country (jsvat);
 * - IBAN and BIC: ibantools; Peppol id: "scheme:value", 0208:<enterprise number> by default for a Belgian company.
 */
import { checkVAT, countries as vatCountries } from 'jsvat';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import type { ErrorDetail } from '../../core/errors.ts';
import { checkBelgianVat, checkEnterpriseNumber, enterpriseDigits } from '../../core/identifiers/belgium.ts';
import { normalizeParticipantId } from '../peppol/participant.ts';
import './messages.ts';
import './fields.ts';

export const RELATION_KINDS = ['customer', 'supplier', 'both'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type RelationLanguage = (typeof RELATION_LANGUAGES)[number];

/** The stored, normalised fields of a relation (what import and export carry, in this order). */
export interface RelationValues {
  number: string | null; // null: the next free number is given when saving
  name: string;
  kind: RelationKind;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  language: RelationLanguage;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  paymentDays: number;
  paymentEndOfMonth: boolean;
  defaultVatCode: string | null;
  defaultAccount: string | null;
  peppolId: string | null;
  active: boolean;
  notes: string | null;
}

export type RelationField = keyof RelationValues;

/** Field order of import and export files (the CSV header row uses these names). */
export const RELATION_FIELDS: RelationField[] = [
  'number',
  'name',
  'kind',
  'street',
  'postcode',
  'city',
  'country',
  'language',
  'enterpriseNumber',
  'vatNumber',
  'iban',
  'bic',
  'email',
  'phone',
  'paymentDays',
  'paymentEndOfMonth',
  'defaultVatCode',
  'defaultAccount',
  'peppolId',
  'active',
  'notes',
];

/** What callers may send: typed values from the API, or text cells from an import file. */
export type RelationInput = { [K in RelationField]?: RelationValues[K] | string | number | boolean | null };

export const RELATION_DEFAULTS: RelationValues = {
  number: null,
  name: '',
  kind: 'customer',
  street: null,
  postcode: null,
  city: null,
  country: 'BE',
  language: 'nl',
  enterpriseNumber: null,
  vatNumber: null,
  iban: null,
  bic: null,
  email: null,
  phone: null,
  paymentDays: 30,
  paymentEndOfMonth: false,
  defaultVatCode: null,
  defaultAccount: null,
  peppolId: null,
  active: true,
  notes: null,
};

// ISO 3166-1 alpha-2 (officially assigned codes).
const COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);
export const isCountryCode = (code: string) => COUNTRIES.has(code);

/** VAT prefixes jsvat checks (EU member states plus a few neighbours), by prefix; Greece writes EL. */
const VAT_PREFIXES = new Map<string, string>();
for (const c of vatCountries) {
  const iso = c.codes[0];
  VAT_PREFIXES.set(iso === 'GR' ? 'EL' : iso, iso);
}
/** The VAT prefix a country's numbers carry (GR → EL), when jsvat knows the country. */
function vatPrefixOf(country: string): string | null {
  if (country === 'GR') return 'EL';
  return VAT_PREFIXES.has(country) && country !== 'EU' ? country : null;
}

const LIMITS: Partial<Record<RelationField, number>> = {
  name: 200,
  street: 200,
  postcode: 20,
  city: 100,
  phone: 50,
  email: 320,
  notes: 4000,
  enterpriseNumber: 30,
  vatNumber: 30,
};

const KIND_WORDS: Record<string, RelationKind> = {
  customer: 'customer', klant: 'customer', client: 'customer', c: 'customer', k: 'customer', afnemer: 'customer',
  supplier: 'supplier', leverancier: 'supplier', fournisseur: 'supplier', s: 'supplier', l: 'supplier', f: 'supplier', vendor: 'supplier',
  both: 'both', beide: 'both', 'les deux': 'both', deux: 'both', 'klant en leverancier': 'both', 'client et fournisseur': 'both', 'customer and supplier': 'both', b: 'both',
};
const LANGUAGE_WORDS: Record<string, RelationLanguage> = {
  nl: 'nl', nederlands: 'nl', dutch: 'nl', néerlandais: 'nl', neerlandais: 'nl', vlaams: 'nl',
  fr: 'fr', frans: 'fr', french: 'fr', français: 'fr', francais: 'fr',
  en: 'en', engels: 'en', english: 'en', anglais: 'en',
  de: 'de', duits: 'de', german: 'de', allemand: 'de', deutsch: 'de',
};
const TRUE_WORDS = new Set(['true', 'yes', 'ja', 'oui', 'y', 'j', 'o', '1', 'x', 'waar', 'vrai', 'actief', 'active', 'actif']);
const FALSE_WORDS = new Set(['false', 'no', 'nee', 'non', 'n', '0', 'onwaar', 'faux', 'inactief', 'inactive', 'inactif']);

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

type Problem = Omit<ErrorDetail, 'field'> & { field: RelationField };

function problem(field: RelationField, code: string, value: unknown, params: Record<string, unknown> = {}): Problem {
  return { field, code, params: { label: `relation.field.${field}`, value: value === null || value === undefined ? '' : String(value), ...params } };
}

export function parseBoolean(v: unknown): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  const s = text(v)?.toLowerCase();
  if (s === undefined || s === null) return null;
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

/** Checks an e-mail field: one address, or several separated by ";" or ",". */
export function checkEmails(value: string): string | null {
  const parts = value.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  const ok = parts.every((p) => /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[A-Za-z]{2,}$/.test(p));
  return ok ? parts.join('; ') : null;
}

/**
 * Normalises a VAT number: Belgian ones by mod 97, others by jsvat when it knows the country.
 * Digits without a prefix take the relation's country. Numbers of countries jsvat does not know are
 * kept as written (upper case, no separators).
 */
export function normalizeVatNumber(input: string, country: string): { value?: string; code?: string; reason?: string } {
  let compact = input.replace(/[\s.\-/]/g, '').toUpperCase();
  if (/^\d/.test(compact)) {
    const prefix = country === 'BE' ? 'BE' : vatPrefixOf(country);
    if (prefix) compact = prefix + compact;
  }
  if (compact.startsWith('BE')) {
    const p = checkBelgianVat(compact);
    if (p) return { code: 'identifier.vat_number_invalid', reason: `identifier.reason.${p}` };
    return { value: `BE${enterpriseDigits(compact.slice(2))}` };
  }
  if (compact.startsWith('GR')) compact = `EL${compact.slice(2)}`;
  const prefix = compact.slice(0, 2);
  if (/^[A-Z]{2}$/.test(prefix) && VAT_PREFIXES.has(prefix) && prefix !== 'EU') {
    // jsvat wants the original spelling for some countries (CHE-…MWST); compact is fine for the others.
    const result = checkVAT(compact, vatCountries);
    if (!result.isValid) return { code: 'relation.vat_foreign_invalid', reason: result.isValidFormat ? 'relation.reason.check_digits' : 'relation.reason.format' };
    return { value: compact };
  }
  if (!/^[A-Z0-9]{2,30}$/.test(compact)) return { code: 'relation.vat_foreign_invalid', reason: 'relation.reason.format' };
  return { value: compact };
}

/** The Peppol id a Belgian company gets when none is given: 0208:<enterprise number>. */
export function defaultPeppolId(v: Pick<RelationValues, 'country' | 'enterpriseNumber'>): string | null {
  return v.country === 'BE' && v.enterpriseNumber && !checkEnterpriseNumber(v.enterpriseNumber) ? `0208:${v.enterpriseNumber}` : null;
}

/**
 * Checks a whole relation: `input` over `base` (the defaults for a new relation, the stored values for
 * an edit). Returns the normalised values, or every problem found, each naming its field.
 */
export function checkRelation(input: RelationInput, base: RelationValues = RELATION_DEFAULTS): { values?: RelationValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const has = (f: RelationField) => input[f] !== undefined;
  const raw = (f: RelationField) => input[f];
  const out: RelationValues = { ...base };

  // Plain texts with a length limit.
  for (const f of ['street', 'postcode', 'city', 'phone', 'notes', 'name'] as const) {
    if (!has(f)) continue;
    const v = text(raw(f));
    if (v && LIMITS[f] && v.length > LIMITS[f]!) problems.push(problem(f, 'relation.too_long', v.slice(0, 40), { max: LIMITS[f] }));
    else if (f === 'name') out.name = v ?? '';
    else out[f] = v;
  }
  if (!out.name.trim() && !problems.some((p) => p.field === 'name')) problems.push(problem('name', 'relation.required', ''));

  if (has('number')) {
    const v = text(raw('number'));
    if (v && !/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,19}$/.test(v)) problems.push(problem('number', 'relation.number_invalid', v));
    else out.number = v;
  }
  if (has('kind')) {
    const v = text(raw('kind'))?.toLowerCase();
    const kind = v ? KIND_WORDS[v] : 'customer';
    if (!kind) problems.push(problem('kind', 'relation.kind_invalid', raw('kind')));
    else out.kind = kind;
  }
  if (has('country')) {
    const v = text(raw('country'))?.toUpperCase() ?? 'BE';
    if (!COUNTRIES.has(v)) problems.push(problem('country', 'relation.country_invalid', raw('country')));
    else out.country = v;
  }
  if (has('language')) {
    const v = text(raw('language'))?.toLowerCase();
    const lang = v ? LANGUAGE_WORDS[v] : 'nl';
    if (!lang) problems.push(problem('language', 'relation.language_invalid', raw('language')));
    else out.language = lang;
  }
  const countryOk = !problems.some((p) => p.field === 'country');

  if (has('vatNumber') || (has('country') && out.vatNumber)) {
    const v = has('vatNumber') ? text(raw('vatNumber')) : out.vatNumber;
    if (!v) out.vatNumber = null;
    else if (v.length > LIMITS.vatNumber!) problems.push(problem('vatNumber', 'relation.too_long', v.slice(0, 40), { max: LIMITS.vatNumber }));
    else if (countryOk) {
      const r = normalizeVatNumber(v, out.country);
      if (r.value) out.vatNumber = r.value;
      else problems.push(problem('vatNumber', r.code!, v, { reason: r.reason, country: out.country }));
    }
  }
  if (has('enterpriseNumber') || has('country')) {
    const v = has('enterpriseNumber') ? text(raw('enterpriseNumber')) : out.enterpriseNumber;
    if (!v) out.enterpriseNumber = null;
    else if (out.country === 'BE' || /^\s*BE/i.test(v)) {
      const p = checkEnterpriseNumber(v);
      if (p) problems.push(problem('enterpriseNumber', 'identifier.enterprise_number_invalid', v, { reason: `identifier.reason.${p}` }));
      else out.enterpriseNumber = enterpriseDigits(v);
    } else if (v.length > LIMITS.enterpriseNumber!) {
      problems.push(problem('enterpriseNumber', 'relation.too_long', v.slice(0, 40), { max: LIMITS.enterpriseNumber }));
    } else out.enterpriseNumber = v.replace(/\s+/g, '');
  }
  // A Belgian VAT number is BE + the enterprise number: fill the missing one in, refuse two that differ.
  const vatOk = !problems.some((p) => p.field === 'vatNumber' || p.field === 'enterpriseNumber');
  if (vatOk && out.vatNumber?.startsWith('BE')) {
    const digits = out.vatNumber.slice(2);
    if (!out.enterpriseNumber) out.enterpriseNumber = digits;
    else if (out.enterpriseNumber !== digits && out.country === 'BE') {
      problems.push(problem('enterpriseNumber', 'relation.enterprise_vat_mismatch', out.enterpriseNumber, { vatNumber: out.vatNumber }));
    }
  }

  if (has('iban')) {
    const v = text(raw('iban'));
    if (!v) out.iban = null;
    else {
      const e = electronicFormatIBAN(v) ?? '';
      if (!isValidIBAN(e)) problems.push(problem('iban', 'relation.iban_invalid', v));
      else out.iban = e;
    }
  }
  if (has('bic')) {
    const v = text(raw('bic'))?.replace(/\s+/g, '').toUpperCase() ?? null;
    if (!v) out.bic = null;
    else if (!isValidBIC(v)) problems.push(problem('bic', 'relation.bic_invalid', v));
    else out.bic = v;
  }
  if (has('email')) {
    const v = text(raw('email'));
    if (!v) out.email = null;
    else if (v.length > LIMITS.email!) problems.push(problem('email', 'relation.too_long', v.slice(0, 40), { max: LIMITS.email }));
    else {
      const e = checkEmails(v);
      if (!e) problems.push(problem('email', 'relation.email_invalid', v));
      else out.email = e;
    }
  }
  if (has('paymentDays')) {
    const r = raw('paymentDays');
    const s = text(r);
    const n = s === null ? 30 : /^\d{1,3}$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 365) problems.push(problem('paymentDays', 'relation.payment_days_invalid', r));
    else out.paymentDays = n;
  }
  for (const f of ['paymentEndOfMonth', 'active'] as const) {
    if (!has(f)) continue;
    const b = parseBoolean(raw(f));
    if (b === undefined) problems.push(problem(f, 'relation.boolean_invalid', raw(f)));
    else out[f] = b ?? (f === 'active');
  }
  if (has('defaultVatCode')) {
    const v = text(raw('defaultVatCode'));
    if (v && !/^[A-Za-z0-9][A-Za-z0-9.\-_ ]{0,9}$/.test(v)) problems.push(problem('defaultVatCode', 'relation.vat_code_invalid', v));
    else out.defaultVatCode = v;
  }
  if (has('defaultAccount')) {
    const v = text(raw('defaultAccount'));
    if (v && !/^\d{1,10}$/.test(v)) problems.push(problem('defaultAccount', 'relation.account_invalid', v));
    else out.defaultAccount = v;
  }
  if (has('peppolId')) {
    const v = text(raw('peppolId'));
    if (!v) out.peppolId = null;
    else {
      const r = normalizeParticipantId(v);
      if (!r.value) problems.push(problem('peppolId', 'peppol.participant_invalid', v, { reason: `peppol.reason.${r.problem}` }));
      else out.peppolId = r.value;
    }
  }
  if (!out.peppolId) out.peppolId = defaultPeppolId(out);

  return problems.length ? { problems } : { values: out, problems };
}

/** The keys that make two relations "the same" in an import: number, VAT number, enterprise number. */
export function duplicateKeys(v: Pick<RelationValues, 'number' | 'vatNumber' | 'enterpriseNumber'>): Array<{ field: 'number' | 'vatNumber' | 'enterpriseNumber'; key: string }> {
  const keys: Array<{ field: 'number' | 'vatNumber' | 'enterpriseNumber'; key: string }> = [];
  if (v.number) keys.push({ field: 'number', key: `n:${v.number.toLowerCase()}` });
  if (v.vatNumber) keys.push({ field: 'vatNumber', key: `v:${v.vatNumber}` });
  if (v.enterpriseNumber) keys.push({ field: 'enterpriseNumber', key: `e:${v.enterpriseNumber}` });
  return keys;
}

/** The next free relation number after the numeric ones in use ("1", "2", "17" → "18"). */
export function nextFreeNumber(numbers: Iterable<string>): string {
  let max = 0;
  for (const n of numbers) if (/^\d{1,15}$/.test(n)) max = Math.max(max, Number(n));
  return String(max + 1);
}
