/** Messages of the bank inbox and the daily automatic import, including the import-error mails. */
import { defineMessages } from '../../core/i18n/index.ts';

export const inboxMessages = defineMessages({
  'bank_inbox.account_unknown': {
    nl: 'Geen enkel dossier heeft een financieel dagboek voor rekening {account}. Maak in het juiste dossier een financieel dagboek aan via Beheer → Dagboeken en vul bij de bankgegevens IBAN en BIC in.',
    fr: "Aucun dossier n'a de journal financier pour le compte {account}. Créez un journal financier dans le bon dossier via Gestion → Journaux et indiquez l'IBAN et le BIC.",
    en: 'No dossier has a financial journal for account {account}. Create a financial journal in the right dossier under Management → Journals and fill in its IBAN and BIC.',
  },
  'bank_inbox.account_ambiguous': {
    nl: 'Rekening {account} staat in een financieel dagboek van {count} dossiers ({dossiers}); het bestand kan niet toegewezen worden. Laat de rekening in één dossier staan.',
    fr: "Le compte {account} figure dans un journal financier de {count} dossiers ({dossiers}) ; le fichier ne peut pas être attribué. Ne gardez le compte que dans un seul dossier.",
    en: 'Account {account} is in a financial journal of {count} dossiers ({dossiers}); the file cannot be routed. Keep the account in one dossier only.',
  },
  'bank_inbox.accounts_several_dossiers': {
    nl: 'Het bestand bevat rekeningen van verschillende dossiers ({dossiers}); lees het per dossier in via Bank → Uittreksels inlezen.',
    fr: "Le fichier contient des comptes de plusieurs dossiers ({dossiers}) ; importez-le par dossier via Banque → Importer des extraits.",
    en: 'The file holds accounts of several dossiers ({dossiers}); import it per dossier under Bank → Import statements.',
  },
  'bank_inbox.not_found': {
    nl: 'Dit bestand staat niet (meer) in de bankinbox.',
    fr: "Ce fichier n'est pas (plus) dans la boîte bancaire.",
    en: 'This file is not (or no longer) in the bank inbox.',
  },
  'bank_inbox.not_waiting': {
    nl: 'Dit bestand wacht niet meer: het is al ingelezen of verwijderd.',
    fr: "Ce fichier n'est plus en attente : il a déjà été importé ou supprimé.",
    en: 'This file is no longer waiting: it was imported or dropped.',
  },
  'bank_inbox.imported_summary': {
    nl: '{booked} uittreksel(s) geboekt, {duplicates} al eerder ingelezen.',
    fr: '{booked} extrait(s) comptabilisé(s), {duplicates} déjà importé(s).',
    en: '{booked} statement(s) booked, {duplicates} imported before.',
  },
  'bank_inbox.unexpected': {
    nl: 'Het bestand kon niet ingelezen worden door een onverwachte fout ({reason}).',
    fr: "Le fichier n'a pas pu être importé à cause d'une erreur inattendue ({reason}).",
    en: 'The file could not be imported because of an unexpected error ({reason}).',
  },
  'bank_inbox.mail.error_subject': {
    nl: 'Argonaut: CODA import error — {dossier} — {file}',
    fr: "Argonaut : erreur d'import CODA — {dossier} — {file}",
    en: 'Argonaut: CODA import error — {dossier} — {file}',
  },
  'bank_inbox.mail.error_body': {
    nl: 'Bij de automatische CODA-import kon het bestand {file} (rekening {account}) niet ingelezen worden in dossier {dossier}.\n\nBericht:\n{message}\n\nGelieve te controleren:\n{checks}\n\nHet bestand blijft in de bankinbox en wordt gedurende één maand elke zaterdag opnieuw aangeboden (tot {until}). Vanaf de saldi overeenkomen, wordt het automatisch ingelezen: u hoeft niets anders te doen.\n',
    fr: "Lors de l'import CODA automatique, le fichier {file} (compte {account}) n'a pas pu être importé dans le dossier {dossier}.\n\nMessage :\n{message}\n\nVeuillez vérifier :\n{checks}\n\nLe fichier reste dans la boîte bancaire et est représenté chaque samedi pendant un mois (jusqu'au {until}). Dès que les soldes concordent, il est importé automatiquement : vous n'avez rien d'autre à faire.\n",
    en: 'The automatic CODA import could not import the file {file} (account {account}) into dossier {dossier}.\n\nMessage:\n{message}\n\nPlease check:\n{checks}\n\nThe file stays in the bank inbox and is offered again every Saturday for one month (until {until}). As soon as the balances match, it is imported automatically: there is nothing else to do.\n',
  },
  'bank_inbox.mail.dropped_subject': {
    nl: 'Argonaut: CODA-bestand niet ingelezen en verwijderd — {dossier} — {file}',
    fr: 'Argonaut : fichier CODA non importé et retiré — {dossier} — {file}',
    en: 'Argonaut: CODA file not imported and dropped — {dossier} — {file}',
  },
  'bank_inbox.mail.dropped_body': {
    nl: 'Laatste bericht: het bestand {file} (rekening {account}) werd sinds {since} elke zaterdag opnieuw aangeboden maar kon niet ingelezen worden in dossier {dossier}.\n\nLaatste fout:\n{message}\n\nGelieve te controleren:\n{checks}\n\nHet bestand wordt niet meer aangeboden en is uit de bankinbox verwijderd. Los de fout op en lees het uittreksel in via Bank → Uittreksels inlezen, of boek het manueel in het financieel dagboek.\n',
    fr: "Dernier avis : le fichier {file} (compte {account}) a été représenté chaque samedi depuis le {since} mais n'a pas pu être importé dans le dossier {dossier}.\n\nDernière erreur :\n{message}\n\nVeuillez vérifier :\n{checks}\n\nLe fichier n'est plus représenté et a été retiré de la boîte bancaire. Corrigez l'erreur et importez l'extrait via Banque → Importer des extraits, ou encodez-le manuellement dans le journal financier.\n",
    en: 'Last notice: the file {file} (account {account}) was offered again every Saturday since {since} but could not be imported into dossier {dossier}.\n\nLast error:\n{message}\n\nPlease check:\n{checks}\n\nThe file is no longer offered and has been dropped from the bank inbox. Fix the error and import the statement under Bank → Import statements, or book it by hand in the financial journal.\n',
  },
  'bank_inbox.mail.unrouted_subject': {
    nl: 'Argonaut: CODA-bestand zonder dossier — rekening {account} — {file}',
    fr: 'Argonaut : fichier CODA sans dossier — compte {account} — {file}',
    en: 'Argonaut: CODA file without a dossier — account {account} — {file}',
  },
  'bank_inbox.mail.unrouted_body': {
    nl: 'Bij de automatische CODA-import kon het bestand {file} (rekening {account}) aan geen enkel dossier toegewezen worden.\n\nBericht:\n{message}\n\nGelieve te controleren:\n{checks}\n\nHet bestand blijft in de bankinbox (Bank → Bankinbox) en wordt gedurende één maand elke zaterdag opnieuw aangeboden (tot {until}). Zodra het financieel dagboek met deze IBAN bestaat, wordt het automatisch toegewezen en ingelezen; in de bankinbox kunt u het ook meteen opnieuw proberen (F9). Over dit bestand krijgt u alleen nog een laatste bericht als het verwijderd wordt.\n',
    fr: "Lors de l'import CODA automatique, le fichier {file} (compte {account}) n'a pu être attribué à aucun dossier.\n\nMessage :\n{message}\n\nVeuillez vérifier :\n{checks}\n\nLe fichier reste dans la boîte bancaire (Banque → Boîte bancaire) et est représenté chaque samedi pendant un mois (jusqu'au {until}). Dès que le journal financier avec cet IBAN existe, il est attribué et importé automatiquement ; dans la boîte bancaire, vous pouvez aussi le réessayer tout de suite (F9). Pour ce fichier, vous ne recevrez plus qu'un dernier avis s'il est retiré.\n",
    en: 'The automatic CODA import could not route the file {file} (account {account}) to any dossier.\n\nMessage:\n{message}\n\nPlease check:\n{checks}\n\nThe file stays in the bank inbox (Bank → Bank inbox) and is offered again every Saturday for one month (until {until}). As soon as the financial journal with this IBAN exists, it is routed and imported automatically; in the bank inbox you can also try it again at once (F9). About this file you will only get a last notice if it is dropped.\n',
  },
  'bank_inbox.mail.unrouted_dropped_subject': {
    nl: 'Argonaut: CODA-bestand zonder dossier verwijderd — rekening {account} — {file}',
    fr: 'Argonaut : fichier CODA sans dossier retiré — compte {account} — {file}',
    en: 'Argonaut: CODA file without a dossier dropped — account {account} — {file}',
  },
  'bank_inbox.mail.unrouted_dropped_body': {
    nl: 'Laatste bericht: het bestand {file} (rekening {account}) werd sinds {since} elke zaterdag opnieuw aangeboden maar kon aan geen enkel dossier toegewezen worden.\n\nLaatste fout:\n{message}\n\nGelieve te controleren:\n{checks}\n\nHet bestand wordt niet meer aangeboden en is uit de bankinbox verwijderd. Maak in het juiste dossier het financieel dagboek met deze IBAN aan en lees het uittreksel daar in via Bank → Uittreksels inlezen.\n',
    fr: "Dernier avis : le fichier {file} (compte {account}) a été représenté chaque samedi depuis le {since} mais n'a pu être attribué à aucun dossier.\n\nDernière erreur :\n{message}\n\nVeuillez vérifier :\n{checks}\n\nLe fichier n'est plus représenté et a été retiré de la boîte bancaire. Créez le journal financier avec cet IBAN dans le bon dossier et importez-y l'extrait via Banque → Importer des extraits.\n",
    en: 'Last notice: the file {file} (account {account}) was offered again every Saturday since {since} but could not be routed to any dossier.\n\nLast error:\n{message}\n\nPlease check:\n{checks}\n\nThe file is no longer offered and has been dropped from the bank inbox. Create the financial journal with this IBAN in the right dossier and import the statement there under Bank → Import statements.\n',
  },
  'bank_inbox.check.bank_inbox.account_unknown': {
    nl: '- Welk dossier heeft deze bankrekening? Maak daar een financieel dagboek aan (Beheer → Dagboeken) met de IBAN uit het bericht en de BIC van de bank.\n- Staat de IBAN al in een dagboek? Dan moet dat dagboek actief zijn en van het type financieel.\n- Hoort de rekening bij geen enkel dossier van het kantoor, vraag de bank dan het CODA-mandaat stop te zetten.',
    fr: "- Quel dossier a ce compte bancaire ? Créez-y un journal financier (Gestion → Journaux) avec l'IBAN du message et le BIC de la banque.\n- L'IBAN figure déjà dans un journal ? Ce journal doit être actif et de type financier.\n- Si le compte n'appartient à aucun dossier du bureau, demandez à la banque d'arrêter le mandat CODA.",
    en: '- Which dossier has this bank account? Create a financial journal there (Management → Journals) with the IBAN from the message and the bank’s BIC.\n- Is the IBAN already in a journal? That journal must be active and of the financial type.\n- If the account belongs to no dossier of the office, ask the bank to stop the CODA mandate.',
  },
  'bank_inbox.check.bank_inbox.account_ambiguous': {
    nl: '- Laat de rekening in het financieel dagboek van één dossier staan: zet het dagboek in de andere dossiers op niet-actief of verwijder er de IBAN (Beheer → Dagboeken).',
    fr: "- Ne gardez le compte que dans le journal financier d'un seul dossier : désactivez le journal des autres dossiers ou retirez-en l'IBAN (Gestion → Journaux).",
    en: '- Keep the account in the financial journal of one dossier only: make the journal of the other dossiers inactive or remove its IBAN (Management → Journals).',
  },
  'bank_inbox.check.banking.opening_mismatch': {
    nl: '- Is er een financieel dagboek? (Beheer → Dagboeken, bij de bankgegevens BIC en IBAN)\n- Het beginsaldo van het CODA-bestand moet gelijk zijn aan het eindsaldo van uw laatste financiële boeking: boek ontbrekende uittreksels manueel bij tot de saldi aansluiten (bij een eerste import: het beginsaldo op 588888).\n- Staat de wachtrekening CODA-import bij Beheer → Vaste rekeningen?',
    fr: "- Y a-t-il un journal financier ? (Gestion → Journaux, BIC et IBAN dans les données bancaires)\n- Le solde initial du fichier CODA doit égaler le solde final de votre dernière écriture financière : encodez manuellement les extraits manquants jusqu'à ce que les soldes concordent (premier import : le solde initial sur 588888).\n- Le compte d'attente import CODA figure-t-il dans Gestion → Comptes fixes ?",
    en: '- Is there a financial journal? (Management → Journals, BIC and IBAN in its bank details)\n- The opening balance of the CODA file must equal the closing balance of your last financial booking: book the missing statements by hand until the balances match (first import: the opening balance on 588888).\n- Is the CODA import suspense account under Management → Fixed accounts?',
  },
  'bank_inbox.check.banking.no_fiscal_period': {
    nl: '- Betreft het een nieuw boekjaar? Is het nieuwe boekjaar al aangemaakt?\n- Is het vorige boekjaar overgeboekt naar het nieuwe boekjaar?\n- Staat het volgnummer van de eerstvolgende verrichting juist in het nieuwe boekjaar?',
    fr: "- S'agit-il d'un nouvel exercice ? Le nouvel exercice est-il créé ?\n- L'exercice précédent a-t-il été reporté sur le nouvel exercice ?\n- Le numéro de la prochaine opération est-il correct dans le nouvel exercice ?",
    en: '- Is this a new fiscal year? Has the new fiscal year been created?\n- Has the previous fiscal year been transferred to the new one?\n- Is the sequence number of the next transaction right in the new fiscal year?',
  },
  'bank_inbox.check.banking.journal_not_found': {
    nl: '- Is er een financieel dagboek voor deze rekening en munt? Maak het aan via Beheer → Dagboeken.\n- Vul bij de bankgegevens van het dagboek uw BIC en IBAN in.',
    fr: "- Y a-t-il un journal financier pour ce compte et cette devise ? Créez-le via Gestion → Journaux.\n- Indiquez votre BIC et votre IBAN dans les données bancaires du journal.",
    en: '- Is there a financial journal for this account and currency? Create it under Management → Journals.\n- Fill in your BIC and IBAN in the journal’s bank details.',
  },
  'bank_inbox.check.banking.suspense_missing': {
    nl: '- Voeg bij Beheer → Vaste rekeningen de wachtrekening CODA-import toe.',
    fr: "- Ajoutez le compte d'attente import CODA dans Gestion → Comptes fixes.",
    en: '- Add the CODA import suspense account under Management → Fixed accounts.',
  },
  'bank_inbox.check.other': {
    nl: '- Het bericht hierboven zegt wat er ontbreekt of niet klopt; pas het dossier aan of vraag de bank een correct bestand.',
    fr: "- Le message ci-dessus indique ce qui manque ou ne va pas ; adaptez le dossier ou demandez un fichier correct à la banque.",
    en: '- The message above says what is missing or wrong; correct the dossier or ask the bank for a correct file.',
  },
});
