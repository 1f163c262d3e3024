import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leadResponseFormat, LeadLlmAnswerSchema } from '../../lib/llm/json-schema';
import { startFakeVllm, type FakeVllm } from './fake-vllm';
import { MQL_ANSWER } from './fixtures';

let fake: FakeVllm;
let client: OpenAI;
const messages = [{ role: 'user' as const, content: 'classify' }];

beforeAll(async () => {
  fake = await startFakeVllm();
  client = new OpenAI({ baseURL: fake.baseUrl, apiKey: 'EMPTY', maxRetries: 0, timeout: 2_000 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

describe('fake vLLM', () => {
  it('lists its model', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['openai/gpt-oss-20b']);
  });

  it('without a given answer, answers an instance of the requested json_schema', async () => {
    const res = await client.chat.completions.create({ model: 'm', messages, response_format: leadResponseFormat() });
    const json = JSON.parse(res.choices[0]!.message.content!);
    expect(LeadLlmAnswerSchema.safeParse(json).success).toBe(true);
    expect(res.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('answers a given object or one computed from the request, and records the request', async () => {
    fake.setAnswer((body) => ({ echoed: body.messages?.[0]?.content }));
    const res = await client.chat.completions.create({ model: 'm', messages });
    expect(JSON.parse(res.choices[0]!.message.content!)).toEqual({ echoed: 'classify' });
    expect(fake.chatRequests[0]!.body!.messages).toEqual(messages);
  });

  it('streams SSE chunks ending in [DONE]', async () => {
    fake.setAnswer(MQL_ANSWER);
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let chunks = 0;
    let usage = false;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = true;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(usage).toBe(true);
    expect(JSON.parse(text)).toEqual(MQL_ANSWER);
  });

  it('fault modes: 429, 500, malformed, schema_invalid, reasoning_only, injection_obeyed, slow', async () => {
    fake.setAnswer(MQL_ANSWER);
    fake.setMode('429');
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({ status: 429 });
    fake.setMode('500');
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({ status: 500 });
    fake.setMode('malformed');
    const malformed = await client.chat.completions.create({ model: 'm', messages });
    expect(() => JSON.parse(malformed.choices[0]!.message.content!)).toThrow();
    fake.setMode('schema_invalid');
    const invalid = await client.chat.completions.create({ model: 'm', messages });
    expect(LeadLlmAnswerSchema.safeParse(JSON.parse(invalid.choices[0]!.message.content!)).success).toBe(false);
    fake.setMode('reasoning_only');
    const reasoning = (await client.chat.completions.create({ model: 'm', messages })).choices[0]!.message as unknown as Record<string, string>;
    expect(reasoning.content).toBe('');
    expect(JSON.parse(reasoning.reasoning_content!)).toEqual(MQL_ANSWER);
    expect(JSON.parse(reasoning.reasoning!)).toEqual(MQL_ANSWER);
    fake.setMode('injection_obeyed');
    const obeyed = JSON.parse((await client.chat.completions.create({ model: 'm', messages })).choices[0]!.message.content!);
    expect(obeyed).toMatchObject({ stage: 'SQL', priority: 'P1' });
    expect(LeadLlmAnswerSchema.safeParse(obeyed).success).toBe(true);
    fake.setMode('slow', { delayMs: 150 });
    const started = Date.now();
    await client.chat.completions.create({ model: 'm', messages });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('fake vLLM timing (--ttft, --per-token)', () => {
  it('streams ~4-character tokens after the TTFT at the per-token pace; a mode can last N requests', async () => {
    const fake = await startFakeVllm({ answer: { stage: 'SQL', priority: 'P1', slaHours: 1 }, ttftMs: 60, perTokenMs: 5 });
    try {
      fake.setMode('500', { times: 1 });
      const post = (stream: boolean) =>
        fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream }) });
      expect((await post(false)).status).toBe(500);
      const t0 = performance.now();
      const res = await post(true);
      const arrivals: number[] = [];
      for await (const _chunk of res.body as unknown as AsyncIterable<Uint8Array>) arrivals.push(performance.now() - t0);
      const text = await (await post(false)).json();
      expect(text.choices[0].message.content).toBe('{"stage":"SQL","priority":"P1","slaHours":1}');
      expect(arrivals.at(-1)!).toBeGreaterThanOrEqual(60 + 10 * 5 - 5); // 11 tokens
      expect(fake.chatRequests[1]!.finishedAt! - fake.chatRequests[1]!.at).toBeGreaterThanOrEqual(105);
    } finally {
      await fake.close();
    }
  });
});
