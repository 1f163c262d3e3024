/** Bumped whenever a change would alter a result for the same input: part of every cache key. */
export const RULES_VERSION = 'rules-2';
export const LEAD_PROMPT_VERSION = 'lead-prompt-2';
