import { defineMessages } from '../../core/i18n/index.ts';

export const peppolMessages = defineMessages({
  'peppol.participant_invalid': {
    nl: 'De Peppol-deelnemer {value} is ongeldig: {reason}.',
    fr: 'Le participant Peppol {value} n’est pas valable : {reason}.',
    en: 'The Peppol participant id {value} is invalid: {reason}.',
  },
  'peppol.reason.format': {
    nl: 'schrijf het als schema:waarde, bv. 0208:0403170701',
    fr: 'écrivez-le comme schéma:valeur, p. ex. 0208:0403170701',
    en: 'write it as scheme:value, e.g. 0208:0403170701',
  },
  'peppol.reason.scheme': {
    nl: 'het schema moet een code van vier cijfers zijn (0208 voor een ondernemingsnummer, 9925 voor een btw-nummer)',
    fr: 'le schéma doit être un code à quatre chiffres (0208 pour un numéro d’entreprise, 9925 pour un numéro de TVA)',
    en: 'the scheme must be a four-digit code (0208 for an enterprise number, 9925 for a VAT number)',
  },
  'peppol.reason.enterprise_number': {
    nl: 'na 0208: volgt een geldig ondernemingsnummer van 10 cijfers',
    fr: 'après 0208: vient un numéro d’entreprise valable de 10 chiffres',
    en: '0208: must be followed by a valid 10-digit enterprise number',
  },
  'peppol.reason.vat_number': {
    nl: 'na 9925: volgt een geldig Belgisch btw-nummer',
    fr: 'après 9925: vient un numéro de TVA belge valable',
    en: '9925: must be followed by a valid Belgian VAT number',
  },
  'peppol.lookup_unavailable': {
    nl: 'Kon de Peppol-registratie van {participantId} niet controleren: {reason}. Het vorige resultaat blijft bewaard.',
    fr: 'Impossible de vérifier l’enregistrement Peppol de {participantId} : {reason}. Le résultat précédent est conservé.',
    en: 'Could not check the Peppol registration of {participantId}: {reason}. The earlier result is kept.',
  },
});

