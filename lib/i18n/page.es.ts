import type { pageEn } from './page.en';

/** Lo que un content script dibuja por sí solo, sin el chunk de la UI (las insignias de prioridad de las listas), en español. */
export const pageEs: Record<keyof typeof pageEn, string> = {
  'badge.label': '{stage} · {priority}: {reason}',
  'badge.error': 'Pulso no pudo clasificar esta fila: {message}',
  'badge.limited': 'No hay datos suficientes para valorar esta fila. {reasons}',
};
