import type { historyEn } from './history.en';

/** Historial y ventana emergente, en español. */
export const historyEs: Record<keyof typeof historyEn, string> = {
};
