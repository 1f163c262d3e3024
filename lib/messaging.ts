import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { CrmSchema, LeadClassificationSchema, LeadSchema, LeadStreamPartialSchema } from './contracts';

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

interface ProtocolMap {
  classifyLead(data: ClassifyLeadMessage): LeadResultReply;
  leadPartial(data: LeadPartialMessage): void;
  classifyBatch(data: ClassifyBatchMessage): BatchReply;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

export async function requestBatchResults(message: ClassifyBatchMessage): Promise<BatchReply> {
  const request = ClassifyBatchMessageSchema.parse(message);
  return BatchReplySchema.parse(await sendMessage('classifyBatch', request));
}

/** Both ends validate: the background the request, the content script the reply. */
export async function requestLeadResult(message: ClassifyLeadMessage): Promise<LeadResultReply> {
  const request = ClassifyLeadMessageSchema.parse(message);
  return LeadResultReplySchema.parse(await sendMessage('classifyLead', request));
}
