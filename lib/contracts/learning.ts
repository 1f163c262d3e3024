import { z } from 'zod';
import { IntentSchema, DraftStrategySchema, RetentionQuadrantSchema } from './conversation';
import { StageSchema } from './classification';
import { PrioritySchema } from './profile';
import { JudgeScoreSchema } from './judge';

export { JudgeScoreSchema, type JudgeScore } from './judge';

/**
 * POST /v1/feedback — one event, or `{ "events": [...] }` (1..1000). `eventId` makes a retry
 * idempotent: an event whose id the store already holds is counted once, ever.
 * Draft events feed the reply-strategy policy; lead events record a rep's correction.
 */
export const FEEDBACK_OUTCOMES = ['inserted', 'edited', 'copied', 'regenerated', 'discarded', 'switched'] as const;
export const FeedbackOutcomeSchema = z.enum(FEEDBACK_OUTCOMES);
export type FeedbackOutcome = z.infer<typeof FeedbackOutcomeSchema>;

const eventId = z.string().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');
const segment = z.string().min(1).max(100);

export const DraftFeedbackSchema = z.object({
  kind: z.literal('draft'),
  eventId,
  strategy: DraftStrategySchema,
  intent: IntentSchema,
  segment,
  outcome: FeedbackOutcomeSchema,
  /** 0…1: how much of the draft the agent changed before sending (edit distance / length). */
  editRatio: z.number().min(0).max(1).optional(),
  rating: z.union([z.literal(-1), z.literal(1)]).optional(),
  reason: z.string().max(500).optional(),
  /** The strategy the policy suggested, when the agent switched away from it. */
  suggested: DraftStrategySchema.optional(),
  /** The judge's reward for this draft (0…1), used as the prior when no agent signal is strong. */
  judgeReward: z.number().min(0).max(1).optional(),
  /**
   * The judge's reading of the draft the agent saw (added field; its rationale stays in the
   * panel). When judgeReward is absent the reward is computed from it; the team page charts it.
   */
  judge: JudgeScoreSchema.omit({ rationale: true }).optional(),
  /** True when the strategy shown was the policy's suggestion (added field). */
  wasSuggested: z.boolean().optional(),
  at: z.string().datetime().optional(),
});
export type DraftFeedback = z.infer<typeof DraftFeedbackSchema>;

export const LeadFeedbackSchema = z.object({
  kind: z.literal('lead'),
  eventId,
  /** What the rep says the lead really is. */
  stage: StageSchema.optional(),
  priority: PrioritySchema.optional(),
  /** What Pulso had said. */
  predictedStage: StageSchema.optional(),
  predictedPriority: PrioritySchema.optional(),
  rating: z.union([z.literal(-1), z.literal(1)]).optional(),
  reason: z.string().max(500).optional(),
  crm: z.string().max(40).optional(),
  at: z.string().datetime().optional(),
});
export type LeadFeedback = z.infer<typeof LeadFeedbackSchema>;

export const FeedbackEventSchema = z.discriminatedUnion('kind', [DraftFeedbackSchema, LeadFeedbackSchema]);
export type FeedbackEvent = z.infer<typeof FeedbackEventSchema>;

export const MAX_FEEDBACK_EVENTS = 1_000;
export const FeedbackRequestSchema = z.union([
  FeedbackEventSchema,
  z.object({ events: z.array(FeedbackEventSchema).min(1).max(MAX_FEEDBACK_EVENTS) }),
]);
export type FeedbackRequest = z.input<typeof FeedbackRequestSchema>;

/**
 * A feedback body as its events, with errors that name the field: `{ events }` is read as a
 * list and a lone event as one, so a bad strategy is reported as `events.3.strategy: …`
 * rather than "no union member matched".
 */
export function parseFeedbackRequest(body: unknown): { success: true; data: FeedbackEvent[] } | { success: false; error: z.ZodError } {
  if (body && typeof body === 'object' && 'events' in body) {
    const parsed = z.object({ events: z.array(FeedbackEventSchema).min(1).max(MAX_FEEDBACK_EVENTS) }).strict().safeParse(body);
    return parsed.success ? { success: true, data: parsed.data.events } : { success: false, error: parsed.error };
  }
  const parsed = FeedbackEventSchema.safeParse(body);
  return parsed.success ? { success: true, data: [parsed.data] } : { success: false, error: parsed.error };
}

/** 202 — `accepted` counts new events; `duplicates` those whose eventId was already stored. */
export const FeedbackResponseSchema = z.object({ accepted: z.number().int().min(0), duplicates: z.number().int().min(0).default(0) });
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;

/**
 * The segment of a reply-strategy context: the retention quadrant (conformity × billing level)
 * when the billing level is known, else the conformity alone, else unknown. A closed set, so
 * hostile input cannot grow the policy's state (an unknown string counts as "unknown").
 */
