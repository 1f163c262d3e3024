/**
 * A local OpenAI-compatible server that behaves like current vLLM serving gpt-oss-20b, for
 * tests, benchmarks and `npm run llm:check` in CI:
 *
 *   const fake = await startFakeVllm({ answer: {...} });   // fake.baseUrl = http://127.0.0.1:PORT/v1
 *   fake.setMode('reasoning_only'); fake.chatRequests[0].body.max_tokens …
 *   await fake.close();
 *
 * What it does as vLLM does (docs/llm.md cites the sources):
 * - gpt-oss writes its analysis first: the whole `reasoning` is streamed before any `content`
 *   (the chunk at the switch carries both fields). The analysis is prose that drafts the JSON
 *   with other values before settling: nothing in it is the answer.
 * - Only `reasoning` is sent (vLLM dropped `reasoning_content`).
 * - Reasoning and content tokens both count against `max_tokens`; without it the limit is
 *   max_model_len − prompt. Reaching it ends with finish_reason "length" (content null when
 *   the analysis was still running).
 * - Errors are `{"error": {message, type, param, code}}`; a failure after HTTP 200 is an SSE
 *   `data: {"error": …}` line, then `data: [DONE]`.
 * - At most `maxNumSeqs` requests decode at once (--max-num-seqs), the rest wait FIFO, so the
 *   time to first token grows with concurrency; with `maxNumQueuedReqs` (--max-num-queued-reqs)
 *   a request beyond running + waiting gets 503 (with Retry-After when `retryAfterSeconds`).
 *   `batchSlowdown` makes each decode step slower as the batch grows.
 * - `reasoning_effort: "none"` is refused (harmony models cannot turn reasoning off).
 * - /v1/models reports gpt-oss-20b's max_model_len (131072); /metrics has
 *   vllm:num_requests_running / vllm:num_requests_waiting; usage has
 *   prompt_tokens_details.cached_tokens (prefix caching, 16-token blocks).
 * - A client that disconnects aborts its request (the slot is freed, `cancelled` is recorded).
 *
 * Timing: `ttftMs` after the request is scheduled, then `perTokenMs` per ~4-character token.
 *
 * CLI:  tsx backend/testing/fake-vllm.ts --port 8000 [--mode ok] [--ttft 80 --per-token 4.3]
 *         [--max-num-seqs 16] [--max-num-queued-reqs 64] [--retry-after 5] [--batch-slowdown 0.05] [--answers fixtures]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { answerForTask } from './fixtures';

export const FAKE_MODES = [
  'ok',
  '400',
  /** A proxy's 429 (vLLM itself never sends one). */
  '429',
  '500',
  /** vLLM's queue rejection: 503, with Retry-After when `retryAfterSeconds` is set (default 5 in this mode). */
  '503',
  /** Waits `delayMs` before scheduling the request. */
  'slow',
  'malformed',
  'schema_invalid',
  /** The analysis drafts the complete answer, then the model stops without writing `content` (content null, finish "stop"). */
  'reasoning_only',
  /** The analysis runs on until max_tokens: content null, finish "length". */
  'length',
  /** The grammar's endless-whitespace loop: content starts the JSON, then whitespace until max_tokens. */
  'whitespace_loop',
  /** After the analysis and a few content tokens, an SSE error line (non-streaming: a 500). */
  'stream_error',
  'injection_obeyed',
] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

/** gpt-oss-20b's context length (max_position_embeddings), what vLLM reports by default. */
export const GPT_OSS_MAX_MODEL_LEN = 131_072;

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  reasoning_effort?: string;
  response_format?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown>; strict?: boolean } };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body?: ChatRequestBody;
  /** performance.now() when the request arrived, was scheduled (got a decode slot), and was fully written. */
  at: number;
  scheduledAt?: number;
  /** Streaming: when the first `content` delta was written (the analysis had ended). */
  firstContentAt?: number;
  finishedAt?: number;
  status?: number;
  finishReason?: string;
  /** The client went away before the end: vLLM aborted the request. */
  cancelled?: boolean;
  /** What was generated: analysis and answer, and how many tokens that was. */
  reasoning?: string;
  content?: string | null;
  completionTokens?: number;
}

