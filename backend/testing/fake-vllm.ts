/**
 * A local OpenAI-compatible server that speaks vLLM's API, for tests and benchmarks.
 *
 *   const fake = await startFakeVllm({ answer: {...} });   // fake.baseUrl = http://127.0.0.1:PORT/v1
 *   fake.setMode('429'); fake.requests[0].body.response_format …
 *   await fake.close();
 *
 * Realistic timing: `ttftMs` (time to first token) then `perTokenMs` per ~4-character token,
 * scheduled from the request's arrival so timer jitter does not add up; a non-streaming
 * answer is sent when the last token would have been generated.
 *
 * CLI:  tsx backend/testing/fake-vllm.ts --port 8000 [--mode ok] [--delay 0] [--ttft 80 --per-token 10] [--model openai/gpt-oss-20b]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const FAKE_MODES = ['ok', '400', '429', '500', 'slow', 'malformed', 'schema_invalid', 'reasoning_only', 'injection_obeyed'] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  temperature?: number;
  response_format?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown>; strict?: boolean } };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body?: ChatRequestBody;
  /** performance.now() when the request arrived, and when its answer was fully written. */
  at: number;
  finishedAt?: number;
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
  /** Time to first token (ms), default 0. */
  ttftMs?: number;
  /** Time per ~4-character token (ms), default 0. */
  perTokenMs?: number;
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
  /** `times`: only the next N chat requests get this mode, then back to "ok". */
  setMode(mode: FakeMode, options?: { delayMs?: number; times?: number }): void;
  setTiming(timing: { ttftMs?: number; perTokenMs?: number }): void;
  setAnswer(answer: Answer | undefined): void;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const approxTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The text cut into ~4-character "tokens", the granularity a model streams at. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 4) out.push(text.slice(i, i + 4));
  return out;
}

