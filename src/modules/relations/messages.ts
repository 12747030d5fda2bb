import { defineMessages } from '../../core/i18n/index.ts';
import '../dossiers/messages.ts';
import '../peppol/messages.ts';

export const relationMessages = defineMessages({
  'dossier.content.relations': { nl: 'relaties', fr: 'des relations', en: 'relations' },
  'relation.not_found': {
    nl: 'Deze relatie bestaat niet in dit dossier.',
    fr: "Cette relation n'existe pas dans ce dossier.",
    en: 'This relation does not exist in this dossier.',
  },
  'relation.invalid': {
    nl: 'De relatie kan niet bewaard worden: {summary}',
    fr: 'La relation ne peut pas être enregistrée : {summary}',
    en: 'The relation cannot be saved: {summary}',
  },
  'relation.number_taken': {
    nl: 'Het relatienummer {number} is al in gebruik door {name}.',
    fr: 'Le numéro de relation {number} est déjà utilisé par {name}.',
    en: 'Relation number {number} is already used by {name}.',
  },
  'relation.number_invalid': {
    nl: 'Het relatienummer {value} is ongeldig: gebruik tot 20 letters, cijfers, punten, streepjes of schuine strepen.',
    fr: 'Le numéro de relation {value} n’est pas valable : utilisez jusqu’à 20 lettres, chiffres, points, tirets ou barres obliques.',
    en: 'The relation number {value} is invalid: use up to 20 letters, digits, dots, dashes or slashes.',
  },
  'relation.too_long': {
    nl: 'Het veld {label} is te lang (hoogstens {max} tekens).',
    fr: 'Le champ {label} est trop long ({max} caractères au plus).',
    en: 'The field {label} is too long (at most {max} characters).',
  },
  'relation.required': {
    nl: 'Het veld {label} is verplicht.',
    fr: 'Le champ {label} est obligatoire.',
    en: 'The field {label} is required.',
  },
  'relation.kind_invalid': {
    nl: 'Het soort relatie {value} is onbekend: kies klant, leverancier of beide.',
    fr: 'Le type de relation {value} est inconnu : choisissez client, fournisseur ou les deux.',
    en: 'The relation kind {value} is unknown: choose customer, supplier or both.',
  },
  'relation.country_invalid': {
    nl: 'Het land {value} is geen ISO-landcode van twee letters (bv. BE, NL, FR).',
    fr: 'Le pays {value} n’est pas un code pays ISO à deux lettres (p. ex. BE, NL, FR).',
    en: 'The country {value} is not a two-letter ISO country code (e.g. BE, NL, FR).',
  },
  'relation.language_invalid': {
    nl: 'De taal {value} is onbekend: kies NL, FR, EN of DE.',
    fr: 'La langue {value} est inconnue : choisissez NL, FR, EN ou DE.',
    en: 'The language {value} is unknown: choose NL, FR, EN or DE.',
  },
  'relation.vat_foreign_invalid': {
    nl: 'Het btw-nummer {value} is ongeldig: {reason}.',
    fr: 'Le numéro de TVA {value} n’est pas valable : {reason}.',
    en: 'The VAT number {value} is invalid: {reason}.',
  },
  'relation.reason.format': {
    nl: 'de vorm klopt niet voor dat land',
    fr: 'le format ne correspond pas à ce pays',
    en: 'its format does not match that country',
  },
  'relation.reason.check_digits': {
    nl: 'de controlecijfers kloppen niet',
    fr: 'les chiffres de contrôle ne correspondent pas',
    en: 'the check digits do not match',
  },
  'relation.enterprise_vat_mismatch': {
    nl: 'Het ondernemingsnummer {value} hoort niet bij het btw-nummer {vatNumber}.',
    fr: 'Le numéro d’entreprise {value} ne correspond pas au numéro de TVA {vatNumber}.',
    en: 'The enterprise number {value} does not belong to the VAT number {vatNumber}.',
  },
  'relation.iban_invalid': {
    nl: 'Het rekeningnummer (IBAN) {value} is ongeldig.',
    fr: 'Le numéro de compte (IBAN) {value} n’est pas valable.',
    en: 'The account number (IBAN) {value} is invalid.',
  },
  'relation.bic_invalid': {
    nl: 'De BIC {value} is ongeldig (8 of 11 tekens, bv. GEBABEBB).',
    fr: 'Le BIC {value} n’est pas valable (8 ou 11 caractères, p. ex. GEBABEBB).',
    en: 'The BIC {value} is invalid (8 or 11 characters, e.g. GEBABEBB).',
  },
  'relation.email_invalid': {
    nl: 'Het e-mailadres {value} is ongeldig (meerdere adressen scheid je met ;).',
    fr: 'L’adresse e-mail {value} n’est pas valable (séparez plusieurs adresses par ;).',
    en: 'The e-mail address {value} is invalid (separate several addresses with ;).',
  },
  'relation.payment_days_invalid': {
    nl: 'De betalingstermijn {value} moet een aantal dagen van 0 tot 365 zijn.',
    fr: 'Le délai de paiement {value} doit être un nombre de jours de 0 à 365.',
    en: 'The payment term {value} must be a number of days from 0 to 365.',
  },
  'relation.boolean_invalid': {
    nl: 'Het veld {label} verwacht ja of nee, niet {value}.',
    fr: 'Le champ {label} attend oui ou non, pas {value}.',
    en: 'The field {label} expects yes or no, not {value}.',
  },
  'relation.vat_code_invalid': {
    nl: 'De standaard btw-code {value} is ongeldig (hoogstens 10 letters of cijfers).',
    fr: 'Le code TVA par défaut {value} n’est pas valable (10 lettres ou chiffres au plus).',
    en: 'The default VAT code {value} is invalid (at most 10 letters or digits).',
  },
  'relation.account_invalid': {
    nl: 'De standaard algemene rekening {value} is ongeldig (enkel cijfers, hoogstens 10).',
    fr: 'Le compte général par défaut {value} n’est pas valable (chiffres uniquement, 10 au plus).',
    en: 'The default general account {value} is invalid (digits only, at most 10).',
  },
  'relation.in_use': {
    nl: 'Relatie {number} ({name}) kan niet verwijderd worden: {what} verwijzen ernaar. Zet ze op niet-actief in de plaats.',
    fr: 'La relation {number} ({name}) ne peut pas être supprimée : {what} y font référence. Rendez-la plutôt inactive.',
    en: 'Relation {number} ({name}) cannot be deleted: {what} refer to it. Make it inactive instead.',
  },
  'relation.referrer.records': { nl: 'boekingen of andere stukken', fr: 'des écritures ou d’autres pièces', en: 'bookings or other records' },
  'relation.peppol_no_id': {
    nl: 'Relatie {number} ({name}) heeft geen Peppol-deelnemer-id (bv. 0208:<ondernemingsnummer>).',
    fr: 'La relation {number} ({name}) n’a pas d’identifiant de participant Peppol (p. ex. 0208:<numéro d’entreprise>).',
    en: 'Relation {number} ({name}) has no Peppol participant id (e.g. 0208:<enterprise number>).',
  },
  // Import
  'relation.import.file_type': {
    nl: 'Het bestand {fileName} is geen CSV- of Excel-bestand (.xlsx). Bewaar het als CSV (gescheiden door ; of ,) of als .xlsx.',
    fr: 'Le fichier {fileName} n’est ni un CSV ni un fichier Excel (.xlsx). Enregistrez-le en CSV (séparé par ; ou ,) ou en .xlsx.',
    en: 'The file {fileName} is not a CSV or Excel (.xlsx) file. Save it as CSV (separated by ; or ,) or as .xlsx.',
  },
  'relation.import.old_excel': {
    nl: 'Het bestand {fileName} is een oud Excel-bestand (.xls). Bewaar het in Excel als .xlsx of als CSV.',
    fr: 'Le fichier {fileName} est un ancien fichier Excel (.xls). Enregistrez-le dans Excel en .xlsx ou en CSV.',
    en: 'The file {fileName} is an old Excel file (.xls). Save it from Excel as .xlsx or CSV.',
  },
  'relation.import.unreadable': {
    nl: 'Het bestand {fileName} kan niet gelezen worden: {reason}',
    fr: 'Le fichier {fileName} ne peut pas être lu : {reason}',
    en: 'The file {fileName} cannot be read: {reason}',
  },
  'relation.import.empty': {
    nl: 'Het bestand {fileName} bevat geen relaties: de eerste rij moet de kolomnamen bevatten, de volgende rijen de relaties.',
    fr: 'Le fichier {fileName} ne contient aucune relation : la première ligne doit contenir les noms de colonnes, les suivantes les relations.',
    en: 'The file {fileName} holds no relations: the first row must hold the column names, the next rows the relations.',
  },
  'relation.import.too_many_rows': {
    nl: 'Het bestand telt {rows} rijen; per keer kunnen hoogstens {max} relaties ingelezen worden.',
    fr: 'Le fichier compte {rows} lignes ; au plus {max} relations peuvent être importées à la fois.',
    en: 'The file has {rows} rows; at most {max} relations can be imported at a time.',
  },
  'relation.import.no_name_column': {
    nl: 'Geen enkele kolom is gekoppeld aan de naam: kies in de koppeling welke kolom de naam van de relatie bevat.',
    fr: 'Aucune colonne n’est associée au nom : indiquez dans l’association quelle colonne contient le nom de la relation.',
    en: 'No column is mapped to the name: choose in the mapping which column holds the relation’s name.',
  },
  'relation.import.unknown_column': {
    nl: 'De koppeling verwijst naar een kolom {column} die niet in het bestand staat.',
    fr: 'L’association renvoie à une colonne {column} absente du fichier.',
    en: 'The mapping refers to a column {column} that is not in the file.',
  },
  'relation.import.upload_not_found': {
    nl: 'Het opgeladen bestand werd niet gevonden (of is verlopen). Laad het opnieuw op.',
    fr: 'Le fichier chargé est introuvable (ou a expiré). Chargez-le à nouveau.',
    en: 'The uploaded file was not found (or has expired). Upload it again.',
  },
  'relation.import.rows_invalid': {
    nl: 'Er werd niets ingelezen: {count} rij(en) bevatten fouten. Verbeter ze en lees het bestand opnieuw in.',
    fr: 'Rien n’a été importé : {count} ligne(s) contiennent des erreurs. Corrigez-les et importez à nouveau le fichier.',
    en: 'Nothing was imported: {count} row(s) have problems. Fix them and import the file again.',
  },
  'relation.import.duplicate_in_file': {
    nl: 'zelfde {label} als rij {otherRow}',
    fr: 'même {label} que la ligne {otherRow}',
    en: 'same {label} as row {otherRow}',
  },
  'relation.import.row': { nl: 'rij {line}', fr: 'ligne {line}', en: 'row {line}' },
  'relation.import.file_required': {
    nl: 'Kies een bestand om in te lezen.',
    fr: 'Choisissez un fichier à importer.',
    en: 'Choose a file to import.',
  },
  'relation.import.number_belongs_to_other': {
    nl: 'het nummer {value} is van {otherName}, terwijl het btw- of ondernemingsnummer bij {name} hoort',
    fr: 'le numéro {value} appartient à {otherName}, alors que le numéro de TVA ou d’entreprise est celui de {name}',
    en: 'number {value} belongs to {otherName}, while the VAT or enterprise number is that of {name}',
  },
});
