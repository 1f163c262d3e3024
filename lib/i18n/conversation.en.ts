/** Conversation panel (triage, drafts), English. Every key must exist in conversation.es.ts (the type and a test enforce it). */
export const conversationEn = {
} as const;
