import { defineMessages } from '../../core/i18n/index.ts';

defineMessages({
  'user.not_found': { nl: 'Deze gebruiker bestaat niet.', fr: "Cet utilisateur n'existe pas.", en: 'This user does not exist.' },
  'user.login_taken': {
    nl: 'De gebruikersnaam {login} is al in gebruik.',
    fr: "Le nom d'utilisateur {login} est déjà utilisé.",
    en: 'The login name {login} is already taken.',
  },
  'user.login_invalid': {
    nl: 'Een gebruikersnaam telt 3 tot 64 tekens: letters, cijfers, punt, koppelteken, liggend streepje of @.',
    fr: "Un nom d'utilisateur compte de 3 à 64 caractères : lettres, chiffres, point, tiret, tiret bas ou @.",
    en: 'A login name has 3 to 64 characters: letters, digits, dot, hyphen, underscore or @.',
  },
  'user.email_invalid': {
    nl: 'Het e-mailadres {value} is ongeldig.',
    fr: "L'adresse e-mail {value} n'est pas valable.",
    en: 'The e-mail address {value} is invalid.',
  },
  'user.admin_only': {
    nl: 'Enkel een beheerder van het kantoor kan dit doen.',
    fr: "Seul un administrateur du bureau peut faire cela.",
    en: 'Only an administrator of the office can do this.',
  },
  'user.cannot_remove_self': {
    nl: 'Je kan jezelf niet verwijderen.',
    fr: 'Vous ne pouvez pas vous supprimer vous-même.',
    en: 'You cannot remove yourself.',
  },
  'user.last_admin': {
    nl: 'Het kantoor moet minstens één beheerder houden.',
    fr: 'Le bureau doit garder au moins un administrateur.',
    en: 'The office must keep at least one administrator.',
  },
  'right.missing': {
    nl: 'Je hebt in dit dossier niet het recht "{right}".',
    fr: 'Vous n’avez pas le droit « {right} » dans ce dossier.',
    en: 'You do not have the right "{right}" in this dossier.',
  },
  'office.not_found': { nl: 'Dit kantoor bestaat niet.', fr: "Ce bureau n'existe pas.", en: 'This office does not exist.' },
  'office.none': {
    nl: 'Er is nog geen kantoor. Maak er eerst een aan (argonaut office create).',
    fr: "Il n'y a pas encore de bureau. Créez-en d'abord un (argonaut office create).",
    en: 'There is no office yet. Create one first (argonaut office create).',
  },
  'office.choose': {
    nl: 'Er zijn meerdere kantoren: kies er een met --office.',
    fr: 'Il y a plusieurs bureaux : choisissez-en un avec --office.',
    en: 'There are several offices: choose one with --office.',
  },
});
