import { z } from 'zod';
import { JudgeScoreSchema } from './judge';
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

export const INTENTS = ['inventory', 'quote', 'offers', 'account_status', 'order_status', 'complaint', 'human', 'store_info', 'jobs', 'other'] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

export const RETENTION_QUADRANTS = ['let_go', 'retain', 'care', 'monitor'] as const;
export const RetentionQuadrantSchema = z.enum(RETENTION_QUADRANTS);
export type RetentionQuadrant = z.infer<typeof RetentionQuadrantSchema>;

/** Flags are added fields (CONTRACTS.md allows additions). */
export const CONVERSATION_FLAGS = ['possible_injection', 'unverified_account_request', 'other_customer_data_request'] as const;

/**
 * CONTRACTS.md: ConversationTriage. `sentiment` is −1…1; `retention` is present when a
 * billing level is known.
 */
export const ConversationTriageSchema = z.object({
  intent: IntentSchema,
  confidence: z.number().min(0).max(1),
  escalate: z.boolean(),
  escalationReason: z.string().max(1_000),
  department: z.string().max(200),
  clarifyingQuestion: z.string().max(1_000),
  sentiment: z.number().min(-1).max(1),
  conformity: z.enum(['high', 'low']),
  retention: z.object({ quadrant: RetentionQuadrantSchema, actions: z.array(z.string().max(500)).max(10) }).optional(),
  handoffSummary: z.string().max(2_000),
  source: z.enum(['llm', 'rules']),
  flags: z.array(z.enum(CONVERSATION_FLAGS)).default([]),
  language: z.enum(['es', 'en']).optional(),
});
export type ConversationTriage = z.output<typeof ConversationTriageSchema>;

export const DRAFT_STRATEGIES = ['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const;
export const DraftStrategySchema = z.enum(DRAFT_STRATEGIES);
export type DraftStrategy = z.infer<typeof DraftStrategySchema>;

export const DRAFT_TONE_ACTIONS = ['shorter', 'more_formal', 'friendlier', 'translate'] as const;

/** CONTRACTS.md: ReplyDraft. */
export const ReplyDraftSchema = z.object({
  strategy: DraftStrategySchema,
  language: z.enum(['es', 'en']),
  text: z.string().max(4_000),
  safety: z.object({ ok: z.boolean(), issues: z.array(z.string().max(500)).max(20) }),
  /**
   * The judge's reading (JudgeScoreSchema's scale: NPS 0–10). A reading off that scale (an older
   * self-judge said -100…100) is dropped, never fatal: the draft is kept without it.
   */
  judge: JudgeScoreSchema.extend({ rationale: z.string().max(2_000), source: JudgeScoreSchema.shape.source.optional() })
    .optional()
    .catch(undefined),
  source: z.enum(['llm', 'rules']),
  /** True when the strategy is the team policy's pick for this context, not the agent's (added field): the panel labels it "suggested". */
  suggested: z.boolean().optional(),
  /** Notes for the agent, never part of the text (a profile fact quoted in another language, to translate). */
  notes: z.array(z.string().max(500)).max(10).optional(),
});
export type ReplyDraft = z.output<typeof ReplyDraftSchema>;
