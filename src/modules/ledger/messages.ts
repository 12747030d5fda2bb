/** Messages of the general ledger (NL default, FR, EN). */
import { defineMessages } from '../../core/i18n/index.ts';

defineMessages({
  'dossier.content.bookings': { nl: 'boekingen', fr: 'des écritures', en: 'bookings' },
  'ledger.relation_referrer.bookings': { nl: 'boekingen', fr: 'des écritures', en: 'bookings' },

  // amounts
  'ledger.amount_invalid': {
    nl: 'Het bedrag {value} is ongeldig: geef centen als geheel getal of een bedrag als "1234.56".',
    fr: 'Le montant {value} n’est pas valable : donnez des centimes (nombre entier) ou un montant comme « 1234.56 ».',
    en: 'The amount {value} is invalid: give cents as a whole number or an amount like "1234.56".',
  },

  // fixed accounts (roles)
  'ledger.fixed_account_missing': {
    nl: 'Er is geen vaste rekening ingesteld voor "{role}". Stel ze in via Beheer, Vaste rekeningen.',
    fr: 'Aucun compte fixe n’est défini pour « {role} ». Définissez-le via Gestion, Comptes fixes.',
    en: 'No fixed account is set for "{role}". Set it in Management, Fixed accounts.',
  },
  'ledger.role_unknown': { nl: 'Onbekende rol {role}.', fr: 'Rôle inconnu {role}.', en: 'Unknown role {role}.' },
  'ledger.role.customers': { nl: 'Klanten', fr: 'Clients', en: 'Customers' },
  'ledger.role.suppliers': { nl: 'Leveranciers', fr: 'Fournisseurs', en: 'Suppliers' },
  'ledger.role.vat_receivable': { nl: 'Terug te vorderen btw', fr: 'TVA à récupérer', en: 'VAT receivable' },
  'ledger.role.vat_payable': { nl: 'Te betalen btw', fr: 'TVA à payer', en: 'VAT payable' },
  'ledger.role.vat_current': { nl: 'Btw rekening-courant', fr: 'TVA compte courant', en: 'VAT current account' },
  'ledger.role.coda_suspense': { nl: 'Wachtrekening CODA-import', fr: "Compte d'attente import CODA", en: 'CODA import suspense account' },
  'ledger.role.opening': { nl: 'Openingsrekening (beginsaldi)', fr: "Compte d'ouverture (soldes initiaux)", en: 'Opening account (starting balances)' },
  'ledger.role.result_of_year': { nl: 'Resultaat van het boekjaar', fr: "Résultat de l'exercice", en: 'Result of the year' },
  'ledger.role.profit_carried_forward': { nl: 'Overgedragen winst', fr: 'Bénéfice reporté', en: 'Profit carried forward' },
  'ledger.role.loss_carried_forward': { nl: 'Overgedragen verlies', fr: 'Perte reportée', en: 'Loss carried forward' },
  'ledger.role.rounding_differences': { nl: 'Afrondingsverschillen', fr: "Différences d'arrondi", en: 'Rounding differences' },
  'ledger.role.exchange_loss': { nl: 'Wisselverschillen (verlies)', fr: 'Différences de change (perte)', en: 'Exchange differences (loss)' },
  'ledger.role.exchange_gain': { nl: 'Wisselverschillen (winst)', fr: 'Différences de change (gain)', en: 'Exchange differences (gain)' },

  // accounts
  'ledger.account_not_found': {
    nl: 'De rekening {account} bestaat niet in dit dossier.',
    fr: "Le compte {account} n'existe pas dans ce dossier.",
    en: 'Account {account} does not exist in this dossier.',
  },
  'ledger.account_number_invalid': {
    nl: 'Een rekeningnummer telt 1 tot 10 cijfers ({value}).',
    fr: 'Un numéro de compte compte 1 à 10 chiffres ({value}).',
    en: 'An account number has 1 to 10 digits ({value}).',
  },
  'ledger.account_exists': { nl: 'De rekening {account} bestaat al.', fr: 'Le compte {account} existe déjà.', en: 'Account {account} already exists.' },
  'ledger.account_in_use': {
    nl: 'De rekening {account} kan niet verwijderd worden: ze wordt gebruikt ({what}). Zet ze op niet-actief.',
    fr: 'Le compte {account} ne peut pas être supprimé : il est utilisé ({what}). Rendez-le inactif.',
    en: 'Account {account} cannot be deleted: it is in use ({what}). Deactivate it instead.',
  },
  'ledger.account_use.bookings': { nl: 'boekingen', fr: 'écritures', en: 'bookings' },
  'ledger.account_use.fixed_account': { nl: 'vaste rekening', fr: 'compte fixe', en: 'fixed account' },
  'ledger.account_use.journal': { nl: 'financieel dagboek', fr: 'journal financier', en: 'financial journal' },
  'ledger.transfer_booking_not_deletable': {
    nl: 'Boeking {number} werd gemaakt door Boekjaar overboeken en kan niet verwijderd worden. Boek het boekjaar opnieuw over (Beheer, Boekjaren) nadat je het hebt aangepast.',
    fr: "L'écriture {number} a été créée par le report de l'exercice et ne peut pas être supprimée. Reportez à nouveau l'exercice (Gestion, Exercices) après l'avoir corrigé.",
    en: 'Booking {number} was made by the year transfer and cannot be deleted. Transfer the fiscal year again (Management, Fiscal years) after correcting it.',
  },
  'ledger.fixed_account_not_reconcilable': {
    nl: 'De rekening {account} is niet afpointbaar: de rol "{role}" heeft een afpointbare rekening nodig, want de facturen worden erop afgepunt.',
    fr: 'Le compte {account} n’est pas lettrable : le rôle « {role} » demande un compte lettrable, car les factures y sont lettrées.',
    en: 'Account {account} is not reconcilable: the role "{role}" needs a reconcilable account, as invoices are matched on it.',
  },
  'ledger.account_inactive': {
    nl: 'De rekening {account} is niet actief.',
    fr: "Le compte {account} n'est pas actif.",
    en: 'Account {account} is not active.',
  },
  'ledger.account_type_invalid': { nl: 'Onbekend rekeningtype {value}.', fr: 'Type de compte inconnu {value}.', en: 'Unknown account type {value}.' },

  // fiscal years and periods
  'ledger.no_fiscal_period': {
    nl: 'Er kon geen boekjaarperiode gevonden worden die overeenstemt met de datum van de verrichting.',
    fr: "Aucune période d'exercice ne correspond à la date de l'opération.",
    en: 'No fiscal-year period matches the date of the transaction',
  },
  'ledger.no_fiscal_period.none': {
    nl: 'Geen boekjaar bevat de datum {date}.',
    fr: "Aucun exercice ne contient la date {date}.",
    en: 'No fiscal year contains the date {date}.',
  },
  'ledger.no_fiscal_period.closed_year': {
    nl: 'Het boekjaar van {date} is afgesloten.',
    fr: "L'exercice du {date} est clôturé.",
    en: 'The fiscal year of {date} is closed.',
  },
  'ledger.no_fiscal_period.closed_period': {
    nl: 'De periode {period} van {date} is afgesloten.',
    fr: 'La période {period} du {date} est clôturée.',
    en: 'Period {period} of {date} is closed.',
  },
  'ledger.fiscal_year_not_found': { nl: 'Dit boekjaar bestaat niet.', fr: "Cet exercice n'existe pas.", en: 'This fiscal year does not exist.' },
  'ledger.fiscal_year_for_year_not_found': {
    nl: 'Er is geen boekjaar {year} in dit dossier.',
    fr: "Il n'y a pas d'exercice {year} dans ce dossier.",
    en: 'There is no fiscal year {year} in this dossier.',
  },
  'ledger.date_invalid': { nl: 'De datum {value} is ongeldig (JJJJ-MM-DD).', fr: "La date {value} n'est pas valable (AAAA-MM-JJ).", en: 'The date {value} is invalid (YYYY-MM-DD).' },
  'ledger.fiscal_year_end_before_start': {
    nl: 'De einddatum moet na de begindatum liggen.',
    fr: 'La date de fin doit suivre la date de début.',
    en: 'The end date must come after the start date.',
  },
  'ledger.fiscal_year_too_long': {
    nl: 'Een boekjaar duurt hoogstens 24 maanden.',
    fr: 'Un exercice dure au plus 24 mois.',
    en: 'A fiscal year lasts at most 24 months.',
  },
  'ledger.fiscal_year_start_locked_previous': {
    nl: 'De begindatum kan niet meer gewijzigd worden: er is een vorig boekjaar.',
    fr: 'La date de début ne peut plus être modifiée : il existe un exercice précédent.',
    en: 'The start date can no longer change: there is a previous fiscal year.',
  },
  'ledger.fiscal_year_start_locked_bookings': {
    nl: 'De begindatum kan niet meer gewijzigd worden: er zijn al boekingen in dit boekjaar.',
    fr: 'La date de début ne peut plus être modifiée : cet exercice contient déjà des écritures.',
    en: 'The start date can no longer change: this fiscal year already holds bookings.',
  },
  'ledger.fiscal_year_end_locked_next': {
    nl: 'De einddatum kan niet meer gewijzigd worden: er is een volgend boekjaar.',
    fr: 'La date de fin ne peut plus être modifiée : il existe un exercice suivant.',
    en: 'The end date can no longer change: there is a next fiscal year.',
  },
  'ledger.fiscal_year_end_cuts_bookings': {
    nl: 'De einddatum kan niet vóór {date} liggen: er zijn boekingen tot die datum.',
    fr: 'La date de fin ne peut pas précéder le {date} : il y a des écritures jusqu’à cette date.',
    en: 'The end date cannot be before {date}: there are bookings up to that date.',
  },
  'ledger.fiscal_year_must_follow': {
    nl: 'Een volgend boekjaar begint de dag na het einde van het vorige ({date}).',
    fr: "L'exercice suivant commence le lendemain de la fin du précédent ({date}).",
    en: 'A next fiscal year starts the day after the previous one ends ({date}).',
  },
  'ledger.fiscal_year_not_deletable': {
    nl: 'Enkel het eerste of het laatste boekjaar zonder boekingen kan verwijderd worden, en niet het enige.',
    fr: "Seul le premier ou le dernier exercice sans écritures peut être supprimé, et pas le seul.",
    en: 'Only the first or last fiscal year without bookings can be deleted, and not the only one.',
  },
  'ledger.fiscal_year_closed': { nl: 'Het boekjaar is afgesloten.', fr: "L'exercice est clôturé.", en: 'The fiscal year is closed.' },
  'ledger.period_not_found': { nl: 'Deze periode bestaat niet.', fr: "Cette période n'existe pas.", en: 'This period does not exist.' },
  'ledger.period_range_invalid': {
    nl: 'De periodes {from} tot {to} vormen geen geldig bereik in dit boekjaar.',
    fr: "Les périodes {from} à {to} ne forment pas une plage valable dans cet exercice.",
    en: 'Periods {from} to {to} are not a valid range in this fiscal year.',
  },

  // journals
  'ledger.journal_not_found': { nl: 'Dit dagboek bestaat niet.', fr: "Ce journal n'existe pas.", en: 'This journal does not exist.' },
  'ledger.journal_code_taken': { nl: 'De dagboekcode {code} is al in gebruik.', fr: 'Le code journal {code} est déjà utilisé.', en: 'Journal code {code} is already in use.' },
  'ledger.journal_code_invalid': {
    nl: 'Een dagboekcode telt 1 tot 10 letters of cijfers.',
    fr: 'Un code journal compte 1 à 10 lettres ou chiffres.',
    en: 'A journal code has 1 to 10 letters or digits.',
  },
  'ledger.journal_bank_required': {
    nl: 'Een financieel dagboek heeft een IBAN en een BIC nodig (tabblad bankgegevens).',
    fr: 'Un journal financier nécessite un IBAN et un BIC (onglet coordonnées bancaires).',
    en: 'A financial journal needs an IBAN and a BIC (bank details).',
  },
  'ledger.iban_invalid': { nl: 'Het IBAN {value} is ongeldig.', fr: "L'IBAN {value} n'est pas valable.", en: 'The IBAN {value} is invalid.' },
  'ledger.bic_invalid': { nl: 'De BIC {value} is ongeldig.', fr: "Le BIC {value} n'est pas valable.", en: 'The BIC {value} is invalid.' },
  'ledger.currency_invalid': { nl: 'De munt {value} is ongeldig (3 letters, bv. EUR).', fr: "La devise {value} n'est pas valable (3 lettres, p. ex. EUR).", en: 'The currency {value} is invalid (3 letters, e.g. EUR).' },
  'ledger.journal_bank_taken': {
    nl: 'Er is al een financieel dagboek ({code}) voor {iban} in {currency}.',
    fr: 'Il existe déjà un journal financier ({code}) pour {iban} en {currency}.',
    en: 'There is already a financial journal ({code}) for {iban} in {currency}.',
  },
  'ledger.journal_account_not_financial': {
    nl: 'De rekening van een financieel dagboek is een bank-, kas- of overboekingsrekening (klasse 5), niet {account}.',
    fr: "Le compte d'un journal financier est un compte de banque, de caisse ou de virement (classe 5), pas {account}.",
    en: 'The account of a financial journal is a bank, cash or transfer account (class 5), not {account}.',
  },
  'ledger.journal_type_change': {
    nl: 'Het type van een dagboek met boekingen kan niet veranderen.',
    fr: "Le type d'un journal contenant des écritures ne peut pas changer.",
    en: 'The type of a journal with bookings cannot change.',
  },
  'ledger.journal_in_use': {
    nl: 'Het dagboek {code} bevat boekingen en kan niet verwijderd worden. Zet het op niet-actief.',
    fr: 'Le journal {code} contient des écritures et ne peut pas être supprimé. Rendez-le inactif.',
    en: 'Journal {code} holds bookings and cannot be deleted. Deactivate it instead.',
  },
  'ledger.journal_inactive': { nl: 'Het dagboek {code} is niet actief.', fr: "Le journal {code} n'est pas actif.", en: 'Journal {code} is not active.' },
  'ledger.journal_kind_mismatch': {
    nl: 'Een {kind} kan niet geboekt worden in het dagboek {code} ({type}).',
    fr: 'Un(e) {kind} ne peut pas être comptabilisé(e) dans le journal {code} ({type}).',
    en: 'A {kind} cannot be booked in journal {code} ({type}).',
  },
  'ledger.journal_no_bookings': {
    nl: 'Het dagboek {code} heeft geen boekingen in dit boekjaar.',
    fr: "Le journal {code} n'a pas d'écritures dans cet exercice.",
    en: 'Journal {code} has no bookings in this fiscal year.',
  },
  'ledger.counter_locked': {
    nl: 'Het eerste nummer kan enkel gewijzigd worden zolang het dagboek geen boekingen heeft in dit boekjaar.',
    fr: "Le premier numéro ne peut être modifié que tant que le journal n'a pas d'écritures dans cet exercice.",
    en: 'The first number can change only while the journal has no bookings in this fiscal year.',
  },
  'ledger.journal_type.purchase': { nl: 'aankoop', fr: 'achats', en: 'purchase' },
  'ledger.journal_type.sales': { nl: 'verkoop', fr: 'ventes', en: 'sales' },
  'ledger.journal_type.financial': { nl: 'financieel', fr: 'financier', en: 'financial' },
  'ledger.journal_type.miscellaneous': { nl: 'diverse', fr: 'opérations diverses', en: 'miscellaneous' },
  'ledger.journal_type.opening': { nl: 'opening', fr: 'ouverture', en: 'opening' },

  // VAT codes
  'ledger.vat_code_not_found': { nl: 'De btw-code {code} bestaat niet.', fr: "Le code TVA {code} n'existe pas.", en: 'VAT code {code} does not exist.' },
  'ledger.vat_code_wrong_kind': {
    nl: 'De btw-code {code} is een {codeKind}code en past niet bij een {kind}.',
    fr: 'Le code TVA {code} est un code {codeKind} et ne convient pas pour un(e) {kind}.',
    en: 'VAT code {code} is a {codeKind} code and does not fit a {kind}.',
  },
  'ledger.vat_code_no_rate': {
    nl: 'De btw-code {code} heeft geen tarief op {date}.',
    fr: "Le code TVA {code} n'a pas de taux au {date}.",
    en: 'VAT code {code} has no rate on {date}.',
  },
  'ledger.vat_kind.sales': { nl: 'verkoop', fr: 'vente', en: 'sales' },
  'ledger.vat_kind.purchase': { nl: 'aankoop', fr: 'achat', en: 'purchase' },

  // bookings
  'ledger.booking_not_found': { nl: 'Deze boeking bestaat niet.', fr: "Cette écriture n'existe pas.", en: 'This booking does not exist.' },
  'ledger.booking_unbalanced': {
    nl: 'De boeking is niet in evenwicht: debet en credit verschillen {difference}.',
    fr: "L'écriture n'est pas équilibrée : débit et crédit diffèrent de {difference}.",
    en: 'The booking does not balance: debit and credit differ by {difference}.',
  },
  'ledger.booking_no_lines': { nl: 'Een boeking heeft minstens één lijn.', fr: 'Une écriture a au moins une ligne.', en: 'A booking has at least one line.' },
  'ledger.booking_too_many_lines': {
    nl: 'Een boeking telt hoogstens {max} lijnen.',
    fr: 'Une écriture compte au plus {max} lignes.',
    en: 'A booking has at most {max} lines.',
  },
  'ledger.line_amount_zero': { nl: 'Lijn {line}: het bedrag is nul.', fr: 'Ligne {line} : le montant est nul.', en: 'Line {line}: the amount is zero.' },
  'ledger.line_account_required': { nl: 'Lijn {line}: kies een rekening.', fr: 'Ligne {line} : choisissez un compte.', en: 'Line {line}: choose an account.' },
  'ledger.line_vat_code_required': {
    nl: 'Lijn {line}: kies een btw-code.',
    fr: 'Ligne {line} : choisissez un code TVA.',
    en: 'Line {line}: choose a VAT code.',
  },
  'ledger.line_account_missing': {
    nl: 'Lijn {line}: de rekening {account} bestaat niet.',
    fr: "Ligne {line} : le compte {account} n'existe pas.",
    en: 'Line {line}: account {account} does not exist.',
  },
  'ledger.line_account_inactive': {
    nl: 'Lijn {line}: de rekening {account} is niet actief.',
    fr: "Ligne {line} : le compte {account} n'est pas actif.",
    en: 'Line {line}: account {account} is not active.',
  },
  'ledger.line_relation_missing': {
    nl: 'Lijn {line}: de relatie {relationId} bestaat niet.',
    fr: "Ligne {line} : la relation {relationId} n'existe pas.",
    en: 'Line {line}: relation {relationId} does not exist.',
  },
  'ledger.opening_not_first_year': {
    nl: 'Beginsaldi boekt u alleen in het eerste boekjaar van het dossier. Het boekjaar dat op {start} begint, krijgt zijn beginbalans door het vorige boekjaar ({previous}) over te boeken (Boekjaren → Overboeken boekjaar); een correctie boekt u als diverse verrichting.',
    fr: 'Les soldes initiaux ne se saisissent que dans le premier exercice du dossier. L’exercice qui commence le {start} reçoit son bilan d’ouverture par le report de l’exercice précédent ({previous}) (Exercices → Reporter l’exercice) ; une correction se passe en opération diverse.',
    en: 'Opening balances are booked only in the dossier’s first fiscal year. The fiscal year starting {start} receives its opening balance by transferring the previous fiscal year ({previous}) (Fiscal years → Transfer fiscal year); book a correction as a miscellaneous booking.',
  },
  'ledger.line_relation_required': {
    nl: 'Lijn {line}: rekening {account} is een klanten- of leveranciersrekening; kies de relatie (elke openstaande factuur is een eigen lijn).',
    fr: 'Ligne {line} : le compte {account} est un compte clients ou fournisseurs ; choisissez la relation (chaque facture ouverte est une ligne).',
    en: 'Line {line}: account {account} is a customers or suppliers account; choose the relation (each open invoice is a line of its own).',
  },
  'ledger.relation_required': {
    nl: 'Kies een relatie (klant of leverancier).',
    fr: 'Choisissez une relation (client ou fournisseur).',
    en: 'Choose a relation (customer or supplier).',
  },
  'ledger.relation_not_found': { nl: 'De relatie {relationId} bestaat niet.', fr: "La relation {relationId} n'existe pas.", en: 'Relation {relationId} does not exist.' },
  'ledger.ogm_invalid': {
    nl: 'De gestructureerde mededeling {value} is ongeldig.',
    fr: "La communication structurée {value} n'est pas valable.",
    en: 'The structured communication {value} is invalid.',
  },
  'ledger.total_mismatch': {
    nl: 'Het totaal inclusief btw ({given}) verschilt {difference} van het berekende totaal ({computed}).',
    fr: 'Le total TVA comprise ({given}) diffère de {difference} du total calculé ({computed}).',
    en: 'The total including VAT ({given}) differs by {difference} from the computed total ({computed}).',
  },
  'ledger.invoice_total_zero': {
    nl: 'Het totaal van de factuur is nul.',
    fr: 'Le total de la facture est nul.',
    en: 'The invoice total is zero.',
  },
  'ledger.statement_opening_mismatch': {
    nl: 'Het beginsaldo {given} sluit niet aan op het eindsaldo van het vorige uittreksel ({expected}).',
    fr: "Le solde initial {given} ne correspond pas au solde final de l'extrait précédent ({expected}).",
    en: 'The opening balance {given} does not match the closing balance of the previous statement ({expected}).',
  },
  'ledger.statement_closing_mismatch': {
    nl: 'Het eindsaldo {given} klopt niet: beginsaldo plus bewegingen geeft {expected}.',
    fr: 'Le solde final {given} est incorrect : solde initial plus mouvements donne {expected}.',
    en: 'The closing balance {given} is wrong: opening balance plus movements gives {expected}.',
  },
  'ledger.statement_line_target': {
    nl: 'Lijn {line}: geef een relatie of een rekening.',
    fr: 'Ligne {line} : indiquez une relation ou un compte.',
    en: 'Line {line}: give a relation or an account.',
  },
  'ledger.already_reversed': {
    nl: 'Deze boeking werd al tegengeboekt (boeking {number}).',
    fr: 'Cette écriture a déjà été contrepassée (écriture {number}).',
    en: 'This booking was already reversed (booking {number}).',
  },
  'ledger.not_last_booking': {
    nl: 'Enkel de laatste boeking van een dagboek kan verwijderd worden (nummer {last}).',
    fr: "Seule la dernière écriture d'un journal peut être supprimée (numéro {last}).",
    en: 'Only the last booking of a journal can be deleted (number {last}).',
  },
  'ledger.transfer_booking_readonly': {
    nl: 'Deze boeking werd gemaakt door het overboeken van het boekjaar; boek het boekjaar opnieuw over.',
    fr: "Cette écriture provient du report de l'exercice ; relancez le report.",
    en: 'This booking was made by the fiscal-year transfer; run the transfer again instead.',
  },
  'ledger.booking_kind_unknown': { nl: 'Onbekend soort boeking {kind}.', fr: "Type d'écriture inconnu {kind}.", en: 'Unknown kind of booking {kind}.' },
  'ledger.kind.purchase_invoice': { nl: 'aankoopfactuur', fr: "facture d'achat", en: 'purchase invoice' },
  'ledger.kind.purchase_credit_note': { nl: 'aankoopcreditnota', fr: "note de crédit d'achat", en: 'purchase credit note' },
  'ledger.kind.sales_invoice': { nl: 'verkoopfactuur', fr: 'facture de vente', en: 'sales invoice' },
  'ledger.kind.sales_credit_note': { nl: 'verkoopcreditnota', fr: 'note de crédit de vente', en: 'sales credit note' },
  'ledger.kind.financial_statement': { nl: 'financiële boeking', fr: 'opération financière', en: 'financial statement' },
  'ledger.kind.miscellaneous': { nl: 'diverse boeking', fr: 'opération diverse', en: 'miscellaneous booking' },
  'ledger.kind.opening': { nl: 'openingsboeking', fr: "écriture d'ouverture", en: 'opening booking' },
  'ledger.kind.closing': { nl: 'afsluitingsboeking', fr: 'écriture de clôture', en: 'closing booking' },

  // transfer
  'ledger.transfer_no_next_year': {
    nl: 'Maak eerst het volgende boekjaar aan om naar over te boeken.',
    fr: "Créez d'abord l'exercice suivant vers lequel reporter.",
    en: 'Create the next fiscal year to transfer into first.',
  },
  'ledger.transfer_next_closed': {
    nl: 'Het volgende boekjaar is afgesloten; heropen het om over te boeken.',
    fr: "L'exercice suivant est clôturé ; rouvrez-le pour reporter.",
    en: 'The next fiscal year is closed; reopen it to transfer.',
  },
  'ledger.transfer_no_journal': {
    nl: 'Er is geen {type}dagboek om de overboeking in te boeken.',
    fr: "Il n'y a pas de journal {type} pour comptabiliser le report.",
    en: 'There is no {type} journal to book the transfer in.',
  },

  'ledger.transfer.closing': {
    nl: 'Afsluiting boekjaar {start} – {end}',
    fr: "Clôture de l'exercice {start} – {end}",
    en: 'Closing of the fiscal year {start} – {end}',
  },
  'ledger.transfer.opening': {
    nl: 'Overdracht van boekjaar {start} – {end}',
    fr: "Report de l'exercice {start} – {end}",
    en: 'Carried forward from the fiscal year {start} – {end}',
  },

  // reports
  'ledger.report.trial_balance': { nl: 'Proef- en saldibalans', fr: 'Balance de vérification', en: 'Trial balance' },
  'ledger.report_too_large': {
    nl: 'Deze selectie telt meer dan {limit} lijnen: te veel om in één bestand te bewaren. Kies minder rekeningen of periodes.',
    fr: 'Cette sélection compte plus de {limit} lignes : trop pour un seul fichier. Choisissez moins de comptes ou de périodes.',
    en: 'This selection has more than {limit} lines: too many to save in one file. Choose fewer accounts or periods.',
  },
  'ledger.report.general_ledger': { nl: 'Grootboek', fr: 'Grand livre', en: 'General ledger' },
  'ledger.report.journal_listing': { nl: 'Dagboek', fr: 'Journal', en: 'Journal' },
  'ledger.report.customer_balances': { nl: 'Saldi klanten', fr: 'Soldes clients', en: 'Customer balances' },
  'ledger.report.supplier_balances': { nl: 'Saldi leveranciers', fr: 'Soldes fournisseurs', en: 'Supplier balances' },
  'ledger.report.periods': { nl: 'periodes {from} tot {to}', fr: 'périodes {from} à {to}', en: 'periods {from} to {to}' },
  'ledger.report.account': { nl: 'Rekening', fr: 'Compte', en: 'Account' },
  'ledger.report.name': { nl: 'Naam', fr: 'Nom', en: 'Name' },
  'ledger.report.number': { nl: 'Nummer', fr: 'Numéro', en: 'Number' },
  'ledger.report.opening': { nl: 'Beginsaldo', fr: 'Solde initial', en: 'Opening' },
  'ledger.report.debit': { nl: 'Debet', fr: 'Débit', en: 'Debit' },
  'ledger.report.credit': { nl: 'Credit', fr: 'Crédit', en: 'Credit' },
  'ledger.report.closing': { nl: 'Eindsaldo', fr: 'Solde final', en: 'Closing' },
  'ledger.report.balance': { nl: 'Saldo', fr: 'Solde', en: 'Balance' },
  'ledger.report.total': { nl: 'Totaal', fr: 'Total', en: 'Total' },
  'ledger.report.date': { nl: 'Datum', fr: 'Date', en: 'Date' },
  'ledger.report.booking': { nl: 'Boeking', fr: 'Écriture', en: 'Booking' },
  'ledger.report.description': { nl: 'Omschrijving', fr: 'Libellé', en: 'Description' },
  'ledger.warning.opening_not_zero': {
    nl: 'De openingsrekening {account} staat niet op nul ({balance}): nog niet alle beginsaldi zijn geboekt.',
    fr: "Le compte d'ouverture {account} n'est pas à zéro ({balance}) : tous les soldes initiaux ne sont pas encore comptabilisés.",
    en: 'The opening account {account} is not zero ({balance}): not all starting balances are booked yet.',
  },
  'ledger.warning.suspense_not_zero': {
    nl: 'De wachtrekening {account} staat niet op nul ({balance}).',
    fr: "Le compte d'attente {account} n'est pas à zéro ({balance}).",
    en: 'The suspense account {account} is not zero ({balance}).',
  },
  'ledger.report_format_invalid': {
    nl: 'Onbekend formaat {format} (json, csv, xlsx of pdf).',
    fr: 'Format inconnu {format} (json, csv, xlsx ou pdf).',
    en: 'Unknown format {format} (json, csv, xlsx or pdf).',
  },
  'ledger.file_unreadable': {
    nl: 'Het bestand {path} kan niet gelezen worden ({reason}).',
    fr: 'Le fichier {path} ne peut pas être lu ({reason}).',
    en: 'The file {path} cannot be read ({reason}).',
  },
  'ledger.file_not_json': {
    nl: 'Het bestand {path} bevat geen geldige JSON.',
    fr: 'Le fichier {path} ne contient pas de JSON valable.',
    en: 'The file {path} does not hold valid JSON.',
  },
});
