import type { Conversation } from '../contracts';

/**
 * How much of a conversation Pulso reads: the latest 60 messages, each up to 2,000 characters.
 * The model never saw more than that, and the rules look at the last few messages anyway; a
 * 500-message, 1 MB ticket would otherwise cost the backend half a second of CPU per request
 * (issue 9, D6) for the same answer.
 */
export const CONVERSATION_WINDOW = { messages: 60, charsPerMessage: 2_000 } as const;

/** The conversation cut to CONVERSATION_WINDOW (the same object when it already fits). */
export function recentWindow(conversation: Conversation): Conversation {
  const { messages, charsPerMessage } = CONVERSATION_WINDOW;
  const fits = conversation.messages.length <= messages && conversation.messages.every((m) => m.text.length <= charsPerMessage);
  if (fits) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.slice(-messages).map((m) => (m.text.length > charsPerMessage ? { ...m, text: m.text.slice(0, charsPerMessage) } : m)),
  };
}
