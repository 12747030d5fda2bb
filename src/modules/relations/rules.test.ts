import { describe, expect, it } from 'vitest';
import { describeError, translate } from '../../core/i18n/index.ts';
import { validation } from '../../core/errors.ts';
import { guessField } from './fields.ts';
import { checkRelation, nextFreeNumber, RELATION_DEFAULTS } from './rules.ts';

const fieldsOf = (r: ReturnType<typeof checkRelation>) => r.problems.map((p) => p.field);

describe('relation rules', () => {
  it('normalises a Belgian company: VAT number gives the enterprise number and the default Peppol id 0208:…', () => {
    const r = checkRelation({ name: ' Bakkerij Janssens BV ', vatNumber: 'be 0403.170.701', iban: 'be68 5390 0754 7034', bic: 'gkccbebb', email: 'boekhouding@janssens.be' });
    expect(r.problems).toEqual([]);
    expect(r.values).toMatchObject({
      name: 'Bakkerij Janssens BV',
      vatNumber: 'BE0403170701',
      enterpriseNumber: '0403170701',
      iban: 'BE68539007547034',
      bic: 'GKCCBEBB',
      peppolId: '0208:0403170701',
      country: 'BE',
      kind: 'customer',
      paymentDays: 30,
      active: true,
    });
  });

  it('checks other EU VAT numbers by their country’s check digits (jsvat), prefixing bare digits with the country', () => {
    expect(checkRelation({ name: 'A', country: 'NL', vatNumber: 'NL004495445B01' }).values?.vatNumber).toBe('NL004495445B01');
    expect(checkRelation({ name: 'A', country: 'FR', vatNumber: '40303265045' }).values?.vatNumber).toBe('FR40303265045');
    expect(checkRelation({ name: 'A', country: 'GR', vatNumber: '094259216' }).values?.vatNumber).toBe('EL094259216');
    const bad = checkRelation({ name: 'A', country: 'DE', vatNumber: 'DE136695977' });
    expect(bad.problems).toMatchObject([{ field: 'vatNumber', code: 'relation.vat_foreign_invalid', params: { reason: 'relation.reason.check_digits' } }]);
    // A foreign company is not given a Belgian Peppol id.
    expect(checkRelation({ name: 'A', country: 'NL', vatNumber: 'NL004495445B01' }).values?.peppolId).toBeNull();
  });

  it('lists every bad field at once, each named, in the user’s language', () => {
    const r = checkRelation({
      name: '',
      vatNumber: 'BE0403170702',
      enterpriseNumber: '0123.456.789',
      iban: 'BE68539007547035',
      bic: 'GKCC',
      email: 'not-an-address',
      country: 'Belgium',
      language: 'es',
      kind: 'friend',
      paymentDays: '400',
      peppolId: '0208',
      active: 'maybe',
    });
    expect(fieldsOf(r).sort()).toEqual(['active', 'bic', 'country', 'email', 'enterpriseNumber', 'iban', 'kind', 'language', 'name', 'paymentDays', 'peppolId'].sort());
    const vat = checkRelation({ name: 'X', vatNumber: 'BE0403170702' }).problems[0];
    const err = validation(vat.code, vat.params, [vat]);
    expect(describeError(err, 'nl').details[0].message).toBe('Het btw-nummer BE0403170702 is ongeldig: de controlecijfers (modulo 97) kloppen niet.');
    const name = checkRelation({ name: '' }).problems[0];
    expect(describeError(validation(name.code, name.params, [name]), 'fr').details[0].message).toBe('Le champ Nom est obligatoire.');
    expect(translate(name.code, 'nl', name.params)).toBe('Het veld Naam is verplicht.');
  });

  it('refuses an enterprise number that does not belong to the Belgian VAT number', () => {
    const r = checkRelation({ name: 'X', vatNumber: 'BE0403170701', enterpriseNumber: '0477.472.701' });
    expect(r.problems).toMatchObject([{ field: 'enterpriseNumber', code: 'relation.enterprise_vat_mismatch' }]);
  });

  it('reads the words an import file uses for kind, language and yes/no', () => {
    const r = checkRelation({ name: 'X', kind: 'Leverancier', language: 'Français', paymentEndOfMonth: 'ja', active: 'non', paymentDays: '60' });
    expect(r.values).toMatchObject({ kind: 'supplier', language: 'fr', paymentEndOfMonth: true, active: false, paymentDays: 60 });
  });

  it('keeps stored values on an edit and re-derives the Peppol id when it was only the default', () => {
    const stored = checkRelation({ name: 'X', vatNumber: 'BE0403170701' }).values!;
    const edit = checkRelation({ city: 'Gent' }, stored);
    expect(edit.values).toMatchObject({ name: 'X', city: 'Gent', vatNumber: 'BE0403170701', peppolId: '0208:0403170701' });
    expect(checkRelation({ peppolId: '9925:be0403170701' }, stored).values?.peppolId).toBe('9925:BE0403170701');
    expect(RELATION_DEFAULTS.peppolId).toBeNull();
  });

  it('gives the next free number after the numeric ones', () => {
    expect(nextFreeNumber([])).toBe('1');
    expect(nextFreeNumber(['1', '2', '17', 'K-05'])).toBe('18');
  });

  it('recognises column headers in Dutch, French and English', () => {
    expect(guessField('Btw-nummer')).toBe('vatNumber');
    expect(guessField('N° TVA')).toBe('vatNumber');
    expect(guessField("Numéro d'entreprise")).toBe('enterpriseNumber');
    expect(guessField('Company name')).toBe('name');
    expect(guessField('Gemeente')).toBe('city');
    expect(guessField('Code postal')).toBe('postcode');
    expect(guessField('vatNumber')).toBe('vatNumber');
    expect(guessField('Rekeningnummer')).toBe('iban');
    expect(guessField('Favourite colour')).toBeNull();
  });
});
