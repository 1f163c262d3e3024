import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { describeZodIssues } from '../../lib/contracts';
import type { TaskBudget } from '../../lib/llm/output-budget';
import { retryAfterMs } from '../../lib/retry-after';
import type { LlmConfig } from '../config';
import { createUpstreamFetch, headersOf, type UpstreamFetch } from './upstream-fetch';

export { retryAfterMs };

/**
 * The plumbing every structured-output LLM call of the backend shares (lead classification,
 * conversation triage, reply drafts), written against how vLLM really serves gpt-oss:
 *
 * - every request carries `max_tokens` (the task's cap, lib/llm/output-budget.ts);
 * - the answer is read from `content` only: `reasoning` is the model's unconstrained analysis,
 *   where an early draft of the JSON can look like an answer and is not one;
 * - finish_reason "length", an empty `content`, a mid-stream `data: {"error": …}` line and a
 *   503 queue rejection are failures with their own names;
 * - attempts live inside the caller's budget (`deadlineAt`) and die with the caller's signal;
 *   a retry starts only when it can still finish, never sooner than Retry-After, never for a
 *   time-out of a deterministic request nor for a cut-off answer.
 */

/** The subset of pino the LLM modules need. */
export interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * What a caller gives every LLM task (agreed with the routes): its abort signal (the client
 * went away → the upstream request is cancelled too) and the epoch ms by which the answer, or
 * the rules fallback, must be back.
 */
export interface LlmCallOptions {
  signal?: AbortSignal;
  deadlineAt?: number;
}

/** Why an LLM answer was not used. Stable names: logs, metrics and the stream's `error` carry them. */
export const LLM_FAILURE_REASONS = [
  /** The attempt outlived its time (LLM_TIMEOUT_MS, or what was left of the budget). */
  'timeout',
  /** The caller's budget was spent before an attempt could start. */
  'deadline',
  /** The caller went away (its signal aborted). */
  'aborted',
  /** 429 from a proxy in front of vLLM (vLLM itself never answers 429). */
  'rate_limited',
  /** 503: vLLM's queue is full (--max-num-queued-reqs), or the server is not ready. */
  'overloaded',
  /** Another 5xx. */
  'server_error',
  'connection',
  /** A 4xx (a request vLLM refuses: retrying sends the same request). */
  'http_error',
  /** vLLM failed after HTTP 200 and said so in an SSE `data: {"error": …}` line. */
  'stream_error',
  /** finish_reason "length": the output cap was reached (a reasoning or whitespace loop). */
  'length',
  /** `content` empty or null — whatever `reasoning` holds is never taken as the answer. */
  'empty_content',
  /** The answer parsed but a required text is empty (an empty draft). */
  'empty',
  'malformed_json',
  'schema_invalid',
] as const;
export type LlmFailureReason = (typeof LLM_FAILURE_REASONS)[number];

export class LlmFailure extends Error {
  override name = 'LlmFailure';
  constructor(
    readonly reason: LlmFailureReason,
    message: string,
    readonly status?: number,
    /** From Retry-After (or retry-after-ms) on a 429/503: no retry before this many ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A chat message or stream delta as vLLM returns it: the answer in `content`, the analysis in `reasoning`. */
export interface MessageLike {
  content?: string | null;
  reasoning?: string | null;
  /** Older vLLM's name for `reasoning`; read for logs only, never for the answer. */
  reasoning_content?: string | null;
}

/** The JSON object in the model's `content`: the whole text, else a fenced block, else the outermost braces. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    /* fall through */
  }
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) {
    try {
      return JSON.parse(fenced[1].trim());
    } catch {
      /* fall through */
    }
  }
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      /* fall through */
    }
  }
  throw new LlmFailure('malformed_json', `the model's answer is not JSON (${trimmed.length} chars)`);
}

/** How a completion ended, as far as the answer is concerned. */
export interface Finished {
  message: MessageLike | undefined;
  finishReason?: string | null;
}

/**
 * The JSON of the answer — from `content` only. A cut-off output (finish_reason "length") and
 * an empty `content` are failures even when `reasoning` holds something JSON-shaped: on current
 * vLLM that is the model's analysis, where drafts of the answer are written and revised.
 */
export function answerJson({ message, finishReason }: Finished): unknown {
  const reasoningChars = (message?.reasoning ?? message?.reasoning_content ?? '').length;
  if (finishReason === 'length') {
    throw new LlmFailure('length', `the output cap was reached before the answer was complete (content ${(message?.content ?? '').length} chars, reasoning ${reasoningChars} chars)`);
  }
  const content = message?.content;
  if (typeof content !== 'string' || content.trim() === '') {
    throw new LlmFailure('empty_content', `the model's content is empty${reasoningChars ? ` (its reasoning has ${reasoningChars} chars; never used as the answer)` : ''}`);
  }
  return extractJson(content);
}

