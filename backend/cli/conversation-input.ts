import { ConversationSchema, describeZodIssues, type Conversation } from '../../lib/contracts';

/** One input line of `pulso triage` (and `pulso draft`): a valid Conversation, or why it is not one. */
export type ConversationInput = { line: number; conversation: Conversation } | { line: number; error: string };

/** Conversation JSON lines; blank lines skipped; each bad line reported with its number. */
export function parseConversationLines(text: string): ConversationInput[] {
  const items: ConversationInput[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        items.push({ line, error: `line ${line}: malformed JSON (${(err as Error).message})` });
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        items.push({ line, error: `line ${line}: expected a JSON object (a Conversation), got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` });
        return;
      }
      const parsed = ConversationSchema.safeParse(value);
      items.push(parsed.success ? { line, conversation: parsed.data } : { line, error: `line ${line}: ${describeZodIssues(parsed.error)}` });
    });
  return items;
}
