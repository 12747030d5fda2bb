/** Messages of the camt.053 reader (errors and warnings), in Dutch, French and English. */
import { defineMessages } from '../../core/i18n/index.ts';

export const camtMessages = defineMessages({
  // Refusals (AppError codes)
  'camt.invalid_xml': {
    nl: 'Het bestand is geen correcte XML (regel {line}): {reason}',
    fr: "Le fichier n'est pas un XML bien formé (ligne {line}) : {reason}",
    en: 'The file is not well-formed XML (line {line}): {reason}',
  },
  'camt.not_camt053': {
    nl: 'Dit is geen camt.053-rekeninguittreksel (gevonden: {found}).',
    fr: "Ce n'est pas un extrait de compte camt.053 (trouvé : {found}).",
    en: 'This is not a camt.053 bank statement (found: {found}).',
  },
  'camt.unsupported_version': {
    nl: 'camt.053-versie {version} wordt niet ondersteund; enkel 001.02, 001.04 en 001.08 kunnen worden ingelezen.',
    fr: "La version {version} de camt.053 n'est pas prise en charge ; seules les versions 001.02, 001.04 et 001.08 peuvent être lues.",
    en: 'camt.053 version {version} is not supported; only 001.02, 001.04 and 001.08 can be read.',
  },
  'camt.no_statements': {
    nl: 'Het document bevat geen uittreksel (Stmt).',
    fr: "Le document ne contient aucun extrait (Stmt).",
    en: 'The document contains no statement (Stmt).',
  },
  'camt.missing_element': {
    nl: 'Uittreksel {statement}: het verplichte element {element} ontbreekt.',
    fr: "Extrait {statement} : l'élément obligatoire {element} est absent.",
    en: 'Statement {statement}: the required element {element} is missing.',
  },
  'camt.invalid_amount': {
    nl: 'Uittreksel {statement}: {element} "{value}" is geen geldig bedrag.',
    fr: "Extrait {statement} : {element} « {value} » n'est pas un montant valide.",
    en: 'Statement {statement}: {element} "{value}" is not a valid amount.',
  },
  'camt.amount_precision': {
    nl: 'Uittreksel {statement}: {element} "{value}" heeft meer dan drie decimalen.',
    fr: 'Extrait {statement} : {element} « {value} » compte plus de trois décimales.',
    en: 'Statement {statement}: {element} "{value}" has more than three decimals.',
  },
  'camt.invalid_indicator': {
    nl: 'Uittreksel {statement}: {element} moet CRDT of DBIT zijn, niet "{value}".',
    fr: 'Extrait {statement} : {element} doit valoir CRDT ou DBIT, et non « {value} ».',
    en: 'Statement {statement}: {element} must be CRDT or DBIT, not "{value}".',
  },
  'camt.file_unreadable': {
    nl: 'Het bestand {path} kan niet worden gelezen: {reason}',
    fr: 'Impossible de lire le fichier {path} : {reason}',
    en: 'Cannot read the file {path}: {reason}',
  },

  // Warnings (kept on the statement; the import goes on)
  'camt.balance_mismatch': {
    nl: 'Uittreksel {statement} van rekening {account} klopt niet: beginsaldo {oldBalance} + bewegingen {movementSum} = {computed}, maar het eindsaldo is {newBalance} (verschil {difference}).',
    fr: "L'extrait {statement} du compte {account} est incohérent : solde d'ouverture {oldBalance} + mouvements {movementSum} = {computed}, mais le solde de clôture est de {newBalance} (écart {difference}).",
    en: 'Statement {statement} of account {account} is inconsistent: opening balance {oldBalance} + movements {movementSum} = {computed}, but the closing balance is {newBalance} (difference {difference}).',
  },
  'camt.missing_balance_indicator': {
    nl: 'Uittreksel {statement}: saldo {balance} heeft geen CdtDbtInd; het werd als creditsaldo gelezen.',
    fr: "Extrait {statement} : le solde {balance} n'a pas de CdtDbtInd ; il a été lu comme un solde créditeur.",
    en: 'Statement {statement}: balance {balance} has no CdtDbtInd; it was read as a credit balance.',
  },
  'camt.entry_not_booked': {
    nl: 'Uittreksel {statement}: beweging {entry} heeft status {status} (niet geboekt) en werd weggelaten.',
    fr: "Extrait {statement} : le mouvement {entry} a le statut {status} (non comptabilisé) et a été ignoré.",
    en: 'Statement {statement}: entry {entry} has status {status} (not booked) and was left out.',
  },
  'camt.invalid_ogm': {
    nl: 'Uittreksel {statement}, beweging {entry}: de gestructureerde mededeling {ogm} heeft een foutief controlegetal.',
    fr: 'Extrait {statement}, mouvement {entry} : la communication structurée {ogm} a un chiffre de contrôle erroné.',
    en: 'Statement {statement}, entry {entry}: the structured communication {ogm} has wrong check digits.',
  },
  'camt.malformed_bba_reference': {
    nl: 'Uittreksel {statement}, beweging {entry}: de BBA-referentie "{value}" is geen gestructureerde mededeling van 12 cijfers; ze werd als schuldeisersreferentie bewaard.',
    fr: 'Extrait {statement}, mouvement {entry} : la référence BBA « {value} » n\'est pas une communication structurée de 12 chiffres ; elle a été conservée comme référence du créancier.',
    en: 'Statement {statement}, entry {entry}: the BBA reference "{value}" is not a 12-digit structured communication; it was kept as a creditor reference.',
  },
  'camt.invalid_creditor_reference': {
    nl: 'Uittreksel {statement}, beweging {entry}: de ISO 11649-referentie {value} heeft een foutief controlegetal.',
    fr: 'Extrait {statement}, mouvement {entry} : la référence ISO 11649 {value} a un chiffre de contrôle erroné.',
    en: 'Statement {statement}, entry {entry}: the ISO 11649 reference {value} has wrong check digits.',
  },
  'camt.batch_sum_mismatch': {
    nl: 'Uittreksel {statement}: de transactiedetails van beweging {entry} geven samen {sum}, de beweging zelf {amount}.',
    fr: 'Extrait {statement} : les détails du mouvement {entry} totalisent {sum}, le mouvement lui-même {amount}.',
    en: 'Statement {statement}: the transaction details of entry {entry} add up to {sum}, the entry itself is {amount}.',
  },
  'camt.summary_count_mismatch': {
    nl: 'Uittreksel {statement}: de samenvatting (TxsSummry) vermeldt {stated} bewegingen, het uittreksel bevat er {counted}.',
    fr: "Extrait {statement} : le récapitulatif (TxsSummry) annonce {stated} mouvements, l'extrait en contient {counted}.",
    en: 'Statement {statement}: the summary (TxsSummry) announces {stated} entries, the statement holds {counted}.',
  },
  'camt.summary_sum_mismatch': {
    nl: 'Uittreksel {statement}: de samenvatting (TxsSummry) vermeldt een totaal van {stated}, de bewegingen geven samen {computed}.',
    fr: "Extrait {statement} : le récapitulatif (TxsSummry) annonce un total de {stated}, les mouvements totalisent {computed}.",
    en: 'Statement {statement}: the summary (TxsSummry) states a total of {stated}, the entries add up to {computed}.',
  },
});