export const peppolDocumentMessages = defineMessages({
  'peppol.invoice_invalid': {
    nl: 'Factuur {number} wordt niet verzonden: ze voldoet niet aan {rules}.',
    fr: 'La facture {number} n’est pas envoyée : elle ne respecte pas {rules}.',
    en: 'Invoice {number} is not sent: it breaks {rules}.',
  },
  'peppol.rule_failed': {
    nl: 'Regel {rule} ({field}): {message}',
    fr: 'Règle {rule} ({field}) : {message}',
    en: 'Rule {rule} ({field}): {message}',
  },
  'peppol.xsd_failed': {
    nl: 'UBL 2.1-schema, regel {line}: {message}',
    fr: 'Schéma UBL 2.1, ligne {line} : {message}',
    en: 'UBL 2.1 schema, line {line}: {message}',
  },
  'peppol.xsd_missing': {
    nl: 'De UBL 2.1-schema’s zijn niet geïnstalleerd in {dir}; zonder die controle wordt niets via Peppol verzonden. Download het OASIS-pakket ({download}) en installeer ze met `{command}`.',
    fr: 'Les schémas UBL 2.1 ne sont pas installés dans {dir} ; sans ce contrôle, rien n’est envoyé par Peppol. Téléchargez le paquet OASIS ({download}) et installez-les avec `{command}`.',
    en: 'The UBL 2.1 schemas are not installed in {dir}; nothing is sent over Peppol without that check. Download the OASIS package ({download}) and install them with `{command}`.',
  },
  'peppol.schemas_source_missing': {
    nl: '{source} bestaat niet: geef het OASIS-pakket UBL-2.1.zip of de map waarin het uitgepakt werd.',
    fr: '{source} n’existe pas : indiquez le paquet OASIS UBL-2.1.zip ou le dossier où il a été décompressé.',
    en: '{source} does not exist: give the OASIS package UBL-2.1.zip or the folder it was unpacked into.',
  },
  'peppol.schemas_source_invalid': {
    nl: '{source} is geen zip-bestand en geen map: geef het OASIS-pakket UBL-2.1.zip of de map waarin het uitgepakt werd.',
    fr: '{source} n’est ni un fichier zip ni un dossier : indiquez le paquet OASIS UBL-2.1.zip ou le dossier où il a été décompressé.',
    en: '{source} is neither a zip file nor a folder: give the OASIS package UBL-2.1.zip or the folder it was unpacked into.',
  },
  'peppol.schemas_zip_unreadable': {
    nl: 'Het zip-bestand {source} is niet leesbaar: {reason}.',
    fr: 'Le fichier zip {source} est illisible : {reason}.',
    en: 'The zip file {source} cannot be read: {reason}.',
  },
  'peppol.schemas_incomplete': {
    nl: 'In {source} ontbreken UBL 2.1-schema’s: {missing}. Gebruik het volledige OASIS-pakket UBL 2.1 (xsd/common en xsd/maindoc).',
    fr: 'Il manque des schémas UBL 2.1 dans {source} : {missing}. Utilisez le paquet OASIS UBL 2.1 complet (xsd/common et xsd/maindoc).',
    en: '{source} lacks UBL 2.1 schemas: {missing}. Use the complete OASIS UBL 2.1 package (xsd/common and xsd/maindoc).',
  },
  'peppol.schemas_broken': {
    nl: 'De UBL 2.1-schema’s uit {source} zijn niet bruikbaar: {reason}. Er werd niets geïnstalleerd.',
    fr: 'Les schémas UBL 2.1 de {source} ne sont pas utilisables : {reason}. Rien n’a été installé.',
    en: 'The UBL 2.1 schemas from {source} cannot be used: {reason}. Nothing was installed.',
  },
  'peppol.endpoint_missing': {
    nl: 'Voor verzending via Peppol is een Peppol-adres nodig van {party}.',
    fr: 'L’envoi par Peppol nécessite une adresse Peppol pour {party}.',
    en: 'Sending over Peppol needs a Peppol address for {party}.',
  },
  'peppol.document_refused': {
    nl: 'Het bestand {file} is geen bruikbare e-factuur: {reason}',
    fr: 'Le fichier {file} n’est pas une facture électronique utilisable : {reason}',
    en: 'The file {file} is not a usable e-invoice: {reason}',
  },
  'peppol.document_duplicate': {
    nl: 'Dit document ({number}) werd al ontvangen.',
    fr: 'Ce document ({number}) a déjà été reçu.',
    en: 'This document ({number}) was already received.',
  },
  'peppol.document_not_found': {
    nl: 'Peppol-document {id} bestaat niet in dit dossier.',
    fr: 'Le document Peppol {id} n’existe pas dans ce dossier.',
    en: 'Peppol document {id} does not exist in this dossier.',
  },
  'peppol.document_decided': {
    nl: 'Peppol-document {number} is al {status}.',
    fr: 'Le document Peppol {number} est déjà {status}.',
    en: 'Peppol document {number} is already {status}.',
  },
  'peppol.status.booked': { nl: 'geboekt', fr: 'comptabilisé', en: 'booked' },
  'peppol.status.rejected': { nl: 'geweigerd', fr: 'refusé', en: 'rejected' },
  'peppol.reject_reason_required': {
    nl: 'Geef een reden voor de weigering.',
    fr: 'Indiquez la raison du refus.',
    en: 'Give a reason for the rejection.',
  },
  'peppol.exchange_rate_required': {
    nl: 'Document {number} is in {currency} en vermeldt de btw niet in EUR: geef de wisselkoers (exchangeRate, EUR per 1 {currency}, bv. 0.9215).',
    fr: 'Le document {number} est en {currency} et n’indique pas la TVA en EUR : donnez le taux de change (exchangeRate, EUR pour 1 {currency}, p. ex. 0.9215).',
    en: 'Document {number} is in {currency} and does not state its VAT in EUR: give the exchange rate (exchangeRate, EUR per 1 {currency}, e.g. 0.9215).',
  },
  'peppol.exchange_rate_invalid': {
    nl: 'De wisselkoers (exchangeRate) „{value}” is ongeldig: geef een getal groter dan nul met een punt, EUR per 1 {currency}, bv. 0.9215.',
    fr: 'Le taux de change (exchangeRate) « {value} » n’est pas valable : donnez un nombre supérieur à zéro avec un point, EUR pour 1 {currency}, p. ex. 0.9215.',
    en: 'The exchange rate (exchangeRate) “{value}” is invalid: give a number above zero with a decimal point, EUR per 1 {currency}, e.g. 0.9215.',
  },
  'peppol.exchange_vat_unplaced': {
    nl: 'Document {number}: de btw in EUR van het document kan niet geboekt worden op de gekozen btw-codes (alleen gedeeltelijk aftrekbare codes); kies een andere btw-code.',
    fr: 'Document {number} : la TVA en EUR du document ne peut pas être comptabilisée sur les codes TVA choisis (seulement des codes partiellement déductibles) ; choisissez un autre code TVA.',
    en: 'Document {number}: the document’s VAT in EUR cannot be booked on the chosen VAT codes (only partly deductible codes); choose another VAT code.',
  },
  'peppol.vat_code_unknown': {
    nl: 'Regel {line}: geen btw-code voor categorie {category} tegen {rate}%; kies er een.',
    fr: 'Ligne {line} : pas de code TVA pour la catégorie {category} à {rate} % ; choisissez-en un.',
    en: 'Line {line}: no VAT code for category {category} at {rate}%; choose one.',
  },
  'peppol.account_required': {
    nl: 'Regel {line}: kies een rekening (de leverancier heeft geen standaardrekening).',
    fr: 'Ligne {line} : choisissez un compte (le fournisseur n’a pas de compte par défaut).',
    en: 'Line {line}: choose an account (the supplier has no default account).',
  },
  'peppol.relation_required': {
    nl: 'De leverancier {name} is geen relatie van dit dossier: kies een relatie of laat ze aanmaken.',
    fr: 'Le fournisseur {name} n’est pas une relation de ce dossier : choisissez une relation ou faites-la créer.',
    en: 'Supplier {name} is not a relation of this dossier: choose a relation or have it created.',
  },
  'peppol.receiver_unknown': {
    nl: 'Geen dossier is als Peppol-ontvanger {receiver} geregistreerd.',
    fr: 'Aucun dossier n’est enregistré comme destinataire Peppol {receiver}.',
    en: 'No dossier is registered as Peppol receiver {receiver}.',
  },
  'peppol.registration_enterprise_missing': {
    nl: 'Het dossier heeft geen geldig ondernemingsnummer; vul het in bij de dossiergegevens om als Peppol-ontvanger te registreren.',
    fr: 'Le dossier n’a pas de numéro d’entreprise valable ; complétez-le dans les données du dossier pour s’enregistrer comme destinataire Peppol.',
    en: 'The dossier has no valid enterprise number; fill it in on the dossier details to register as a Peppol receiver.',
  },
  'peppol.registration_taken': {
    nl: 'Peppol-deelnemer {participantId} is al geregistreerd voor een ander dossier.',
    fr: 'Le participant Peppol {participantId} est déjà enregistré pour un autre dossier.',
    en: 'Peppol participant {participantId} is already registered for another dossier.',
  },
});

export const peppolContentMessages = defineMessages({
  'dossier.content.peppol_documents': { nl: 'Peppol-documenten', fr: 'des documents Peppol', en: 'Peppol documents' },
});
