import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReadySchema } from '../lib/contracts';
import type { Gateways } from './capabilities/index';
import { Admission } from './gateway/admission';
import { createReadiness, READY_LOAD_TTL_MS } from './readiness';
import { buildServer } from './server';
import { openStore, storeLocation } from './store/store';
import { startFakeVllm, type FakeVllm } from './testing/fake-vllm';
import { HOT_LEAD, MQL_ANSWER } from './testing/fixtures';
import { testConfig, until } from './testing/helpers';

let fake: FakeVllm;
const apps: FastifyInstance[] = [];
const pending: Promise<unknown>[] = [];
const holds: (() => void)[] = [];

beforeAll(async () => {
  // One decode slot: a second request waits inside vLLM (vllm:num_requests_waiting 1).
  fake = await startFakeVllm({ answer: MQL_ANSWER, maxNumSeqs: 1 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  for (const release of holds.splice(0)) release();
  await Promise.allSettled(pending.splice(0));
  fake.reset();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** A chat call sent straight to vLLM (another client of the same GPU). */
function chat(stream: boolean, vllm: FakeVllm = fake): Promise<unknown> {
  const call = fetch(`${vllm.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream, messages: [{ role: 'user', content: 'x' }], max_tokens: 200 }),
  }).then((res) => res.text());
  pending.push(call);
  return call;
}

/** vLLM with one request decoding (held mid-answer) and one waiting for its slot; returns the release. */
async function saturateVllm(vllm: FakeVllm = fake): Promise<() => void> {
  const release = vllm.holdContentAfter(1);
  holds.push(release);
  void chat(true, vllm);
  await until(() => vllm.load.running === 1);
  void chat(false, vllm);
  await until(() => vllm.load.waiting === 1);
  return release;
}

const metricsReads = () => fake.requests.filter((r) => r.path === '/metrics').length;

describe('readiness', () => {
  it("requests waiting inside vLLM → 503 saturated/llm_queue, read from vLLM's /metrics at most once per TTL, shared by concurrent checks", async () => {
    let now = 0;
    const ready = createReadiness({ llm: { baseUrl: fake.baseUrl }, admission: new Admission({ maxConcurrency: 4, maxQueue: 4 }), now: () => now });
    expect(await ready()).toEqual({ status: 200, body: { ok: true, llm: 'up' } });

    const release = await saturateVllm();
    // Still the reading from before: the load is cached for READY_LOAD_TTL_MS.
    expect((await ready()).status).toBe(200);
    expect(metricsReads()).toBe(1);

    now += READY_LOAD_TTL_MS;
    const checks = await Promise.all(Array.from({ length: 5 }, () => ready()));
    expect(metricsReads()).toBe(2);
    for (const check of checks) {
      expect(check.status).toBe(503);
      expect(check.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(ReadySchema.parse(check.body)).toMatchObject({ ok: false, llm: 'saturated', reason: 'llm_queue' });
      expect(check.body.message).toMatch(/1 requests wait inside vLLM/);
    }

    release();
    await Promise.all(pending);
    await until(() => fake.load.running === 0 && fake.load.waiting === 0);
    now += READY_LOAD_TTL_MS;
    expect(await ready()).toEqual({ status: 200, body: { ok: true, llm: 'up' } });
  });

  it('a full admission queue → 503 saturated/queue_full with Retry-After, without reading the upstream', async () => {
    const admission = new Admission({ maxConcurrency: 1, maxQueue: 0 });
    const ready = createReadiness({ llm: { baseUrl: fake.baseUrl }, admission });
    const slot = await admission.acquire('interactive');
    const check = await ready();
    expect(check.status).toBe(503);
    expect(check.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ReadySchema.parse(check.body)).toMatchObject({ ok: false, llm: 'saturated', reason: 'queue_full' });
    expect(fake.requests).toHaveLength(0);
    slot();
    expect((await ready()).body).toEqual({ ok: true, llm: 'up' });
  });

  it('a database that fails or does not answer → 503 database_down, in rules mode too; ready again once it answers', async () => {
    let now = 0;
    let database: 'up' | 'failing' | 'hung' = 'failing';
    const errors: unknown[] = [];
    const pingDatabase = () =>
      database === 'up' ? Promise.resolve() : database === 'failing' ? Promise.reject(new Error('connect ECONNREFUSED db.internal:5432')) : new Promise<void>(() => {});
    const admission = new Admission({ maxConcurrency: 1, maxQueue: 0 });
    const rules = createReadiness({ admission, pingDatabase, onDatabaseError: (err) => errors.push(err), probeTimeoutMs: 50, now: () => now });
    const withLlm = createReadiness({ llm: { baseUrl: fake.baseUrl }, admission, pingDatabase, probeTimeoutMs: 50, now: () => now });

    const down = await rules();
    expect(down.status).toBe(503);
    expect(ReadySchema.parse(down.body)).toMatchObject({ ok: false, llm: 'disabled', reason: 'database_down' });
    // The cause goes to the log, never to the public answer (it may name the server).
    expect(JSON.stringify(down.body)).not.toContain('db.internal');
    expect(errors).toHaveLength(1);
    expect((await withLlm()).body).toMatchObject({ ok: false, llm: 'up', reason: 'database_down' });

    database = 'hung';
    now += READY_LOAD_TTL_MS;
    expect((await rules()).body.reason).toBe('database_down');

    database = 'up';
    now += READY_LOAD_TTL_MS;
    expect(await rules()).toEqual({ status: 200, body: { ok: true, llm: 'disabled' } });
    expect(await withLlm()).toEqual({ status: 200, body: { ok: true, llm: 'up' } });
  });

  it('a vLLM without /metrics (or another OpenAI-compatible server) is up, never saturated', async () => {
    const plain = await startFakeVllm();
    try {
      const ready = createReadiness({ llm: { baseUrl: `${plain.url}/elsewhere/v1` }, admission: new Admission({ maxConcurrency: 1, maxQueue: 0 }) });
      // /elsewhere/v1/models is unknown to the fake: down (the rules answer), still ready.
      expect(await ready()).toEqual({ status: 200, body: { ok: true, llm: 'down' } });
    } finally {
      await plain.close();
    }
  });
});

describe('GET /readyz', () => {
  let gateways: Gateways;
  async function server(env: Record<string, string> = {}) {
    const app = await buildServer(testConfig({ LLM_BASE_URL: fake.baseUrl, ...env }), { onGateways: (g) => (gateways = g) });
    apps.push(app);
    return app;
  }
  const readyz = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/readyz' });

  it('503 saturated/llm_queue while requests wait inside vLLM; 200 up once they are through', async () => {
    // Its own vLLM: nothing another test left running can hold its one slot.
    const own = await startFakeVllm({ answer: MQL_ANSWER, maxNumSeqs: 1 });
    try {
      const app = await server({ LLM_BASE_URL: own.baseUrl });
      const release = await saturateVllm(own);
      const res = await readyz(app);
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(ReadySchema.parse(res.json())).toMatchObject({ ok: false, llm: 'saturated', reason: 'llm_queue' });
      release();
      await Promise.all(pending.splice(0));
      const fresh = await server({ LLM_BASE_URL: own.baseUrl });
      expect((await readyz(fresh)).json()).toEqual({ ok: true, llm: 'up' });
    } finally {
      await own.close();
    }
  });


  it("503 saturated/queue_full while the backend's own slots and queue are taken — exactly when a classify gets 429", async () => {
    const app = await server({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' });
    const release = fake.holdContentAfter(1);
    holds.push(release);
    // A streaming classify holds the only slot while the fake holds its answer.
    const held = app.inject({ method: 'POST', url: '/v1/leads/classify?stream=1', payload: { lead: HOT_LEAD } });
    pending.push(held);
    await until(() => gateways.admission.stats.inFlight === 1);

    const res = await readyz(app);
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(ReadySchema.parse(res.json())).toMatchObject({ ok: false, llm: 'saturated', reason: 'queue_full' });
    const refused = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: { ...HOT_LEAD, fullName: 'Another' } } });
    expect(refused.statusCode).toBe(429);

    release();
    expect((await held).statusCode).toBe(200);
    expect((await readyz(app)).json()).toEqual({ ok: true, llm: 'up' });
  });

  it('503 database_down once the store stops answering (a closed database)', async () => {
    const config = testConfig({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' });
    const store = await openStore({ location: storeLocation(config) });
    const app = await buildServer(config, { store });
    apps.push(app);
    await store.close();
    const res = await readyz(app);
    expect(res.statusCode).toBe(503);
    expect(ReadySchema.parse(res.json())).toMatchObject({ ok: false, llm: 'disabled', reason: 'database_down' });
  });

  it('rules mode is always ready, whatever the admission limits', async () => {
    const app = await buildServer(testConfig({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '0' }));
    apps.push(app);
    expect((await readyz(app)).json()).toEqual({ ok: true, llm: 'disabled' });
  });
});
