import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadResponseFormat } from '../../lib/llm/json-schema';
import { LEAD_BUDGET, draftBudget } from '../../lib/llm/output-budget';
import type { LlmConfig } from '../config';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { MQL_ANSWER } from '../testing/fixtures';
import {
  LlmFailure,
  chatRequestBody,
  classifyLlmError,
  completeJson,
  createLlmClient,
  retryAfterMs,
  retryDelayMs,
  retryPolicy,
  withinBudget,
  type Finished,
  type GiveUp,
} from './structured-chat';

const llm: LlmConfig = { baseUrl: 'http://vllm:8000/v1', model: 'openai/gpt-oss-20b', timeoutMs: 12_000, retryBackoffMs: 200, msPerOutputToken: 8 };
const lead = retryPolicy(llm, { temperature: 0, budget: LEAD_BUDGET });
const draft = retryPolicy(llm, { temperature: 0.3, budget: draftBudget(180) });

describe('request body', () => {
  it('always carries the output cap and an explicit reasoning effort', () => {
    const body = chatRequestBody(llm, { messages: [], responseFormat: { type: 'json_object' }, temperature: 0, budget: LEAD_BUDGET });
    expect(body).toMatchObject({ max_tokens: LEAD_BUDGET.maxTokens, reasoning_effort: 'low', temperature: 0 });
  });
});

describe('completeJson (a plain JSON POST, not the SDK)', () => {
  let fake: FakeVllm;
  beforeAll(async () => {
    fake = await startFakeVllm({ answer: MQL_ANSWER });
  });
  afterAll(() => fake.close());

  it('sends what chat.completions.create sends, and reads the same answer and the same failures', async () => {
    const config = { ...llm, baseUrl: fake.baseUrl, model: fake.model };
    const client = createLlmClient(config);
    const request = { messages: [{ role: 'user' as const, content: 'Classify the lead.' }], responseFormat: leadResponseFormat(), temperature: 0, budget: LEAD_BUDGET };
    const ours = (signal = new AbortController().signal) => completeJson(client, config, { ...request, parse: (f: Finished) => f }, signal);
    const theirs = async () => {
      const completion = await client.sdk.chat.completions.create(chatRequestBody(config, request), { signal: new AbortController().signal });
      return { message: completion.choices[0]!.message, finishReason: completion.choices[0]!.finish_reason };
    };
    const [a, b] = [await ours(), await theirs()];
    expect(a).toEqual(b);
    expect(JSON.parse(a.message!.content!)).toEqual(MQL_ANSWER);
    const [sentByUs, sentByCreate] = fake.chatRequests;
    // The same request, but for the SDK's own telemetry headers (x-stainless-*, user-agent).
    const stable = (r: typeof sentByUs) => ({
      method: r!.method,
      path: r!.path,
      body: r!.body,
      headers: { authorization: r!.headers.authorization, 'content-type': r!.headers['content-type'], accept: r!.headers.accept, 'content-length': r!.headers['content-length'] },
    });
    expect(stable(sentByUs)).toEqual(stable(sentByCreate));
    expect(sentByUs!.headers.authorization).toBe('Bearer EMPTY');

    for (const mode of ['429', '500', '503', '400'] as const) {
      fake.setMode(mode);
      const [x, y] = [classifyLlmError(await ours().catch((e: unknown) => e)), classifyLlmError(await theirs().catch((e: unknown) => e))];
      expect(x, mode).toEqual(y);
      expect(x.status, mode).toBe(Number(mode));
      expect(x.retryAfterMs, mode).toBe(y.retryAfterMs);
    }
    fake.setMode('slow', { delayMs: 5_000 });
    const controller = new AbortController();
    const call = ours(controller.signal).catch((e: unknown) => e);
    await expect.poll(() => fake.chatRequests.length).toBe(11);
    controller.abort();
    // The SDK's APIUserAbortError, which withAttemptTimeout turns into 'timeout' or 'aborted'.
    expect(classifyLlmError(await call).reason).toBe('timeout');
    await expect.poll(() => fake.chatRequests.at(-1)!.cancelled).toBe(true);
  });
});

