/** Messages of the CODA reader (errors and warnings), in Dutch, French and English. */
import { defineMessages } from '../../core/i18n/index.ts';

export const codaMessages = defineMessages({
  // Refusals (AppError codes)
  'coda.unsupported_version': {
    nl: 'Regel {line}: CODA-versie {version} wordt niet ondersteund. Enkel CODA 2.x-bestanden kunnen worden ingelezen; vraag uw bank om CODA versie 2.',
    fr: "Ligne {line} : la version CODA {version} n'est pas prise en charge. Seuls les fichiers CODA 2.x peuvent être lus ; demandez à votre banque la version 2 de CODA.",
    en: 'Line {line}: CODA version {version} is not supported. Only CODA 2.x files can be read; ask your bank for CODA version 2.',
  },
  'coda.malformed_record': {
    nl: 'Regel {line} is geen geldig CODA-record: {reason}.',
    fr: "La ligne {line} n'est pas un enregistrement CODA valide : {reason}.",
    en: 'Line {line} is not a valid CODA record: {reason}.',
  },
  'coda.empty_file': {
    nl: 'Het bestand bevat geen CODA-records.',
    fr: 'Le fichier ne contient aucun enregistrement CODA.',
    en: 'The file contains no CODA records.',
  },
  'coda.file_unreadable': {
    nl: 'Het bestand {path} kan niet worden gelezen: {reason}',
    fr: 'Impossible de lire le fichier {path} : {reason}',
    en: 'Cannot read the file {path}: {reason}',
  },

  // Reasons for coda.malformed_record (no placeholders: they are inserted into the message above)
  'coda.reason.too_long': {
    nl: 'de regel is langer dan 128 tekens',
    fr: 'la ligne dépasse 128 caractères',
    en: 'the line is longer than 128 characters',
  },
  'coda.reason.unknown_record': {
    nl: 'onbekend recordtype',
    fr: "type d'enregistrement inconnu",
    en: 'unknown record type',
  },
  'coda.reason.no_header': {
    nl: 'een CODA-bestand moet beginnen met een voorloprecord (0)',
    fr: "un fichier CODA doit commencer par un enregistrement d'en-tête (0)",
    en: 'a CODA file must start with a header record (0)',
  },
  'coda.reason.bad_amount': {
    nl: 'het bedrag of het teken ervan is niet numeriek',
    fr: "le montant ou son signe n'est pas numérique",
    en: 'the amount or its sign is not numeric',
  },
  'coda.reason.bad_date': {
    nl: 'ongeldige datum (DDMMJJ verwacht)',
    fr: 'date invalide (JJMMAA attendu)',
    en: 'invalid date (DDMMYY expected)',
  },
  'coda.reason.bad_number': {
    nl: 'een numeriek veld bevat andere tekens dan cijfers',
    fr: "un champ numérique contient d'autres caractères que des chiffres",
    en: 'a numeric field contains characters other than digits',
  },
  'coda.reason.bad_account_structure': {
    nl: 'onbekende code voor de rekeningstructuur (0 tot 3 verwacht)',
    fr: 'code de structure de compte inconnu (0 à 3 attendu)',
    en: 'unknown account structure code (0 to 3 expected)',
  },
  'coda.reason.outside_statement': {
    nl: 'beweging of saldo buiten een uittreksel (er gaat geen record 1 met het oude saldo aan vooraf)',
    fr: "mouvement ou solde en dehors d'un extrait (aucun enregistrement 1 d'ancien solde ne le précède)",
    en: 'movement or balance record outside a statement (no old-balance record 1 before it)',
  },
  'coda.reason.outside_file': {
    nl: 'record buiten een bestand (er gaat geen voorloprecord 0 aan vooraf)',
    fr: "enregistrement en dehors d'un fichier (aucun enregistrement d'en-tête 0 ne le précède)",
    en: 'record outside a file (no header record 0 before it)',
  },
  'coda.reason.statement_not_closed': {
    nl: 'het vorige uittreksel werd niet afgesloten met een record 8 (nieuw saldo)',
    fr: "l'extrait précédent n'a pas été clôturé par un enregistrement 8 (nouveau solde)",
    en: 'the previous statement was not closed by a new-balance record (8)',
  },
  'coda.reason.missing_trailer': {
    nl: 'het bestand eindigt zonder eindrecord (9); het is mogelijk onvolledig',
    fr: 'le fichier se termine sans enregistrement final (9) ; il est peut-être incomplet',
    en: 'the file ends without a trailer record (9); it may be incomplete',
  },

  // Warnings (kept on the statement; the import goes on)
  'coda.duplicate_file': {
    nl: 'Regel {line}: de bank heeft dit bestand als duplicaat gemarkeerd; het werd mogelijk al eerder ingelezen.',
    fr: 'Ligne {line} : la banque a marqué ce fichier comme duplicata ; il a peut-être déjà été importé.',
    en: 'Line {line}: the bank marked this file as a duplicate; it may have been imported before.',
  },
  'coda.short_lines': {
    nl: '{count} regel(s) korter dan 128 tekens, de eerste op regel {line}; de ontbrekende posities werden als spaties gelezen.',
    fr: '{count} ligne(s) de moins de 128 caractères, la première à la ligne {line} ; les positions manquantes ont été lues comme des blancs.',
    en: '{count} line(s) shorter than 128 characters, the first on line {line}; the missing positions were read as blanks.',
  },
  'coda.invalid_ogm': {
    nl: 'Regel {line}: de gestructureerde mededeling {ogm} heeft een foutief controlegetal.',
    fr: 'Ligne {line} : la communication structurée {ogm} a un chiffre de contrôle erroné.',
    en: 'Line {line}: the structured communication {ogm} has wrong check digits.',
  },
  'coda.malformed_ogm': {
    nl: 'Regel {line}: de gestructureerde mededeling "{value}" bestaat niet uit 12 cijfers; ze werd als vrije mededeling bewaard.',
    fr: 'Ligne {line} : la communication structurée « {value} » ne compte pas 12 chiffres ; elle a été conservée comme communication libre.',
    en: 'Line {line}: the structured communication "{value}" is not 12 digits; it was kept as free text.',
  },
  'coda.account_mismatch': {
    nl: 'Regel {line}: het record met het nieuwe saldo vermeldt rekening {newBalanceAccount}, maar het uittreksel gaat over rekening {account}.',
    fr: "Ligne {line} : l'enregistrement du nouveau solde mentionne le compte {newBalanceAccount}, mais l'extrait concerne le compte {account}.",
    en: 'Line {line}: the new-balance record names account {newBalanceAccount}, but the statement is for account {account}.',
  },
  'coda.sequence_mismatch': {
    nl: 'Regel {line}: het record met het nieuwe saldo draagt uittrekselnummer {newBalanceSequence}, het record met het oude saldo {sequence}.',
    fr: "Ligne {line} : l'enregistrement du nouveau solde porte le numéro d'extrait {newBalanceSequence}, celui de l'ancien solde le numéro {sequence}.",
    en: 'Line {line}: the new-balance record has statement number {newBalanceSequence}, the old-balance record {sequence}.',
  },
  'coda.balance_mismatch': {
    nl: 'Uittreksel {sequence} van rekening {account} klopt niet: oud saldo {oldBalance} + bewegingen {movementSum} = {computed}, maar het nieuwe saldo (regel {line}) is {newBalance} (verschil {difference}).',
    fr: "L'extrait {sequence} du compte {account} est incohérent : ancien solde {oldBalance} + mouvements {movementSum} = {computed}, mais le nouveau solde (ligne {line}) est de {newBalance} (écart {difference}).",
    en: 'Statement {sequence} of account {account} is inconsistent: old balance {oldBalance} + movements {movementSum} = {computed}, but the new balance (line {line}) is {newBalance} (difference {difference}).',
  },
  'coda.trailer_count_mismatch': {
    nl: 'Regel {line}: het eindrecord vermeldt {stated} records, het bestand bevat er {counted}.',
    fr: "Ligne {line} : l'enregistrement final annonce {stated} enregistrements, le fichier en contient {counted}.",
    en: 'Line {line}: the trailer announces {stated} records, the file holds {counted}.',
  },
  'coda.trailer_debit_mismatch': {
    nl: 'Regel {line}: het debettotaal in het eindrecord is {stated}, de bewegingen geven samen {computed}.',
    fr: "Ligne {line} : le total des débits de l'enregistrement final est de {stated}, les mouvements totalisent {computed}.",
    en: "Line {line}: the trailer's debit total is {stated}, the movements add up to {computed}.",
  },
  'coda.trailer_credit_mismatch': {
    nl: 'Regel {line}: het credittotaal in het eindrecord is {stated}, de bewegingen geven samen {computed}.',
    fr: "Ligne {line} : le total des crédits de l'enregistrement final est de {stated}, les mouvements totalisent {computed}.",
    en: "Line {line}: the trailer's credit total is {stated}, the movements add up to {computed}.",
  },
  'coda.orphan_detail': {
    nl: 'Regel {line}: detail {detail} van beweging {sequence} ({amount}) heeft geen bewegingsrecord (detail 0000) ervoor en werd weggelaten.',
    fr: "Ligne {line} : le détail {detail} du mouvement {sequence} ({amount}) n'est précédé d'aucun enregistrement de mouvement (détail 0000) et a été ignoré.",
    en: 'Line {line}: detail {detail} of movement {sequence} ({amount}) has no movement record (detail 0000) before it and was left out.',
  },
});
