import { ConversationSchema, type Conversation } from '../../lib/contracts';
import { parseObjectLines } from './input';

/** One input line of `pulso triage` (and `pulso draft`): a valid Conversation, or why it is not one. */
export type ConversationInput = { line: number; conversation: Conversation } | { line: number; error: string };

/** Conversation JSON lines; blank lines skipped; each bad line reported with its number. */
export function parseConversationLines(text: string): ConversationInput[] {
  return parseObjectLines(text, 'Conversation', ConversationSchema).map((item) =>
    'error' in item ? item : { line: item.line, conversation: item.value },
  );
}
