import type { optionsEn } from './options.en';

/** Página de opciones, en español. */
export const optionsEs: Record<keyof typeof optionsEn, string> = {
};
