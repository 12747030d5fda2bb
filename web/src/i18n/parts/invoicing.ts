/**
 * UI texts of the invoicing screens, in the three languages (kept apart from nl.ts/fr.ts/en.ts so
 * capabilities built in parallel do not edit the same file). nl is the reference: fr and en have
 * exactly its keys (TypeScript and catalogues.test.ts check it).
 */
export const invoicingNl = {
} satisfies Record<string, string>;

export const invoicingFr: Record<keyof typeof invoicingNl, string> = {
};

export const invoicingEn: Record<keyof typeof invoicingNl, string> = {
};
