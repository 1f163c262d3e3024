import { z } from 'zod';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from './lead';

const shortText = z.string().max(SHORT_TEXT_MAX);

export const MessageSchema = z.object({
  direction: z.enum(['in', 'out', 'note']),
  author: shortText.default(''),
  time: shortText.default(''),
  text: z.string().max(LONG_TEXT_MAX),
});
export type Message = z.infer<typeof MessageSchema>;

/** CONTRACTS.md: Conversation. */
export const ConversationSchema = z.object({
  contact: z
    .object({ name: shortText.default(''), phone: shortText.default(''), email: shortText.default('') })
    .default({ name: '', phone: '', email: '' }),
  subject: shortText.default(''),
  status: shortText.default(''),
  priority: shortText.default(''),
  billingLevel: z.enum(['high', 'low']).optional(),
  messages: z.array(MessageSchema).max(500).default([]),
});
export type Conversation = z.output<typeof ConversationSchema>;
