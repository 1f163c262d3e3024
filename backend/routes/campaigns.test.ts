import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, CampaignSchema, CampaignStreamEventSchema, type Campaign, type CampaignStreamEvent } from '../../lib/contracts';
import { EN_EVALUATING, IT_PROFILE, RICH_ES } from '../../lib/campaign/test-fixtures';
import { profileVersion } from '../../lib/cache-key';
import { readNdjson } from '../../lib/ndjson';
import { buildServer } from '../server';
import { openStore, type OpenedStore } from '../store/store';
import { startFakeVllm, type FakeMode, type FakeVllm } from '../testing/fake-vllm';
import { CAMPAIGN_ANSWER } from '../testing/fixtures';
import { testConfig } from '../testing/helpers';

let fake: FakeVllm;
let store: OpenedStore;
const apps: FastifyInstance[] = [];

async function server(env: Record<string, string> = {}, llm = true) {
  const app = await buildServer(testConfig({ ...(llm ? { LLM_BASE_URL: fake.baseUrl } : {}), ...env }), { store });
  apps.push(app);
  return app;
}

async function listening(env: Record<string, string> = {}) {
  const app = await server(env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** POSTs with ?stream=1 and reads the NDJSON lines as they arrive; `onLine` sees each (e.g. to release a held stream). */
async function streamed(url: string, body: unknown, onLine: (event: CampaignStreamEvent) => void = () => {}) {
  const res = await fetch(`${url}/v1/campaigns/draft?stream=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const events: CampaignStreamEvent[] = [];
  for await (const line of readNdjson(res.body!)) {
    const event = CampaignStreamEventSchema.parse(line);
    events.push(event);
    onLine(event);
  }
  return { status: res.status, contentType: res.headers.get('content-type'), events };
}

const finalOf = (events: CampaignStreamEvent[]) => {
  const last = events.at(-1)!;
  expect(last.type).toBe('final');
  return last as Extract<CampaignStreamEvent, { type: 'final' }>;
};
const stepNames = (events: CampaignStreamEvent[]) => events.flatMap((e) => (e.type === 'step' ? [e.step.name] : []));

beforeAll(async () => {
  fake = await startFakeVllm({ answer: CAMPAIGN_ANSWER });
  store = await openStore({ location: { engine: 'pglite', dataDir: 'memory://' } });
  // Opening the embedded store is a bound, not a guess: a loaded machine takes far longer than an idle one.
}, 120_000);
afterAll(async () => {
  await fake.close();
  await store.close();
});
afterEach(async () => {
  fake.reset();
  fake.setAnswer(CAMPAIGN_ANSWER);
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('POST /v1/campaigns/draft, rules mode', () => {
  it('answers the rules campaign at once; streamed, its four steps then the campaign', async () => {
    const app = await server({}, false);
    const res = await app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { ...RICH_ES, profile: IT_PROFILE } });
    expect(res.statusCode).toBe(200);
    const c = CampaignSchema.parse(res.json());
    expect(c).toMatchObject({ source: 'rules', language: 'es', segment: 'hot' });
    expect(c.rescue).toBeUndefined();
    expect(c.steps.map((s) => s.name)).toEqual(['read', 'enrich', 'reason', 'write']);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { status, contentType, events } = await streamed(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, { ...RICH_ES, profile: IT_PROFILE });
    expect(status).toBe(200);
    expect(contentType).toMatch(/application\/x-ndjson/);
    expect(stepNames(events)).toEqual(['read', 'enrich', 'reason', 'write']);
    expect(finalOf(events).result).toEqual(c);
  });

  it('bad input gets a 400 naming the field; an unknown profile version 409; a record with almost nothing asks for the missing piece', async () => {
    const app = await server({}, false);
    const bad = await app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { lead: { fullName: 42 }, context: { timeline: 'x' } } });
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(bad.json()).message).toMatch(/lead\.fullName/);
    const unknown = await app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { lead: { email: 'a@b.com' }, profileVersion: 'nope' } });
    expect(unknown.statusCode).toBe(409);
    const thin = CampaignSchema.parse((await app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { lead: { email: 'someone@gmail.com' }, profile: IT_PROFILE } })).json());
    expect(thin.segment).toBe('needs_info');
    expect(thin.missing).toEqual(expect.arrayContaining(['description', 'company']));
    expect(thin.message).not.toMatch(/ransomware|Northwind/);
  });
});

describe('POST /v1/campaigns/draft, LLM mode (the realistic test server)', () => {
  it('streams read and enrich at once, then the segment, product and subject while the model is still writing, then the campaign', async () => {
    const url = await listening();
    // The server holds the rest of the answer after 70 tokens (the subject ends at ~63) until the subject step reached the client.
    const release = fake.holdContentAfter(70);
    const seen: { name: string; answerFinished: boolean }[] = [];
    const { events } = await streamed(url, { ...EN_EVALUATING, profile: IT_PROFILE }, (e) => {
      if (e.type !== 'step') return;
      seen.push({ name: e.step.name, answerFinished: fake.chatRequests[0]?.finishedAt !== undefined });
      if (e.step.name === 'write') release();
    });
    expect(seen.map((s) => s.name)).toEqual(['read', 'enrich', 'reason', 'reason', 'write']);
    expect(seen.every((s) => !s.answerFinished)).toBe(true);
    const final = finalOf(events);
    expect(final.error).toBeUndefined();
    expect(final.result).toMatchObject({ source: 'llm', subject: CAMPAIGN_ANSWER.subject, suggestedProduct: 'Cloud migration' });
  });

  // Every way the model can fail: the rep still gets a campaign, labelled rescue, with the reason.
  const FAILURES: { mode: FakeMode; error: string; rescue: string; env?: Record<string, string> }[] = [
    { mode: '400', error: 'http_error', rescue: 'unavailable' },
    { mode: '429', error: 'rate_limited', rescue: 'rate_limited' },
    { mode: '500', error: 'server_error', rescue: 'unavailable' },
    // A budget its Retry-After (5 s) cannot fit: no retry, the rescue at once.
    { mode: '503', error: 'overloaded', rescue: 'unavailable', env: { PULSO_REQUEST_BUDGET_MS: '4000' } },
    { mode: 'malformed', error: 'malformed_json', rescue: 'invalid_answer' },
    { mode: 'schema_invalid', error: 'schema_invalid', rescue: 'invalid_answer' },
    { mode: 'reasoning_only', error: 'empty_content', rescue: 'invalid_answer' },
    { mode: 'length', error: 'length', rescue: 'invalid_answer' },
    { mode: 'whitespace_loop', error: 'length', rescue: 'invalid_answer' },
    { mode: 'stream_error', error: 'stream_error', rescue: 'unavailable' },
  ];
  for (const { mode, error, rescue, env } of FAILURES) {
    it(`${mode} → the rescue, labelled rescue:${rescue}, error ${error} (streamed), and plain`, async () => {
      const url = await listening(env);
      fake.setMode(mode);
      const { events } = await streamed(url, { ...RICH_ES, profile: IT_PROFILE });
      const final = finalOf(events);
      expect(final.error).toBe(error);
      expect(final.result).toMatchObject({ source: 'rules', rescue: true, language: 'es' });
      expect(final.result.flags).toContain(`rescue:${rescue}`);
      expect(stepNames(events).slice(0, 2)).toEqual(['read', 'enrich']);
      fake.reset();
      fake.setMode(mode);
      const plain = await fetch(`${url}/v1/campaigns/draft`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...RICH_ES, profile: IT_PROFILE }) });
      const c = CampaignSchema.parse(await plain.json());
      expect(c.rescue).toBe(true);
      expect(c.flags).toContain(`rescue:${rescue}`);
    });
  }

  it('too slow for the request budget → the rescue at the deadline (rescue:timeout), and the upstream request is cancelled', async () => {
    const url = await listening({ PULSO_REQUEST_BUDGET_MS: '400' });
    fake.setMode('slow', { delayMs: 5_000 });
    const { events } = await streamed(url, { ...RICH_ES, profile: IT_PROFILE });
    const final = finalOf(events);
    expect(['deadline', 'timeout']).toContain(final.error);
    expect(final.result.flags).toContain('rescue:timeout');
    await expect.poll(() => fake.chatRequests[0]?.cancelled).toBe(true);
  });

  it('the client goes away mid-stream → the upstream request is aborted (vLLM frees the slot)', async () => {
    const url = await listening();
    fake.setTiming({ perTokenMs: 30 });
    const controller = new AbortController();
    const res = await fetch(`${url}/v1/campaigns/draft?stream=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...EN_EVALUATING, profile: IT_PROFILE }), signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the first step line
    await expect.poll(() => fake.load.running).toBe(1);
    controller.abort();
    await expect.poll(() => fake.chatRequests[0]?.cancelled).toBe(true);
  });

  it('an answer in the wrong language, or a product the profile does not have, or hostile HTML', async () => {
    const app = await server();
    const post = async (payload: object) => CampaignSchema.parse((await app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { ...payload, profile: IT_PROFILE } })).json());
    const wrong = await post(RICH_ES); // an English answer for a Spanish contact
    expect(wrong.flags).toContain('rescue:wrong_language');
    fake.setAnswer({
      ...CAMPAIGN_ANSWER,
      suggestedProduct: 'Quantum ledger audit',
      html: `<p onmouseover="x()">Hi John,</p><script>alert(1)</script><img src="https://t.example/p.gif"><a href="javascript:alert(1)">go</a><form action="https://evil.example"><input></form><p style="position:fixed;background:url(https://evil.example/x)">x</p>`,
    });
    const c = await post(EN_EVALUATING);
    expect(c.source).toBe('llm');
    expect(IT_PROFILE.services).toContain(c.suggestedProduct);
    expect(c.flags).toContain('product_replaced');
    expect(c.html).not.toMatch(/onmouseover|<script|t\.example|javascript:|<form|<input|position|url\(/i);
  });

  it('identical requests share one model call and both stream the steps; the LLM campaign is cached', async () => {
    const url = await listening();
    fake.setTiming({ ttftMs: 200 });
    const body = { ...EN_EVALUATING, profile: IT_PROFILE };
    const [a, b] = await Promise.all([streamed(url, body), streamed(url, body)]);
    expect(fake.chatRequests).toHaveLength(1);
    expect(finalOf(a.events).result).toEqual(finalOf(b.events).result);
    expect(stepNames(b.events).length).toBeGreaterThanOrEqual(2);
    const again = await streamed(url, body);
    expect(fake.chatRequests).toHaveLength(1);
    expect(finalOf(again.events).result.source).toBe('llm');
    expect(stepNames(again.events)).toEqual(['read', 'enrich', 'reason', 'write']);
  });

  it('queue full → 429 before anything is written', async () => {
    const app = await server({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' });
    fake.setTiming({ ttftMs: 300 });
    const [first, second] = await Promise.all([
      app.inject({ method: 'POST', url: '/v1/campaigns/draft', payload: { ...EN_EVALUATING, profile: IT_PROFILE } }),
      app.inject({ method: 'POST', url: '/v1/campaigns/draft?stream=1', payload: { ...RICH_ES, profile: IT_PROFILE } }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 429]);
  });
});

describe('campaigns made through the backend are kept in the store', () => {
  it('saves the campaign with its record, the profile version and the requester (a fingerprint, never the token)', async () => {
    const app = await server({ PULSO_TEAM_TOKENS: 'rep-token-1' }, false);
    const before = (await store.campaigns.list()).length;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/campaigns/draft',
      headers: { authorization: 'Bearer rep-token-1' },
      payload: { ...RICH_ES, profile: IT_PROFILE, record: { crm: 'hubspot', recordType: 'contact', recordId: '303', url: 'https://app.hubspot.com/contacts/1/record/0-1/303' } },
    });
    const c = res.json() as Campaign;
    await expect.poll(async () => (await store.campaigns.list()).length).toBe(before + 1);
    const [saved] = await store.campaigns.list({ limit: 1 });
    expect(saved!.campaign).toEqual(c);
    expect(saved!.leadRef).toEqual({ crm: 'hubspot', recordId: '303', url: 'https://app.hubspot.com/contacts/1/record/0-1/303', label: 'Lucía Gómez · Norte Logística SA' });
    expect(saved!.profileVersion).toBe(await profileVersion(IT_PROFILE));
    expect(saved!.createdBy).toMatch(/\S/);
    expect(saved!.createdBy).not.toContain('rep-token-1');
  });
});
