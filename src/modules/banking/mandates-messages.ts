/** Messages of Bank → CODA mandates. */
import { defineMessages } from '../../core/i18n/index.ts';

export const mandateMessages = defineMessages({
  'mandate.bank_module_off': {
    nl: 'De bankmodule van dossier {dossier} staat uit. Schakel ze in bij de dossiergegevens (Modules → Bank) en vraag daarna het CODA-mandaat aan.',
    fr: 'Le module bancaire du dossier {dossier} est désactivé. Activez-le dans les données du dossier (Modules → Banque), puis demandez le mandat CODA.',
    en: 'The bank module of dossier {dossier} is switched off. Switch it on in the dossier details (Modules → Bank), then request the CODA mandate.',
  },
  'mandate.journal_not_found': {
    nl: 'Dagboek {journal} bestaat niet in dit dossier.',
    fr: "Le journal {journal} n'existe pas dans ce dossier.",
    en: 'Journal {journal} does not exist in this dossier.',
  },
  'mandate.journal_not_financial': {
    nl: 'Dagboek {journal} is geen financieel dagboek met IBAN en BIC. Een CODA-mandaat hoort bij een financieel dagboek: maak het aan via Beheer → Dagboeken en vul bij de bankgegevens IBAN en BIC in.',
    fr: "Le journal {journal} n'est pas un journal financier avec IBAN et BIC. Un mandat CODA appartient à un journal financier : créez-le via Gestion → Journaux et indiquez l'IBAN et le BIC.",
    en: 'Journal {journal} is not a financial journal with an IBAN and BIC. A CODA mandate belongs to a financial journal: create one under Management → Journals and fill in its IBAN and BIC.',
  },
  'mandate.exists': {
    nl: 'Dagboek {journal} heeft al een CODA-mandaat (één mandaat per financieel dagboek).',
    fr: 'Le journal {journal} a déjà un mandat CODA (un mandat par journal financier).',
    en: 'Journal {journal} already has a CODA mandate (one mandate per financial journal).',
  },
  'mandate.not_found': {
    nl: 'Dit CODA-mandaat bestaat niet (meer).',
    fr: "Ce mandat CODA n'existe pas (plus).",
    en: 'This CODA mandate does not exist (any more).',
  },
  'mandate.bank_unknown': {
    nl: 'Kies de bank van de rekening uit de lijst van banken die dagelijks CODA leveren.',
    fr: 'Choisissez la banque du compte dans la liste des banques qui livrent des CODA chaque jour.',
    en: 'Choose the bank of the account from the list of banks that deliver CODA daily.',
  },
  'mandate.email_required': {
    nl: 'Geef het e-mailadres dat de importfouten ontvangt (het dossier heeft geen e-mailadres).',
    fr: "Indiquez l'adresse e-mail qui reçoit les erreurs d'import (le dossier n'a pas d'adresse e-mail).",
    en: 'Give the e-mail address that receives import errors (the dossier has no e-mail address).',
  },
  'mandate.email_invalid': {
    nl: '{value} is geen geldig e-mailadres.',
    fr: "{value} n'est pas une adresse e-mail valable.",
    en: '{value} is not a valid e-mail address.',
  },
  'mandate.not_requested': {
    nl: 'Enkel een aangevraagd intern mandaat kan op actief gezet worden; dit mandaat is al actief.',
    fr: 'Seul un mandat interne demandé peut être activé ; ce mandat est déjà actif.',
    en: 'Only a requested internal mandate can be set to active; this mandate is already active.',
  },
});
