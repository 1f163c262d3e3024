// Feedback ingest through the HTTP route (POST /v1/feedback on a listening server, PGlite on
// disk in a temp dir), and how long /healthz takes while the burst is being stored:
// `npx tsx bench/feedback-route.bench.ts` (also part of `npm run bench`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../backend/server';
import { testConfig } from '../backend/testing/helpers';
import type { DraftFeedback } from '../lib/contracts/learning';
import { fmt, percentile } from './stats';

const STRATEGIES = ['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const;
const event = (run: string, i: number): DraftFeedback => ({
  kind: 'draft',
  eventId: `route-${run}-${i}`,
  strategy: STRATEGIES[i % STRATEGIES.length]!,
  intent: i % 2 ? 'complaint' : 'order_status',
  segment: i % 3 ? 'retain' : 'care',
  outcome: i % 4 ? 'inserted' : 'edited',
  editRatio: (i % 10) / 10,
  judge: { npsExpected: 6 + (i % 4), engagementProb: 0.5, churnProb: 0.2, source: 'rules' },
  at: new Date().toISOString(),
});

export interface RouteIngestFigures {
  /** 10,000 events as 10 concurrent requests of 1,000. */
  burstPerSec: number;
  /** 2,000 single-event requests, 50 at a time. */
  singlesPerSec: number;
  /** /healthz while the burst is stored. */
  healthP50Ms: number;
  healthMaxMs: number;
  healthSamples: number;
}

export async function benchFeedbackRoute(): Promise<RouteIngestFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulso-bench-route-'));
  const app = await buildServer(testConfig({ PULSO_DATA_DIR: dataDir }));
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const post = (body: unknown) =>
      fetch(`${base}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
        if (r.status !== 202) throw new Error(`POST /v1/feedback answered ${r.status}: ${await r.text()}`);
      });
    await post(event('warm', 0)); // opens the store (first use)

    const burst = Array.from({ length: 10_000 }, (_, i) => event('burst', i));
    let done = false;
    const health: number[] = [];
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t);
      }
    })();
    let t0 = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, k) => post({ events: burst.slice(k * 1_000, (k + 1) * 1_000) })));
    const burstPerSec = 10_000 / ((performance.now() - t0) / 1_000);
    done = true;
    await probe;

    t0 = performance.now();
    for (let i = 0; i < 2_000; i += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => post(event('single', i + k))));
    const singlesPerSec = 2_000 / ((performance.now() - t0) / 1_000);
    return { burstPerSec, singlesPerSec, healthP50Ms: percentile(health, 50), healthMaxMs: Math.max(...health), healthSamples: health.length };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatFeedbackRoute(f: RouteIngestFigures): string[] {
  return [
    'POST /v1/feedback over HTTP (PGlite on disk, events committed before the 202):',
    `  ${fmt(f.burstPerSec, 0)} events/s as 10 × 1,000-event requests at once; ${fmt(f.singlesPerSec, 0)} events/s as 2,000 single-event requests, 50 at a time`,
    `  /healthz during the burst: p50 ${fmt(f.healthP50Ms, 1)} ms, max ${fmt(f.healthMaxMs, 1)} ms over ${f.healthSamples} requests (the writes never hold the server)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatFeedbackRoute(await benchFeedbackRoute())) console.log(line);
}
