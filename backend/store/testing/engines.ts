import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { MEMORY_DATA_DIR, openEngine, type Engine, type StoreLocation } from '../engine';
import { openStore, type OpenedStore, type StoreOptions } from '../store';
import { startTestPostgres, type TestPostgres } from './postgres-server';

/** Both engines the store runs on, for `describe.each`: PGlite (in memory) and a real PostgreSQL server. */
export interface EngineUnderTest {
  name: 'pglite' | 'postgres';
  location(): StoreLocation;
}

export const freshSchema = () => `t_${randomBytes(6).toString('hex')}`;

/**
 * Registers a PostgreSQL server for this test file (started once, stopped after) and
 * returns both engines. Every store a test opens gets a fresh schema unless it names one
 * (two stores on one schema are two replicas of one database).
 */
export function enginesUnderTest(): EngineUnderTest[] {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    // Start both engines before the tests: this worker's in-memory PGlite cluster (seconds,
    // far more on a loaded machine) and the PostgreSQL server, outside any test's time-out.
    const [warm, started] = await Promise.all([openStore({ location: { engine: 'pglite', dataDir: MEMORY_DATA_DIR } }), startTestPostgres()]);
    server = started;
    await warm.close();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });
  return [
    { name: 'pglite', location: () => ({ engine: 'pglite', dataDir: MEMORY_DATA_DIR }) },
    {
      name: 'postgres',
      location: () => {
        if (!server) throw new Error('the test PostgreSQL server is not running');
        return { engine: 'postgres', url: server.url };
      },
    },
  ];
}

/** Opens stores and closes them all after the file. */
export function storeOpener(engine: EngineUnderTest) {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  return {
    async open(options: Partial<Omit<StoreOptions, 'location'>> = {}): Promise<OpenedStore> {
      const store = await openStore({ location: engine.location(), schema: freshSchema(), ...options });
      opened.push(store);
      return store;
    },
    /** The raw engine on a store's schema: tests use it to damage stored rows on purpose. */
    async raw(schema: string): Promise<Engine> {
      const engineHandle = await openEngine(engine.location(), { schema });
      opened.push(engineHandle);
      return engineHandle;
    },
  };
}
