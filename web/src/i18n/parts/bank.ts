/**
 * UI texts of the bank screens, in the three languages (kept apart from nl.ts/fr.ts/en.ts so
 * capabilities built in parallel do not edit the same file). nl is the reference: fr and en have
 * exactly its keys (TypeScript and catalogues.test.ts check it).
 */
export const bankNl = {
} satisfies Record<string, string>;

export const bankFr: Record<keyof typeof bankNl, string> = {
};

export const bankEn: Record<keyof typeof bankNl, string> = {
};
