/** Options page, English. Every key must exist in options.es.ts (the type and a test enforce it). */
export const optionsEn = {
} as const;
