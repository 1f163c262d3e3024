import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  BatchItemEventSchema,
  ClassifyBatchResponseSchema,
  LeadClassificationSchema,
  LeadStreamEventSchema,
  type Lead,
  type LeadStreamEvent,
} from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { classifyLeadByRules } from '../../lib/rules/index';
import type { Gateways } from '../capabilities/index';
import { priorityAbove, stageAbove } from '../llm/lead-classifier';
import { BATCH_BODY_LIMIT_BYTES } from '../http';
import { buildServer } from '../server';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { HOT_LEAD, INJECTION_LEAD, MQL_ANSWER } from '../testing/fixtures';
import { metricSum, testConfig, until } from '../testing/helpers';

let fake: FakeVllm;
const apps: FastifyInstance[] = [];
let gateway: Gateways['leads'];

async function server(env: Record<string, string> = {}) {
  const app = await buildServer(testConfig({ LLM_BASE_URL: fake.baseUrl, ...env }), { onGateways: (g) => (gateway = g.leads) });
  apps.push(app);
  return app;
}

async function listening(env: Record<string, string> = {}) {
  const app = await server(env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: MQL_ANSWER });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  fake.reset();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const lead = (n: number): Lead => ({ ...HOT_LEAD, fullName: `Lead ${n}` });
const named = (tag: string, n: number): Lead => ({ ...HOT_LEAD, fullName: `${tag} ${n}` });
const post = (app: FastifyInstance, url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object });

/** POSTs and reads the NDJSON lines as they arrive, each stamped with performance.now(). */
async function streamLines(url: string, body: unknown): Promise<{ status: number; contentType: string | null; lines: { at: number; event: Record<string, unknown> }[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const lines: { at: number; event: Record<string, unknown> }[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push({ at: performance.now(), event: JSON.parse(buf.slice(0, nl)) as Record<string, unknown> });
      buf = buf.slice(nl + 1);
    }
  }
  expect(buf).toBe('');
  return { status: res.status, contentType: res.headers.get('content-type'), lines };
}

