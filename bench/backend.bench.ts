/**
 * Backend benchmarks (issue 3 item 7), all on loopback, every phase bounded in count and time:
 *  1. proxy overhead: the backend (LLM mode) against the fake vLLM with realistic timing
 *     (80 ms to first token, 10 ms per token) versus the same chat request sent to the fake directly;
 *  2. rules-mode throughput: `pulso serve` as a process (default workers), 50 keep-alive
 *     connections for 3 s from a worker thread of this process;
 *  3. 200 concurrent clients against a small cap (4 upstream, 8 queued): p50 / p99 and the 429s;
 *  4. streaming: time to the rules preview, to priority (the first `partial` line) and to the full result.
 *
 *   npx tsx bench/backend.bench.ts
 */
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Lead } from '../lib/contracts';
import { buildLeadMessages, leadLanguage, leadResponseFormat } from '../lib/llm';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { loadConfig } from '../backend/config';
import { MEMORY_DATA_DIR } from '../backend/store/location';
import { buildServer } from '../backend/server';
import { cleanLeadForLlm } from '../backend/llm/lead-classifier';
import { startFakeVllm, tokenize, type FakeVllm } from '../backend/testing/fake-vllm';
import { HOT_LEAD } from '../backend/testing/fixtures';
import { fmt, percentile } from './stats';
import { serve } from './serve-process';

const TTFT_MS = 80;
const PER_TOKEN_MS = 10;

/** A realistic, compact model answer (~110 tokens): what the fine-tune produces for a hot lead. */
const ANSWER = {
  stage: 'MQL',
  priority: 'P2',
  slaHours: 4,
  scores: { fit: 75, urgency: 55, opportunity: 60, dataQuality: 85 },
  contact: { seniority: 'C_LEVEL', roleType: 'TECH_DECISION_MAKER', decisionPower: 'HIGH', emailType: 'CORPORATE' },
  summary: 'Logistics CTO after a ransomware incident.',
  detectedNeeds: ['managed cybersecurity', 'backup'],
  matchedServices: ['Managed cybersecurity'],
  nextSteps: ['Call today'],
  recommendedOwner: 'Account Executive',
  rationale: 'Decision maker, urgent need, good fit.',
};

/** The in-process servers keep their store in memory: the figures are the server's, not the disk's. */
const config = (env: Record<string, string>) => loadConfig({ PULSO_DATA_DIR: MEMORY_DATA_DIR, ...env });

const discard = () => new Writable({ write: (_c, _e, cb) => cb() });
const lead = (tag: string, n: number): Lead => ({ ...HOT_LEAD, fullName: `Bench ${tag} ${n}` });

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The chat request the backend sends upstream for `lead` (demo profile): the direct baseline of every proxy-overhead figure. */
export function directChatBody(model: string, lead: Lead) {
  return {
    model,
    messages: buildLeadMessages(cleanLeadForLlm(lead), DEMO_PROFILE, { language: leadLanguage(lead) }),
    temperature: 0,
    response_format: leadResponseFormat(),
    reasoning_effort: 'low',
  };
}

/**
 * 1. The backend's added latency over calling the upstream directly, same request, same timing.
 * `loops` sequential clients per path, their starts staggered over one upstream latency so
 * requests rarely overlap in the CPU-bound parts (a wave of simultaneous requests would
 * measure CPU queueing, not the proxy). Distinct leads: no cache, no single-flight.
 */
async function proxyOverhead(fake: FakeVllm, base: string, loops: number, perLoop: number, upstreamMs: number) {
  const direct: number[] = [];
  const proxied: number[] = [];
  let n = 0;
  const directCall = async (l: Lead) => {
    const body = directChatBody(fake.model, l);
    const { ms, value } = await timed(async () => (await postJson(`${fake.baseUrl}/chat/completions`, body)).json());
    if (!(value as { choices?: unknown[] }).choices?.length) throw new Error('direct call failed');
    return ms;
  };
  const proxiedCall = async (l: Lead) => {
    const { ms, value } = await timed(async () => (await postJson(`${base}/v1/leads/classify`, { lead: l })).json());
    if ((value as { source?: string }).source !== 'llm') throw new Error(`proxied call fell back: ${JSON.stringify(value).slice(0, 200)}`);
    return ms;
  };
  // warm-up (JIT, connections) — not counted
  for (let i = 0; i < 2; i++) await Promise.all([directCall(lead('warm', n++)), proxiedCall(lead('warm', n++))]);
  const clients = loops * 2;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      await new Promise((r) => setTimeout(r, (c * upstreamMs) / clients));
      for (let i = 0; i < perLoop; i++) {
        if (c % 2 === 0) direct.push(await directCall(lead('direct', n++)));
        else proxied.push(await proxiedCall(lead('proxied', n++)));
      }
    }),
  );
  const p50Direct = percentile(direct, 50);
  const p50Proxied = percentile(proxied, 50);
  return { samples: direct.length, clients, p50Direct, p50Proxied, p99Direct: percentile(direct, 99), p99Proxied: percentile(proxied, 99), overheadP50: p50Proxied - p50Direct };
}

