/** Messages of the bank statement import (CODA / camt.053 into a dossier). */
import { defineMessages } from '../../core/i18n/index.ts';

export const bankingMessages = defineMessages({
  'banking.file_unknown_format': {
    nl: 'Het bestand {fileName} is geen CODA- of camt.053-bestand.',
    fr: "Le fichier {fileName} n'est ni un fichier CODA ni un fichier camt.053.",
    en: 'The file {fileName} is neither a CODA nor a camt.053 file.',
  },
  'banking.file_required': {
    nl: 'Kies een CODA- of camt.053-bestand om in te lezen.',
    fr: 'Choisissez un fichier CODA ou camt.053 à importer.',
    en: 'Choose a CODA or camt.053 file to import.',
  },
  'banking.file_unreadable': {
    nl: 'Het bestand {path} kan niet gelezen worden ({reason}).',
    fr: 'Le fichier {path} ne peut pas être lu ({reason}).',
    en: 'The file {path} cannot be read ({reason}).',
  },
  'banking.file_empty': {
    nl: 'Het bestand {fileName} bevat geen rekeninguittreksels.',
    fr: 'Le fichier {fileName} ne contient aucun extrait de compte.',
    en: 'The file {fileName} contains no bank statements.',
  },
  'banking.journal_not_found': {
    nl: 'Geen financieel dagboek voor rekening {account} in {currency}. Maak er een aan via Beheer → Dagboeken en vul bij de bankgegevens minstens IBAN en BIC in.',
    fr: 'Aucun journal financier pour le compte {account} en {currency}. Créez-en un via Gestion → Journaux et indiquez au moins l’IBAN et le BIC dans les données bancaires.',
    en: 'No financial journal for account {account} in {currency}. Create one under Management → Journals and fill in at least the IBAN and BIC in its bank details.',
  },
  'banking.opening_mismatch': {
    nl: 'Het saldo van dagboek {journal} ({expected}) sluit niet aan op het beginsaldo van uittreksel {number} ({given}). Het eindsaldo van de laatste financiële boeking moet gelijk zijn aan het beginsaldo van het bestand: boek ontbrekende uittreksels manueel bij; bij een eerste import boekt u het beginsaldo op rekening 588888.',
    fr: "Le solde du journal {journal} ({expected}) ne correspond pas au solde initial de l'extrait {number} ({given}). Le solde final de la dernière écriture financière doit égaler le solde initial du fichier : encodez manuellement les extraits manquants ; pour un premier import, comptabilisez le solde initial sur le compte 588888.",
    en: 'The balance of journal {journal} ({expected}) does not match the opening balance of statement {number} ({given}). The closing balance of the last financial booking must equal the file’s opening balance: book missing statements by hand; for a first import, book the opening balance against account 588888.',
  },
  'banking.no_fiscal_period': {
    nl: 'Er is geen boekjaarperiode voor de datum {date} van uittreksel {number}. Controleer of het nieuwe boekjaar is aangemaakt, of het vorige boekjaar is overgeboekt en of het volgnummer van de eerstvolgende verrichting juist staat.',
    fr: "Aucune période d'exercice ne correspond à la date {date} de l'extrait {number}. Vérifiez que le nouvel exercice est créé, que l'exercice précédent est reporté et que le numéro de la prochaine opération est correct.",
    en: 'No fiscal-year period matches the date {date} of statement {number}. Check that the new fiscal year exists, that the previous year has been transferred, and that the next sequence number is right.',
  },
  'banking.suspense_missing': {
    nl: 'Er is geen wachtrekening CODA-import bij de vaste rekeningen. Voeg er een toe via Beheer → Vaste rekeningen.',
    fr: "Aucun compte d'attente pour l'import CODA parmi les comptes fixes. Ajoutez-en un via Gestion → Comptes fixes.",
    en: 'There is no CODA import suspense account among the fixed accounts. Add one under Management → Fixed accounts.',
  },
  'banking.amount_third_decimal': {
    nl: 'Beweging {line} van uittreksel {number} heeft een bedrag met een derde decimaal ({amount}); de boekhouding boekt in cent. Het bestand wordt niet ingelezen.',
    fr: "Le mouvement {line} de l'extrait {number} a un montant avec une troisième décimale ({amount}) ; la comptabilité travaille au cent. Le fichier n'est pas importé.",
    en: 'Movement {line} of statement {number} has an amount with a third decimal ({amount}); the books are kept in cents. The file is not imported.',
  },
  'banking.statement_duplicate': {
    nl: 'Uittreksel {number} van rekening {account} is al ingelezen; er werd niets geboekt.',
    fr: "L'extrait {number} du compte {account} a déjà été importé ; rien n'a été comptabilisé.",
    en: 'Statement {number} of account {account} was already imported; nothing was booked.',
  },
});
