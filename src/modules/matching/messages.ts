/** Messages of matching ("afpunten"), NL default, FR, EN. */
import { defineMessages } from '../../core/i18n/index.ts';

defineMessages({
  'matching.lines_required': {
    nl: 'Kies minstens twee lijnen om af te punten.',
    fr: 'Choisissez au moins deux lignes à lettrer.',
    en: 'Select at least two lines to match.',
  },
  'matching.line_duplicate': {
    nl: 'Lijn {bookingId}/{lineNo} is twee keer gekozen.',
    fr: 'La ligne {bookingId}/{lineNo} est choisie deux fois.',
    en: 'Line {bookingId}/{lineNo} is selected twice.',
  },
  'matching.line_not_found': {
    nl: 'Lijn {bookingId}/{lineNo} bestaat niet in dit dossier.',
    fr: "La ligne {bookingId}/{lineNo} n'existe pas dans ce dossier.",
    en: 'Line {bookingId}/{lineNo} does not exist in this dossier.',
  },
  'matching.account_not_reconcilable': {
    nl: 'Lijn {bookingId}/{lineNo} staat op rekening {account}, die niet afpuntbaar is.',
    fr: 'La ligne {bookingId}/{lineNo} est sur le compte {account}, qui n’est pas lettrable.',
    en: 'Line {bookingId}/{lineNo} is on account {account}, which cannot be matched.',
  },
  'matching.line_already_matched': {
    nl: 'Lijn {bookingId}/{lineNo} is al volledig afgepunt.',
    fr: 'La ligne {bookingId}/{lineNo} est déjà entièrement lettrée.',
    en: 'Line {bookingId}/{lineNo} is already fully matched.',
  },
  'matching.accounts_differ': {
    nl: 'Alleen lijnen van dezelfde rekening kunnen samen afgepunt worden: {first} en {other} verschillen.',
    fr: 'Seules des lignes du même compte peuvent être lettrées ensemble : {first} et {other} diffèrent.',
    en: 'Only lines on the same account can be matched together: {first} and {other} differ.',
  },
  'matching.relations_differ': {
    nl: 'Alleen lijnen van dezelfde relatie kunnen samen afgepunt worden: {first} en {other} verschillen.',
    fr: 'Seules des lignes de la même relation peuvent être lettrées ensemble : {first} et {other} diffèrent.',
    en: 'Only lines of the same relation can be matched together: {first} and {other} differ.',
  },
  'matching.no_relation': { nl: '(geen relatie)', fr: '(aucune relation)', en: '(no relation)' },
  'matching.one_side_only': {
    nl: 'Kies zowel debet- als creditlijnen: een afpunting verbindt bv. een factuur met een betaling.',
    fr: 'Choisissez des lignes au débit et au crédit : un lettrage relie p. ex. une facture à un paiement.',
    en: 'Select both debit and credit lines: a match links e.g. an invoice with a payment.',
  },
  'matching.match_not_found': {
    nl: 'Afpunting {id} bestaat niet in dit dossier.',
    fr: "Le lettrage {id} n'existe pas dans ce dossier.",
    en: 'Match {id} does not exist in this dossier.',
  },
  'matching.booking_not_found': {
    nl: 'Boeking {id} bestaat niet in dit dossier.',
    fr: "L'écriture {id} n'existe pas dans ce dossier.",
    en: 'Booking {id} does not exist in this dossier.',
  },
  'matching.relation_not_found': {
    nl: 'Relatie {relation} bestaat niet in dit dossier.',
    fr: "La relation {relation} n'existe pas dans ce dossier.",
    en: 'Relation {relation} does not exist in this dossier.',
  },
  'matching.date_invalid': {
    nl: 'De datum {date} is ongeldig (JJJJ-MM-DD).',
    fr: 'La date {date} n’est pas valable (AAAA-MM-JJ).',
    en: 'The date {date} is invalid (YYYY-MM-DD).',
  },
  'matching.no_fiscal_year': {
    nl: 'Er is geen boekjaar dat {date} bevat.',
    fr: "Aucun exercice ne contient le {date}.",
    en: 'No fiscal year contains {date}.',
  },
  // report texts
  'matching.report.title': { nl: 'Openstaande posten op {date}', fr: 'Postes ouverts au {date}', en: 'Open items at {date}' },
  'matching.col.relation': { nl: 'Relatie', fr: 'Relation', en: 'Relation' },
  'matching.col.name': { nl: 'Naam', fr: 'Nom', en: 'Name' },
  'matching.col.account': { nl: 'Rekening', fr: 'Compte', en: 'Account' },
  'matching.col.document': { nl: 'Document', fr: 'Document', en: 'Document' },
  'matching.col.date': { nl: 'Datum', fr: 'Date', en: 'Date' },
  'matching.col.due_date': { nl: 'Vervaldag', fr: 'Échéance', en: 'Due date' },
  'matching.col.amount': { nl: 'Bedrag', fr: 'Montant', en: 'Amount' },
  'matching.col.open': { nl: 'Open', fr: 'Ouvert', en: 'Open' },
  'matching.col.not_due': { nl: 'Niet vervallen', fr: 'Non échu', en: 'Not due' },
  'matching.col.d0_30': { nl: '0–30 d.', fr: '0–30 j.', en: '0–30 d.' },
  'matching.col.d31_60': { nl: '31–60 d.', fr: '31–60 j.', en: '31–60 d.' },
  'matching.col.d61_90': { nl: '61–90 d.', fr: '61–90 j.', en: '61–90 d.' },
  'matching.col.over_90': { nl: '> 90 d.', fr: '> 90 j.', en: '> 90 d.' },
  'matching.total': { nl: 'Totaal', fr: 'Total', en: 'Total' },
});
