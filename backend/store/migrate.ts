import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Engine } from './engine';
import { MIGRATIONS } from './migrations';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the schema to the latest version. Replicas starting at once take turns: the whole
 * step (create the schema, run what is missing) holds a PostgreSQL advisory lock on one
 * connection, so the second replica finds the work done and runs nothing.
 */
export async function migrateToLatest(engine: Engine, migrations: Record<string, Migration> = MIGRATIONS): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const lockKey = `pulso.migrate.${engine.schema}`;
  return engine.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${lockKey}))`.execute(conn);
    try {
      await conn.schema.createSchema(engine.schema).ifNotExists().execute();
      const migrator = new Migrator({ db: conn, provider, migrationTableSchema: engine.schema });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new MigrationError(`store migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`.replace('  ', ' '));
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lockKey}))`.execute(conn);
    }
  });
}
