import { defineMessages } from '../../core/i18n/index.ts';

defineMessages({
  'dossier.not_found': {
    nl: 'Dit dossier bestaat niet of je hebt er geen toegang toe.',
    fr: "Ce dossier n'existe pas ou vous n'y avez pas accès.",
    en: 'This dossier does not exist or you have no access to it.',
  },
  'dossier.not_empty': {
    nl: 'Het dossier kan niet verwijderd worden: het bevat nog {what}. Enkel een leeg dossier kan verwijderd worden.',
    fr: 'Le dossier ne peut pas être supprimé : il contient encore {what}. Seul un dossier vide peut être supprimé.',
    en: 'The dossier cannot be deleted: it still holds {what}. Only an empty dossier can be deleted.',
  },
  'dossier.create_not_allowed': {
    nl: 'Een klantgebruiker kan geen dossiers aanmaken.',
    fr: 'Un utilisateur client ne peut pas créer de dossiers.',
    en: 'A client user cannot create dossiers.',
  },
  'dossier.fiscal_year_start_invalid': {
    nl: 'De begindatum van het boekjaar {value} is geen geldige datum (JJJJ-MM-DD).',
    fr: "La date de début de l'exercice {value} n'est pas une date valable (AAAA-MM-JJ).",
    en: 'The fiscal-year start {value} is not a valid date (YYYY-MM-DD).',
  },
  'request.required': {
    nl: 'Het veld {field} is verplicht.',
    fr: 'Le champ {field} est obligatoire.',
    en: 'The field {field} is required.',
  },
});
