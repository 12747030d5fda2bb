import { defineMessages } from '../../core/i18n/index.ts';

export const authMessages = defineMessages({
  'auth.invalid_credentials': {
    nl: 'Onbekende gebruikersnaam of verkeerd wachtwoord.',
    fr: "Nom d'utilisateur inconnu ou mot de passe erroné.",
    en: 'Unknown login name or wrong password.',
  },
  'auth.too_many_attempts': {
    nl: 'Te veel mislukte aanmeldpogingen voor {login}. Probeer opnieuw over {minutes} minuten.',
    fr: 'Trop de tentatives de connexion échouées pour {login}. Réessayez dans {minutes} minutes.',
    en: 'Too many failed login attempts for {login}. Try again in {minutes} minutes.',
  },
  'auth.not_logged_in': {
    nl: 'Je bent niet (meer) aangemeld. Meld je opnieuw aan.',
    fr: "Vous n'êtes pas (plus) connecté. Veuillez vous reconnecter.",
    en: 'You are not logged in (any more). Please log in again.',
  },
  'auth.invalid_token': {
    nl: 'Het API-token is ongeldig of ingetrokken.',
    fr: "Le jeton d'API n'est pas valable ou a été révoqué.",
    en: 'The API token is invalid or has been revoked.',
  },
  'auth.csrf_failed': {
    nl: 'De aanvraag werd geweigerd (ontbrekende of verkeerde CSRF-sleutel). Vernieuw de pagina.',
    fr: 'La requête a été refusée (jeton CSRF absent ou erroné). Actualisez la page.',
    en: 'The request was refused (missing or wrong CSRF token). Reload the page.',
  },
  'auth.wrong_current_password': {
    nl: 'Het huidige wachtwoord is niet juist.',
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is not correct.',
  },
  'auth.password_too_short': {
    nl: 'Een wachtwoord moet minstens {min} tekens tellen.',
    fr: 'Un mot de passe doit compter au moins {min} caractères.',
    en: 'A password must have at least {min} characters.',
  },
  'auth.password_same': {
    nl: 'Het nieuwe wachtwoord moet verschillen van het huidige.',
    fr: 'Le nouveau mot de passe doit être différent de l’actuel.',
    en: 'The new password must differ from the current one.',
  },
  'auth.reset_link_invalid': {
    nl: 'Deze link om het wachtwoord te herstellen is ongeldig of al gebruikt. Vraag een nieuwe aan.',
    fr: 'Ce lien de réinitialisation n’est pas valable ou a déjà été utilisé. Demandez-en un nouveau.',
    en: 'This password reset link is invalid or has already been used. Ask for a new one.',
  },
  'auth.reset_link_expired': {
    nl: 'Deze link om het wachtwoord te herstellen is verlopen (geldig één uur). Vraag een nieuwe aan.',
    fr: 'Ce lien de réinitialisation a expiré (valable une heure). Demandez-en un nouveau.',
    en: 'This password reset link has expired (valid for one hour). Ask for a new one.',
  },
  'auth.setup_done': {
    nl: 'Argonaut is al ingesteld: meld je aan.',
    fr: 'Argonaut est déjà configuré : connectez-vous.',
    en: 'Argonaut has already been set up: please log in.',
  },
  'auth.token_not_found': {
    nl: 'Dit API-token bestaat niet.',
    fr: "Ce jeton d'API n'existe pas.",
    en: 'This API token does not exist.',
  },
  'mail.reset.subject': {
    nl: 'Argonaut: nieuw wachtwoord instellen',
    fr: 'Argonaut : définir un nouveau mot de passe',
    en: 'Argonaut: set a new password',
  },
  'mail.reset.body': {
    nl: 'Dag {name},\n\nIemand (hopelijk jij) vroeg een nieuw wachtwoord aan voor de gebruiker {login}.\nKies een nieuw wachtwoord via deze link; hij is één uur geldig en werkt maar één keer:\n\n{link}\n\nVroeg je niets aan? Dan hoef je niets te doen: je wachtwoord blijft ongewijzigd.\n\nArgonaut',
    fr: 'Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé un nouveau mot de passe pour l’utilisateur {login}.\nChoisissez un nouveau mot de passe via ce lien ; il est valable une heure et ne fonctionne qu’une fois :\n\n{link}\n\nVous n’avez rien demandé ? Ne faites rien : votre mot de passe reste inchangé.\n\nArgonaut',
    en: 'Hello {name},\n\nSomeone (hopefully you) asked for a new password for the user {login}.\nChoose a new password through this link; it is valid for one hour and works only once:\n\n{link}\n\nDid not ask for it? Then do nothing: your password stays as it is.\n\nArgonaut',
  },
});
