/**
 * vLLM's own view of its load, from its Prometheus endpoint (`/metrics` at the server root,
 * beside `/v1`): how many requests are decoding and how many wait for a slot. /readyz uses it
 * to say "up but saturated" before the backend's own queue notices: the GPU may be shared
 * with other clients, and vLLM's waiting queue is where time-outs are born.
 */
import type { LlmConfig } from '../config';

export interface VllmLoad {
  /** vllm:num_requests_running — sequences in the running batch (≤ --max-num-seqs). */
  running: number;
  /** vllm:num_requests_waiting — requests queued for a slot. */
  waiting: number;
}

/** The metrics URL for an OpenAI-compatible base URL: `http://host:8000/v1` → `http://host:8000/metrics`. */
export function vllmMetricsUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/v1\/?$/, '').replace(/\/+$/, '') + '/metrics';
  url.search = '';
  return url.toString();
}

/** Sums a gauge over its label sets (one per model / engine) in Prometheus text; undefined when absent. */
export function readGauge(text: string, name: string): number | undefined {
  let total: number | undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^${escaped}(?:\\{[^}]*\\})?\\s+([-+0-9.eE]+|NaN)\\s*$`, 'gm');
  for (const match of text.matchAll(line)) {
    const value = Number(match[1]);
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/** Parses vLLM's metrics text; undefined when neither gauge is there (not a vLLM, or metrics off). */
export function parseVllmLoad(text: string): VllmLoad | undefined {
  const running = readGauge(text, 'vllm:num_requests_running');
  const waiting = readGauge(text, 'vllm:num_requests_waiting');
  if (running === undefined && waiting === undefined) return undefined;
  return { running: running ?? 0, waiting: waiting ?? 0 };
}

/**
 * Reads vLLM's load. Undefined when it cannot be read (down, no /metrics, not vLLM): the caller
 * decides what that means (the /models probe already says whether the server is up).
 */
export async function readVllmLoad(llm: Pick<LlmConfig, 'baseUrl' | 'apiKey'>, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<VllmLoad | undefined> {
  const headers: Record<string, string> = {};
  // vLLM's --api-key guards /v1 only, but a proxy in front may guard everything.
  if (llm.apiKey) headers.authorization = `Bearer ${llm.apiKey}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 2_000);
  try {
    const res = await fetch(vllmMetricsUrl(llm.baseUrl), { headers, signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout });
    if (!res.ok) return undefined;
    return parseVllmLoad(await res.text());
  } catch {
    return undefined;
  }
}

/**
 * Saturated: requests wait inside vLLM. With the backend's cap at or below --max-num-seqs none
 * of ours should wait there, so waiting requests mean other clients share the GPU (or the
 * pairing is wrong) and new work will queue behind them.
 */
export function vllmSaturated(load: VllmLoad | undefined, maxWaiting = 0): boolean {
  return load !== undefined && load.waiting > maxWaiting;
}
