import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LeadClassificationSchema, LeadStreamEventSchema, type Lead } from '../lib/contracts';
import { buildServer } from './server';
import { HOT_LEAD } from './testing/fixtures';
import { metricSum, testConfig, until } from './testing/helpers';
import { startHungUpstream, type HungUpstream } from './testing/hung-upstream';

// Issue 9 D3: one deadline budget per request, the rules fallback inside it, and a client that
// goes away takes its upstream call (or its place in the queue) with it.

const apps: FastifyInstance[] = [];
const upstreams: HungUpstream[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(upstreams.splice(0).map((u) => u.close()));
});

async function hungServer(env: Record<string, string> = {}) {
  const hung = await startHungUpstream();
  upstreams.push(hung);
  // The per-attempt timeout is far longer than the test may take: only the request budget can end the call.
  const app = await buildServer(testConfig({ LLM_BASE_URL: hung.baseUrl, LLM_TIMEOUT_MS: '60000', ...env }));
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, hung, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const lead = (n: number): Lead => ({ ...HOT_LEAD, fullName: `Lead ${n}` });
const post = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });

describe('the request budget', () => {
  it('a hung upstream: the rules answer comes inside the budget and the upstream call is cancelled', async () => {
    const { hung, base } = await hungServer({ PULSO_REQUEST_BUDGET_MS: '1000' });
    const res = await post(`${base}/v1/leads/classify`, { lead: lead(1) });
    expect(res.status).toBe(200);
    expect(LeadClassificationSchema.parse(await res.json()).source).toBe('rules');
    // At most one call (none when a loaded machine spent the budget before it could start), and none left open.
    await hung.untilOpen(0);
    expect(hung.calls()).toBeLessThanOrEqual(1);

    const stream = await post(`${base}/v1/leads/classify?stream=1`, { lead: lead(2) });
    const events = (await stream.text()).trim().split('\n').map((l) => LeadStreamEventSchema.parse(JSON.parse(l)));
    expect(events.at(-1)).toMatchObject({ type: 'final', error: expect.stringMatching(/^(deadline|timeout)$/), result: { source: 'rules' } });
  });

  it('the budget is shorter than the extension waits, and the batch budget shorter than its batch wait', async () => {
    const { CLIENT_TIMEOUT_MS } = await import('../lib/contracts');
    const config = testConfig();
    expect(config.budget.singleMs).toBeLessThan(CLIENT_TIMEOUT_MS.single);
    expect(config.budget.batchMs).toBeLessThan(CLIENT_TIMEOUT_MS.batch);
  });
});

describe('a client that goes away', () => {
  it('requests whose client left while they waited for a slot make no upstream call and leave the queue', async () => {
    const { app, hung, base } = await hungServer({ LLM_MAX_CONCURRENCY: '1', LLM_MAX_QUEUE: '8' });
    const holder = new AbortController();
    const held = post(`${base}/v1/leads/classify`, { lead: lead(0) }, holder.signal).catch(() => undefined);
    await until(() => hung.calls() === 1);
    const waiting = new AbortController();
    const gone = Array.from({ length: 5 }, (_, i) => post(`${base}/v1/leads/classify`, { lead: lead(10 + i) }, waiting.signal).catch(() => undefined));
    await until(async () => (await metricSum(app, 'pulso_llm_queued')) === 5);
    waiting.abort();
    await Promise.all(gone);
    await until(async () => (await metricSum(app, 'pulso_llm_queued')) === 0);
    // and the one holding the slot: its upstream call is cancelled, the slot freed
    holder.abort();
    await held;
    await hung.untilOpen(0);
    await until(async () => (await metricSum(app, 'pulso_llm_in_flight')) === 0);
    expect(hung.calls()).toBe(1);
    expect(await metricSum(app, 'pulso_requests_abandoned_total')).toBe(6);
  });

  it('a cancelled batch on a hung upstream gives its slots back at once', async () => {
    const { app, hung, base } = await hungServer({ LLM_MAX_CONCURRENCY: '4', LLM_MAX_QUEUE: '8' });
    const client = new AbortController();
    const batch = post(`${base}/v1/leads/classify-batch?stream=1`, { leads: Array.from({ length: 20 }, (_, i) => lead(i)) }, client.signal)
      .then((r) => r.text())
      .catch(() => undefined);
    await until(async () => hung.calls() > 0 && (await metricSum(app, 'pulso_llm_in_flight')) === hung.calls());
    const calls = hung.calls();
    client.abort();
    await batch;
    await hung.untilOpen(0);
    await until(async () => (await metricSum(app, 'pulso_llm_in_flight')) + (await metricSum(app, 'pulso_llm_queued')) === 0);
    expect(hung.calls()).toBe(calls); // no row started after the client left
  });
});
