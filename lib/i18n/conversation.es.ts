import type { conversationEn } from './conversation.en';

/** Panel de conversaciones (triaje, borradores), en español. */
export const conversationEs: Record<keyof typeof conversationEn, string> = {
};
