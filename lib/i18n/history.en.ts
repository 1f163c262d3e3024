/** History page and popup, English. Every key must exist in history.es.ts (the type and a test enforce it). */
export const historyEn = {
} as const;
