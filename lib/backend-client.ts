import {
  ApiErrorSchema,
  ClassifyBatchResponseSchema,
  HealthSchema,
  LeadClassificationSchema,
  LeadStreamEventSchema,
  type CompanyProfile,
  type LeadStreamPartial,
  type Health,
  type Lead,
  type LeadClassification,
} from './contracts';
import { readNdjson } from './ndjson';

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
    /** One answer per lead, in input order: a classification or that row's error. */
    async classifyBatch(leads: Lead[], profile: CompanyProfile): Promise<({ result: LeadClassification } | { error: string })[]> {
      const body = await call('/v1/leads/classify-batch', { method: 'POST', body: JSON.stringify({ leads, profile }) }, options.classifyTimeoutMs ?? 30_000);
      const parsed = ClassifyBatchResponseSchema.safeParse(body);
      if (!parsed.success || parsed.data.results.length !== leads.length) {
        throw new BackendError('the backend answered a batch that does not match the contract');
      }
      return parsed.data.results.map((item) => ('result' in item ? { result: item.result } : { error: item.error }));
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
    async classifyLead(lead: Lead, profile: CompanyProfile): Promise<LeadClassification> {
      const body = await call('/v1/leads/classify', { method: 'POST', body: JSON.stringify({ lead, profile }) }, options.classifyTimeoutMs ?? 20_000);
      const parsed = LeadClassificationSchema.safeParse(body);
      if (!parsed.success) throw new BackendError('the backend answered a classification that does not match the contract');
      return parsed.data;
    },
  };
}
export type BackendClient = ReturnType<typeof createBackendClient>;
