/**
 * The relation fields as users name them (NL/FR/EN): column headers of Excel exports and PDFs,
 * field names in messages, and the words the import recognises in a file's header row.
 */
import { defineMessages, translate, type Language } from '../../core/i18n/index.ts';
import type { RelationField } from './rules.ts';

export const FIELD_LABELS: Record<RelationField, { nl: string; fr: string; en: string }> = {
  number: { nl: 'Nummer', fr: 'Numéro', en: 'Number' },
  name: { nl: 'Naam', fr: 'Nom', en: 'Name' },
  kind: { nl: 'Soort', fr: 'Type', en: 'Kind' },
  street: { nl: 'Straat', fr: 'Rue', en: 'Street' },
  postcode: { nl: 'Postcode', fr: 'Code postal', en: 'Postcode' },
  city: { nl: 'Gemeente', fr: 'Localité', en: 'City' },
  country: { nl: 'Land', fr: 'Pays', en: 'Country' },
  language: { nl: 'Taal', fr: 'Langue', en: 'Language' },
  enterpriseNumber: { nl: 'Ondernemingsnummer', fr: "Numéro d'entreprise", en: 'Enterprise number' },
  vatNumber: { nl: 'Btw-nummer', fr: 'Numéro de TVA', en: 'VAT number' },
  iban: { nl: 'IBAN', fr: 'IBAN', en: 'IBAN' },
  bic: { nl: 'BIC', fr: 'BIC', en: 'BIC' },
  email: { nl: 'E-mail', fr: 'E-mail', en: 'E-mail' },
  phone: { nl: 'Telefoon', fr: 'Téléphone', en: 'Phone' },
  paymentDays: { nl: 'Betalingstermijn (dagen)', fr: 'Délai de paiement (jours)', en: 'Payment term (days)' },
  paymentEndOfMonth: { nl: 'Einde maand', fr: 'Fin de mois', en: 'End of month' },
  defaultVatCode: { nl: 'Standaard btw-code', fr: 'Code TVA par défaut', en: 'Default VAT code' },
  defaultAccount: { nl: 'Standaard rekening', fr: 'Compte par défaut', en: 'Default account' },
  peppolId: { nl: 'Peppol-id', fr: 'Identifiant Peppol', en: 'Peppol id' },
  active: { nl: 'Actief', fr: 'Actif', en: 'Active' },
  notes: { nl: 'Opmerkingen', fr: 'Remarques', en: 'Notes' },
};

defineMessages(Object.fromEntries(Object.entries(FIELD_LABELS).map(([f, l]) => [`relation.field.${f}`, l])));
defineMessages({
  'relation.kind.customer': { nl: 'Klant', fr: 'Client', en: 'Customer' },
  'relation.kind.supplier': { nl: 'Leverancier', fr: 'Fournisseur', en: 'Supplier' },
  'relation.kind.both': { nl: 'Klant en leverancier', fr: 'Client et fournisseur', en: 'Customer and supplier' },
  'relation.peppol': { nl: 'Peppol', fr: 'Peppol', en: 'Peppol' },
  'relation.peppol.registered': { nl: 'Ja', fr: 'Oui', en: 'Yes' },
  'relation.peppol.not_registered': { nl: 'Nee', fr: 'Non', en: 'No' },
  'relation.peppol.unknown': { nl: 'Niet gecontroleerd', fr: 'Non vérifié', en: 'Not checked' },
  'relation.peppol.checked_at': { nl: 'Gecontroleerd op', fr: 'Vérifié le', en: 'Checked on' },
  'relation.peppol.document_types': { nl: 'Aanvaarde documenten', fr: 'Documents acceptés', en: 'Accepted documents' },
  'relation.print.address': { nl: 'Adres', fr: 'Adresse', en: 'Address' },
  'relation.print.list_title': { nl: 'Relaties', fr: 'Relations', en: 'Relations' },
  'relation.print.detail_title': { nl: 'Relatie {number}', fr: 'Relation {number}', en: 'Relation {number}' },
  'relation.print.filter': { nl: 'Filter: {filter}', fr: 'Filtre : {filter}', en: 'Filter: {filter}' },
  'relation.print.count': { nl: '{count} relaties', fr: '{count} relations', en: '{count} relations' },
  'relation.print.page': { nl: 'Pagina {page} van {pages}', fr: 'Page {page} sur {pages}', en: 'Page {page} of {pages}' },
  'relation.print.printed': { nl: 'Afgedrukt op {date}', fr: 'Imprimé le {date}', en: 'Printed on {date}' },
  'relation.status.active': { nl: 'actief', fr: 'actives', en: 'active' },
  'relation.status.inactive': { nl: 'niet actief', fr: 'non actives', en: 'not active' },
  'relation.status.all': { nl: 'alle', fr: 'toutes', en: 'all' },
  'relation.yes': { nl: 'ja', fr: 'oui', en: 'yes' },
  'relation.no': { nl: 'nee', fr: 'non', en: 'no' },
});

