import { z } from 'zod';
import { LeadClassificationSchema, StageSchema } from './classification';
import { ConversationSchema, ConversationTriageSchema, DRAFT_TONE_ACTIONS, DraftStrategySchema } from './conversation';
import { LeadSchema } from './lead';
import { CampaignContextSchema, CampaignSchema, CampaignStepSchema } from './campaign';
import { CompanyProfileSchema, PrioritySchema } from './profile';
import { CrmSchema, RecordTypeSchema } from './scrape';

/**
 * How a request names its company profile: `profile` (the whole profile), or `profileVersion`
 * (its version, `profileVersion()` in lib/cache-key.ts) when the backend already has it, or
 * neither (the team's current profile). A version the backend does not know is answered
 * 409 `profile_unknown`; the caller then sends the profile once, and the version from then on.
 */
export const ProfileRefSchema = z.object({
  profile: CompanyProfileSchema.optional(),
  profileVersion: z.string().min(1).max(100).optional(),
});
export const PROFILE_UNKNOWN = 'profile_unknown';

/**
 * How long the extension waits for the backend (ms): a single-record request, and a batch.
 * The backend answers inside a shorter budget (the rules result when the model cannot make
 * it), so the answer it makes is always one the extension is still waiting for.
 */
export const CLIENT_TIMEOUT_MS = { single: 20_000, batch: 30_000 } as const;

/** POST /v1/leads/classify — the lead, and optionally the company profile (else the backend's configured one). */
export const ClassifyLeadRequestSchema = ProfileRefSchema.extend({
  lead: LeadSchema,
});
export type ClassifyLeadRequest = z.input<typeof ClassifyLeadRequestSchema>;

/** POST /v1/conversations/triage — the conversation, and optionally the company profile (else the backend's configured one). */
export const TriageRequestSchema = ProfileRefSchema.extend({
  conversation: ConversationSchema,
});
export type TriageRequest = z.input<typeof TriageRequestSchema>;

export const ApiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/**
 * Every non-2xx body. `error` is a stable machine code (bad_request, invalid_json,
 * unauthorized, payload_too_large, not_found, internal…); `message` is for humans and,
 * for validation errors, names the field path ("lead.email: Invalid input: …").
 */
export const ApiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * GET /healthz. `engine` identifies what produces results, for cache keys:
 * `rules:${RULES_VERSION}` or `llm:${model}:${LEAD_PROMPT_VERSION}:${RULES_VERSION}`.
 */
export const HealthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  mode: z.enum(['rules', 'llm']),
  model: z.string().optional(),
  engine: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * Why GET /readyz answers 503. `saturated`: this backend's admission queue is full (a new
 * request would get 429), or requests wait inside vLLM for a slot (the GPU is shared or
 * over-committed, and new work would queue where no deadline reaches it). `database_down`:
 * the store does not answer (every request reads the team profile there).
 */
export const READY_REASONS = ['queue_full', 'llm_queue', 'database_down'] as const;

/**
 * GET /readyz. `llm` is "disabled" without LLM_BASE_URL; a down LLM keeps the backend ready
 * (the rules answer). A 503 comes with `ok: false`, a `reason` and a `message` for operators.
 */
export const ReadySchema = z.object({
  ok: z.boolean(),
  llm: z.enum(['disabled', 'up', 'down', 'saturated']),
  reason: z.enum(READY_REASONS).optional(),
  message: z.string().optional(),
});
export type Ready = z.infer<typeof ReadySchema>;

/**
 * POST /v1/leads/classify?stream=1 answers NDJSON (`application/x-ndjson`), one event a line:
 *   {"type":"preview","result":<LeadClassification from the rules>}            at once (not with &preview=0:
 *                                                                              a client with the rules engine has its own)
 *   {"type":"partial","stage":"MQL","priority":"P2","slaHours":4}              as soon as the model produced them (LLM mode only)
 *   {"type":"final","result":<LeadClassification>,"error"?:"timeout"}        last line; `error` = why the LLM was not used
 * The partial is already capped like the final (a lead flagged possible_injection never ranks above its rules result).
 */
export const LeadStreamPreviewSchema = z.object({ type: z.literal('preview'), result: LeadClassificationSchema });
export const LeadStreamPartialSchema = z.object({
  type: z.literal('partial'),
  stage: StageSchema,
  priority: PrioritySchema,
  slaHours: z.number().positive(),
});
export const LeadStreamFinalSchema = z.object({
  type: z.literal('final'),
  result: LeadClassificationSchema,
  error: z.string().optional(),
});
export const LeadStreamEventSchema = z.discriminatedUnion('type', [LeadStreamPreviewSchema, LeadStreamPartialSchema, LeadStreamFinalSchema]);
export type LeadStreamEvent = z.infer<typeof LeadStreamEventSchema>;
export type LeadStreamPartial = z.infer<typeof LeadStreamPartialSchema>;

export const MAX_BATCH_LEADS = 100;

