/**
 * What a content script draws by itself, before and without the UI chunk (the list's priority
 * badges), English. Kept apart from the panel's catalogue so every CRM page does not load all
 * of the panel's strings to label a badge.
 */
export const pageEn = {
  'badge.label': '{stage} · {priority}: {reason}',
  'badge.error': 'Pulso could not classify this row: {message}',
  'badge.limited': 'Not enough data to judge this row. {reasons}',
} as const;
