import type { z } from 'zod';
import { profileVersion } from '../cache-key';
import {
  ApiErrorSchema,
  CLIENT_TIMEOUT_MS,
  CampaignStreamEventSchema,
  ClassifyBatchResponseSchema,
  ConversationTriageSchema,
  HealthSchema,
  LeadClassificationSchema,
  LeadStreamEventSchema,
  FeedbackResponseSchema,
  FeedbackStatsSchema,
  PolicySchema,
  PROFILE_UNKNOWN,
  ReplyDraftSchema,
  TeamProfileResponseSchema,
  type FeedbackEvent,
  type FeedbackResponse,
  type FeedbackStats,
  type Policy,
  type Campaign,
  type CampaignRequest,
  type CampaignStep,
  type CompanyProfile,
  type Connection,
  type Conversation,
  type ConversationTriage,
  type DraftRequest,
  type Health,
  type Lead,
  type LeadClassification,
  type LeadStreamPartial,
  type ReplyDraft,
  type TeamProfileResponse,
} from '../contracts';
import { readNdjson } from '../ndjson';
import { retryAfterMs } from '../retry-after';

/** A batch row's answer: its classification, or why not (`retryAfterMs` when it was refused for now). */
export type BatchRowAnswer = { result: LeadClassification } | { error: string; retryAfterMs?: number };

export class BackendError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** The answer's machine code (`ApiError.error`), when the backend sent one. */
    readonly code?: string,
    /** A refusal (429/503) with Retry-After: the backend is full, not down; ask again after this many ms. */
    readonly retryAfterMs?: number,
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

/** How a request names its company profile (ProfileRefSchema): by version, or whole. */
type ProfileRef = { profileVersion: string } | { profile: CompanyProfile };

