import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them (what a row holds in PostgreSQL). Rows are read back
 * through zod in each feature module: this file only types the query builder.
 * JSON columns are written as JSON text (both engines parse text into jsonb the same way)
 * and read back as parsed values.
 */
type Json = ColumnType<unknown, string, string>;
/** Both engines return a Date; writes may pass a Date or leave the default (now()). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint: pg returns it as a string, PGlite as a number; typed as a number here, coerced by zod on read. */
type Int8 = number;

export interface ProfilesTable {
  version: string;
  document: Json;
  first_published_at: Timestamp;
}

export interface ProfilePublicationsTable {
  id: Generated<Int8>;
  version: string;
  published_by: string;
  published_at: Timestamp;
}

export interface FeedbackEventsTable {
  seq: Generated<Int8>;
  event_id: string;
  kind: string;
  event: Json;
  occurred_at: ColumnType<Date | null, Date | string | null | undefined, never>;
  received_at: Timestamp;
}

export interface PolicyArmsTable {
  segment: string;
  intent: string;
  strategy: string;
  pulls: Int8;
  weight: number;
  reward_sum: number;
  updated_at: Timestamp;
}

export interface CampaignsTable {
  id: Generated<Int8>;
  created_at: Timestamp;
  lead_ref: Json;
  campaign: Json;
  profile_version: string | null;
  created_by: string | null;
}

export interface SelectorPacksTable {
  seq: Generated<Int8>;
  version: string;
  signature: string;
  document: Json;
  published_by: string;
  published_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<Int8>;
  at: Timestamp;
  actor: string;
  action: string;
  detail: Json;
}

export interface Tables {
  profiles: ProfilesTable;
  profile_publications: ProfilePublicationsTable;
  feedback_events: FeedbackEventsTable;
  policy_arms: PolicyArmsTable;
  campaigns: CampaignsTable;
  selector_packs: SelectorPacksTable;
  audit_log: AuditLogTable;
}