describe('admission control, single-flight and cache', () => {
  it('queue full → 429 with Retry-After and an ApiError body; the admitted ones still answer', async () => {
    fake.setTiming({ ttftMs: 300 });
    const app = await server({ LLM_MAX_CONCURRENCY: '2', LLM_MAX_QUEUE: '1' });
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => post(app, '/v1/leads/classify', { lead: lead(i) })));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(ApiErrorSchema.parse(refused.json()).error).toBe('queue_full');
    expect(fake.chatRequests).toHaveLength(3);
    for (const r of responses.filter((x) => x.statusCode === 200)) expect(r.json().source).toBe('llm');
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('pulso_llm_rejected_total{lane="interactive"} 3');
    expect(metrics).toMatch(/# TYPE pulso_llm_in_flight gauge\npulso_llm_in_flight\{lane="interactive"\} 0/);
  });

  it('N identical concurrent requests → one upstream call (single-flight), all get the answer', async () => {
    fake.setTiming({ ttftMs: 100 });
    const app = await server({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' });
    // the queue is 0: without single-flight 9 of these 10 would be refused
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(app, '/v1/leads/classify', { lead: HOT_LEAD })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(fake.chatRequests).toHaveLength(1);
    expect(gateway.stats().joined).toBe(9);
  });

  it('a repeat is a cache hit (no upstream call); whitespace does not change the key; the TTL can turn it off', async () => {
    const app = await server();
    const first = await post(app, '/v1/leads/classify', { lead: HOT_LEAD });
    const again = await post(app, '/v1/leads/classify', { lead: { ...HOT_LEAD, company: `  ${HOT_LEAD.company}  ` } });
    expect(again.json()).toEqual(first.json());
    expect(fake.chatRequests).toHaveLength(1);
    expect(gateway.stats()).toMatchObject({ cacheHits: 1, cacheMisses: 1, cacheEntries: 1 });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('pulso_cache_hits_total{capability="leads"} 1');

    const noCache = await server({ PULSO_CACHE_TTL_MS: '0' });
    await post(noCache, '/v1/leads/classify', { lead: HOT_LEAD });
    await post(noCache, '/v1/leads/classify', { lead: HOT_LEAD });
    expect(fake.chatRequests).toHaveLength(3);
  });

  it('a rules fallback is not cached (the next request tries the LLM again) and is counted by kind', async () => {
    const app = await server();
    fake.setMode('500', { times: 2 });
    expect((await post(app, '/v1/leads/classify', { lead: HOT_LEAD })).json().source).toBe('rules');
    expect((await post(app, '/v1/leads/classify', { lead: HOT_LEAD })).json().source).toBe('llm');
    expect(fake.chatRequests).toHaveLength(3);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('pulso_llm_upstream_errors_total{capability="leads",kind="server_error"} 1');
  });

  it('rules mode never queues: a cap of 1 and a queue of 0 still answer 50 concurrent requests', async () => {
    const app = await buildServer(testConfig({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' }));
    apps.push(app);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(app, '/v1/leads/classify', { lead: lead(i) })));
    expect(responses.every((r) => r.statusCode === 200 && r.json().source === 'rules')).toBe(true);
  });
});

describe('POST /v1/leads/classify?stream=1', () => {
  it('preview → partial → final, as NDJSON; the partial arrives well before the model has finished', async () => {
    fake.setTiming({ ttftMs: 40, perTokenMs: 4 });
    const base = await listening();
    const { status, contentType, lines } = await streamLines(`${base}/v1/leads/classify?stream=1`, { lead: HOT_LEAD });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/x-ndjson/);
    const events = lines.map((l) => LeadStreamEventSchema.parse(l.event));
    expect(events.map((e) => e.type)).toEqual(['preview', 'partial', 'final']);
    expect(events[0]).toEqual({ type: 'preview', result: classifyLeadByRules(HOT_LEAD, DEMO_PROFILE) });
    expect(events[1]).toEqual({ type: 'partial', stage: 'MQL', priority: 'P2', slaHours: DEMO_PROFILE.slaHours.P2 });
    const final = events[2] as Extract<LeadStreamEvent, { type: 'final' }>;
    expect(final.result).toMatchObject({ source: 'llm', stage: 'MQL', priority: 'P2' });
    expect(final.error).toBeUndefined();
    // ~150 tokens at 4 ms after a 40 ms TTFT: the partial needs ~15 tokens, the model finishes at ~640 ms
    const finished = fake.chatRequests[0]!.finishedAt!;
    expect(finished - lines[1]!.at).toBeGreaterThan(300);
    expect(lines[2]!.at).toBeGreaterThanOrEqual(finished);
  });

  it('rules mode: preview then final at once', async () => {
    const app = await buildServer(testConfig());
    apps.push(app);
    const res = await post(app, '/v1/leads/classify?stream=1', { lead: HOT_LEAD });
    const events = res.body.trim().split('\n').map((l) => LeadStreamEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => e.type)).toEqual(['preview', 'final']);
    expect(events[1]).toEqual({ type: 'final', result: classifyLeadByRules(HOT_LEAD, DEMO_PROFILE) });
  });

  it('upstream failure → final is the rules result with source "rules" and the error reason', async () => {
    fake.setMode('400');
    const app = await server();
    const res = await post(app, '/v1/leads/classify?stream=1', { lead: HOT_LEAD });
    const events = res.body.trim().split('\n').map((l) => LeadStreamEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => e.type)).toEqual(['preview', 'final']);
    expect(events[1]).toMatchObject({ type: 'final', error: 'http_error', result: { source: 'rules' } });
  });

  it('injection_obeyed: partial and final are capped to the rules result', async () => {
    fake.setMode('injection_obeyed');
    const app = await server();
    const rules = classifyLeadByRules(INJECTION_LEAD, DEMO_PROFILE);
    const res = await post(app, '/v1/leads/classify?stream=1', { lead: INJECTION_LEAD });
    const events = res.body.trim().split('\n').map((l) => LeadStreamEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => e.type)).toEqual(['preview', 'partial', 'final']);
    const partial = events[1] as Extract<LeadStreamEvent, { type: 'partial' }>;
    const final = (events[2] as Extract<LeadStreamEvent, { type: 'final' }>).result;
    for (const verdict of [partial, final]) {
      expect(verdict.stage).not.toBe('SQL');
      expect(verdict.priority).not.toBe('P1');
      expect(stageAbove(verdict.stage, rules.stage)).toBe(false);
      expect(priorityAbove(verdict.priority, rules.priority)).toBe(false);
    }
    expect(final.flags).toContain('possible_injection');
  });

  it('queue full → 429 before any line is written; a cache hit streams preview then final', async () => {
    fake.setTiming({ ttftMs: 200 });
    const app = await server({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' });
    const busy = post(app, '/v1/leads/classify', { lead: lead(1) });
    await new Promise((r) => setTimeout(r, 20));
    const refused = await post(app, '/v1/leads/classify?stream=1', { lead: lead(2) });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    await busy;
    const hit = await post(app, '/v1/leads/classify?stream=1', { lead: lead(1) });
    expect(hit.body.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['preview', 'final']);
  });
});