/** `json` validated by `schema`; a mismatch is an LlmFailure('schema_invalid') naming the issues. */
export function validateAnswer<S extends z.ZodType>(json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LlmFailure('schema_invalid', describeZodIssues(parsed.error, 'answer'));
  return parsed.data;
}

/** Parses and validates the model's answer (see answerJson: content only). */
export function parseStructuredAnswer<S extends z.ZodType>(finished: Finished, schema: S): z.output<S> {
  return validateAnswer(answerJson(finished), schema);
}

/** The `{message, type, code}` of vLLM's error body (`{"error": {...}}`, or the older flat shape). */
function errorPayload(err: InstanceType<typeof OpenAI.APIError>): { message?: string; type?: string; code?: unknown } {
  const body = err.error as { message?: string; type?: string; code?: unknown; error?: { message?: string; type?: string; code?: unknown } } | undefined;
  return body?.error ?? body ?? {};
}

/** Any error of an attempt as the reason the answer was not used. */
export function classifyLlmError(err: unknown): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (err instanceof OpenAI.APIUserAbortError) return new LlmFailure('timeout', 'the LLM request timed out');
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new LlmFailure('timeout', 'the LLM request timed out');
  if (err instanceof OpenAI.APIConnectionError) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return new LlmFailure('connection', `cannot reach the LLM${cause?.code ? ` (${cause.code})` : ''}`);
  }
  if (err instanceof OpenAI.APIError) {
    const status = err.status;
    const payload = errorPayload(err);
    const detail = payload.message ? `: ${String(payload.message).slice(0, 300)}` : '';
    if (status === undefined) {
      // The SDK throws a status-less APIError for an SSE `data: {"error": …}` line (vLLM failing after HTTP 200).
      const code = typeof payload.code === 'number' ? payload.code : Number(payload.code) || undefined;
      return new LlmFailure('stream_error', `the LLM stream failed${payload.type ? ` (${payload.type})` : ''}${detail}`, code);
    }
    const wait = retryAfterMs(err.headers as Headers | undefined);
    if (status === 429) return new LlmFailure('rate_limited', `the LLM answered 429${detail}`, status, wait);
    if (status === 503) return new LlmFailure('overloaded', `the LLM answered 503 (queue full or not ready)${detail}`, status, wait);
    if (status >= 500) return new LlmFailure('server_error', `the LLM answered ${status}${detail}`, status);
    return new LlmFailure('http_error', `the LLM answered ${status}${detail}`, status);
  }
  const e = err as { name?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return new LlmFailure('timeout', 'the LLM request timed out');
  return new LlmFailure('connection', `LLM call failed: ${e?.message ?? String(err)}`);
}

/** One pool of kept-alive upstream sockets for every client of the process (upstream-fetch.ts). */
let sharedFetch: UpstreamFetch | undefined;

/**
 * How the backend talks to the LLM server: the OpenAI SDK for streamed answers (its SSE parser and
 * stream wrapper), and a plain JSON POST for the rest.
 */
export interface LlmClient {
  sdk: OpenAI;
  /**
   * POSTs `body` as JSON to `path` below the base URL and returns the parsed answer. A non-2xx
   * answer throws the SDK's own error for that status (OpenAI.APIError.generate, with the body's
   * `error` and the headers), so classifyLlmError reads it exactly as one the SDK threw; the
   * signal aborts it with its reason.
   */
  postJson(path: string, body: unknown, signal: AbortSignal): Promise<unknown>;
}

/** The error the SDK throws for a non-2xx answer (its makeRequest: the JSON body when it parses, else the text as the message). */
function statusError(status: number, text: string, headers: Headers): InstanceType<typeof OpenAI.APIError> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return OpenAI.APIError.generate(status, json as object | undefined, json === undefined ? text : undefined, headers);
}