/** The load generator, run in a worker thread: plain JS so it needs no TypeScript loader. */
const LOAD_GENERATOR = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, bodies, connections, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const latencies = [];
let ok = 0, errors = 0, i = 0;
const end = performance.now() + durationMs;
function once(body) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => { latencies.push(performance.now() - t0); if (res.statusCode === 200) ok++; else errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
}
async function loop() { while (performance.now() < end) await once(bodies[i++ % bodies.length]); }
const started = performance.now();
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  parentPort.postMessage({ ok, errors, seconds: (performance.now() - started) / 1000, latencies });
  agent.destroy();
});
`;

/** POSTs `bodies` round-robin over N keep-alive connections for `durationMs`, from a worker thread (its own core). */
export function loadFromWorker(url: string, bodies: string[], connections: number, durationMs: number) {
  return new Promise<{ ok: number; errors: number; seconds: number; latencies: number[] }>((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { url, bodies, connections, durationMs } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/**
 * 2. Rules mode: requests per second with N keep-alive connections for a few seconds, against
 * `pulso serve` as a user starts it (`npm start`): its own process, the default number of
 * workers (one per core in rules mode), production logging (info, one line per request) to a
 * pipe this process drains, the store in memory (a classify asks it at most once a second).
 * The load comes from a worker thread of this process, so it shares the machine's cores.
 */
export async function rulesThroughput(connections = 50, durationMs = 3_000) {
  const backend = await serve({ PULSO_DATA_DIR: MEMORY_DATA_DIR });
  try {
    const bodies = Array.from({ length: 50 }, (_, i) => JSON.stringify({ lead: { ...lead('rules', i), description: `${HOT_LEAD.description} (${i})` } }));
    await loadFromWorker(`${backend.base}/v1/leads/classify`, bodies, connections, 500); // warm-up
    const r = await loadFromWorker(`${backend.base}/v1/leads/classify`, bodies, connections, durationMs);
    const workers = (backend.ready.workers as number | undefined) ?? 1;
    return { connections, workers, seconds: r.seconds, ok: r.ok, errors: r.errors, rps: r.ok / r.seconds, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) };
  } finally {
    await backend.stop();
  }
}

/** 3. A burst of 200 concurrent clients against LLM_MAX_CONCURRENCY=4, LLM_MAX_QUEUE=8. */
async function burst(fake: FakeVllm, clients: number) {
  const app = await buildServer(config({ LOG_LEVEL: 'warn', LLM_BASE_URL: fake.baseUrl, LLM_MAX_CONCURRENCY: '4', LLM_MAX_QUEUE: '8' }), { logStream: discard() });
  const base = await listen(app);
  const results = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      timed(async () => {
        const res = await postJson(`${base}/v1/leads/classify`, { lead: lead('burst', i) });
        await res.arrayBuffer();
        return { status: res.status, retryAfter: res.headers.get('retry-after') };
      }),
    ),
  );
  await app.close();
  const all = results.map((r) => r.ms);
  const ok = results.filter((r) => r.value.status === 200).map((r) => r.ms);
  const refused = results.filter((r) => r.value.status === 429);
  return {
    clients,
    ok: ok.length,
    refused: refused.length,
    other: results.length - ok.length - refused.length,
    retryAfter: refused[0]?.value.retryAfter,
    p50All: percentile(all, 50),
    p99All: percentile(all, 99),
    p50Ok: percentile(ok, 50),
    p99Ok: percentile(ok, 99),
    p99Refused: percentile(refused.map((r) => r.ms), 99),
  };
}

/** 4. Streaming: ms from the request to each NDJSON line. */
async function streaming(base: string, rounds: number, concurrency: number) {
  const preview: number[] = [];
  const partial: number[] = [];
  const final: number[] = [];
  let n = 0;
  const one = async () => {
    const t0 = performance.now();
    const res = await postJson(`${base}/v1/leads/classify?stream=1`, { lead: lead('stream', n++) });
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const type = (JSON.parse(buf.slice(0, nl)) as { type: string }).type;
        buf = buf.slice(nl + 1);
        const ms = performance.now() - t0;
        if (type === 'preview') preview.push(ms);
        else if (type === 'partial') partial.push(ms);
        else if (type === 'final') final.push(ms);
      }
    }
  };
  for (let r = 0; r < rounds; r++) await Promise.all(Array.from({ length: concurrency }, one));
  return { samples: final.length, partials: partial.length, p50Preview: percentile(preview, 50), p50Partial: percentile(partial, 50), p50Final: percentile(final, 50), p99Partial: percentile(partial, 99), p99Final: percentile(final, 99) };
}

export async function benchBackend() {
  const started = performance.now();
  const fake = await startFakeVllm({ answer: ANSWER, ttftMs: TTFT_MS, perTokenMs: PER_TOKEN_MS });
  const tokens = tokenize(JSON.stringify(ANSWER)).length;
  try {
    const app = await buildServer(config({ LOG_LEVEL: 'info', LLM_BASE_URL: fake.baseUrl }), { logStream: discard() });
    const base = await listen(app);
    const overhead = await proxyOverhead(fake, base, 4, 8, TTFT_MS + tokens * PER_TOKEN_MS);
    const stream = await streaming(base, 2, 5);
    await app.close();
    const rules = await rulesThroughput(50, 3_000);
    const load = await burst(fake, 200);
    return { tokens, overhead, rules, load, stream, seconds: (performance.now() - started) / 1000 };
  } finally {
    await fake.close();
  }
}

export function formatRulesThroughput(r: Awaited<ReturnType<typeof rulesThroughput>>, ratio: (value: number, target: number) => string): string {
  return `  rules mode, pulso serve (${r.workers} worker${r.workers === 1 ? '' : 's'}, store in memory), ${r.connections} keep-alive connections for ${fmt(r.seconds, 1)} s (load from a worker thread of the bench): ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, ${r.errors} errors  (target ≥ 3,000 req/s with p99 < 50 ms: ${fmt(r.rps / 3_000, 2)}× of target, > 1.00× meets it; p99 ${ratio(r.p99, 50)})`;
}

export function formatBackendBench(b: Awaited<ReturnType<typeof benchBackend>>, ratio: (value: number, target: number) => string): string[] {
  const { overhead: o, rules: r, load: l, stream: s } = b;
  return [
    `backend (fake vLLM: ${TTFT_MS} ms to first token, ${PER_TOKEN_MS} ms per token, ${b.tokens}-token answer; ${fmt(b.seconds, 1)} s in all)`,
    `  proxy overhead, ${o.samples} requests each way (${o.clients} staggered sequential clients, half direct, half through the backend): direct p50 ${fmt(o.p50Direct, 1)} ms, through the backend p50 ${fmt(o.p50Proxied, 1)} ms → overhead p50 ${fmt(o.overheadP50, 2)} ms  (target ≤ 2 ms: ${ratio(Math.max(o.overheadP50, 0), 2)}); p99 ${fmt(o.p99Direct, 1)} / ${fmt(o.p99Proxied, 1)} ms`,
    formatRulesThroughput(r, ratio),
    `  ${l.clients} concurrent clients, cap 4 upstream + 8 queued: ${l.ok} × 200, ${l.refused} × 429 (Retry-After ${l.retryAfter ?? '-'} s), ${l.other} other; all p50 ${fmt(l.p50All, 1)} ms, p99 ${fmt(l.p99All, 1)} ms; 200s p50 ${fmt(l.p50Ok, 0)} ms, p99 ${fmt(l.p99Ok, 0)} ms; 429s p99 ${fmt(l.p99Refused, 1)} ms`,
    `  streaming, ${s.samples} requests (${s.partials} with a partial): preview p50 ${fmt(s.p50Preview, 1)} ms, priority (partial) p50 ${fmt(s.p50Partial, 0)} ms / p99 ${fmt(s.p99Partial, 0)} ms, full result p50 ${fmt(s.p50Final, 0)} ms / p99 ${fmt(s.p99Final, 0)} ms  (priority at ${fmt((s.p50Partial / s.p50Final) * 100, 0)} % of the full time; target < 1 s: ${ratio(s.p50Partial, 1_000)})`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ratio = (value: number, target: number) => `${fmt(value / target, 2)}× of target`;
  for (const line of formatBackendBench(await benchBackend(), ratio)) console.log(line);
}