export const POLICY_SEGMENTS = ['let_go', 'retain', 'care', 'monitor', 'unhappy', 'satisfied', 'unknown'] as const;
export const PolicySegmentSchema = z.enum(POLICY_SEGMENTS);
export type PolicySegment = z.infer<typeof PolicySegmentSchema>;

/**
 * The policy's stored state, one row per (segment, intent, strategy): sufficient statistics
 * that only ever add up, so replicas write deltas (`pulls = pulls + Δ`, …) and never conflict.
 * `weight` is Σ wᵢ and `rewardSum` Σ wᵢ·rᵢ over the observations (rᵢ in 0…1): an agent's
 * feedback weighs 1, a judge-only observation less (docs/learning.md).
 */
export const PolicyArmSchema = z.object({
  segment: PolicySegmentSchema,
  intent: IntentSchema,
  strategy: DraftStrategySchema,
  /** Feedback events counted. */
  pulls: z.number().int().min(0),
  weight: z.number().min(0),
  rewardSum: z.number().min(0),
});
export type PolicyArm = z.infer<typeof PolicyArmSchema>;

/** GET /v1/policy — the team's reply-strategy policy: posterior mean reward and events counted per strategy per context. */
export const PolicyStrategySchema = z.object({
  strategy: DraftStrategySchema,
  mean: z.number().min(0).max(1),
  pulls: z.number().int().min(0),
  /** 90 % credible interval of the mean (added fields). */
  low: z.number().min(0).max(1).optional(),
  high: z.number().min(0).max(1).optional(),
});
export const PolicyContextSchema = z.object({
  segment: z.string(),
  intent: z.string(),
  strategies: z.array(PolicyStrategySchema),
  /** The strategy with the highest posterior mean (added field). */
  best: DraftStrategySchema.optional(),
});
export const PolicySchema = z.object({
  contexts: z.array(PolicyContextSchema),
  updatedAt: z.string(),
  /**
   * The stored sums behind it (added field, PolicyArmSchema above): a client rebuilds the model
   * from them (`PolicyModel.fromArms`) to pick with the same hierarchical prior as the backend,
   * e.g. the strategy for an outreach context no agent has answered yet. Sums only: no events.
   */
  arms: z.array(PolicyArmSchema).optional(),
});
export type Policy = z.infer<typeof PolicySchema>;



/**
 * A customer who never writes, as a list view shows them, for the "reach out first" ranking.
 * Every field is optional: what the page does not show counts as unknown, never as zero risk.
 */
export const OutreachCandidateSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  billingLevel: z.enum(['high', 'low']).optional(),
  /** Days since anyone last talked to the customer (either way). */
  daysSinceContact: z.number().min(0).max(36_500).optional(),
  openIssues: z.number().int().min(0).max(1_000).optional(),
  conformity: z.enum(['high', 'low']).optional(),
  quadrant: RetentionQuadrantSchema.optional(),
  language: z.enum(['es', 'en']).optional(),
});
export type OutreachCandidate = z.infer<typeof OutreachCandidateSchema>;

const count = z.number().int().min(0);
const mean01 = z.number().min(0).max(1).nullable();

/**
 * GET /v1/feedback/stats?days=N — what the team page charts over time, per UTC day (when the
 * event happened, never later than when it arrived) and strategy: counts and judge means.
 * Aggregates only: no reasons, no record ids, nothing that names a customer.
 */
export const FeedbackDayStatsSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  strategy: DraftStrategySchema,
  /** Draft feedback events. */
  events: count,
  inserted: count,
  edited: count,
  copied: count,
  regenerated: count,
  discarded: count,
  switched: count,
  thumbsUp: count,
  thumbsDown: count,
  /** Events on a strategy the policy had suggested. */
  suggested: count,
  /** Events that carried the judge's reading, and its means over them (null when none). */
  judged: count,
  npsExpected: JudgeScoreSchema.shape.npsExpected.nullable(),
  engagementProb: mean01,
  churnProb: mean01,
});
export type FeedbackDayStats = z.infer<typeof FeedbackDayStatsSchema>;

export const LeadFeedbackDayStatsSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  events: count,
  /** The rep corrected the stage / the priority Pulso had given. */
  stageCorrected: count,
  priorityCorrected: count,
  thumbsUp: count,
  thumbsDown: count,
});
export type LeadFeedbackDayStats = z.infer<typeof LeadFeedbackDayStatsSchema>;

export const MAX_STATS_DAYS = 366;
export const FeedbackStatsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).default(90) });

export const FeedbackStatsSchema = z.object({
  /** The window: events of the last `days` days, from `since`. */
  days: z.number().int().min(1),
  since: z.string(),
  drafts: z.array(FeedbackDayStatsSchema),
  leads: z.array(LeadFeedbackDayStatsSchema),
  generatedAt: z.string(),
});
export type FeedbackStats = z.infer<typeof FeedbackStatsSchema>;

/** An outcome in which the agent kept the draft (as is, edited, or copied out). */
export const ACCEPTED_OUTCOMES = ['inserted', 'edited', 'copied'] as const satisfies readonly FeedbackOutcome[];
