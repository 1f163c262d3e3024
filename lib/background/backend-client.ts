import {
  ApiErrorSchema,
  ClassifyBatchResponseSchema,
  HealthSchema,
  LeadClassificationSchema,
  LeadStreamEventSchema,
  TeamProfileResponseSchema,
  ConversationTriageSchema,
  FeedbackResponseSchema,
  FeedbackStatsSchema,
  PolicySchema,
  ReplyDraftSchema,
  type FeedbackEvent,
  type FeedbackResponse,
  type FeedbackStats,
  type Policy,
  type CompanyProfile,
  type Connection,
  type Conversation,
  type ConversationTriage,
  type DraftRequest,
  type ReplyDraft,
  type TeamProfileResponse,
  type LeadStreamPartial,
  type Health,
  type Lead,
  type LeadClassification,
} from '../contracts';
import { readNdjson } from '../ndjson';

export class BackendError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

export interface BackendClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
  healthTimeoutMs?: number;
  classifyTimeoutMs?: number;
}

/** The extension's only door to the backend; every answer is validated before it is used. */
export function createBackendClient(options: BackendClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  async function send(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new BackendError(`backend unreachable at ${options.baseUrl} (${(err as Error).message})`);
    }
    if (!response.ok) {
      const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
      throw new BackendError(parsed.success ? parsed.data.message : `backend answered ${response.status}`, response.status);
    }
    return response;
  }

  async function call(path: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
    return (await send(path, init, timeoutMs)).json().catch(() => undefined);
  }

  return {
    baseUrl: options.baseUrl,
    /** One answer per lead, in input order: a classification or that row's error. */
    async classifyBatch(leads: Lead[], profile: CompanyProfile): Promise<({ result: LeadClassification } | { error: string })[]> {
      const body = await call('/v1/leads/classify-batch', { method: 'POST', body: JSON.stringify({ leads, profile }) }, options.classifyTimeoutMs ?? 30_000);
      const parsed = ClassifyBatchResponseSchema.safeParse(body);
      if (!parsed.success || parsed.data.results.length !== leads.length) {
        throw new BackendError('the backend answered a batch that does not match the contract');
      }
      return parsed.data.results.map((item) => ('result' in item ? { result: item.result } : { error: item.error }));
    },
    async triageConversation(conversation: Conversation, profile: CompanyProfile): Promise<ConversationTriage> {
      const body = await call('/v1/conversations/triage', { method: 'POST', body: JSON.stringify({ conversation, profile }) }, options.classifyTimeoutMs ?? 20_000);
      const parsed = ConversationTriageSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered a triage that does not match the contract');
      return parsed.data;
    },
    async draftReply(request: DraftRequest & { profile: CompanyProfile }): Promise<ReplyDraft> {
      const body = await call('/v1/conversations/draft', { method: 'POST', body: JSON.stringify(request) }, options.classifyTimeoutMs ?? 20_000);
      const parsed = ReplyDraftSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered a draft that does not match the contract');
      return parsed.data;
    },
    async health(): Promise<Health> {
      const parsed = HealthSchema.safeParse(await call('/healthz', { method: 'GET' }, options.healthTimeoutMs ?? 3_000));
      if (!parsed.success) throw new BackendError('the backend health answer is not a Pulso backend');
      return parsed.data;
    },
    /**
     * The streaming route: calls `onPartial` with stage, priority and SLA as soon as the
     * model has produced them, and resolves with the validated final result.
     */
    async classifyLeadStreaming(lead: Lead, profile: CompanyProfile, onPartial: (partial: LeadStreamPartial) => void): Promise<LeadClassification> {
      const response = await send('/v1/leads/classify?stream=1', { method: 'POST', body: JSON.stringify({ lead, profile }) }, options.classifyTimeoutMs ?? 20_000);
      if (!response.body) throw new BackendError('the backend sent no stream');
      try {
        for await (const line of readNdjson(response.body)) {
          const event = LeadStreamEventSchema.safeParse(line);
          if (!event.success) throw new BackendError('the backend streamed a line that does not match the contract');
          if (event.data.type === 'partial') onPartial(event.data);
          if (event.data.type === 'final') return event.data.result;
        }
      } catch (err) {
        if (err instanceof BackendError) throw err;
        throw new BackendError(`the backend stream broke off (${(err as Error).message})`);
      }
      throw new BackendError('the backend stream ended without a final result');
    },
    /** GET /v1/profile: the team profile (any team token). */
    async getProfile(): Promise<TeamProfileResponse> {
      const parsed = TeamProfileResponseSchema.safeParse(await call('/v1/profile', { method: 'GET' }, options.healthTimeoutMs ?? 5_000));
      if (!parsed.success) throw new BackendError('the backend answered a profile that does not match the contract');
      return parsed.data;
    },
    /** PUT /v1/profile: publish the team profile; the client's token must be the admin token (else 403). */
    async putProfile(profile: CompanyProfile): Promise<TeamProfileResponse> {
      const body = await call('/v1/profile', { method: 'PUT', body: JSON.stringify({ profile }) }, options.classifyTimeoutMs ?? 15_000);
      const parsed = TeamProfileResponseSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered a profile that does not match the contract');
      return parsed.data;
    },
    /** POST /v1/feedback: resolves once the backend stored them (202); a retry of the same eventIds is counted once. */
    async sendFeedback(events: FeedbackEvent[]): Promise<FeedbackResponse> {
      const body = await call('/v1/feedback', { method: 'POST', body: JSON.stringify({ events }) }, options.classifyTimeoutMs ?? 20_000);
      const parsed = FeedbackResponseSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered feedback with something that does not match the contract');
      return parsed.data;
    },
    /** GET /v1/policy: the team's reply-strategy policy. */
    async getPolicy(): Promise<Policy> {
      const parsed = PolicySchema.safeParse(await call('/v1/policy', { method: 'GET' }, options.healthTimeoutMs ?? 5_000));
      if (!parsed.success) throw new BackendError('the backend answered a policy that does not match the contract');
      return parsed.data;
    },
    /** GET /v1/feedback/stats: daily aggregates for the team page. */
    async getFeedbackStats(days: number): Promise<FeedbackStats> {
      const parsed = FeedbackStatsSchema.safeParse(await call(`/v1/feedback/stats?days=${encodeURIComponent(days)}`, { method: 'GET' }, options.classifyTimeoutMs ?? 15_000));
      if (!parsed.success) throw new BackendError('the backend answered feedback stats that do not match the contract');
      return parsed.data;
    },
    async classifyLead(lead: Lead, profile: CompanyProfile): Promise<LeadClassification> {
      const body = await call('/v1/leads/classify', { method: 'POST', body: JSON.stringify({ lead, profile }) }, options.classifyTimeoutMs ?? 20_000);
      const parsed = LeadClassificationSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered a classification that does not match the contract');
      return parsed.data;
    },
  };
}
export type BackendClient = ReturnType<typeof createBackendClient>;

/**
 * The client for the configured connection: with the rep's team token, or the admin's
 * (only to publish the team profile). Every backend call of the extension goes through here.
 */
export function backendClientFor(connection: Connection, options: { as?: 'team' | 'admin'; fetch?: typeof fetch } = {}): BackendClient {
  const token = options.as === 'admin' ? connection.adminToken : connection.token;
  return createBackendClient({ baseUrl: connection.backendUrl, token, fetch: options.fetch });
}