export async function startFakeVllm(options: FakeVllmOptions = {}): Promise<FakeVllm> {
  const model = options.model ?? 'openai/gpt-oss-20b';
  let mode: FakeMode = options.mode ?? 'ok';
  let delayMs = options.delayMs ?? 1_000;
  let answer: Answer | undefined = options.answer;
  let modeTimes: number | undefined;
  let ttftMs = options.ttftMs ?? 0;
  let perTokenMs = options.perTokenMs ?? 0;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
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

  /** The message (content / reasoning fields) for the current mode. */
  function messageFor(body: ChatRequestBody, mode: FakeMode): { content: string; reasoning_content?: string; reasoning?: string } {
    switch (mode) {
      case 'malformed':
        return { content: '{"stage": "SQL", "priority": "P1", "slaHours": 1, "scores": {"fit": 9' };
      case 'schema_invalid':
        return { content: JSON.stringify({ verdict: 'hot', priority: 'P9', score: 'high' }) };
      case 'reasoning_only': {
        const json = JSON.stringify(answerFor(body));
        return { content: '', reasoning_content: json, reasoning: json };
      }
      case 'injection_obeyed':
        return { content: JSON.stringify(obeyInjection(answerFor(body))) };
      default:
        return { content: JSON.stringify(answerFor(body)) };
    }
  }

  /** Waits until `start + ms` (absolute, so per-token timers do not drift). */
  const sleepUntil = (start: number, ms: number) => {
    const wait = start + ms - performance.now();
    return wait > 0 ? sleep(wait) : Promise.resolve();
  };

  async function chat(req: IncomingMessage, res: ServerResponse, body: ChatRequestBody, record: RecordedRequest): Promise<void> {
    const mode = currentMode();
    const start = record.at;
    if (mode === '400') {
      return sendJson(res, 400, { object: 'error', message: 'response_format: unsupported schema keyword', type: 'BadRequestError', param: null, code: 400 });
    }
    if (mode === '429') {
      return sendJson(res, 429, { object: 'error', message: 'Too many requests', type: 'RateLimitError', param: null, code: 429 });
    }
    if (mode === '500') {
      return sendJson(res, 500, { object: 'error', message: 'Internal server error', type: 'InternalServerError', param: null, code: 500 });
    }
    if (mode === 'slow') await sleep(delayMs);
    if (res.destroyed || res.writableEnded) return; // the client gave up (req.destroyed is true once its body was read)
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const message = messageFor(body, mode);
    const promptText = (body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
    const completionText = message.content || message.reasoning_content || '';
    const usage = {
      prompt_tokens: approxTokens(promptText),
      completion_tokens: approxTokens(completionText),
      total_tokens: approxTokens(promptText) + approxTokens(completionText),
    };
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const chunk = (delta: Json, finish: string | null, extra: Json = {}) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      const tokens: { field: 'content' | 'reasoning'; text: string }[] = [
        ...tokenize(message.reasoning_content ?? '').map((text) => ({ field: 'reasoning' as const, text })),
        ...tokenize(message.content).map((text) => ({ field: 'content' as const, text })),
      ];
      for (let i = 0; i < tokens.length; i++) {
        if (ttftMs || perTokenMs) await sleepUntil(start, ttftMs + i * perTokenMs);
        if (res.destroyed) return;
        const t = tokens[i]!;
        // vLLM sends reasoning deltas as `reasoning_content` (older) and `reasoning` (newer).
        res.write(chunk(t.field === 'content' ? { content: t.text } : { reasoning_content: t.text, reasoning: t.text }, null));
      }
      res.write(chunk({}, 'stop'));
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [], usage })}\n\n`);
      }
      res.write('data: [DONE]\n\n');
      record.finishedAt = performance.now();
      res.end();
      return;
    }
    if (ttftMs || perTokenMs) {
      const tokens = tokenize(message.reasoning_content ?? '').length + tokenize(message.content).length;
      await sleepUntil(start, ttftMs + Math.max(0, tokens - 1) * perTokenMs);
      if (res.destroyed || res.writableEnded) return;
    }
    record.finishedAt = performance.now();
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: body.model ?? model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: message.content, reasoning_content: message.reasoning_content ?? null, ...(message.reasoning ? { reasoning: message.reasoning } : {}), tool_calls: [] },
          logprobs: null,
          finish_reason: 'stop',
          stop_reason: null,
        },
      ],
      usage,
    });
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
          data: [{ id: model, object: 'model', created: 0, owned_by: 'vllm', root: model, parent: null, max_model_len: 32768 }],
        });
      }
      if (req.method === 'GET' && (path === '/health' || path === '/ping')) return sendJson(res, 200, {});
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        let body: ChatRequestBody;
        try {
          body = JSON.parse(raw) as ChatRequestBody;
        } catch {
          requests.push(record);
          return sendJson(res, 400, { object: 'error', message: 'invalid JSON body', type: 'BadRequestError', code: 400 });
        }
        record.body = body;
        requests.push(record);
        if (!Array.isArray(body.messages) || body.messages.length === 0) {
          return sendJson(res, 400, { object: 'error', message: 'messages is required', type: 'BadRequestError', code: 400 });
        }
        return await chat(req, res, body, record);
      }
      requests.push(record);
      sendJson(res, 404, { object: 'error', message: `no route ${req.method} ${path}`, type: 'NotFoundError', code: 404 });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { object: 'error', message: String(err), code: 500 });
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
    setMode(next, opts) {
      mode = next;
      modeTimes = opts?.times;
      if (opts?.delayMs !== undefined) delayMs = opts.delayMs;
    },
    setTiming(timing) {
      if (timing.ttftMs !== undefined) ttftMs = timing.ttftMs;
      if (timing.perTokenMs !== undefined) perTokenMs = timing.perTokenMs;
    },
    setAnswer(next) {
      answer = next;
    },
    reset() {
      requests.length = 0;
      mode = options.mode ?? 'ok';
      modeTimes = undefined;
      answer = options.answer;
      ttftMs = options.ttftMs ?? 0;
      perTokenMs = options.perTokenMs ?? 0;
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`usage: tsx backend/testing/fake-vllm.ts [--port 8000] [--host 127.0.0.1] [--mode ${FAKE_MODES.join('|')}] [--delay MS] [--ttft MS] [--per-token MS] [--model NAME]\n`);
    return;
  }
  if (!FAKE_MODES.includes(values.mode as FakeMode)) throw new Error(`--mode must be one of ${FAKE_MODES.join(', ')}`);
  const delay = Number(values.delay);
  const fake = await startFakeVllm({
    port: Number(values.port),
    host: values.host,
    model: values.model,
    mode: delay > 0 && values.mode === 'ok' ? 'slow' : (values.mode as FakeMode),
    delayMs: delay,
    ttftMs: Number(values.ttft),
    perTokenMs: Number(values['per-token']),
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
