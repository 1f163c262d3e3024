/**
 * The backend under hostile traffic and upstream faults (issue 9): the server runs as its own
 * process (`pulso serve`), exactly as deployed, and is driven over loopback HTTP only, so the
 * same bench measures any version of it. Every phase is bounded in count and time.
 *
 *  1. rules mode: req/s and p99 with 50 and 200 keep-alive connections (load from a worker thread);
 *  2. time to the rules fallback when the upstream accepts the call and never answers;
 *  3. upstream calls made for requests whose client went away while they waited for a slot;
 *  4. how long a cancelled batch keeps upstream slots when the upstream hangs;
 *  5. single requests while five 100-lead batches run: admitted, refused, p50 / p99;
 *  6. /healthz while eight 1 MB conversations are drafted;
 *  7. 200 identical drafts at once: upstream calls;
 *  8. a request carrying an 80 KB profile (1,200-item catalog): status;
 *  and the server's peak RSS (VmHWM) for the whole run.
 *
 *   npx tsx bench/backend-limits.bench.ts
 */
import { pathToFileURL } from 'node:url';
import type { CompanyProfile, Conversation, Lead } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { startFakeVllm, type FakeVllm } from '../backend/testing/fake-vllm';
import { startHungUpstream } from '../backend/testing/hung-upstream';
import usePgliteTemplate from '../backend/store/testing/pglite-template';
import { loadFromWorker } from './backend.bench';
import { HOT_LEAD, MQL_ANSWER } from '../backend/testing/fixtures';
import { fmt, percentile } from './stats';
import { serve } from './serve-process';

export { serve } from './serve-process';

const lead = (tag: string, n: number): Lead => ({ ...HOT_LEAD, fullName: `Bench ${tag} ${n}` });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const postJson = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });

/** The sum of every sample of a metric in the Prometheus text (all label sets). */
async function metricSum(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Polls `probe` until it returns true or `limitMs` passes; resolves to the ms it took (NaN if never). */
async function until(probe: () => Promise<boolean>, limitMs: number, everyMs = 50): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (await probe()) return performance.now() - t0;
    await sleep(everyMs);
  }
  return NaN;
}

/** 1. Rules mode, N keep-alive connections for `durationMs`. */
export async function rulesLoad(base: string, connections: number, durationMs: number) {
  const bodies = Array.from({ length: 50 }, (_, i) => JSON.stringify({ lead: { ...lead('rules', i), description: `${HOT_LEAD.description} (${i})` } }));
  await loadFromWorker(`${base}/v1/leads/classify`, bodies, connections, 500); // warm-up
  const r = await loadFromWorker(`${base}/v1/leads/classify`, bodies, connections, durationMs);
  return { connections, rps: r.ok / r.seconds, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), errors: r.errors };
}

/** 2. One classify against an upstream that never answers (default LLM_TIMEOUT_MS): ms until the answer, and its source. */
async function hungFallback() {
  const upstream = await startHungUpstream();
  const backend = await serve({ LLM_BASE_URL: upstream.baseUrl });
  try {
    const t0 = performance.now();
    const res = await postJson(`${backend.base}/v1/leads/classify`, { lead: lead('hung', 0) }, AbortSignal.timeout(60_000));
    const body = (await res.json()) as { source?: string };
    const ms = performance.now() - t0;
    return { ms, status: res.status, source: body.source, upstreamStillOpen: upstream.open(), rssKb: backend.peakRssKb() };
  } finally {
    await backend.stop();
    await upstream.close();
  }
}

/**
 * 3. 16 requests hold every upstream slot (a 1 s upstream); 64 more wait in the queue and their
 * clients go away. Upstream calls counted until the server is idle again, minus the 16.
 */
async function abortedCalls(fake: FakeVllm) {
  fake.reset();
  fake.setMode('slow', { delayMs: 1_000 });
  const backend = await serve({ LLM_BASE_URL: fake.baseUrl, LLM_MAX_CONCURRENCY: '16', LLM_MAX_QUEUE: '64' });
  try {
    const holders = Array.from({ length: 16 }, (_, i) => postJson(`${backend.base}/v1/leads/classify`, { lead: lead('holder', i) }).then((r) => r.text()));
    await until(async () => (await metricSum(backend.base, 'pulso_llm_in_flight')) >= 16, 10_000);
    const controller = new AbortController();
    const waiting = Array.from({ length: 64 }, (_, i) =>
      postJson(`${backend.base}/v1/leads/classify`, { lead: lead('gone', i) }, controller.signal).catch(() => undefined),
    );
    const queuedMs = await until(async () => (await metricSum(backend.base, 'pulso_llm_queued')) >= 48, 10_000);
    const queued = await metricSum(backend.base, 'pulso_llm_queued');
    controller.abort();
    await Promise.all(waiting);
    await Promise.all(holders);
    const idleMs = await until(
      async () => (await metricSum(backend.base, 'pulso_llm_in_flight')) + (await metricSum(backend.base, 'pulso_llm_queued')) === 0,
      120_000,
      100,
    );
    return { queued, queuedMs, aborted: 64, upstreamCallsForAborted: fake.chatRequests.length - 16, idleMs };
  } finally {
    fake.reset();
    await backend.stop();
  }
}

