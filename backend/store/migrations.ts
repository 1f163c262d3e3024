import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The store's schema, versioned. Both engines (PGlite and PostgreSQL) run exactly these,
 * in name order, once each, at start (see migrate.ts). Never edit a migration that has
 * shipped: add the next one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      // Profile versions: one row per distinct profile, one per publication (who, when).
      // The current profile is the latest publication.
      await db.schema
        .createTable('profiles')
        .addColumn('version', 'text', (c) => c.primaryKey())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('first_published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('profile_publications')
        .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('version', 'text', (c) => c.notNull().references('profiles.version'))
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('profile_publications_version').on('profile_publications').columns(['version', 'id']).execute();

      // Feedback events: the event as sent, unique by eventId (a retry is counted once, ever).
      await db.schema
        .createTable('feedback_events')
        .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event', 'jsonb', (c) => c.notNull())
        .addColumn('occurred_at', 'timestamptz')
        .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('feedback_events_kind_seq').on('feedback_events').columns(['kind', 'seq']).execute();
      await db.schema.createIndex('feedback_events_received_at').on('feedback_events').column('received_at').execute();

      // Policy state: per context (segment × intent) × strategy, the sums the posterior is made
      // of. Only ever added to, in the transaction that stores the events, so replicas add up.
      await db.schema
        .createTable('policy_arms')
        .addColumn('segment', 'text', (c) => c.notNull())
        .addColumn('intent', 'text', (c) => c.notNull())
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('pulls', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('reward_sum', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('policy_arms_pk', ['segment', 'intent', 'strategy'])
        .execute();

      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('lead_ref', 'jsonb', (c) => c.notNull())
        .addColumn('campaign', 'jsonb', (c) => c.notNull())
        .addColumn('profile_version', 'text')
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('campaigns_created_at').on('campaigns').column('created_at').execute();

      // Selector packs: a signed JSON document per version; the current one is the latest.
      await db.schema
        .createTable('selector_packs')
        .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('version', 'text', (c) => c.notNull().unique())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'jsonb', (c) => c.notNull())
        .execute();
    },
  },
};