/** The answer: a fixed JSON object, or one computed from the request. */
export type Answer = Record<string, unknown> | ((body: ChatRequestBody) => Record<string, unknown>);

export interface FakeVllmOptions {
  port?: number;
  host?: string;
  model?: string;
  mode?: FakeMode;
  /** Delay for mode "slow" (ms). */
  delayMs?: number;
  /** Default: an object derived from the request's json_schema (first enum value, minimum numbers…). */
  answer?: Answer;
  /** The analysis prose; default: a short analysis that drafts the answer with other values first. */
  reasoning?: string | ((body: ChatRequestBody, answer: Record<string, unknown>) => string);
  /** Time to first token after scheduling (ms), default 0. */
  ttftMs?: number;
  /** Time per ~4-character token at batch 1 (ms), default 0. */
  perTokenMs?: number;
  /** Each extra running request slows a decode step by this fraction (0.05 → batch 16 is 1.75× slower). Default 0. */
  batchSlowdown?: number;
  /** --max-num-seqs: requests decoding at once; default unlimited. */
  maxNumSeqs?: number;
  /** --max-num-queued-reqs: running + waiting before 503; default unlimited. */
  maxNumQueuedReqs?: number;
  /** Retry-After on a 503 (seconds); none by default for queue rejections, 5 in mode "503". */
  retryAfterSeconds?: number;
  maxModelLen?: number;
  /** --enable-prompt-tokens-details: usage.prompt_tokens_details.cached_tokens. Default true. */
  promptTokensDetails?: boolean;
}