/** 4. A 100-lead batch against a hung upstream; its client goes away once 16 calls are in flight: ms until the slots are free. */
async function cancelledBatch() {
  const upstream = await startHungUpstream();
  const backend = await serve({ LLM_BASE_URL: upstream.baseUrl });
  try {
    const controller = new AbortController();
    const batch = postJson(
      `${backend.base}/v1/leads/classify-batch?stream=1`,
      { leads: Array.from({ length: 100 }, (_, i) => lead('batch', i)) },
      controller.signal,
    )
      .then((r) => r.text())
      .catch(() => undefined);
    await until(async () => (await metricSum(backend.base, 'pulso_llm_in_flight')) >= 16, 10_000);
    controller.abort();
    await batch;
    const freedMs = await until(async () => (await metricSum(backend.base, 'pulso_llm_in_flight')) === 0, 90_000, 100);
    return { freedMs, upstreamCalls: upstream.calls(), upstreamStillOpen: upstream.open() };
  } finally {
    await backend.stop();
    await upstream.close();
  }
}

/** 5. Five 100-lead batches against a realistic upstream; meanwhile one rep opens records one after another. */
async function interactiveUnderBatches(fake: FakeVllm) {
  fake.reset();
  fake.setTiming({ ttftMs: 80, perTokenMs: 10 });
  const backend = await serve({ LLM_BASE_URL: fake.baseUrl });
  try {
    let running = true;
    const batches = Promise.all(
      Array.from({ length: 5 }, (_, b) =>
        postJson(`${backend.base}/v1/leads/classify-batch`, { leads: Array.from({ length: 100 }, (_, i) => lead(`b${b}`, i)) }).then(async (r) => {
          const body = (await r.json()) as { results?: { error?: string }[] };
          return { refused: r.status === 429 ? 1 : 0, rowErrors: body.results?.filter((x) => x.error).length ?? 0 };
        }),
      ),
    ).finally(() => (running = false));
    await until(async () => (await metricSum(backend.base, 'pulso_llm_in_flight')) >= 1, 10_000, 10);
    const latencies: number[] = [];
    let refused = 0;
    let n = 0;
    while (running && n < 200) {
      const t0 = performance.now();
      const res = await postJson(`${backend.base}/v1/leads/classify`, { lead: lead('rep', n++) });
      await res.arrayBuffer();
      if (res.status === 429) refused++;
      else latencies.push(performance.now() - t0);
      await sleep(100);
    }
    const outcomes = await batches;
    const batchRowErrors = outcomes.reduce((a, b) => a + b.rowErrors, 0);
    const batchesRefused = outcomes.reduce((a, b) => a + b.refused, 0);
    return { requests: n, refused, p50: percentile(latencies, 50), p99: percentile(latencies, 99), batchRowErrors, batchesRefused };
  } finally {
    fake.reset();
    await backend.stop();
  }
}

/** A conversation of ~1 MB: 500 messages of ~2,000 characters. */
function bigConversation(tag: string): Conversation {
  const sentence = 'My order has not arrived yet and I need to know when it will be delivered, please check it. ';
  const text = sentence.repeat(Math.ceil(2_000 / sentence.length)).slice(0, 1_990);
  return {
    contact: { name: 'Bench', phone: '', email: '' },
    subject: tag,
    status: '',
    priority: '',
    messages: Array.from({ length: 500 }, (_, i) => ({ direction: i % 2 ? 'out' : 'in', author: '', time: '', text: `${i} ${text}` })),
  } as Conversation;
}

/** 6. /healthz latency (sequential probes) while eight 1 MB conversations are drafted at once (rules mode). */
async function healthUnderDrafts() {
  const backend = await serve({});
  try {
    const bodies = Array.from({ length: 8 }, (_, i) => JSON.stringify({ conversation: bigConversation(`d${i}`) }));
    const bytes = Buffer.byteLength(bodies[0]!);
    let done = false;
    const drafts = Promise.all(
      bodies.map((body) => fetch(`${backend.base}/v1/conversations/draft`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status)),
    ).finally(() => (done = true));
    const health: number[] = [];
    while (!done && health.length < 10_000) {
      const t0 = performance.now();
      await (await fetch(`${backend.base}/healthz`)).arrayBuffer();
      health.push(performance.now() - t0);
    }
    const statuses = await drafts;
    return { bytes, statuses: [...new Set(statuses)].join(','), probes: health.length, max: Math.max(...health), p50: percentile(health, 50) };
  } finally {
    await backend.stop();
  }
}

