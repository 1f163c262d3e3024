import { sql } from 'kysely';
import { AuditLog } from './audit-log';
import { CampaignHistory } from './campaign-history';
import { openEngine } from './engine';
import { MEMORY_DATA_DIR, type StoreLocation } from './location';
import { FeedbackLog } from './feedback-log';
import { importLegacyProfile, type LegacyImport } from './legacy-profile';
import { migrateToLatest } from './migrate';
import { PolicyState } from './policy-state';
import { ProfileVersions } from './profile-versions';
import { SelectorPacks } from './selector-packs';

export { storeLocation, MEMORY_DATA_DIR, type StoreLocation } from './location';

/**
 * The backend's store: one interface over PGlite (PostgreSQL embedded, the default) and a
 * PostgreSQL server (DATABASE_URL), with the same SQL and the same migrations for both.
 * Every write is a transaction; a write that resolved is committed.
 */
export interface Store {
  readonly engine: 'pglite' | 'postgres';
  readonly profiles: ProfileVersions;
  readonly feedback: FeedbackLog;
  readonly policy: PolicyState;
  readonly campaigns: CampaignHistory;
  readonly selectorPacks: SelectorPacks;
  readonly audit: AuditLog;
  /** Resolves when the database answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  location: StoreLocation;
  /** The optional audit log (off by default). */
  audit?: boolean;
  /** PostgreSQL schema for the tables (default `pulso`; tests isolate themselves with their own). */
  schema?: string;
  /** A data dir that may hold a profile published with the old JSON-file store (imported once). */
  legacyDataDir?: string;
  onError?: (err: Error) => void;
}

export interface OpenedStore extends Store {
  /** Migrations this start applied (empty when the schema was current). */
  readonly applied: readonly string[];
  readonly legacyImport: LegacyImport;
}

/** Opens the store, migrates it to the latest schema and imports a legacy profile file once. */
export async function openStore(options: StoreOptions): Promise<OpenedStore> {
  const engine = await openEngine(options.location, { schema: options.schema, onError: options.onError });
  try {
    const applied = await migrateToLatest(engine);
    const audit = new AuditLog(engine.db, options.audit ?? false);
    const profiles = new ProfileVersions(engine.db, audit);
    const legacyDir = options.legacyDataDir ?? (options.location.engine === 'pglite' ? options.location.dataDir : undefined);
    const legacyImport = legacyDir && legacyDir !== MEMORY_DATA_DIR ? await importLegacyProfile(legacyDir, profiles) : 'none';
    return {
      engine: engine.kind,
      applied,
      legacyImport,
      profiles,
      feedback: new FeedbackLog(engine.db),
      policy: new PolicyState(engine.db),
      campaigns: new CampaignHistory(engine.db, audit),
      selectorPacks: new SelectorPacks(engine.db, audit),
      audit,
      ping: async () => {
        await sql`select 1`.execute(engine.db);
      },
      close: () => engine.close(),
    };
  } catch (err) {
    await engine.close().catch(() => {});
    throw err;
  }
}