describe('Retry-After', () => {
  it('reads seconds, an HTTP date and retry-after-ms', () => {
    const now = Date.parse('2026-10-01T10:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '5' }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Oct 2026 10:00:07 GMT' }), now)).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1_500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('which failures are retried, and after how long', () => {
  const fail = (reason: LlmFailure['reason'], status?: number, wait?: number) => new LlmFailure(reason, reason, status, wait);

  it('never sooner than Retry-After on 503/429', () => {
    expect(retryDelayMs(fail('overloaded', 503, 5_000), lead)).toBe(5_000);
    expect(retryDelayMs(fail('rate_limited', 429, 2_000), lead)).toBe(2_000);
    expect(retryDelayMs(fail('overloaded', 503), lead)).toBeLessThanOrEqual(250);
  });

  it('a time-out only when the request is not deterministic (drafts, temperature 0.3)', () => {
    expect(retryDelayMs(fail('timeout'), lead)).toBeUndefined();
    expect(retryDelayMs(fail('timeout'), draft)).toBeGreaterThan(0);
  });

  it('a mid-stream error when vLLM reported a server fault; never a cut-off, empty or invalid answer, a 4xx or an abort', () => {
    expect(retryDelayMs(fail('stream_error', 500), lead)).toBeGreaterThan(0);
    expect(retryDelayMs(fail('stream_error'), lead)).toBeGreaterThan(0);
    expect(retryDelayMs(fail('stream_error', 400), lead)).toBeUndefined();
    for (const reason of ['length', 'empty_content', 'malformed_json', 'schema_invalid', 'http_error', 'aborted', 'deadline'] as const) {
      expect(retryDelayMs(fail(reason), lead), reason).toBeUndefined();
    }
  });

  it('a retry needs time for a typical answer: the lead needs 618 tokens × 8 ms', () => {
    expect(lead.minAttemptMs).toBe(LEAD_BUDGET.typicalTokens * 8);
    expect(retryPolicy({ ...llm, timeoutMs: 300 }, { temperature: 0, budget: LEAD_BUDGET }).minAttemptMs).toBe(300);
  });
});

describe('withinBudget', () => {
  const giveUp = (g: GiveUp) => g;

  it('retries once when the wait and a typical answer fit before the deadline, and gives up at once when not', async () => {
    let calls = 0;
    const quick = { ...lead, minAttemptMs: 50, backoffMs: 1 };
    const answered = await withinBudget(
      quick,
      { deadlineAt: Date.now() + 5_000 },
      async () => {
        if (++calls === 1) throw new LlmFailure('server_error', '500', 500);
        return 'answer';
      },
      giveUp,
    );
    expect([answered, calls]).toEqual(['answer', 2]);

    calls = 0;
    const refused = await withinBudget(
      quick,
      { deadlineAt: Date.now() + 1_000 },
      async () => {
        calls++;
        throw new LlmFailure('overloaded', '503', 503, 2_000);
      },
      giveUp,
    );
    expect(calls).toBe(1);
    expect(refused).toMatchObject({ failure: { reason: 'overloaded' }, attempts: 1, noRetry: expect.stringMatching(/a retry after 2000 ms/) });
  });

  it('without a deadline, a Retry-After longer than one attempt is not waited for', async () => {
    let calls = 0;
    const out = await withinBudget(
      { ...lead, timeoutMs: 1_000 },
      {},
      async () => {
        calls++;
        throw new LlmFailure('overloaded', '503', 503, 30_000);
      },
      giveUp,
    );
    expect(calls).toBe(1);
    expect(out).toMatchObject({ noRetry: expect.stringMatching(/longer than an attempt/) });
  });

  it('an aborted caller gets no attempt at all', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const out = await withinBudget(lead, { signal: controller.signal }, async () => ++calls, giveUp);
    expect(calls).toBe(0);
    expect(out).toMatchObject({ failure: { reason: 'aborted' } });
  });
});
