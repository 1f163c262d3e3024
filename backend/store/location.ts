/**
 * Where the store lives. `pglite`: PostgreSQL embedded in this process (WASM), files under
 * `dataDir/pgdata`, or nothing on disk with `memory://`. `postgres`: a PostgreSQL server
 * (DATABASE_URL), which several replicas can share. (A module of its own: the config reads
 * it without loading the database engines.)
 */
export type StoreLocation = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; poolSize?: number };

/** PULSO_DATA_DIR=memory:// keeps the embedded store in memory: nothing survives a restart. */
export const MEMORY_DATA_DIR = 'memory://';

/** DATABASE_URL → PostgreSQL; else PGlite under PULSO_DATA_DIR (or in memory with memory://). */
export function storeLocation(config: { databaseUrl?: string; dataDir: string }): StoreLocation {
  return config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir };
}