export const fieldLabel = (field: RelationField, lang: Language) => translate(`relation.field.${field}`, lang);

/** Extra header words per field, besides the field name and its labels (lower case, no accents). */
const HEADER_SYNONYMS: Record<RelationField, string[]> = {
  number: ['nr', 'no', 'n', 'num', 'code', 'relatienummer', 'relatie nr', 'klantnummer', 'klant nr', 'leveranciersnummer', 'numero de relation', 'numero client', 'numero fournisseur', 'reference', 'ref', 'id', 'relation number', 'customer number', 'supplier number'],
  name: ['naam', 'bedrijfsnaam', 'firmanaam', 'firma', 'benaming', 'nom', 'raison sociale', 'denomination', 'societe', 'company', 'company name', 'relatie', 'relation', 'klant', 'client', 'customer'],
  kind: ['soort', 'type', 'categorie', 'category', 'klant/leverancier', 'client/fournisseur', 'customer/supplier', 'relation type', 'type relation', 'soort relatie'],
  street: ['straat', 'adres', 'straat en nummer', 'address', 'adresse', 'rue', 'street', 'address line 1', 'adresregel 1'],
  postcode: ['postcode', 'post code', 'zip', 'zip code', 'postal code', 'code postal', 'cp', 'pc'],
  city: ['gemeente', 'stad', 'plaats', 'woonplaats', 'localite', 'ville', 'commune', 'city', 'town'],
  country: ['land', 'landcode', 'pays', 'code pays', 'country', 'country code'],
  language: ['taal', 'langue', 'language', 'taalcode', 'lang'],
  enterpriseNumber: ['ondernemingsnummer', 'ondernemingsnr', 'kbo', 'kbo nummer', 'kbo-nummer', 'bce', 'numero d entreprise', 'numero bce', 'company number', 'enterprise number', 'registration number'],
  vatNumber: ['btw', 'btw nummer', 'btw-nummer', 'btwnummer', 'btw nr', 'tva', 'numero de tva', 'n tva', 'no tva', 'vat', 'vat number', 'vat no', 'vat id'],
  iban: ['iban', 'rekening', 'rekeningnummer', 'bankrekening', 'compte', 'compte bancaire', 'numero de compte', 'bank account', 'account number'],
  bic: ['bic', 'swift', 'bic code', 'swift code', 'bic/swift'],
  email: ['email', 'e-mail', 'mail', 'e-mailadres', 'emailadres', 'adresse e-mail', 'courriel', 'e-mail address'],
  phone: ['telefoon', 'tel', 'telefoonnummer', 'gsm', 'telephone', 'phone', 'phone number', 'mobile'],
  paymentDays: ['betalingstermijn', 'betaaltermijn', 'termijn', 'vervaldagen', 'delai de paiement', 'delai', 'jours', 'payment term', 'payment terms', 'payment days', 'terms'],
  paymentEndOfMonth: ['einde maand', 'einde van de maand', 'fin de mois', 'end of month', 'eom'],
  defaultVatCode: ['btw-code', 'btw code', 'btwcode', 'code tva', 'vat code', 'standaard btw code'],
  defaultAccount: ['rekening', 'algemene rekening', 'standaardrekening', 'boekingsrekening', 'compte general', 'compte', 'general account', 'account', 'default account'],
  peppolId: ['peppol', 'peppol id', 'peppol-id', 'peppol participant', 'peppol deelnemer', 'participant id', 'identifiant peppol'],
  active: ['actief', 'actif', 'active', 'status', 'statut'],
  notes: ['opmerking', 'opmerkingen', 'notities', 'nota', 'remarque', 'remarques', 'commentaire', 'notes', 'note', 'comment', 'comments'],
};

/** Lower case, no accents, punctuation as spaces: "Numéro d'entreprise" → "numero d entreprise". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, '')
    .replace(/[^a-z0-9/-]+/g, ' ')
    .trim();
}

const headerIndex = new Map<string, RelationField>();
{
  const add = (word: string, field: RelationField) => {
    const key = normalizeHeader(word);
    if (!headerIndex.has(key)) headerIndex.set(key, field);
  };
  const fields = Object.keys(FIELD_LABELS) as RelationField[];
  // Field names and labels first: they win over the looser synonyms ("rekening" is IBAN before account).
  for (const f of fields) {
    add(f, f);
    for (const l of Object.values(FIELD_LABELS[f])) add(l, f);
  }
  for (const f of fields) for (const w of HEADER_SYNONYMS[f]) add(w, f);
  for (const f of fields) add(f.replace(/([A-Z])/g, ' $1'), f); // "vat Number"
}

/** The field a header most likely means, or null. */
export function guessField(header: string): RelationField | null {
  const key = normalizeHeader(header);
  if (!key) return null;
  return headerIndex.get(key) ?? headerIndex.get(key.replace(/[-/]/g, ' ').replace(/\s+/g, ' ')) ?? headerIndex.get(key.replace(/[\s-]/g, '')) ?? null;
}
