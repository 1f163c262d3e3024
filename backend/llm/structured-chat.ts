import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { describeZodIssues } from '../../lib/contracts';
import type { LlmConfig } from '../config';

/**
 * The plumbing every structured-output LLM call of the backend shares (lead classification,
 * conversation triage, reply drafts): the client, one bounded attempt, reading the answer
 * (content, else the gpt-oss reasoning fields), zod validation, error → reason, and the one retry.
 */

/** The subset of pino the LLM modules need. */
export interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * What a caller gives every LLM task: its abort signal (the client went away → the upstream
 * request is cancelled too) and the epoch ms by which the answer, or the rules fallback, must
 * be back (the gateway's request budget).
 */
export interface LlmCallOptions {
  signal?: AbortSignal;
  deadlineAt?: number;
}

/** Why an LLM answer was not used. */
export class LlmFailure extends Error {
  override name = 'LlmFailure';
  constructor(
    /** `deadline`: the budget was spent before an attempt could start; `aborted`: the caller went away. */
    readonly reason: 'timeout' | 'deadline' | 'aborted' | 'rate_limited' | 'server_error' | 'connection' | 'http_error' | 'empty' | 'malformed_json' | 'schema_invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Failures worth one more try: the upstream was busy, broken or unreachable — never a 4xx or a bad answer. */
export const RETRYABLE_REASONS: ReadonlySet<LlmFailure['reason']> = new Set(['timeout', 'rate_limited', 'server_error', 'connection']);

/** A chat message as vLLM returns it: gpt-oss reasoning in `reasoning_content` (older) or `reasoning` (newer). */
export interface MessageLike {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/** The JSON object in a model's text: the whole text, else a fenced block, else the outermost braces. */
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

/**
 * The JSON of the answer: from `content`, or — when vLLM serves gpt-oss with a reasoning parser
 * and puts the structured output in the reasoning channel — from the first of `reasoning_content`
 * / `reasoning` that parses. Reasoning text is only used when content is empty.
 */
export function answerJson(message: MessageLike | undefined): unknown {
  const content = message?.content;
  if (typeof content === 'string' && content.trim() !== '') return extractJson(content);
  // content empty: the JSON may be in either reasoning field; take the first that parses.
  let lastError: unknown = new LlmFailure('empty', 'the model returned an empty message');
  for (const text of [message?.reasoning_content, message?.reasoning]) {
    if (typeof text !== 'string' || text.trim() === '') continue;
    try {
      return extractJson(text);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** `json` validated by `schema`; a mismatch is an LlmFailure('schema_invalid') naming the issues. */
export function validateAnswer<S extends z.ZodType>(json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LlmFailure('schema_invalid', describeZodIssues(parsed.error, 'answer'));
  return parsed.data;
}

/** Parses and validates the model's answer (see answerJson for where the JSON is read from). */
export function parseStructuredAnswer<S extends z.ZodType>(message: MessageLike | undefined, schema: S): z.output<S> {
  return validateAnswer(answerJson(message), schema);
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
    if (status === 429) return new LlmFailure('rate_limited', 'the LLM answered 429 (rate limited)', status);
    if (status !== undefined && status >= 500) return new LlmFailure('server_error', `the LLM answered ${status}`, status);
    return new LlmFailure('http_error', `the LLM answered ${status ?? 'an error'}`, status);
  }
  const e = err as { name?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return new LlmFailure('timeout', 'the LLM request timed out');
  return new LlmFailure('connection', `LLM call failed: ${e?.message ?? String(err)}`);
}

/** An OpenAI client for an OpenAI-compatible server (vLLM): no key needed, the SDK never retries. */
export function createLlmClient(llm: LlmConfig): OpenAI {
  return new OpenAI({
    baseURL: llm.baseUrl,
    apiKey: llm.apiKey || 'EMPTY',
    timeout: llm.timeoutMs,
    // Retries are ours (exactly one, never on a 4xx): the SDK's would also retry 408/409.
    maxRetries: 0,
  });
}

export interface StructuredRequest {
  messages: ChatCompletionMessageParam[];
  /** A `json_schema` response format (built once per module: the SDK does not mutate it). */
  responseFormat: ChatCompletionCreateParamsNonStreaming['response_format'];
  temperature: number;
}

/** The request body: model, messages, temperature, response_format and `reasoning_effort` unless "none". */
export function chatRequestBody(llm: LlmConfig, request: StructuredRequest) {
  const effort = llm.reasoningEffort ?? 'low';
  return {
    model: llm.model,
    messages: request.messages,
    temperature: request.temperature,
    response_format: request.responseFormat,
    ...(effort !== 'none' ? { reasoning_effort: effort } : {}),
  } satisfies ChatCompletionCreateParamsNonStreaming;
}

/**
 * Runs one upstream call bounded by LLM_TIMEOUT_MS (each attempt gets its own) and by what is
 * left of the caller's budget, streaming or not: `run` must pass the signal to the SDK and
 * finish reading (and parsing) inside it, so a stream that stalls is cut too. The caller's
 * signal cancels the upstream request. An abort caused by the timer is reported as a timeout.
 */
export async function withAttemptTimeout<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>, call: LlmCallOptions = {}): Promise<T> {
  const left = call.deadlineAt === undefined ? timeoutMs : call.deadlineAt - Date.now();
  if (call.signal?.aborted) throw new LlmFailure('aborted', 'the caller went away');
  if (left <= 0) throw new LlmFailure('deadline', 'the request budget was spent before the LLM was called');
  const ms = Math.min(timeoutMs, left);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const onAbort = () => controller.abort();
  call.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await run(controller.signal);
  } catch (err) {
    if (call.signal?.aborted) throw new LlmFailure('aborted', 'the caller went away');
    if (timedOut) throw new LlmFailure('timeout', `the LLM request timed out after ${ms} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

/** One non-streaming attempt under the per-attempt timeout; `parse` turns the message into the answer. */
export function completeJson<T>(
  client: OpenAI,
  llm: LlmConfig,
  request: StructuredRequest & { parse: (message: MessageLike | undefined) => T },
  call: LlmCallOptions = {},
): Promise<T> {
  return withAttemptTimeout(
    llm.timeoutMs,
    async (signal) => {
      const completion = await client.chat.completions.create(chatRequestBody(llm, request), { signal });
      return request.parse(completion.choices?.[0]?.message as MessageLike | undefined);
    },
    call,
  );
}

/** How the attempts ended when no answer was used. */
export interface GiveUp {
  /** The last failure. */
  failure: LlmFailure;
  attempts: number;
  /** The first attempt's failure, when it was retried. */
  first?: LlmFailure;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `attempt`, once more after `backoffMs` × (0.75..1.25) when it fails for a RETRYABLE_REASONS
 * reason; otherwise (or when the retry fails too) whatever `onGiveUp` returns — the rules result.
 * `attempt` should do all the work that may fail (parse and merge included) so every failure is
 * classified; it runs again from the start, so anything it must not repeat (a partial already
 * sent) is the caller's to guard.
 */
export async function withOneRetry<T, F>(
  attempt: () => Promise<T>,
  options: { backoffMs: number; onGiveUp: (giveUp: GiveUp) => F; call?: LlmCallOptions },
): Promise<T | F> {
  let first: LlmFailure | undefined;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const failure = classifyLlmError(err);
      const backoff = options.backoffMs * (0.75 + Math.random() * 0.5);
      // No retry for a caller that went away, nor one that could not start inside the budget.
      const inBudget = !options.call?.signal?.aborted && (options.call?.deadlineAt === undefined || Date.now() + backoff < options.call.deadlineAt);
      if (n === 1 && RETRYABLE_REASONS.has(failure.reason) && inBudget) {
        first = failure;
        await sleep(backoff);
        continue;
      }
      return options.onGiveUp({ failure, attempts: n, ...(first ? { first } : {}) });
    }
  }
}

/** The warn log of a give-up: reason, status, detail, attempts, firstReason, ms since `started`, model. */
export function giveUpLogFields(giveUp: GiveUp, started: number, model: string): object {
  const { failure, attempts, first } = giveUp;
  return {
    reason: failure.reason,
    status: failure.status,
    detail: failure.message,
    attempts,
    ...(first ? { firstReason: first.reason } : {}),
    ms: Date.now() - started,
    model,
  };
}
