/**
 * UI texts of the matching screens, in the three languages (kept apart from nl.ts/fr.ts/en.ts so
 * capabilities built in parallel do not edit the same file). nl is the reference: fr and en have
 * exactly its keys (TypeScript and catalogues.test.ts check it).
 */
export const matchingNl = {
} satisfies Record<string, string>;

export const matchingFr: Record<keyof typeof matchingNl, string> = {
};

export const matchingEn: Record<keyof typeof matchingNl, string> = {
};
