import { z } from 'zod';
import {
  CampaignRequestSchema,
  ClassifyLeadRequestSchema,
  DraftRequestSchema,
  LeadStreamPartialSchema,
  MAX_BATCH_LEADS,
  PublishProfileRequestSchema,
  TriageRequestSchema,
} from './api';
import { CampaignSchema, CampaignStepSchema } from './campaign';
import { LeadClassificationSchema } from './classification';
import { ConversationTriageSchema, DraftStrategySchema, ReplyDraftSchema } from './conversation';
import { CampaignHistoryEntrySchema, HistoryEntrySchema } from './history';
import { FeedbackEventSchema, FeedbackStatsSchema, MAX_STATS_DAYS, OutreachCandidateSchema, PolicySchema, PolicySegmentSchema } from './learning';
import { CrmSchema, RecordIdSchema, RecordTypeSchema } from './scrape';

/**
 * Messages between the extension's parts (content scripts, pages, background). Each one
 * that asks for a result is its HTTP request without the profile: the background adds
 * the profile (it alone reads it and the tokens), and the page the request comes from.
 */

/** The page a request comes from, as the site adapter read it. */
export const PageRefSchema = z.object({
  crm: CrmSchema,
  recordId: RecordIdSchema,
  url: z.string().max(4_000),
  recordType: RecordTypeSchema,
});
export type PageRef = z.infer<typeof PageRefSchema>;

/** A list view: its rows carry their own record ids. */
export const ListPageRefSchema = PageRefSchema.omit({ recordId: true });
export type ListPageRef = z.infer<typeof ListPageRefSchema>;

/** What the background adds to every request it forwards. */
const PROFILE_REF = { profile: true, profileVersion: true } as const;

export const ResultOriginSchema = z.enum(['preview', 'cache', 'backend', 'offline']);
export type ResultOrigin = z.infer<typeof ResultOriginSchema>;

/** How every answer of the background says where it came from and how long it took. */
const ServedSchema = z.object({
  origin: ResultOriginSchema,
  latencyMs: z.number().nonnegative(),
  /** Why the backend was not used, when origin is "offline". */
  error: z.string().optional(),
});

/** Content script → background (the lead port): classify the lead read from a record page. */
export const ClassifyLeadMessageSchema = ClassifyLeadRequestSchema.omit(PROFILE_REF).extend({
  page: PageRefSchema,
  /** Skip the cache (the panel's refresh button). */
  refresh: z.boolean().default(false),
});
export type ClassifyLeadMessage = z.input<typeof ClassifyLeadMessageSchema>;

export const LeadResultReplySchema = ServedSchema.extend({ result: LeadClassificationSchema, engine: z.string() });
export type LeadResultReply = z.output<typeof LeadResultReplySchema>;

/** The model's stage, priority and SLA, ahead of its full answer (the streamed partial, without its tag). */
export type LeadEarlyFields = Omit<z.infer<typeof LeadStreamPartialSchema>, 'type'>;

/**
 * Background → tab on the lead port, in this order: the rules preview at once, the
 * model's early fields while it still writes (LLM mode), then the final answer (cache,
 * backend or offline rules). `error`: the request itself was refused (bad message).
 */
