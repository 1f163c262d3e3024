import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine, PGLITE_SHARED_BUFFERS, type Engine } from './engine';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const sharedBuffers = async (engine: Engine) => (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(engine.db)).rows[0]!.shared_buffers;

describe('the embedded database', () => {
  // PGlite's default (160 MB) is the server's own memory in WebAssembly: most of a rules-mode server's RSS.
  it(`runs with ${PGLITE_SHARED_BUFFERS} of shared buffers, on disk (first start and restart) and in memory`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulso-engine-'));
    dirs.push(dataDir);
    for (let start = 0; start < 2; start++) {
      const engine = await openEngine({ engine: 'pglite', dataDir });
      try {
        expect(await sharedBuffers(engine)).toBe(PGLITE_SHARED_BUFFERS);
      } finally {
        await engine.close();
      }
    }
    const memory = await openEngine({ engine: 'pglite', dataDir: 'memory://' });
    try {
      expect(await sharedBuffers(memory)).toBe(PGLITE_SHARED_BUFFERS);
    } finally {
      await memory.close();
    }
  }, 300_000);
});