/** A client for an OpenAI-compatible server (vLLM); it never retries (we do, inside the budget). */
export function createLlmClient(llm: LlmConfig): LlmClient {
  const upstream = (sharedFetch ??= createUpstreamFetch());
  const apiKey = llm.apiKey || 'EMPTY';
  const sdk = new OpenAI({ baseURL: llm.baseUrl, apiKey, timeout: llm.timeoutMs, maxRetries: 0, fetch: upstream.fetch });
  const base = llm.baseUrl.replace(/\/+$/, '');
  const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${apiKey}` };
  return {
    sdk,
    async postJson(path, body, signal) {
      const reply = await upstream.post(new URL(base + path), JSON.stringify(body), headers, signal);
      const text = reply.body.toString('utf8');
      if (reply.status < 200 || reply.status > 299) throw statusError(reply.status, text, headersOf(reply.rawHeaders));
      return JSON.parse(text) as unknown;
    },
  };
}

export interface StructuredRequest {
  messages: ChatCompletionMessageParam[];
  /** A `json_schema` response format (built once per module: the SDK does not mutate it). */
  responseFormat: ChatCompletionCreateParamsNonStreaming['response_format'];
  temperature: number;
  /** The task's output cap and typical size (lib/llm/output-budget.ts). */
  budget: TaskBudget;
}

/** The request body: model, messages, temperature, the output cap, response_format, reasoning_effort. */
export function chatRequestBody(llm: LlmConfig, request: StructuredRequest) {
  return {
    model: llm.model,
    messages: request.messages,
    temperature: request.temperature,
    max_tokens: request.budget.maxTokens,
    response_format: request.responseFormat,
    // gpt-oss always reasons; "low" is the least (vLLM rejects "none" for harmony models).
    reasoning_effort: llm.reasoningEffort ?? 'low',
  } satisfies ChatCompletionCreateParamsNonStreaming;
}

/**
 * Runs one upstream call bounded by `timeoutMs` and by the caller's signal, streaming or not:
 * `run` passes the signal to the SDK and finishes reading (and parsing) inside it, so a stream
 * that stalls is cut too, and vLLM sees the connection close and aborts the request.
 */
export async function withAttemptTimeout<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    if (callerSignal?.aborted) throw new LlmFailure('aborted', 'the caller went away');
    return await run(controller.signal);
  } catch (err) {
    if (callerSignal?.aborted) throw new LlmFailure('aborted', 'the caller went away; the upstream request was cancelled');
    if (timedOut) throw new LlmFailure('timeout', `the LLM request timed out after ${timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * One non-streaming request; `parse` turns the finished completion into the answer. Sent as a plain
 * JSON POST (LlmClient.postJson) rather than through the SDK, whose request path — headers object,
 * body serialised through a key replacer, fetch Request and Response, promise layers — costs about
 * 0.3 ms of CPU per call, on the latency of every answer. Its error classes are kept (see postJson).
 */
export async function completeJson<T>(
  client: LlmClient,
  llm: LlmConfig,
  request: StructuredRequest & { parse: (finished: Finished) => T },
  signal: AbortSignal,
): Promise<T> {
  const completion = (await client.postJson('/chat/completions', chatRequestBody(llm, request), signal)) as Partial<ChatCompletion> | null;
  const choice = completion?.choices?.[0];
  return request.parse({ message: choice?.message as MessageLike | undefined, finishReason: choice?.finish_reason });
}

/**
 * One streaming request. `onContent` sees the answer as it grows — `content` deltas only: gpt-oss
 * streams its whole analysis (`reasoning`) first, so nothing of the answer exists before the
 * analysis ends. Returns the finished completion for `parse`-ing like a non-streaming one.
 */
export async function streamJson(
  client: LlmClient,
  llm: LlmConfig,
  request: StructuredRequest,
  signal: AbortSignal,
  onContent: (delta: string) => void,
): Promise<Finished> {
  const stream = await client.sdk.chat.completions.create({ ...chatRequestBody(llm, request), stream: true }, { signal });
  let content = '';
  let reasoning = '';
  let finishReason: string | null | undefined;
  for await (const chunk of stream) {
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (choice.finish_reason) finishReason = choice.finish_reason;
    const delta = choice.delta as MessageLike | undefined;
    if (delta?.reasoning) reasoning += delta.reasoning;
    if (delta?.content) {
      content += delta.content;
      onContent(delta.content);
    }
  }
  if (!finishReason && content === '') throw new LlmFailure('stream_error', 'the LLM stream ended without an answer or a finish reason');
  return { message: { content, reasoning }, finishReason };
}

/** How the attempts ended when no answer was used. */
export interface GiveUp {
  /** The last failure. */
  failure: LlmFailure;
  attempts: number;
  /** The first attempt's failure, when it was retried. */
  first?: LlmFailure;
  /** Why a retryable failure was not retried (the budget could not cover it). */
  noRetry?: string;
}

/** The budget of one task: how long an attempt may run, and whether a retry can still finish. */
export interface RetryPolicy {
  /** LLM_TIMEOUT_MS: the most one attempt may take. */
  timeoutMs: number;
  backoffMs: number;
  /** Temperature 0: the same request gives the same output, so a time-out would repeat. */
  deterministic: boolean;
  /** What a typical successful attempt needs (typical tokens × ms per token); a retry needs at least this. */
  minAttemptMs: number;
}

export function retryPolicy(llm: LlmConfig, request: Pick<StructuredRequest, 'temperature' | 'budget'>): RetryPolicy {
  const timeoutMs = llm.timeoutMs;
  return {
    timeoutMs,
    backoffMs: llm.retryBackoffMs ?? 200,
    deterministic: request.temperature === 0,
    minAttemptMs: Math.min(timeoutMs, request.budget.typicalTokens * (llm.msPerOutputToken ?? 8)),
  };
}

/** The wait before a retry of `failure`, or undefined when it must not be retried at all. */
export function retryDelayMs(failure: LlmFailure, policy: RetryPolicy): number | undefined {
  const jittered = policy.backoffMs * (0.75 + Math.random() * 0.5);
  switch (failure.reason) {
    case 'rate_limited':
    case 'overloaded':
      // Never sooner than the server asked: retrying into the same full queue only fills it.
      return Math.max(jittered, failure.retryAfterMs ?? 0);
    case 'server_error':
    case 'connection':
      return jittered;
    case 'stream_error':
      return failure.status === undefined || failure.status >= 500 ? jittered : undefined;
    case 'timeout':
      // A deterministic request that ran out of time would run out of time again.
      return policy.deterministic ? undefined : jittered;
    default:
      // length, empty_content, malformed_json, schema_invalid, http_error, aborted, deadline:
      // the same request would end the same way.
      return undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `attempt` inside the caller's budget: each attempt gets min(LLM_TIMEOUT_MS, what is left
 * before `deadlineAt`) and dies with the caller's signal; one retry, only for a failure worth
 * retrying (retryDelayMs) and only when the wait plus a typical attempt still fits before the
 * deadline. Otherwise `onGiveUp` — the rules result. `attempt` does all the work that may fail (parse and
 * merge included); it runs again from the start, so anything it must not repeat (a partial
 * already sent) is the caller's to guard.
 */
export async function withinBudget<T, F>(
  policy: RetryPolicy,
  call: LlmCallOptions,
  attempt: (signal: AbortSignal) => Promise<T>,
  onGiveUp: (giveUp: GiveUp) => F,
): Promise<T | F> {
  // Without a deadline (the CLI, tests) each attempt has LLM_TIMEOUT_MS and a wait may not be longer than one.
  const deadline = call.deadlineAt ?? Number.POSITIVE_INFINITY;
  let first: LlmFailure | undefined;
  for (let n = 1; ; n++) {
    const left = deadline - Date.now();
    if (call.signal?.aborted) return onGiveUp({ failure: new LlmFailure('aborted', 'the caller went away'), attempts: n - 1, ...(first ? { first } : {}) });
    if (left <= 0) return onGiveUp({ failure: first ?? new LlmFailure('deadline', 'no time was left for the LLM before the deadline'), attempts: n - 1 });
    try {
      return await withAttemptTimeout(Math.min(policy.timeoutMs, left), attempt, call.signal);
    } catch (err) {
      const failure = classifyLlmError(err);
      const wait = n === 1 ? retryDelayMs(failure, policy) : undefined;
      if (wait === undefined) return onGiveUp({ failure, attempts: n, ...(first ? { first } : {}) });
      if (call.deadlineAt === undefined && wait > policy.timeoutMs) {
        return onGiveUp({ failure, attempts: n, noRetry: `the server asked to wait ${Math.round(wait)} ms, longer than an attempt (${policy.timeoutMs} ms)` });
      }
      const leftAfterWait = deadline - Date.now() - wait;
      if (leftAfterWait < policy.minAttemptMs) {
        return onGiveUp({ failure, attempts: n, noRetry: `a retry after ${Math.round(wait)} ms would leave ${Math.max(0, Math.round(leftAfterWait))} ms, less than the ${Math.round(policy.minAttemptMs)} ms an answer needs` });
      }
      first = failure;
      await sleep(wait, call.signal);
    }
  }
}

/** The warn log of a give-up: reason, status, detail, attempts, firstReason, ms since `started`, model. */
export function giveUpLogFields(giveUp: GiveUp, started: number, model: string): object {
  const { failure, attempts, first, noRetry } = giveUp;
  return {
    reason: failure.reason,
    status: failure.status,
    detail: failure.message,
    attempts,
    ...(first ? { firstReason: first.reason } : {}),
    ...(noRetry ? { noRetry } : {}),
    ms: Date.now() - started,
    model,
  };
}
