// Feedback ingest rate on both store engines: `npx tsx bench/store-ingest.bench.ts`
// (also part of `npm run bench`). PGlite on disk in a temp dir; PostgreSQL a throwaway local
// server with fsync on (backend/store/testing/postgres-server.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DraftFeedback } from '../lib/contracts/learning';
import type { StoreLocation } from '../backend/store/location';
import { openStore } from '../backend/store/store';
import { startTestPostgres } from '../backend/store/testing/postgres-server';
import { fmt } from './stats';

const STRATEGIES = ['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const;
const event = (run: string, i: number): DraftFeedback => ({
  kind: 'draft',
  eventId: `bench-${run}-${i}`,
  strategy: STRATEGIES[i % STRATEGIES.length]!,
  intent: i % 2 ? 'complaint' : 'order_status',
  segment: i % 3 ? 'retain' : 'care',
  outcome: i % 4 ? 'inserted' : 'edited',
  editRatio: (i % 10) / 10,
});

export interface IngestFigures {
  engine: string;
  /** 10,000 events as 10 requests of 1,000, all at once. */
  batchedPerSec: number;
  /** 2,000 single-event requests, all at once (group commit). */
  singlesPerSec: number;
}

async function measure(engine: string, location: StoreLocation): Promise<IngestFigures> {
  const store = await openStore({ location });
  try {
    const burst = Array.from({ length: 10_000 }, (_, i) => event('batched', i));
    let t0 = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, k) => store.feedback.record(burst.slice(k * 1_000, (k + 1) * 1_000))));
    const batchedPerSec = 10_000 / ((performance.now() - t0) / 1_000);
    t0 = performance.now();
    await Promise.all(Array.from({ length: 2_000 }, (_, i) => store.feedback.record([event('single', i)])));
    const singlesPerSec = 2_000 / ((performance.now() - t0) / 1_000);
    return { engine, batchedPerSec, singlesPerSec };
  } finally {
    await store.close();
  }
}

export async function benchFeedbackIngest(): Promise<IngestFigures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulso-bench-store-'));
  const server = await startTestPostgres({ durable: true });
  try {
    return [await measure('PGlite (embedded, on disk)', { engine: 'pglite', dataDir }), await measure('PostgreSQL (local, fsync on)', { engine: 'postgres', url: server.url })];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatIngest(figures: IngestFigures[]): string[] {
  return [
    'feedback ingest (events stored once each, policy arms updated in the same transaction):',
    ...figures.map((f) => `  ${f.engine}: ${fmt(f.batchedPerSec, 0)} events/s as 10 × 1,000-event requests; ${fmt(f.singlesPerSec, 0)} events/s as 2,000 single-event requests at once`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatIngest(await benchFeedbackIngest())) console.log(line);
}