/** 7. 200 identical drafts at once against a realistic upstream: how many upstream calls. */
async function identicalDrafts(fake: FakeVllm) {
  fake.reset();
  fake.setAnswer(undefined);
  fake.setTiming({ ttftMs: 80, perTokenMs: 10 });
  const backend = await serve({ LLM_BASE_URL: fake.baseUrl });
  const conversation = {
    contact: { name: 'Ana', phone: '', email: '' },
    messages: [{ direction: 'in', author: 'Ana', time: '', text: 'Hello, my order 1234 has not arrived, can you check it?' }],
  };
  try {
    const statuses = await Promise.all(Array.from({ length: 200 }, () => postJson(`${backend.base}/v1/conversations/draft`, { conversation }).then((r) => r.status)));
    return { ok: statuses.filter((s) => s === 200).length, refused: statuses.filter((s) => s === 429).length, upstreamCalls: fake.chatRequests.length };
  } finally {
    fake.reset();
    await backend.stop();
  }
}

/** An 80 KB profile: the demo profile with a 1,200-item catalog. */
export function largeProfile(): CompanyProfile {
  const catalog = Array.from({ length: 1_200 }, (_, i) => ({ sku: `SKU-${i}`, name: `Item ${i} spare part, standard size`, price: 10 + i }));
  return { ...DEMO_PROFILE, catalog } as CompanyProfile;
}

/** 8. A classify that carries the large profile (once), then one that names it by version. */
async function largeProfileRequest() {
  const backend = await serve({});
  try {
    const profile = largeProfile();
    const inline = await postJson(`${backend.base}/v1/leads/classify`, { lead: lead('profile', 0), profile });
    await inline.arrayBuffer();
    return { profileBytes: Buffer.byteLength(JSON.stringify(profile)), items: profile.catalog.length, status: inline.status };
  } finally {
    await backend.stop();
  }
}

export async function benchBackendLimits() {
  // Each server's embedded database starts from one initialised cluster (as in the tests): the
  // bench measures serving, not initdb, which a deployment runs once.
  await usePgliteTemplate();
  const started = performance.now();
  const rulesBackend = await serve({});
  let rules50, rules200, rulesRssKb;
  try {
    rules50 = await rulesLoad(rulesBackend.base, 50, 3_000);
    rules200 = await rulesLoad(rulesBackend.base, 200, 3_000);
    rulesRssKb = rulesBackend.peakRssKb();
  } finally {
    await rulesBackend.stop();
  }
  const fake = await startFakeVllm({ answer: MQL_ANSWER });
  try {
    const hung = await hungFallback();
    const aborted = await abortedCalls(fake);
    const batch = await cancelledBatch();
    const interactive = await interactiveUnderBatches(fake);
    const health = await healthUnderDrafts();
    const drafts = await identicalDrafts(fake);
    const profile = await largeProfileRequest();
    return { rules50, rules200, rulesRssKb, hung, aborted, batch, interactive, health, drafts, profile, seconds: (performance.now() - started) / 1000 };
  } finally {
    await fake.close();
  }
}

export function formatBackendLimits(b: Awaited<ReturnType<typeof benchBackendLimits>>): string[] {
  const r = (x: { connections: number; rps: number; p50: number; p99: number; errors: number }) =>
    `${x.connections} connections ${fmt(x.rps, 0)} req/s, p50 ${fmt(x.p50, 2)} ms, p99 ${fmt(x.p99, 2)} ms, ${x.errors} errors`;
  return [
    `backend as a process under load and faults (${fmt(b.seconds, 0)} s in all)`,
    `  rules mode: ${r(b.rules50!)}; ${r(b.rules200!)}; server peak RSS ${fmt(b.rulesRssKb! / 1024, 0)} MB`,
    `  hung upstream: answer after ${fmt(b.hung.ms / 1000, 1)} s (status ${b.hung.status}, source ${b.hung.source}; extension gives up at 20 s), upstream calls still open after it ${b.hung.upstreamStillOpen}`,
    `  ${b.aborted.aborted} requests whose client went away while queued (${b.aborted.queued} queued): upstream calls made for them ${b.aborted.upstreamCallsForAborted} (target 0); server idle again after ${fmt(b.aborted.idleMs / 1000, 1)} s`,
    `  cancelled 100-lead batch on a hung upstream: slots free ${fmt(b.batch.freedMs / 1000, 1)} s after the client left (NaN = not within 90 s); upstream calls ${b.batch.upstreamCalls}, still open ${b.batch.upstreamStillOpen}`,
    `  single requests while five 100-lead batches run: ${b.interactive.requests} sent, ${b.interactive.refused} × 429, p50 ${fmt(b.interactive.p50, 0)} ms, p99 ${fmt(b.interactive.p99, 0)} ms; batch rows refused ${b.interactive.batchRowErrors ?? '-'}, whole batches refused (429) ${b.interactive.batchesRefused ?? 0}`,
    `  /healthz while eight ${fmt(b.health.bytes / 1e6, 1)} MB drafts run: ${b.health.probes} probes, p50 ${fmt(b.health.p50, 1)} ms, max ${fmt(b.health.max, 0)} ms (drafts answered ${b.health.statuses})`,
    `  200 identical drafts at once: ${b.drafts.ok} × 200, ${b.drafts.refused} × 429, upstream calls ${b.drafts.upstreamCalls}`,
    `  classify carrying a ${fmt(b.profile.profileBytes / 1024, 0)} KB profile (${b.profile.items} catalog items): status ${b.profile.status}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of formatBackendLimits(await benchBackendLimits())) console.log(line);
}
