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
