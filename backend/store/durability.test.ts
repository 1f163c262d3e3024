import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from './engine';
import { openStore, type OpenedStore } from './store';
import { killHard, runTsChild } from './testing/child';
import { CRASH_BATCH } from './testing/crash-writer';
import { enginesUnderTest, freshSchema } from './testing/engines';

const WRITER = 'backend/store/testing/crash-writer.ts';
const SLOW = 300_000; // a child process starts PGlite; on a loaded 2-core machine that takes a while

/** Every file or directory under `dir` whose name ends in .tmp (what a crash mid-write used to leave). */
function tmpFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

const opened: OpenedStore[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const postgres = enginesUnderTest().find((e) => e.name === 'postgres')!;
const cases: { name: string; location: () => StoreLocation; schema: string }[] = [
  { name: 'pglite (on disk)', location: () => ({ engine: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'pulso-crash-')) }), schema: 'pulso' },
  { name: 'postgres', location: () => postgres.location(), schema: freshSchema() },
];

describe.each(cases)('kill -9 on $name', ({ location: makeLocation, schema }) => {
  it(
    'an acknowledged write survives, a write cut mid-way is all or nothing, and no temp file is left',
    async () => {
      const location = makeLocation();
      const writer = runTsChild(WRITER, [], { PULSO_TEST_STORE: JSON.stringify({ location, schema }) });
      await writer.waitForLine(/^ack 3$/);
      await killHard(writer); // lands while the writer is in the middle of its next round
      const acked = Math.max(...writer.lines.map((l) => /^ack (\d+)$/.exec(l)?.[1]).filter(Boolean).map(Number));
      expect(acked).toBeGreaterThanOrEqual(3);

      const store = await openStore({ location, schema });
      opened.push(store);
      const current = await store.profiles.current();
      const round = Number(/^Round (\d+)$/.exec(current?.profile.name ?? '')?.[1]);
      expect(round === acked || round === acked + 1).toBe(true);
      expect(await store.profiles.history({ limit: 1_000 })).toHaveLength(round + 1);

      const events = await store.feedback.count();
      expect(events % CRASH_BATCH).toBe(0); // a batch is one transaction: never half stored
      expect(events).toBeGreaterThanOrEqual((acked + 1) * CRASH_BATCH);
      expect(events).toBeLessThanOrEqual((acked + 2) * CRASH_BATCH);
      const ids = new Set((await store.feedback.list({ limit: 5_000 })).map((e) => e.event.eventId));
      for (let r = 0; r <= acked; r++) for (let i = 0; i < CRASH_BATCH; i++) expect(ids.has(`crash-${r}-${i}`)).toBe(true);
      // Stored and counted in the same transaction: the policy saw exactly the stored events.
      expect((await store.policy.arms()).reduce((n, a) => n + a.pulls, 0)).toBe(events);

      if (location.engine === 'pglite') expect(tmpFiles(location.dataDir)).toEqual([]);
    },
    SLOW,
  );
});

describe('kill -9 on pglite during the first start', () => {
  it(
    'a data dir whose creation was cut short opens cleanly next time',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pulso-crash-init-'));
      const writer = runTsChild(WRITER, [], { PULSO_TEST_STORE: JSON.stringify({ location: { engine: 'pglite', dataDir }, schema: 'pulso' }) });
      await writer.waitForLine(/^opening$/);
      await killHard(writer);
      const store = await openStore({ location: { engine: 'pglite', dataDir } });
      opened.push(store);
      expect(await store.profiles.current()).toBeUndefined();
      expect(readdirSync(dataDir).sort()).toEqual(['pgdata', 'pgdata.lock']);
    },
    SLOW,
  );
});