export const LeadPortEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('preview'), reply: LeadResultReplySchema }),
  LeadStreamPartialSchema,
  z.object({ type: z.literal('final'), reply: LeadResultReplySchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type LeadPortEvent = z.infer<typeof LeadPortEventSchema>;

/** Content script → background: classify the visible rows of a list view. */
export const ClassifyBatchMessageSchema = z.object({
  items: z
    .array(z.object({ recordId: RecordIdSchema.min(1), lead: ClassifyLeadRequestSchema.shape.lead }))
    .min(1)
    .max(MAX_BATCH_LEADS),
  page: ListPageRefSchema,
  /** Answer only the rows the cache holds (the others are left out) and ask the backend nothing. */
  cachedOnly: z.boolean().optional(),
});
export type ClassifyBatchMessage = z.input<typeof ClassifyBatchMessageSchema>;

export const BatchReplyItemSchema = z.union([
  // `error` beside an offline result: why the backend did not answer.
  z.object({ recordId: z.string(), result: LeadClassificationSchema, origin: ResultOriginSchema, error: z.string().optional() }),
  z.object({ recordId: z.string(), error: z.string() }),
]);
export const BatchReplySchema = z.object({ items: z.array(BatchReplyItemSchema) });
export type BatchReply = z.output<typeof BatchReplySchema>;

/** Content script → background: triage the open chat or ticket ("preview": the rules at once; "final": the backend's). */
export const TriageMessageSchema = TriageRequestSchema.omit(PROFILE_REF).extend({
  phase: z.enum(['preview', 'final']),
  page: PageRefSchema,
});
export type TriageMessage = z.input<typeof TriageMessageSchema>;

export const TriageReplySchema = ServedSchema.extend({ triage: ConversationTriageSchema });
export type TriageReply = z.output<typeof TriageReplySchema>;

/** Content script → background: a reply draft, with a strategy and a tone action if the agent picked them. */
export const DraftMessageSchema = DraftRequestSchema.omit(PROFILE_REF).extend({ page: PageRefSchema });
export type DraftMessage = z.input<typeof DraftMessageSchema>;

export const DraftReplySchema = ServedSchema.extend({ draft: ReplyDraftSchema });
export type DraftReply = z.output<typeof DraftReplySchema>;

/**
 * Content script → background (the campaign port): a campaign for the record on screen — the
 * lead, the timeline and deal stage the page shows, and the classification the rep saw when the
 * panel has one (else the background uses the one it cached for the record, else the rules').
 */
// The background names the record from `page`.
export const CampaignMessageSchema = CampaignRequestSchema.omit({ ...PROFILE_REF, record: true }).extend({ page: PageRefSchema });
export type CampaignMessage = z.input<typeof CampaignMessageSchema>;

export const CampaignReplySchema = ServedSchema.extend({ campaign: CampaignSchema });
export type CampaignReply = z.output<typeof CampaignReplySchema>;

/**
 * Background → tab on the campaign port: each glass-box step as it happens, then the final
 * campaign (backend, or the rules run locally when the backend cannot answer). `error`: the
 * request itself was refused (bad message).
 */
export const CampaignPortEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step'), step: CampaignStepSchema }),
  z.object({ type: z.literal('final'), reply: CampaignReplySchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type CampaignPortEvent = z.infer<typeof CampaignPortEventSchema>;

/** Options → background: publish the team profile with the admin token (PUT /v1/profile). */
export const PublishProfileMessageSchema = PublishProfileRequestSchema;
export type PublishProfileMessage = z.input<typeof PublishProfileMessageSchema>;

/** Popup → background: how many results are cached and how many history entries there are. */
export const LocalCountsSchema = z.object({ cache: z.number().int().nonnegative(), history: z.number().int().nonnegative() });
export type LocalCounts = z.infer<typeof LocalCountsSchema>;

/** History page → background: every entry (the page filters them), newest first. */
export const HistoryListReplySchema = z.array(HistoryEntrySchema);

/** History page → background: every campaign run (the page filters them), newest first. */
export const CampaignHistoryListReplySchema = z.array(CampaignHistoryEntrySchema.extend({ id: z.number().int().positive() }));

/** History page → background: delete one entry. */
export const HistoryDeleteMessageSchema = z.object({ id: z.number().int().positive() });

/**
 * Content script or page → background: feedback events (a draft's outcome, a lead's
 * correction). The background queues them in IndexedDB and delivers them to POST /v1/feedback,
 * later if the backend cannot be reached; `pending` is how many wait after this one.
 */
export const FeedbackMessageSchema = z.object({ events: z.array(FeedbackEventSchema).min(1).max(100) });
export type FeedbackMessage = z.input<typeof FeedbackMessageSchema>;
export const FeedbackReceiptSchema = z.object({ pending: z.number().int().nonnegative() });
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>;

/** Team page → background: the policy and the daily feedback aggregates, in one answer. */
export const TeamDataMessageSchema = z.object({ days: z.number().int().min(1).max(MAX_STATS_DAYS) });
export type TeamDataMessage = z.infer<typeof TeamDataMessageSchema>;
export const TeamDataReplySchema = z.object({
  policy: PolicySchema,
  stats: FeedbackStatsSchema,
  /** Feedback events this browser still has to deliver. */
  pendingFeedback: z.number().int().nonnegative(),
});
export type TeamDataReply = z.output<typeof TeamDataReplySchema>;

/**
 * List toolbar → background: a one-shot outreach message for the customer the rep picked,
 * written with the strategy the team's policy prefers for the customer's segment. `policy`
 * says whether the team's policy was reached ("none": the prior alone, backend unreachable).
 */
export const OutreachDraftMessageSchema = z.object({ candidate: OutreachCandidateSchema });
export type OutreachDraftMessage = z.input<typeof OutreachDraftMessageSchema>;
export const OutreachDraftReplySchema = z.object({
  strategy: DraftStrategySchema,
  segment: PolicySegmentSchema,
  draft: ReplyDraftSchema,
  policy: z.enum(['team', 'none']),
  error: z.string().optional(),
});
export type OutreachDraftReply = z.output<typeof OutreachDraftReplySchema>;

/**
 * Background → content script: whether Pulso's CKEditor bridge was injected into the asking
 * frame's page world (lib/background/ckeditor-bridge.ts). The request carries nothing: the
 * background reads the frame from the message's sender.
 */
export const CkeditorBridgeReplySchema = z.object({ loaded: z.boolean() });
export type CkeditorBridgeReply = z.infer<typeof CkeditorBridgeReplySchema>;
