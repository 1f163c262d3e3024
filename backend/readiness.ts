import type { Ready } from '../lib/contracts';
import type { LlmConfig } from './config';
import type { Admission } from './gateway/admission';
import { readVllmLoad, vllmSaturated, type VllmLoad } from './llm/vllm-load';

/**
 * What GET /readyz answers. Ready means "a request sent here now is answered in time":
 *
 *   the database does not answer      → 503 database_down (every request reads the profile there);
 *   rules mode                        → 200 ready, llm disabled;
 *   this backend's queue is full      → 503 saturated/queue_full (a new request would get 429);
 *   the LLM does not answer /models   → 200 ready, llm down (the rules answer);
 *   requests wait inside vLLM         → 503 saturated/llm_queue (new work would queue there,
 *                                       where no deadline reaches it);
 *   else                              → 200 ready, llm up.
 *
 * A load balancer polls this every few seconds on every replica, so every read is cached (the
 * load and the database briefly: they change fast) and shared by concurrent checks.
 */
export interface Readiness {
  status: 200 | 503;
  body: Ready;
  /** With 503: when checking again is worth it. */
  retryAfterSeconds?: number;
}

export interface ReadinessOptions {
  /** Undefined in rules mode. */
  llm?: Pick<LlmConfig, 'baseUrl' | 'apiKey'>;
  admission: Pick<Admission, 'full' | 'retryAfterSeconds'>;
  /** The store's ping (resolves when the database answers); none: not checked. */
  pingDatabase?: () => Promise<void>;
  /** Why the database did not answer (logged, never answered: it may name the server). */
  onDatabaseError?: (err: unknown) => void;
  /** How long an /models answer is trusted (ms). */
  upTtlMs?: number;
  /** How long vLLM's load is trusted (ms). */
  loadTtlMs?: number;
  /** Each upstream read's limit (ms). */
  probeTimeoutMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

export const READY_UP_TTL_MS = 5_000;
export const READY_LOAD_TTL_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

/** `read` at most once per `ttlMs`; callers arriving while a read runs share it. */
export function cachedRead<T>(read: () => Promise<T>, ttlMs: number, now: () => number): () => Promise<T> {
  let last: { at: number; value: T } | undefined;
  let running: Promise<T> | undefined;
  return () => {
    if (last && now() - last.at < ttlMs) return Promise.resolve(last.value);
    running ??= read()
      .then((value) => {
        last = { at: now(), value };
        return value;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}

/** Rejects when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

async function modelsAnswer(llm: Pick<LlmConfig, 'baseUrl' | 'apiKey'>, timeoutMs: number): Promise<boolean> {
  try {
    const headers: Record<string, string> = {};
    if (llm.apiKey) headers.authorization = `Bearer ${llm.apiKey}`;
    const res = await fetch(`${llm.baseUrl}/models`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

const RETRY_DATABASE_SECONDS = 5;

export function createReadiness(options: ReadinessOptions): () => Promise<Readiness> {
  const { llm, admission, pingDatabase } = options;
  const now = options.now ?? Date.now;
  const timeoutMs = options.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  const loadTtlMs = options.loadTtlMs ?? READY_LOAD_TTL_MS;
  const databaseUp = pingDatabase
    ? cachedRead(
        async () => {
          try {
            await withTimeout(pingDatabase(), timeoutMs);
            return true;
          } catch (err) {
            options.onDatabaseError?.(err);
            return false;
          }
        },
        loadTtlMs,
        now,
      )
    : async () => true;
  const databaseDown = (llmState: Ready['llm']): Readiness => ({
    status: 503,
    retryAfterSeconds: RETRY_DATABASE_SECONDS,
    body: { ok: false, llm: llmState, reason: 'database_down', message: 'the database does not answer; requests cannot read the team profile' },
  });

  if (!llm) return async () => ((await databaseUp()) ? { status: 200, body: { ok: true, llm: 'disabled' } } : databaseDown('disabled'));
  const up = cachedRead(() => modelsAnswer(llm, timeoutMs), options.upTtlMs ?? READY_UP_TTL_MS, now);
  const load = cachedRead<VllmLoad | undefined>(() => readVllmLoad(llm, { timeoutMs }), loadTtlMs, now);

  return async () => {
    if (!(await databaseUp())) return databaseDown((await up()) ? 'up' : 'down');
    // Our own queue first: it needs no upstream read, and it is what a new request meets first.
    if (admission.full('interactive')) {
      const retryAfterSeconds = admission.retryAfterSeconds();
      return {
        status: 503,
        retryAfterSeconds,
        body: { ok: false, llm: 'saturated', reason: 'queue_full', message: `every LLM slot and queue place of this backend is taken; retry after ${retryAfterSeconds} s` },
      };
    }
    const [isUp, vllm] = await Promise.all([up(), load()]);
    if (!isUp) return { status: 200, body: { ok: true, llm: 'down' } };
    if (vllm && vllmSaturated(vllm)) {
      return {
        status: 503,
        retryAfterSeconds: Math.max(1, Math.ceil(loadTtlMs / 1_000)),
        body: { ok: false, llm: 'saturated', reason: 'llm_queue', message: `${vllm.waiting} requests wait inside vLLM for a slot (${vllm.running} decoding)` },
      };
    }
    return { status: 200, body: { ok: true, llm: 'up' } };
  };
}
