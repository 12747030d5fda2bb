/** Messages of Accounting → Unassigned bank lines (assigning a statement line off the CODA suspense account). */
import { defineMessages } from '../../core/i18n/index.ts';

export const unassignedMessages = defineMessages({
  'banking.unassigned_line_not_found': {
    nl: 'Lijn {lineNo} van boeking {bookingId} is geen uittrekselbeweging op de wachtrekening CODA-import.',
    fr: "La ligne {lineNo} de l'écriture {bookingId} n'est pas un mouvement d'extrait sur le compte d'attente import CODA.",
    en: 'Line {lineNo} of booking {bookingId} is not a statement movement on the CODA import suspense account.',
  },
  'banking.line_already_assigned': {
    nl: 'Deze bankbeweging (boeking {bookingId}, lijn {lineNo}) is al toegewezen; er werd niets geboekt.',
    fr: "Ce mouvement bancaire (écriture {bookingId}, ligne {lineNo}) est déjà affecté ; rien n'a été comptabilisé.",
    en: 'This bank movement (booking {bookingId}, line {lineNo}) has already been assigned; nothing was booked.',
  },
  'banking.assign_amount_invalid': {
    nl: 'Het bedrag {value} is geen geldig bedrag.',
    fr: "Le montant {value} n'est pas un montant valide.",
    en: 'The amount {value} is not a valid amount.',
  },
  'banking.assign_amount_mismatch': {
    nl: 'Het bedrag {given} verschilt van het openstaande bedrag van de bankbeweging ({expected}); er werd niets geboekt. Vernieuw de lijst en probeer opnieuw.',
    fr: "Le montant {given} diffère du montant ouvert du mouvement bancaire ({expected}) ; rien n'a été comptabilisé. Actualisez la liste et réessayez.",
    en: 'The amount {given} differs from the open amount of the bank movement ({expected}); nothing was booked. Refresh the list and try again.',
  },
  'banking.assign_target_required': {
    nl: 'Kies een relatie (klant of leverancier) of een algemene rekening om de beweging aan toe te wijzen.',
    fr: 'Choisissez une relation (client ou fournisseur) ou un compte général auquel affecter le mouvement.',
    en: 'Choose a relation (customer or supplier) or a general account to assign the movement to.',
  },
  'banking.assign_invoices_need_relation': {
    nl: 'Facturen afpunten kan alleen wanneer de beweging aan een relatie wordt toegewezen.',
    fr: "Le lettrage de factures n'est possible que si le mouvement est affecté à une relation.",
    en: 'Invoices can only be matched when the movement is assigned to a relation.',
  },
  'banking.assign_invoice_invalid': {
    nl: 'Lijn {lineNo} van boeking {bookingId} is geen openstaande post van deze relatie op die rekening, aan de andere kant dan de betaling.',
    fr: "La ligne {lineNo} de l'écriture {bookingId} n'est pas un poste ouvert de cette relation sur ce compte, du côté opposé au paiement.",
    en: 'Line {lineNo} of booking {bookingId} is not an open item of this relation on that account, on the other side from the payment.',
  },
  'banking.assign_account_not_reconcilable': {
    nl: 'Rekening {account} is niet afpuntbaar: kies de klanten- of leveranciersrekening om facturen af te punten.',
    fr: "Le compte {account} n'est pas lettrable : choisissez le compte clients ou fournisseurs pour lettrer des factures.",
    en: 'Account {account} cannot be matched: choose the customers or suppliers account to match invoices.',
  },
  'banking.assign_to_suspense': {
    nl: 'Rekening {account} is de wachtrekening zelf; kies een andere rekening.',
    fr: "Le compte {account} est le compte d'attente lui-même ; choisissez un autre compte.",
    en: 'Account {account} is the suspense account itself; choose another account.',
  },
});