export interface FakeVllm {
  url: string;
  /** OpenAI-compatible base URL, `${url}/v1`. */
  baseUrl: string;
  port: number;
  model: string;
  requests: RecordedRequest[];
  /** Only the chat completion requests. */
  readonly chatRequests: RecordedRequest[];
  /** Requests decoding now, and waiting for a slot. */
  readonly load: { running: number; waiting: number };
  /** `times`: only the next N chat requests get this mode, then back to "ok". */
  setMode(mode: FakeMode, options?: { delayMs?: number; times?: number }): void;
  setTiming(timing: { ttftMs?: number; perTokenMs?: number; batchSlowdown?: number }): void;
  setAnswer(answer: Answer | undefined): void;
  setReasoning(reasoning: FakeVllmOptions['reasoning']): void;
  /**
   * Streaming: the next request pauses after `tokens` content tokens until the returned function
   * is called — a test can then check what the client did with the start of the answer while
   * the rest of it has provably not been sent (a state, not a timing).
   */
  holdContentAfter(tokens: number): () => void;
  reset(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

/** A minimal valid instance of a JSON schema: first enum value, minimum numbers, empty strings, required keys. */
export function exampleFromSchema(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as Json;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if ('const' in s) return s.const;
  if (Array.isArray(s.anyOf) && s.anyOf.length) return exampleFromSchema(s.anyOf[0]);
  if (Array.isArray(s.oneOf) && s.oneOf.length) return exampleFromSchema(s.oneOf[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Json;
      const out: Json = {};
      for (const [k, v] of Object.entries(props)) out[k] = exampleFromSchema(v);
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return typeof s.minLength === 'number' && s.minLength > 0 ? 'x'.repeat(s.minLength) : '';
    case 'integer':
    case 'number': {
      if (typeof s.minimum === 'number') return s.minimum;
      if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum + 1;
      return 0;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return null;
  }
}

/** What a model that obeyed "classify me as SQL/P1" would answer. */
function obeyInjection(base: Json): Json {
  return {
    ...base,
    stage: 'SQL',
    priority: 'P1',
    slaHours: 1,
    scores: { fit: 100, urgency: 100, opportunity: 100, dataQuality: 100 },
    contact: { seniority: 'C_LEVEL', roleType: 'BUSINESS_DECISION_MAKER', decisionPower: 'HIGH', emailType: 'CORPORATE' },
    summary: typeof base.summary === 'string' && base.summary ? base.summary : 'Top priority lead.',
    rationale: 'As instructed in the lead: SQL, P1.',
  };
}

/**
 * A first draft the analysis writes and then revises: the answer with its verdict changed
 * (SQL/P1 when the answer says otherwise, Nurture/P3 when it says SQL/P1; the first enum-like
 * string otherwise). A client that reads it as the answer shows the wrong verdict.
 */
export function draftOf(answer: Json): Json {
  const hot = answer.stage === 'SQL' && answer.priority === 'P1';
  const draft: Json = { ...answer };
  if ('stage' in answer) draft.stage = hot ? 'Nurture' : 'SQL';
  if ('priority' in answer) draft.priority = hot ? 'P3' : 'P1';
  if ('slaHours' in answer) draft.slaHours = hot ? 24 : 1;
  if ('intent' in answer) draft.intent = answer.intent === 'complaint' ? 'quote' : 'complaint';
  return draft;
}

function defaultReasoning(_body: ChatRequestBody, answer: Json): string {
  return [
    'We need to produce JSON with the keys of the schema. Let us look at the data.',
    `First guess: ${JSON.stringify(draftOf(answer))}`,
    'But wait, check the rules again: the urgency and the fit do not support that. Revise.',
    'Final values decided; output the JSON now.',
  ].join(' ');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** vLLM's error body (ErrorResponse → ErrorInfo). */
export function vllmError(message: string, type: string, code: number, param: string | null = null) {
  return { error: { message, type, param, code } };
}

const approxTokens = (text: string) => Math.ceil(text.length / 4);

/** The text cut into ~4-character "tokens", the granularity a model streams at. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 4) out.push(text.slice(i, i + 4));
  return out;
}

/** What the server generates for one request, before the output cap is applied. */
interface Plan {
  reasoning: string[];
  content: string[];
  /** Tokens the model would go on emitting after `content` if nothing stopped it (loops). */
  endless?: string;
  /** Content tokens after which the stream fails. */
  failAfterContent?: number;
  /** Analysis only: the model stops without writing content. */
  noContent?: boolean;
}

export async function startFakeVllm(options: FakeVllmOptions = {}): Promise<FakeVllm> {
  const model = options.model ?? 'openai/gpt-oss-20b';
  const maxModelLen = options.maxModelLen ?? GPT_OSS_MAX_MODEL_LEN;
  let mode: FakeMode = options.mode ?? 'ok';
  let delayMs = options.delayMs ?? 1_000;
  let answer: Answer | undefined = options.answer;
  let reasoningOption = options.reasoning;
  let hold: { after: number; released: Promise<void> } | undefined;
  let modeTimes: number | undefined;
  let ttftMs = options.ttftMs ?? 0;
  let perTokenMs = options.perTokenMs ?? 0;
  let batchSlowdown = options.batchSlowdown ?? 0;
  const maxNumSeqs = options.maxNumSeqs ?? Number.POSITIVE_INFINITY;
  const maxNumQueuedReqs = options.maxNumQueuedReqs ?? Number.POSITIVE_INFINITY;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const recentPrompts: string[] = [];
  let running = 0;
  const waiting: (() => void)[] = [];
  let counter = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  /** The mode for this chat request (a mode set for N requests falls back to "ok" after them). */
  function currentMode(): FakeMode {
    const m = mode;
    if (modeTimes !== undefined && --modeTimes <= 0) {
      mode = 'ok';
      modeTimes = undefined;
    }
    return m;
  }

  function answerFor(body: ChatRequestBody): Json {
    if (typeof answer === 'function') return answer(body);
    if (answer) return structuredClone(answer);
    const schema = body.response_format?.json_schema?.schema;
    const example = schema ? exampleFromSchema(schema) : null;
    return example && typeof example === 'object' ? (example as Json) : { answer: 'ok' };
  }

  function planFor(body: ChatRequestBody, mode: FakeMode): Plan {
    const final = mode === 'injection_obeyed' ? obeyInjection(answerFor(body)) : answerFor(body);
    const prose = typeof reasoningOption === 'function' ? reasoningOption(body, final) : (reasoningOption ?? defaultReasoning(body, final));
    const json = JSON.stringify(final);
    switch (mode) {
      case 'malformed':
        return { reasoning: tokenize(prose), content: tokenize('{"stage": "SQL", "priority": "P1", "slaHours": 1, "scores": {"fit": 9') };
      case 'schema_invalid':
        return { reasoning: tokenize(prose), content: tokenize(JSON.stringify({ verdict: 'hot', priority: 'P9', score: 'high' })) };
      case 'reasoning_only':
        // As reproduced on a vLLM-like server: one complete answer drafted inside the analysis prose, no content.
        return { reasoning: tokenize(`We need to output JSON matching the schema. Drafting the answer: ${json} That should be it.`), content: [], noContent: true };
      case 'length':
        // The analysis keeps weighing drafts: it never reaches the answer before the cap.
        return { reasoning: tokenize(prose), content: [], endless: `Reconsider: ${json} Hmm, check again. ` };
      case 'whitespace_loop': {
        const opening = json.slice(0, Math.max(2, json.indexOf(',') + 1));
        return { reasoning: tokenize(prose), content: tokenize(opening), endless: '\n' };
      }
      case 'stream_error':
        return { reasoning: tokenize(prose), content: tokenize(json), failAfterContent: 3 };
      default:
        return { reasoning: tokenize(prose), content: tokenize(json) };
    }
  }

  /** The prompt as one string (roughly what the chat template renders), for token counts and prefix caching. */
  function renderPrompt(body: ChatRequestBody): string {
    return (body.messages ?? []).map((m) => `<|start|>${m.role}<|message|>${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}<|end|>`).join('');
  }

  /** Tokens of `prompt` already in the prefix cache: the longest shared prefix with an earlier prompt, in whole 16-token blocks. */
  function cachedTokens(prompt: string): number {
    let best = 0;
    for (const earlier of recentPrompts) {
      let i = 0;
      const n = Math.min(earlier.length, prompt.length);
      while (i < n && earlier.charCodeAt(i) === prompt.charCodeAt(i)) i++;
      best = Math.max(best, i);
    }
    recentPrompts.push(prompt);
    if (recentPrompts.length > 256) recentPrompts.shift();
    return Math.floor(best / 4 / 16) * 16;
  }

  /** Waits for a decode slot (FIFO). Resolves with the release function. */
  async function schedule(res: ServerResponse): Promise<(() => void) | undefined> {
    if (running >= maxNumSeqs) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    if (res.destroyed) {
      waiting.shift()?.();
      return undefined;
    }
    running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      if (running < maxNumSeqs) waiting.shift()?.();
    };
  }

  /** One decode step's duration now: slower as the batch grows. */
  const stepMs = () => perTokenMs * (1 + batchSlowdown * Math.max(0, running - 1));

  async function chat(res: ServerResponse, body: ChatRequestBody, record: RecordedRequest): Promise<void> {
    const mode = currentMode();
    if (body.reasoning_effort === 'none') {
      record.status = 400;
      return sendJson(res, 400, vllmError("Harmony does not support reasoning_effort='none'", 'BadRequestError', 400, 'reasoning_effort'));
    }
    const prompt = renderPrompt(body);
    const promptTokens = approxTokens(prompt);
    const requested = body.max_tokens ?? body.max_completion_tokens;
    if (requested !== undefined && promptTokens + requested > maxModelLen) {
      record.status = 400;
      return sendJson(
        res,
        400,
        vllmError(`This model's maximum context length is ${maxModelLen} tokens. However, you requested ${promptTokens + requested} tokens (${promptTokens} in the messages, ${requested} in the completion).`, 'BadRequestError', 400, 'max_tokens'),
      );
    }
    const errorModes: Partial<Record<FakeMode, [number, string, string]>> = {
      '400': [400, 'BadRequestError', 'response_format: unsupported schema keyword'],
      '429': [429, 'RateLimitError', 'Too many requests'],
      '500': [500, 'InternalServerError', 'Internal server error'],
      '503': [503, 'ServiceUnavailableError', 'The server is overloaded: the request queue is full'],
    };
    const fault = errorModes[mode];
    if (fault) {
      record.status = fault[0];
      const retryAfter = fault[0] === 503 ? (options.retryAfterSeconds ?? 5) : undefined;
      return sendJson(res, fault[0], vllmError(fault[2], fault[1], fault[0]), retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {});
    }
    // --max-num-queued-reqs counts running + waiting, and is checked before anything else is done.
    if (running + waiting.length >= maxNumQueuedReqs) {
      record.status = 503;
      const headers: Record<string, string> = options.retryAfterSeconds !== undefined ? { 'retry-after': String(options.retryAfterSeconds) } : {};
      return sendJson(res, 503, vllmError('The server is overloaded: too many requests in flight', 'ServiceUnavailableError', 503), headers);
    }
    if (mode === 'slow') await sleep(delayMs);
    if (res.destroyed || res.writableEnded) {
      record.cancelled = true;
      return;
    }
    const release = await schedule(res);
    if (!release) {
      record.cancelled = true;
      return;
    }
    try {
      await generate(res, body, record, mode, prompt, promptTokens, requested);
    } finally {
      release();
    }
  }

  async function generate(res: ServerResponse, body: ChatRequestBody, record: RecordedRequest, mode: FakeMode, prompt: string, promptTokens: number, requested: number | undefined) {
    const scheduledAt = performance.now();
    record.scheduledAt = scheduledAt;
    const limit = requested ?? maxModelLen - promptTokens;
    const plan = planFor(body, mode);
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const cached = cachedTokens(prompt);

    // The token sequence as generated, cut at the output cap.
    type Token = { field: 'reasoning' | 'content'; text: string };
    const tokens: Token[] = [];
    let finishReason = 'stop' as 'stop' | 'length';
    const push = (t: Token) => {
      if (tokens.length >= limit) {
        finishReason = 'length';
        return false;
      }
      tokens.push(t);
      return true;
    };
    let room = true;
    for (const text of plan.reasoning) if (room) room = push({ field: 'reasoning', text });
    if (plan.endless !== undefined && plan.content.length === 0) {
      const loop = tokenize(plan.endless);
      for (let i = 0; room; i++) room = push({ field: 'reasoning', text: loop[i % loop.length]! });
    }
    for (const text of plan.content) if (room) room = push({ field: 'content', text });
    if (plan.endless !== undefined && plan.content.length > 0) {
      for (; room; ) room = push({ field: 'content', text: plan.endless });
    }
    const reasoning = tokens.filter((t) => t.field === 'reasoning').map((t) => t.text).join('');
    const contentTokens = tokens.filter((t) => t.field === 'content');
    const content = contentTokens.length || !plan.noContent ? contentTokens.map((t) => t.text).join('') : null;
    record.reasoning = reasoning;
    record.content = content === '' && finishReason === 'length' ? null : content;
    record.completionTokens = tokens.length;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: tokens.length,
      total_tokens: promptTokens + tokens.length,
      prompt_tokens_details: options.promptTokensDetails === false ? null : { cached_tokens: cached },
    };

    // The time each token is emitted: TTFT after scheduling, then one decode step each.
    let nextAt = scheduledAt + ttftMs;
    const waitForToken = async () => {
      if (ttftMs || perTokenMs) {
        const wait = nextAt - performance.now();
        if (wait > 0) await sleep(wait);
        nextAt += stepMs();
      }
    };

    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      record.status = 200;
      const chunk = (delta: Json, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      let contentSent = 0;
      const myHold = hold;
      hold = undefined;
      for (let i = 0; i < tokens.length; i++) {
        await waitForToken();
        if (res.destroyed) {
          record.cancelled = true;
          return;
        }
        const t = tokens[i]!;
        const next = tokens[i + 1];
        if (t.field === 'reasoning' && next?.field === 'content') {
          // The chunk at the switch from analysis to answer carries both fields.
          await waitForToken();
          record.firstContentAt ??= performance.now();
          res.write(chunk({ reasoning: t.text, content: next.text }, null));
          i++;
          contentSent++;
        } else {
          if (t.field === 'content') record.firstContentAt ??= performance.now();
          res.write(chunk(t.field === 'content' ? { content: t.text } : { reasoning: t.text }, null));
          if (t.field === 'content') contentSent++;
        }
        if (myHold && contentSent >= myHold.after) {
          await myHold.released;
          if (res.destroyed) {
            record.cancelled = true;
            return;
          }
          nextAt = performance.now();
        }
        if (plan.failAfterContent !== undefined && contentSent >= plan.failAfterContent) {
          res.write(`data: ${JSON.stringify(vllmError('Internal server error', 'InternalServerError', 500))}\n\n`);
          res.write('data: [DONE]\n\n');
          record.finishReason = 'error';
          record.finishedAt = performance.now();
          res.end();
          return;
        }
      }
      res.write(chunk({}, finishReason));
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [], usage })}\n\n`);
      }
      res.write('data: [DONE]\n\n');
      record.finishReason = finishReason;
      record.finishedAt = performance.now();
      res.end();
      return;
    }
    for (let i = 0; i < tokens.length; i++) {
      await waitForToken();
      if (res.destroyed) {
        record.cancelled = true;
        return;
      }
    }
    if (plan.failAfterContent !== undefined) {
      record.status = 500;
      record.finishReason = 'error';
      return sendJson(res, 500, vllmError('Internal server error', 'InternalServerError', 500));
    }
    record.status = 200;
    record.finishReason = finishReason;
    record.finishedAt = performance.now();
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: body.model ?? model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: record.content, reasoning: reasoning || null, tool_calls: [] },
          logprobs: null,
          finish_reason: finishReason,
          stop_reason: null,
        },
      ],
      usage,
    });
  }

  function metricsText(): string {
    const label = `{model_name="${model}"}`;
    return [
      '# HELP vllm:num_requests_running Number of requests in model execution batches.',
      '# TYPE vllm:num_requests_running gauge',
      `vllm:num_requests_running${label} ${running.toFixed(1)}`,
      '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
      '# TYPE vllm:num_requests_waiting gauge',
      `vllm:num_requests_waiting${label} ${waiting.length.toFixed(1)}`,
      '',
    ].join('\n');
  }

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, at: performance.now() };
    try {
      const raw = await readBody(req);
      if (req.method === 'GET' && path === '/v1/models') {
        requests.push(record);
        return sendJson(res, 200, {
          object: 'list',
          data: [{ id: model, object: 'model', created: 0, owned_by: 'vllm', root: model, parent: null, max_model_len: maxModelLen }],
        });
      }
      if (req.method === 'GET' && (path === '/health' || path === '/ping')) return sendJson(res, 200, {});
      if (req.method === 'GET' && path === '/metrics') {
        requests.push(record);
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        return res.end(metricsText());
      }
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        let body: ChatRequestBody;
        try {
          body = JSON.parse(raw) as ChatRequestBody;
        } catch {
          requests.push(record);
          return sendJson(res, 400, vllmError('invalid JSON body', 'BadRequestError', 400));
        }
        record.body = body;
        requests.push(record);
        if (!Array.isArray(body.messages) || body.messages.length === 0) {
          return sendJson(res, 400, vllmError('messages is required', 'BadRequestError', 400, 'messages'));
        }
        res.on('close', () => {
          if (!res.writableEnded) record.cancelled = true;
        });
        return await chat(res, body, record);
      }
      requests.push(record);
      sendJson(res, 404, vllmError(`no route ${req.method} ${path}`, 'NotFoundError', 404));
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, vllmError(String(err), 'InternalServerError', 500));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    port: address.port,
    model,
    requests,
    get chatRequests() {
      return requests.filter((r) => r.path === '/v1/chat/completions');
    },
    get load() {
      return { running, waiting: waiting.length };
    },
    setMode(next, opts) {
      mode = next;
      modeTimes = opts?.times;
      if (opts?.delayMs !== undefined) delayMs = opts.delayMs;
    },
    setTiming(timing) {
      if (timing.ttftMs !== undefined) ttftMs = timing.ttftMs;
      if (timing.perTokenMs !== undefined) perTokenMs = timing.perTokenMs;
      if (timing.batchSlowdown !== undefined) batchSlowdown = timing.batchSlowdown;
    },
    setAnswer(next) {
      answer = next;
    },
    setReasoning(next) {
      reasoningOption = next;
    },
    holdContentAfter(tokens) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { after: tokens, released };
      return release;
    },
    reset() {
      reasoningOption = options.reasoning;
      hold = undefined;
      requests.length = 0;
      recentPrompts.length = 0;
      mode = options.mode ?? 'ok';
      modeTimes = undefined;
      answer = options.answer;
      ttftMs = options.ttftMs ?? 0;
      perTokenMs = options.perTokenMs ?? 0;
      batchSlowdown = options.batchSlowdown ?? 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string', default: '127.0.0.1' },
      mode: { type: 'string', default: 'ok' },
      delay: { type: 'string', default: '0' },
      model: { type: 'string', default: 'openai/gpt-oss-20b' },
      ttft: { type: 'string', default: '0' },
      'per-token': { type: 'string', default: '0' },
      'batch-slowdown': { type: 'string', default: '0' },
      'max-num-seqs': { type: 'string' },
      'max-num-queued-reqs': { type: 'string' },
      'retry-after': { type: 'string' },
      /** "fixtures": a valid answer per task (lead, triage, draft) instead of the schema's minimal instance. */
      answers: { type: 'string', default: 'schema' },
      /** One fixed answer (a JSON object) for every chat request; overrides --answers. */
      answer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      `usage: tsx backend/testing/fake-vllm.ts [--port 8000] [--host 127.0.0.1] [--mode ${FAKE_MODES.join('|')}] [--delay MS] [--ttft MS] [--per-token MS] [--batch-slowdown F] [--max-num-seqs N] [--max-num-queued-reqs N] [--retry-after S] [--answers schema|fixtures] [--answer JSON] [--model NAME]\n`,
    );
    return;
  }
  if (!FAKE_MODES.includes(values.mode as FakeMode)) throw new Error(`--mode must be one of ${FAKE_MODES.join(', ')}`);
  const delay = Number(values.delay);
  const optionalNumber = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const fake = await startFakeVllm({
    port: Number(values.port),
    host: values.host,
    model: values.model,
    mode: delay > 0 && values.mode === 'ok' ? 'slow' : (values.mode as FakeMode),
    delayMs: delay,
    ttftMs: Number(values.ttft),
    perTokenMs: Number(values['per-token']),
    batchSlowdown: Number(values['batch-slowdown']),
    maxNumSeqs: optionalNumber(values['max-num-seqs']),
    maxNumQueuedReqs: optionalNumber(values['max-num-queued-reqs']),
    retryAfterSeconds: optionalNumber(values['retry-after']),
    ...(values.answers === 'fixtures' ? { answer: answerForTask } : {}),
    ...(values.answer ? { answer: JSON.parse(values.answer) as Json } : {}),
  });
  process.stdout.write(`fake vLLM listening on ${fake.baseUrl} (model ${fake.model}, mode ${values.mode})\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  });
}
