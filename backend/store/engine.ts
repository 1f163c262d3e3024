import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, WithSchemaPlugin } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';
import { lockDataDir } from './data-dir-lock';
import { MEMORY_DATA_DIR, type StoreLocation } from './location';

export { MEMORY_DATA_DIR, type StoreLocation } from './location';

/**
 * A tarball of a freshly initialised PGlite cluster (PGlite's `dumpDataDir`). When set, a new
 * embedded database starts from it instead of running initdb (seconds of CPU); the test
 * setup uses it so each test file does not pay initdb again.
 */
export const PGLITE_TEMPLATE_ENV = 'PULSO_PGLITE_TEMPLATE';

export interface Engine {
  kind: 'pglite' | 'postgres';
  /** Every query goes through the schema plugin: tables live in `schema`. */
  db: Kysely<Tables>;
  schema: string;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** PostgreSQL schema for the tables (default `pulso`). */
  schema?: string;
  /** Where a pool error goes (a server restart drops idle connections). */
  onError?: (err: Error) => void;
}

function template(): Blob | undefined {
  const path = process.env[PGLITE_TEMPLATE_ENV];
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/**
 * PGlite's shared_buffers default is 160 MB, and in WebAssembly that is the server's own memory
 * (touched at start: ~140 MB of RSS per cluster), for a store of a few MB (profiles, feedback,
 * policy, campaigns). 16 MB holds all of that; a page beyond it is read from the data
 * files through the OS page cache.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';
const startParams = () => [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

const newCluster = (dataDir?: string) => {
  const loadDataDir = template();
  return PGlite.create(dataDir, { startParams: startParams(), ...(loadDataDir ? { loadDataDir } : {}) });
};

/**
 * A new cluster is made in `pgdata.init` and renamed into place once complete, so a crash
 * during the first start (initdb takes seconds) never leaves a half-made `pgdata`.
 */
async function openClusterOnDisk(dataDir: string): Promise<PGlite> {
  const pgdata = join(dataDir, 'pgdata');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    const staging = join(dataDir, 'pgdata.init');
    rmSync(staging, { recursive: true, force: true });
    const fresh = await newCluster(staging);
    await fresh.close();
    rmSync(pgdata, { recursive: true, force: true });
    renameSync(staging, pgdata);
  }
  return PGlite.create(pgdata, { startParams: startParams() });
}

// One in-memory cluster per process (per worker thread), shared by every memory:// store,
// each in its own schema: a test server costs a CREATE SCHEMA, not a new cluster.
const MEMORY_CLUSTER = Symbol.for('pulso.store.memoryCluster');
type WithMemoryCluster = typeof globalThis & { [MEMORY_CLUSTER]?: Promise<PGlite> };
let memorySchemas = 0;

function memoryCluster(): Promise<PGlite> {
  const g = globalThis as WithMemoryCluster;
  g[MEMORY_CLUSTER] ??= newCluster().catch((err: unknown) => {
    g[MEMORY_CLUSTER] = undefined;
    throw err;
  });
  return g[MEMORY_CLUSTER];
}

/** The shared cluster as one store sees it: everything but `close`, which must not end it for the others. */
function borrowed(pglite: PGlite): PGlite {
  const view = {
    get closed() {
      return pglite.closed;
    },
    get ready() {
      return pglite.ready;
    },
    waitReady: pglite.waitReady,
    query: pglite.query.bind(pglite),
    transaction: pglite.transaction.bind(pglite),
    close: async () => {},
  };
  return view as unknown as PGlite;
}

export async function openEngine(location: StoreLocation, options: EngineOptions = {}): Promise<Engine> {
  if (location.engine === 'postgres') {
    const schema = options.schema ?? 'pulso';
    const pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10 });
    pool.on('error', (err) => options.onError?.(err));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [new WithSchemaPlugin(schema)] });
    return { kind: 'postgres', db, schema, close: () => db.destroy() };
  }

  if (location.dataDir === MEMORY_DATA_DIR) {
    const pglite = await memoryCluster();
    // A schema of its own unless told which (tests open two stores on one schema, as replicas).
    const own = options.schema === undefined;
    const schema = options.schema ?? `pulso_mem_${process.pid}_${++memorySchemas}`;
    const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: borrowed(pglite) }), plugins: [new WithSchemaPlugin(schema)] });
    return {
      kind: 'pglite',
      db,
      schema,
      close: async () => {
        if (own) await db.schema.dropSchema(schema).ifExists().cascade().execute();
        await db.destroy();
      },
    };
  }

  mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  const release = lockDataDir(join(location.dataDir, 'pgdata.lock'), `the embedded database in ${location.dataDir}`);
  let pglite: PGlite;
  try {
    pglite = await openClusterOnDisk(location.dataDir);
  } catch (err) {
    release();
    throw err;
  }
  const schema = options.schema ?? 'pulso';
  const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite }), plugins: [new WithSchemaPlugin(schema)] });
  return {
    kind: 'pglite',
    db,
    schema,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}