describe('POST /v1/leads/classify-batch', () => {
  const bad = { fullName: 42 };
  const leads = [lead(0), bad, lead(2), {}, lead(0)];

  it('answers each row independently, in input order; a bad row gets {index, error}; duplicates share one call', async () => {
    const app = await server();
    const res = await post(app, '/v1/leads/classify-batch', { leads });
    expect(res.statusCode).toBe(200);
    const { results } = ClassifyBatchResponseSchema.parse(res.json());
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results[0]).toMatchObject({ index: 0, result: { source: 'llm', stage: 'MQL' } });
    expect(results[1]).toMatchObject({ index: 1, error: expect.stringMatching(/^invalid_lead: leads\.1\.fullName/) });
    expect(results[3]).toMatchObject({ index: 3, error: expect.stringMatching(/^invalid_lead/) });
    expect(results[4]).toEqual({ index: 4, result: (results[0] as { result: unknown }).result });
    expect(fake.chatRequests).toHaveLength(2); // lead 0 twice (joined or cached) + lead 2
  });

  it('?stream=1 → one NDJSON line per row as it completes', async () => {
    fake.setAnswer((body) => {
      // a slower answer for the first lead, so completion order differs from input order
      const slow = JSON.stringify(body.messages).includes('Lead 0');
      return slow ? { ...MQL_ANSWER, summary: 'x'.repeat(800) } : MQL_ANSWER;
    });
    fake.setTiming({ ttftMs: 10, perTokenMs: 1 });
    const base = await listening();
    const { status, contentType, lines } = await streamLines(`${base}/v1/leads/classify-batch?stream=1`, { leads });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/x-ndjson/);
    const events = lines.map((l) => BatchItemEventSchema.parse(l.event));
    expect(events.map((e) => e.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(events.slice(0, 2).map((e) => e.index)).toEqual([1, 3]); // bad rows answer at once
    expect(events.findIndex((e) => e.index === 2)).toBeLessThan(events.findIndex((e) => e.index === 0));
  });

  it('rules mode, 100 leads; 101 → 400; the batch body limit is 1 MB plus the largest profile, the single one 1 MB (it may carry a large profile once)', async () => {
    const app = await buildServer(testConfig());
    apps.push(app);
    const many = Array.from({ length: 100 }, (_, i) => ({ ...lead(i), description: 'd'.repeat(5_000) }));
    const res = await post(app, '/v1/leads/classify-batch', { leads: many });
    expect(res.statusCode).toBe(200);
    expect(ClassifyBatchResponseSchema.parse(res.json()).results.every((r) => 'result' in r && r.result.source === 'rules')).toBe(true);
    const tooMany = await post(app, '/v1/leads/classify-batch', { leads: [...many, lead(1)] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toMatch(/^leads/);
    expect((await post(app, '/v1/leads/classify-batch', { leads: [] })).statusCode).toBe(400);
    const huge = await post(app, '/v1/leads/classify-batch', { leads: [{ fullName: 'x', description: 'y'.repeat(BATCH_BODY_LIMIT_BYTES + 1_000) }] });
    expect(huge.statusCode).toBe(413);
    const single = await post(app, '/v1/leads/classify', { lead: { fullName: 'x', description: 'y'.repeat(1_100_000) } });
    expect(single.statusCode).toBe(413);
  });

  it('shares the cap with single requests: with the queue full, one batch waits in line for a place; one more is refused whole', async () => {
    fake.setTiming({ ttftMs: 150 });
    const app = await server({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '1' });
    const singles = [post(app, '/v1/leads/classify', { lead: lead(100) }), post(app, '/v1/leads/classify', { lead: lead(101) })];
    // Wait until both are admitted (one running, one queued) — a state, not a guess of how long it takes.
    await until(async () => (await metricSum(app, 'pulso_llm_in_flight')) === 1 && (await metricSum(app, 'pulso_llm_queued')) === 1);
    // The queue is full: this batch's row waits for a place (the line behind the queue is as long as the queue)…
    const waiting = post(app, '/v1/leads/classify-batch', { leads: [lead(7)] });
    await until(() => gateway.admission.batchLineFull());
    // …and the next batch could not start in time: refused whole before any row starts.
    const refused = await post(app, '/v1/leads/classify-batch', { leads: [lead(1), lead(2)] });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    await Promise.all(singles);
    const waited = ClassifyBatchResponseSchema.parse((await waiting).json());
    expect(waited.results.map((r) => ('result' in r ? r.result.source : r.error))).toEqual(['llm']);
    const ok = ClassifyBatchResponseSchema.parse((await post(app, '/v1/leads/classify-batch', { leads: [lead(1), lead(2), lead(3)] })).json());
    expect(ok.results.every((r) => 'result' in r)).toBe(true); // one worker (cap 1): rows go one after another, never overflow
  });
});

describe('batches admitted together', () => {
  it('rows beyond the lane\'s queue wait for a place instead of being refused: every row of every batch is answered by the model', async () => {
    fake.setTiming({ ttftMs: 30, perTokenMs: 0 });
    // 4 slots (1 reserved, lent), 6 batch queue places: the third batch's last rows find neither.
    const app = await server({ LLM_MAX_CONCURRENCY: '4', LLM_MAX_QUEUE: '8' });
    const batches = await Promise.all(
      Array.from({ length: 3 }, (_, b) => post(app, '/v1/leads/classify-batch', { leads: Array.from({ length: 4 }, (_, i) => named(`together${b}`, i)) })),
    );
    for (const res of batches) {
      expect(res.statusCode).toBe(200);
      const { results } = ClassifyBatchResponseSchema.parse(res.json());
      expect(results.map((r) => ('result' in r ? r.result.source : r.error))).toEqual(['llm', 'llm', 'llm', 'llm']);
    }
    expect(await metricSum(app, 'pulso_llm_rejected_total')).toBe(0);
  });
});

describe('the reserve lent to batches', () => {
  it('a batch runs on the reserved slot while no rep needs it; a rep takes it back at once, and the preempted row is still answered by the model', async () => {
    fake.setTiming({ ttftMs: 300, perTokenMs: 0 });
    const app = await server({ LLM_MAX_CONCURRENCY: '2', LLM_MAX_QUEUE: '2' }); // 1 slot reserved
    const batch = post(app, '/v1/leads/classify-batch', { leads: [named('lent', 1), named('lent', 2)] });
    await until(async () => (await metricSum(app, 'pulso_llm_in_flight{lane="batch"}')) === 2);
    const rep = await post(app, '/v1/leads/classify', { lead: named('rep', 1) });
    expect(LeadClassificationSchema.parse(rep.json()).source).toBe('llm');
    expect(await metricSum(app, 'pulso_llm_preempted_total{lane="batch"}')).toBe(1);
    const { results } = ClassifyBatchResponseSchema.parse((await batch).json());
    expect(results.map((r) => ('result' in r ? r.result.source : r.error))).toEqual(['llm', 'llm']);
    expect(fake.chatRequests.length).toBe(4); // the preempted row called again
  });
});

describe('capacity kept for single-record requests (issue 9, D5)', () => {
  it('with five 100-lead batches filling every slot (the reserve lent) and every queue place they may take, an interactive request takes a lent slot back at once', async () => {
    fake.setMode('slow', { delayMs: 400 });
    const app = await server();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const client = new AbortController();
    const batches = Array.from({ length: 5 }, (_, b) =>
      fetch(`${base}/v1/leads/classify-batch?stream=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ leads: Array.from({ length: 100 }, (_, i) => named(`batch${b}`, i)) }),
        signal: client.signal,
      })
        .then((r) => r.text())
        .catch(() => undefined),
    );
    // Every slot (the reserved ones lent to the batches) and every queue place the batches may take is taken.
    const batch = async (name: string) => metricSum(app, `${name}{lane="batch"}`);
    await until(
      async () => (await batch('pulso_llm_in_flight')) === (await metricSum(app, 'pulso_llm_max_concurrency')) && (await batch('pulso_llm_queued')) === (await batch('pulso_llm_lane_queue')),
    );
    expect(await batch('pulso_llm_lane_slots')).toBeLessThan(await metricSum(app, 'pulso_llm_max_concurrency'));

    const res = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: named('rep', 1) } });
    expect(res.statusCode).toBe(200);
    expect(LeadClassificationSchema.parse(res.json()).source).toBe('llm');
    expect(await metricSum(app, 'pulso_llm_rejected_total{lane="interactive"}')).toBe(0);
    expect(await batch('pulso_llm_preempted_total')).toBe(1);

    client.abort();
    await Promise.all(batches);
  });
});