/** The extension's only door to the backend; every answer is validated before it is used. */
export function createBackendClient(options: BackendClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // The backend's own budgets sit below these (it answers in time with its fallback).
  const classifyTimeoutMs = options.classifyTimeoutMs ?? CLIENT_TIMEOUT_MS.single;

  async function send(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new BackendError(`backend unreachable at ${options.baseUrl} (${(err as Error).message})`);
    }
    if (!response.ok) {
      const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
      const refusedFor = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers) : undefined;
      throw new BackendError(parsed.success ? parsed.data.message : `backend answered ${response.status}`, response.status, parsed.success ? parsed.data.error : undefined, refusedFor);
    }
    return response;
  }

  async function call<S extends z.ZodType>(schema: S, what: string, path: string, init: RequestInit, timeoutMs: number): Promise<z.output<S>> {
    const parsed = schema.safeParse(await (await send(path, init, timeoutMs)).json().catch(() => undefined));
    if (!parsed.success) throw new BackendError(`the backend answered ${what} that does not match the contract`);
    return parsed.data;
  }

  /**
   * A request that needs the company profile names it by its version; a backend that does
   * not know that version (409 profile_unknown: it restarted, or the profile is this
   * browser's own) gets the whole profile, once. The published team profile is always known.
   */
  async function namingProfile<T>(profile: CompanyProfile, ask: (ref: ProfileRef) => Promise<T>): Promise<T> {
    try {
      return await ask({ profileVersion: await profileVersion(profile) });
    } catch (err) {
      if (err instanceof BackendError && err.status === 409 && err.code === PROFILE_UNKNOWN) return ask({ profile });
      throw err;
    }
  }
  const post = (body: object) => ({ method: 'POST', body: JSON.stringify(body) });

  /**
   * Reads a streamed (NDJSON) answer, each line validated by `schema`; `onLine` returns the
   * final value to stop with, or undefined to read on.
   */
  async function readStream<S extends z.ZodType, T>(response: Response, schema: S, onLine: (event: z.output<S>) => T | undefined): Promise<T> {
    if (!response.body) throw new BackendError('the backend sent no stream');
    try {
      for await (const line of readNdjson(response.body)) {
        const event = schema.safeParse(line);
        if (!event.success) throw new BackendError('the backend streamed a line that does not match the contract');
        const done = onLine(event.data);
        if (done !== undefined) return done;
      }
    } catch (err) {
      if (err instanceof BackendError) throw err;
      throw new BackendError(`the backend stream broke off (${(err as Error).message})`);
    }
    throw new BackendError('the backend stream ended without a final result');
  }

  return {
    baseUrl: options.baseUrl,
    /**
     * One answer per lead, in input order: a classification or that row's error. A row the
     * backend's queue refused (`queue_full:`) says when to ask again; a batch refused whole
     * throws a BackendError with `retryAfterMs`. Retrying is the caller's (lead-service).
     */
    async classifyBatch(leads: Lead[], profile: CompanyProfile, timeoutMs = options.classifyTimeoutMs ?? CLIENT_TIMEOUT_MS.batch): Promise<BatchRowAnswer[]> {
      const body = await namingProfile(profile, (ref) => call(ClassifyBatchResponseSchema, 'a batch', '/v1/leads/classify-batch', post({ leads, ...ref }), timeoutMs));
      if (body.results.length !== leads.length) throw new BackendError('the backend answered a batch that does not match the contract');
      return body.results.map((item) => {
        if ('result' in item) return { result: item.result };
        if (!item.error.startsWith('queue_full:')) return { error: item.error };
        return { error: item.error, retryAfterMs: (item.retryAfterSeconds ?? 1) * 1_000 };
      });
    },
    triageConversation(conversation: Conversation, profile: CompanyProfile): Promise<ConversationTriage> {
      return namingProfile(profile, (ref) => call(ConversationTriageSchema, 'a triage', '/v1/conversations/triage', post({ conversation, ...ref }), classifyTimeoutMs));
    },
    draftReply({ profile, ...request }: Omit<DraftRequest, 'profile' | 'profileVersion'> & { profile: CompanyProfile }): Promise<ReplyDraft> {
      return namingProfile(profile, (ref) => call(ReplyDraftSchema, 'a draft', '/v1/conversations/draft', post({ ...request, ...ref }), classifyTimeoutMs));
    },
    async health(): Promise<Health> {
      const parsed = HealthSchema.safeParse(await (await send('/healthz', { method: 'GET' }, options.healthTimeoutMs ?? 3_000)).json().catch(() => undefined));
      if (!parsed.success) throw new BackendError('the backend health answer is not a Pulso backend');
      return parsed.data;
    },
    /**
     * The streaming route: calls `onPartial` with stage, priority and SLA as soon as the
     * model has produced them, and resolves with the validated final result. The backend's
     * own rules preview is left out (`preview=0`): the background has already shown its own.
     */
    async classifyLeadStreaming(lead: Lead, profile: CompanyProfile, onPartial: (partial: LeadStreamPartial) => void): Promise<LeadClassification> {
      const response = await namingProfile(profile, (ref) => send('/v1/leads/classify?stream=1&preview=0', post({ lead, ...ref }), classifyTimeoutMs));
      return readStream(response, LeadStreamEventSchema, (event) => {
        if (event.type === 'partial') onPartial(event);
        return event.type === 'final' ? event.result : undefined;
      });
    },
    /**
     * POST /v1/campaigns/draft?stream=1: `onStep` gets each glass-box step as the backend makes
     * it; resolves with the validated campaign and, when the model was not used, why.
     */
    async draftCampaignStreaming({ profile, ...request }: Omit<CampaignRequest, 'profile' | 'profileVersion'> & { profile: CompanyProfile }, onStep: (step: CampaignStep) => void): Promise<{ campaign: Campaign; error?: string }> {
      const response = await namingProfile(profile, (ref) => send('/v1/campaigns/draft?stream=1', post({ ...request, ...ref }), classifyTimeoutMs));
      return readStream(response, CampaignStreamEventSchema, (event) => {
        if (event.type === 'step') onStep(event.step);
        return event.type === 'final' ? { campaign: event.result, ...(event.error ? { error: event.error } : {}) } : undefined;
      });
    },
    classifyLead(lead: Lead, profile: CompanyProfile): Promise<LeadClassification> {
      return namingProfile(profile, (ref) => call(LeadClassificationSchema, 'a classification', '/v1/leads/classify', post({ lead, ...ref }), classifyTimeoutMs));
    },
    /** GET /v1/profile: the team profile (any team token). */
    getProfile(): Promise<TeamProfileResponse> {
      return call(TeamProfileResponseSchema, 'a profile', '/v1/profile', { method: 'GET' }, options.healthTimeoutMs ?? 5_000);
    },
    /** PUT /v1/profile: publish the team profile; the client's token must be the admin token (else 403). */
    putProfile(profile: CompanyProfile): Promise<TeamProfileResponse> {
      return call(TeamProfileResponseSchema, 'a profile', '/v1/profile', { method: 'PUT', body: JSON.stringify({ profile }) }, classifyTimeoutMs);
    },
    /** POST /v1/feedback: resolves once the backend stored them (202); a retry of the same eventIds is counted once. */
    sendFeedback(events: FeedbackEvent[]): Promise<FeedbackResponse> {
      return call(FeedbackResponseSchema, 'feedback receipt', '/v1/feedback', post({ events }), classifyTimeoutMs);
    },
    /** GET /v1/policy: the team's reply-strategy policy. */
    getPolicy(): Promise<Policy> {
      return call(PolicySchema, 'a policy', '/v1/policy', { method: 'GET' }, options.healthTimeoutMs ?? 5_000);
    },
    /** GET /v1/feedback/stats: daily aggregates for the team page. */
    getFeedbackStats(days: number): Promise<FeedbackStats> {
      return call(FeedbackStatsSchema, 'feedback stats', `/v1/feedback/stats?days=${encodeURIComponent(days)}`, { method: 'GET' }, classifyTimeoutMs);
    },
    /**
     * GET /v1/selectors: the team's selector pack as sent, unchecked — the caller runs
     * checkSelectorPack (schema and signature) on it. undefined when the backend serves none (404).
     */
    async getSelectorPack(): Promise<unknown> {
      try {
        return await (await send('/v1/selectors', { method: 'GET' }, options.healthTimeoutMs ?? 10_000)).json();
      } catch (err) {
        if (err instanceof BackendError && err.status === 404) return undefined;
        if (err instanceof BackendError) throw err;
        throw new BackendError('the backend answered a selector pack that is not JSON');
      }
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
