import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import {
  ConversationSchema,
  ConversationTriageSchema,
  CrmSchema,
  DRAFT_TONE_ACTIONS,
  DraftStrategySchema,
  LeadClassificationSchema,
  LeadSchema,
  LeadStreamPartialSchema,
  ReplyDraftSchema,
} from './contracts';

/** Content script → background: classify the lead read from the page. */
export const ClassifyLeadMessageSchema = z.object({
  lead: LeadSchema,
  /** "preview": the rules result at once; "final": cache, then backend, then offline rules. */
  phase: z.enum(['preview', 'final']),
  /** Skip the cache (the panel's refresh button). */
  refresh: z.boolean().default(false),
  page: z.object({ crm: CrmSchema, recordId: z.string().max(200), url: z.string().max(4_000) }),
  /** Ties the early stage/priority pushed back to the tab ("leadPartial") to this request. */
  requestId: z.string().max(100).optional(),
});
export type ClassifyLeadMessage = z.input<typeof ClassifyLeadMessageSchema>;

export const ResultOriginSchema = z.enum(['preview', 'cache', 'backend', 'offline']);
export type ResultOrigin = z.infer<typeof ResultOriginSchema>;

export const LeadResultReplySchema = z.object({
  result: LeadClassificationSchema,
  origin: ResultOriginSchema,
  engine: z.string(),
  latencyMs: z.number().nonnegative(),
  /** Why the backend was not used, when origin is "offline". */
  error: z.string().optional(),
});
export type LeadResultReply = z.output<typeof LeadResultReplySchema>;

/** Content script → background: classify the visible rows of a list view. */
export const ClassifyBatchMessageSchema = z.object({
  items: z.array(z.object({ recordId: z.string().min(1).max(200), lead: LeadSchema })).min(1).max(100),
  page: z.object({ crm: CrmSchema, url: z.string().max(4_000) }),
});
export type ClassifyBatchMessage = z.input<typeof ClassifyBatchMessageSchema>;

export const BatchReplyItemSchema = z.union([
  z.object({ recordId: z.string(), result: LeadClassificationSchema, origin: ResultOriginSchema }),
  z.object({ recordId: z.string(), error: z.string() }),
]);
export const BatchReplySchema = z.object({ items: z.array(BatchReplyItemSchema) });
export type BatchReply = z.output<typeof BatchReplySchema>;

/** Background → tab: the model has produced stage, priority and SLA; the rest is coming. */
export const LeadPartialMessageSchema = LeadStreamPartialSchema.omit({ type: true }).extend({ requestId: z.string().max(100) });
export type LeadPartialMessage = z.infer<typeof LeadPartialMessageSchema>;

/** Popup → background: is the backend reachable, and does it run the rules engine or an LLM (GET /healthz)? */
export const BackendStatusReplySchema = z.object({
  backendUrl: z.string(),
  reachable: z.boolean(),
  mode: z.enum(['rules', 'llm']).optional(),
  model: z.string().optional(),
  engine: z.string().optional(),
  version: z.string().optional(),
  /** Why it is not reachable. */
  error: z.string().optional(),
});
export type BackendStatusReply = z.output<typeof BackendStatusReplySchema>;

/** Content script → background: triage the open chat or ticket. */
export const TriageMessageSchema = z.object({
  conversation: ConversationSchema,
  phase: z.enum(['preview', 'final']),
  page: z.object({ crm: CrmSchema, recordId: z.string().max(300), url: z.string().max(4_000) }),
});
export type TriageMessage = z.input<typeof TriageMessageSchema>;

export const TriageReplySchema = z.object({
  triage: ConversationTriageSchema,
  origin: ResultOriginSchema,
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type TriageReply = z.output<typeof TriageReplySchema>;

/** Content script → background: a reply draft, with a strategy and a tone action if the agent picked them. */
export const DraftMessageSchema = z.object({
  conversation: ConversationSchema,
  page: z.object({ crm: CrmSchema, recordId: z.string().max(300), url: z.string().max(4_000) }),
  strategy: DraftStrategySchema.optional(),
  tone: z.enum(DRAFT_TONE_ACTIONS).optional(),
  previousText: z.string().max(4_000).optional(),
  triage: ConversationTriageSchema.optional(),
});
export type DraftMessage = z.input<typeof DraftMessageSchema>;

export const DraftReplySchema = z.object({
  draft: ReplyDraftSchema,
  origin: ResultOriginSchema,
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type DraftReply = z.output<typeof DraftReplySchema>;

interface ProtocolMap {
  triageConversation(data: TriageMessage): TriageReply;
  draftReply(data: DraftMessage): DraftReply;
  classifyLead(data: ClassifyLeadMessage): LeadResultReply;
  leadPartial(data: LeadPartialMessage): void;
  classifyBatch(data: ClassifyBatchMessage): BatchReply;
  backendStatus(): BackendStatusReply;
  /** Background → tab: the toggle-panel keyboard command was pressed. */
  togglePanel(): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

export async function requestBackendStatus(): Promise<BackendStatusReply> {
  return BackendStatusReplySchema.parse(await sendMessage('backendStatus', undefined));
}

export async function requestBatchResults(message: ClassifyBatchMessage): Promise<BatchReply> {
  const request = ClassifyBatchMessageSchema.parse(message);
  return BatchReplySchema.parse(await sendMessage('classifyBatch', request));
}

export async function requestTriage(message: TriageMessage): Promise<TriageReply> {
  return TriageReplySchema.parse(await sendMessage('triageConversation', TriageMessageSchema.parse(message)));
}

export async function requestDraft(message: DraftMessage): Promise<DraftReply> {
  return DraftReplySchema.parse(await sendMessage('draftReply', DraftMessageSchema.parse(message)));
}

/** Both ends validate: the background the request, the content script the reply. */
export async function requestLeadResult(message: ClassifyLeadMessage): Promise<LeadResultReply> {
  const request = ClassifyLeadMessageSchema.parse(message);
  return LeadResultReplySchema.parse(await sendMessage('classifyLead', request));
}
