/**
 * UI texts of the ledger screens, in the three languages (kept apart from nl.ts/fr.ts/en.ts so
 * capabilities built in parallel do not edit the same file). nl is the reference: fr and en have
 * exactly its keys (TypeScript and catalogues.test.ts check it).
 */
export const ledgerNl = {
  // Accounting → Opening balances
  'menu.openingBookings': 'Openingsbalans',
  'ob.intro':
    'De openingsboeking van het eerste boekjaar, voor een dossier dat uit een ander pakket komt: de balansrekeningen, en op de klanten- en leveranciersrekening elke openstaande factuur als eigen lijn (relatie, referentie, documentdatum, vervaldatum), zodat ze later afgepunt kan worden. Het beginsaldo van de bank tegen 588888 boek je in het dagboekbeheer.',
  'ob.exists': 'Dit boekjaar heeft al een openingsboeking: {number}. Een fout verbeter je door ze tegen te boeken en opnieuw in te voeren.',
  'ob.reversed': '{number} tegengeboekt door {reversal}. Voer de juiste openingsboeking opnieuw in (Ctrl+Alt+N).',
  'ob.reenter': 'Opnieuw invoeren',
  'ob.key.reenter': 'De getoonde openingsboeking opnieuw invoeren (kopie om te verbeteren)',
  'ob.key.open': 'Openingsboekingen van het boekjaar tonen',
  'ob.listTitle': 'Openingsboekingen van het boekjaar {year}',
  'ob.none': 'Nog geen openingsboeking in dit boekjaar.',
  'ob.itemsHint': 'Op rekening {customers} (klanten) en {suppliers} (leveranciers) is een relatie verplicht: één lijn per openstaande factuur of creditnota.',
  'ob.reference': 'Referentie document',
  'ob.relationOfLine': 'Relatie lijn {n}',
  'ob.referenceOfLine': 'Referentie document lijn {n}',
  'ob.documentDateOfLine': 'Documentdatum lijn {n}',
  'ob.dueDateOfLine': 'Vervaldatum lijn {n}',
  'ob.descriptionOfLine': 'Omschrijving lijn {n}',
  'ob.totals': 'Totaal',
  'ob.balanced': 'In evenwicht: verschil 0,00',
  'ob.difference': 'Verschil: {amount} meer in {side}',
} satisfies Record<string, string>;

export const ledgerFr: Record<keyof typeof ledgerNl, string> = {
  'menu.openingBookings': "Bilan d'ouverture",
  'ob.intro':
    "L'écriture d'ouverture du premier exercice, pour un dossier venant d'un autre logiciel : les comptes de bilan et, sur les comptes clients et fournisseurs, chaque facture ouverte sur sa propre ligne (relation, référence, date du document, échéance), pour pouvoir la lettrer ensuite. Le solde de départ de la banque contre 588888 se comptabilise dans la gestion des journaux.",
  'ob.exists': "Cet exercice a déjà une écriture d'ouverture : {number}. Pour corriger une erreur, extournez-la et saisissez-la à nouveau.",
  'ob.reversed': "{number} extournée par {reversal}. Saisissez à nouveau l'écriture d'ouverture correcte (Ctrl+Alt+N).",
  'ob.reenter': 'Saisir à nouveau',
  'ob.key.reenter': "Saisir à nouveau l'écriture d'ouverture affichée (copie à corriger)",
  'ob.key.open': "Afficher les écritures d'ouverture de l'exercice",
  'ob.listTitle': "Écritures d'ouverture de l'exercice {year}",
  'ob.none': "Pas encore d'écriture d'ouverture dans cet exercice.",
  'ob.itemsHint': 'Sur les comptes {customers} (clients) et {suppliers} (fournisseurs), une relation est obligatoire : une ligne par facture ou note de crédit ouverte.',
  'ob.reference': 'Référence du document',
  'ob.relationOfLine': 'Relation ligne {n}',
  'ob.referenceOfLine': 'Référence du document ligne {n}',
  'ob.documentDateOfLine': 'Date du document ligne {n}',
  'ob.dueDateOfLine': 'Échéance ligne {n}',
  'ob.descriptionOfLine': 'Libellé ligne {n}',
  'ob.totals': 'Total',
  'ob.balanced': 'Équilibrée : différence 0,00',
  'ob.difference': 'Différence : {amount} de plus au {side}',
};

export const ledgerEn: Record<keyof typeof ledgerNl, string> = {
  'menu.openingBookings': 'Opening balances',
  'ob.intro':
    "The opening booking of the first fiscal year, for a dossier coming from another package: the balance sheet accounts and, on the customers and suppliers accounts, every open invoice as a line of its own (relation, reference, document date, due date), so it can be matched later. The bank's starting balance against 588888 is booked in journal management.",
  'ob.exists': 'This fiscal year already has an opening booking: {number}. To correct a mistake, reverse it and enter it again.',
  'ob.reversed': '{number} reversed by {reversal}. Enter the right opening booking again (Ctrl+Alt+N).',
  'ob.reenter': 'Enter again',
  'ob.key.reenter': 'Enter the shown opening booking again (a copy to correct)',
  'ob.key.open': 'Show the opening bookings of the fiscal year',
  'ob.listTitle': 'Opening bookings of the fiscal year {year}',
  'ob.none': 'No opening booking in this fiscal year yet.',
  'ob.itemsHint': 'On account {customers} (customers) and {suppliers} (suppliers) a relation is required: one line per open invoice or credit note.',
  'ob.reference': 'Document reference',
  'ob.relationOfLine': 'Relation line {n}',
  'ob.referenceOfLine': 'Document reference line {n}',
  'ob.documentDateOfLine': 'Document date line {n}',
  'ob.dueDateOfLine': 'Due date line {n}',
  'ob.descriptionOfLine': 'Description line {n}',
  'ob.totals': 'Total',
  'ob.balanced': 'Balanced: difference 0.00',
  'ob.difference': 'Difference: {amount} more on the {side} side',
};
