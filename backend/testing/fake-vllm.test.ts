import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leadResponseFormat, LeadLlmAnswerSchema } from '../../lib/llm/json-schema';
import { GPT_OSS_MAX_MODEL_LEN, draftOf, startFakeVllm, type FakeVllm } from './fake-vllm';
import { MQL_ANSWER } from './fixtures';

let fake: FakeVllm;
let client: OpenAI;
const messages = [{ role: 'user' as const, content: 'classify' }];

beforeAll(async () => {
  fake = await startFakeVllm();
  client = new OpenAI({ baseURL: fake.baseUrl, apiKey: 'EMPTY', maxRetries: 0, timeout: 5_000 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

const post = (base: string, body: Record<string, unknown>) =>
  fetch(`${base}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages, ...body }) });

/** The SSE `data:` payloads of a streamed response, in order. */
async function sse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6));
}

describe('realistic vLLM test server', () => {
  it("lists its model with gpt-oss-20b's max_model_len", async () => {
    const res = await (await fetch(`${fake.baseUrl}/models`)).json();
    expect(res.data[0]).toMatchObject({ id: 'openai/gpt-oss-20b', max_model_len: GPT_OSS_MAX_MODEL_LEN });
    expect(GPT_OSS_MAX_MODEL_LEN).toBe(131_072);
  });

  it('without a given answer, answers an instance of the requested json_schema, with its analysis in `reasoning` only', async () => {
    const res = await client.chat.completions.create({ model: 'm', messages, response_format: leadResponseFormat(), max_tokens: 2_000 });
    const message = res.choices[0]!.message as unknown as Record<string, unknown>;
    expect(LeadLlmAnswerSchema.safeParse(JSON.parse(message.content as string)).success).toBe(true);
    expect(typeof message.reasoning).toBe('string');
    expect(message).not.toHaveProperty('reasoning_content');
    expect(res.choices[0]!.finish_reason).toBe('stop');
    expect(res.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('streams the whole analysis before any content, with a JSON-looking draft in it that is not the answer', async () => {
    fake.setAnswer(MQL_ANSWER);
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true, stream_options: { include_usage: true } });
    const fields: ('reasoning' | 'content' | 'both')[] = [];
    let content = '';
    let reasoning = '';
    let usage = false;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string; reasoning?: string; reasoning_content?: string } | undefined;
      if (chunk.usage) usage = true;
      if (!delta) continue;
      expect(delta.reasoning_content).toBeUndefined();
      if (delta.reasoning && delta.content) fields.push('both');
      else if (delta.reasoning) fields.push('reasoning');
      else if (delta.content) fields.push('content');
      reasoning += delta.reasoning ?? '';
      content += delta.content ?? '';
    }
    expect(usage).toBe(true);
    expect(JSON.parse(content)).toEqual(MQL_ANSWER);
    // analysis first, one chunk carrying both at the switch, then only content
    const firstContent = fields.findIndex((f) => f !== 'reasoning');
    expect(fields.slice(0, firstContent).every((f) => f === 'reasoning')).toBe(true);
    expect(fields[firstContent]).toBe('both');
    expect(fields.slice(firstContent + 1).every((f) => f === 'content')).toBe(true);
    expect(reasoning).toContain(JSON.stringify(draftOf(MQL_ANSWER)));
    expect(draftOf(MQL_ANSWER)).toMatchObject({ stage: 'SQL', priority: 'P1' });
  });

  it('max_tokens counts analysis and answer: a cap inside the analysis gives content null and finish_reason "length"', async () => {
    fake.setAnswer(MQL_ANSWER);
    const res = await (await post(fake.baseUrl, { max_tokens: 10 })).json();
    expect(res.choices[0].finish_reason).toBe('length');
    expect(res.choices[0].message.content).toBeNull();
    expect(res.usage.completion_tokens).toBe(10);
  });

  it('modes: reasoning_only (JSON in the analysis, content null), length, whitespace_loop, all bounded by max_tokens', async () => {
    fake.setAnswer(MQL_ANSWER);
    fake.setMode('reasoning_only');
    const only = await (await post(fake.baseUrl, { max_tokens: 2_000 })).json();
    expect(only.choices[0].message.content).toBeNull();
    expect(only.choices[0].finish_reason).toBe('stop');
    expect(only.choices[0].message.reasoning).toContain(JSON.stringify(MQL_ANSWER));
    fake.setMode('length');
    const long = await (await post(fake.baseUrl, { max_tokens: 300 })).json();
    expect([long.choices[0].finish_reason, long.choices[0].message.content, long.usage.completion_tokens]).toEqual(['length', null, 300]);
    fake.setMode('whitespace_loop');
    const ws = await (await post(fake.baseUrl, { max_tokens: 400 })).json();
    expect(ws.choices[0].finish_reason).toBe('length');
    expect(ws.choices[0].message.content).toMatch(/^\{"stage":"MQL",\n+$/);
    expect(ws.usage.completion_tokens).toBe(400);
  });

  it('errors have vLLM\'s shape; 503 carries Retry-After; reasoning_effort "none" and an over-long request are refused', async () => {
    fake.setMode('503');
    const busy = await post(fake.baseUrl, {});
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect((await busy.json()).error).toMatchObject({ type: 'ServiceUnavailableError', code: 503, param: null, message: expect.any(String) });
    fake.setMode('ok');
    const none = await post(fake.baseUrl, { reasoning_effort: 'none' });
    expect(none.status).toBe(400);
    expect((await none.json()).error.message).toMatch(/reasoning_effort='none'/);
    const huge = await post(fake.baseUrl, { max_tokens: GPT_OSS_MAX_MODEL_LEN });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.message).toMatch(/maximum context length is 131072/);
  });

  it('stream_error: HTTP 200, then an SSE error line after a few content tokens, then [DONE]', async () => {
    fake.setAnswer(MQL_ANSWER);
    fake.setMode('stream_error');
    const res = await post(fake.baseUrl, { stream: true, max_tokens: 2_000 });
    expect(res.status).toBe(200);
    const lines = await sse(res);
    expect(lines.at(-1)).toBe('[DONE]');
    expect(JSON.parse(lines.at(-2)!)).toEqual({ error: { message: 'Internal server error', type: 'InternalServerError', param: null, code: 500 } });
    // the SDK surfaces it as a status-less APIError
    fake.setMode('stream_error');
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    await expect(async () => {
      for await (const _chunk of stream) void _chunk;
    }).rejects.toMatchObject({ status: undefined, error: { code: 500 } });
  });

  it('prefix caching: a second prompt sharing the first one\'s system message reports cached tokens', async () => {
    const system = { role: 'system', content: 'You are Pulso. '.repeat(100) };
    const first = await (await post(fake.baseUrl, { messages: [system, { role: 'user', content: 'lead A' }] })).json();
    const second = await (await post(fake.baseUrl, { messages: [system, { role: 'user', content: 'lead B' }] })).json();
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
    expect(second.usage.prompt_tokens_details.cached_tokens).toBeGreaterThanOrEqual(352);
    expect(second.usage.prompt_tokens_details.cached_tokens % 16).toBe(0);
  });
});

/** ~100 tokens of analysis. */
const LONG_ANALYSIS = 'Weighing the lead. '.repeat(21);

describe('realistic vLLM test server under load', () => {
  it('--max-num-seqs: requests beyond it wait for a slot (their first token comes later); /metrics shows running and waiting', async () => {
    // Each request decodes ~100 analysis tokens at 20 ms: long enough to be seen queued on a loaded machine.
    const fake = await startFakeVllm({ answer: { stage: 'SQL' }, reasoning: LONG_ANALYSIS, ttftMs: 0, perTokenMs: 20, maxNumSeqs: 2 });
    try {
      const calls = Array.from({ length: 4 }, () => post(fake.baseUrl, { max_tokens: 200 }).then((r) => r.json()));
      await expect.poll(() => fake.load).toEqual({ running: 2, waiting: 2 });
      const metrics = await (await fetch(`${fake.url}/metrics`)).text();
      expect(metrics).toMatch(/^vllm:num_requests_waiting\{model_name="openai\/gpt-oss-20b"\} 2\.0$/m);
      expect(metrics).toMatch(/^vllm:num_requests_running\{model_name="openai\/gpt-oss-20b"\} 2\.0$/m);
      await Promise.all(calls);
      const [a, b, c, d] = fake.chatRequests;
      // the last two were scheduled only when the first two finished
      expect(c!.scheduledAt!).toBeGreaterThanOrEqual(Math.min(a!.finishedAt!, b!.finishedAt!));
      expect(d!.scheduledAt!).toBeGreaterThanOrEqual(Math.min(a!.finishedAt!, b!.finishedAt!));
    } finally {
      await fake.close();
    }
  });

  it('--max-num-queued-reqs: beyond running + waiting, a 503 at once (Retry-After when configured)', async () => {
    const fake = await startFakeVllm({ reasoning: LONG_ANALYSIS, perTokenMs: 20, maxNumSeqs: 1, maxNumQueuedReqs: 2, retryAfterSeconds: 3 });
    try {
      const first = [post(fake.baseUrl, { max_tokens: 200 }), post(fake.baseUrl, { max_tokens: 200 })];
      await expect.poll(() => fake.load).toEqual({ running: 1, waiting: 1 });
      const third = await post(fake.baseUrl, { max_tokens: 200 });
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toBe('3');
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      await fake.close();
    }
  });

  it('a client that goes away aborts its request and frees its slot', async () => {
    const fake = await startFakeVllm({ reasoning: LONG_ANALYSIS, perTokenMs: 20, maxNumSeqs: 1 });
    try {
      const controller = new AbortController();
      const body = JSON.stringify({ model: 'm', messages, max_tokens: 1_000, stream: true });
      const res = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal });
      expect(res.status).toBe(200);
      expect(fake.load.running).toBe(1);
      controller.abort();
      await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);
      await expect.poll(() => fake.load.running).toBe(0);
      expect(fake.chatRequests[0]!.finishedAt).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
