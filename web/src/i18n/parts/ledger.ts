/**
 * UI texts of the ledger screens, in the three languages (kept apart from nl.ts/fr.ts/en.ts so
 * capabilities built in parallel do not edit the same file). nl is the reference: fr and en have
 * exactly its keys (TypeScript and catalogues.test.ts check it).
 */
export const ledgerNl = {
} satisfies Record<string, string>;

export const ledgerFr: Record<keyof typeof ledgerNl, string> = {
};

export const ledgerEn: Record<keyof typeof ledgerNl, string> = {
};