/**
 * POST /v1/leads/classify-batch — 1..100 leads and optionally the profile. Rows are validated
 * one by one (a bad row gets an error line, the others are still answered), so `leads` is an
 * array of anything here and each row is checked against LeadSchema by the backend.
 */
export const ClassifyBatchRequestSchema = ProfileRefSchema.extend({
  leads: z.array(z.unknown()).min(1).max(MAX_BATCH_LEADS),
});
export type ClassifyBatchRequest = z.input<typeof ClassifyBatchRequestSchema>;

/**
 * One row of a batch: `{"index":i,"result":<LeadClassification>}` or `{"index":i,"error":"…"}`.
 * With ?stream=1 each is one NDJSON line, sent as the row completes (any order); `error` starts
 * with a stable code (`invalid_lead:`, `queue_full:`).
 */
export const BatchItemResultSchema = z.object({ index: z.number().int().min(0), result: LeadClassificationSchema });
export const BatchItemErrorSchema = z.object({
  index: z.number().int().min(0),
  error: z.string(),
  /** With `queue_full:`: when the row may be asked again (the batch's Retry-After, per row). */
  retryAfterSeconds: z.number().min(0).optional(),
});
export const BatchItemEventSchema = z.union([BatchItemResultSchema, BatchItemErrorSchema]);
export type BatchItemEvent = z.infer<typeof BatchItemEventSchema>;

/** POST /v1/leads/classify-batch without ?stream=1: every row, in input order. */
export const ClassifyBatchResponseSchema = z.object({ results: z.array(BatchItemEventSchema) });
export type ClassifyBatchResponse = z.infer<typeof ClassifyBatchResponseSchema>;

/**
 * GET /v1/profile (any team token) and the answer of PUT /v1/profile (admin token only).
 * `version` = profileVersion(profile) (lib/cache-key.ts), the same version every cache key
 * holds; `source` says whether an admin published it or it is the backend's configured one
 * (PULSO_PROFILE or the demo), in which case `updatedAt` is null.
 */
export const TeamProfileResponseSchema = z.object({
  version: z.string().min(1),
  profile: CompanyProfileSchema,
  updatedAt: z.string().nullable(),
  source: z.enum(['published', 'configured']),
});
export type TeamProfileResponse = z.infer<typeof TeamProfileResponseSchema>;

/** PUT /v1/profile body: `{ "profile": CompanyProfile }`. */
export const PublishProfileRequestSchema = z.object({ profile: CompanyProfileSchema });
export type PublishProfileRequest = z.input<typeof PublishProfileRequestSchema>;

/**
 * POST /v1/conversations/draft — the conversation, optionally the profile (else the team's),
 * the strategy (else picked from the triage), a tone action and the draft it applies to
 * (`previousText`; without a tone it is re-checked as it is). Answer: a ReplyDraft.
 */
export const DraftRequestSchema = ProfileRefSchema.extend({
  conversation: ConversationSchema,
  strategy: DraftStrategySchema.optional(),
  tone: z.enum(DRAFT_TONE_ACTIONS).optional(),
  previousText: z.string().max(4_000).optional(),
  /** The triage the agent is looking at (the LLM's, when there is one), so the draft agrees with it. */
  triage: ConversationTriageSchema.optional(),
});
export type DraftRequest = z.input<typeof DraftRequestSchema>;

/** POST /v1/campaigns/draft — one lead, what else the record page shows, and the profile reference. */
export const CampaignRequestSchema = ProfileRefSchema.extend({
  lead: LeadSchema,
  context: CampaignContextSchema.optional(),
  /** The lead's classification the rep is looking at, when there is one. */
  classification: LeadClassificationSchema.optional(),
  /** Which CRM record the campaign is for: kept with it in the backend's campaign history. */
  record: z
    .object({
      crm: CrmSchema.optional(),
      recordType: RecordTypeSchema.optional(),
      recordId: z.string().max(200).optional(),
      url: z.string().max(2_000).optional(),
    })
    .optional(),
});
export type CampaignRequest = z.input<typeof CampaignRequestSchema>;

/**
 * POST /v1/campaigns/draft?stream=1 answers NDJSON (`application/x-ndjson`), one event a line:
 *   {"type":"step","step":{"name":"read","detail":"…"}}      the glass box, as each step happens:
 *                                                             read and enrich at once, then (LLM mode)
 *                                                             reason (segment, product) and write
 *                                                             (the subject) as the model writes them
 *   {"type":"final","result":<Campaign>,"error"?:"timeout"}  last line; `error` = why the LLM was not
 *                                                             used (the result is then the rescue)
 * Without ?stream=1 the answer is the Campaign itself.
 */
export const CampaignStreamStepSchema = z.object({ type: z.literal('step'), step: CampaignStepSchema });
export const CampaignStreamFinalSchema = z.object({ type: z.literal('final'), result: CampaignSchema, error: z.string().optional() });
export const CampaignStreamEventSchema = z.discriminatedUnion('type', [CampaignStreamStepSchema, CampaignStreamFinalSchema]);
export type CampaignStreamEvent = z.infer<typeof CampaignStreamEventSchema>;
