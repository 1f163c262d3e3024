import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  FeedbackDayStatsSchema,
  LeadFeedbackDayStatsSchema,
  type FeedbackDayStats,
  type LeadFeedbackDayStats,
} from '../../lib/contracts/learning';
import type { Tables } from './tables';
import { parseRow } from './rows';

/**
 * Daily aggregates of the feedback events for the team page (GET /v1/feedback/stats), computed
 * by the database over the window (an index range on received_at), so the page never downloads
 * events. An event is dated when it happened (`at`, sent by the extension: an offline event is
 * delivered later) but never later than when it arrived, in UTC days. Only counts and means
 * leave: no reasons, no ids.
 */
const count = z.coerce.number().int().min(0);
const meanOrNull = z.union([z.null(), z.coerce.number()]);

/**
 * The contract's row as the database answers it: PostgreSQL sends counts (bigint) and means
 * (numeric) as text, so every number field of the contract is coerced — counts as counts,
 * nullable means as means — and the row keeps the contract's types.
 */
function databaseRow<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const numbers = Object.fromEntries(
    Object.entries(schema.shape).flatMap(([key, field]): [string, z.ZodType][] =>
      field instanceof z.ZodNullable ? [[key, meanOrNull]] : field instanceof z.ZodNumber ? [[key, count]] : [],
    ),
  );
  return schema.extend(numbers as Record<never, never>);
}

const DraftRowSchema = databaseRow(FeedbackDayStatsSchema);
const LeadRowSchema = databaseRow(LeadFeedbackDayStatsSchema);

const happened = sql<Date>`least(coalesce(occurred_at, received_at), received_at)`;
const day = sql<string>`to_char(date_trunc('day', ${happened} at time zone 'UTC'), 'YYYY-MM-DD')`;

const clamp = (x: number | null, hi: number) => (x === null ? null : Math.min(hi, Math.max(0, x)));

export async function draftFeedbackByDay(db: Kysely<Tables>, since: Date): Promise<FeedbackDayStats[]> {
  const outcome = (name: string) => sql<number>`count(*) filter (where event->>'outcome' = ${name})`;
  const judged = sql`event->'judge' is not null`;
  const rows = await db
    .selectFrom('feedback_events')
    .where('kind', '=', 'draft')
    .where('received_at', '>=', since)
    .where(happened, '>=', since)
    .select([
      day.as('day'),
      sql<string>`event->>'strategy'`.as('strategy'),
      sql<number>`count(*)`.as('events'),
      outcome('inserted').as('inserted'),
      outcome('edited').as('edited'),
      outcome('copied').as('copied'),
      outcome('regenerated').as('regenerated'),
      outcome('discarded').as('discarded'),
      outcome('switched').as('switched'),
      sql<number>`count(*) filter (where event->>'rating' = '1')`.as('thumbsUp'),
      sql<number>`count(*) filter (where event->>'rating' = '-1')`.as('thumbsDown'),
      sql<number>`count(*) filter (where event->>'wasSuggested' = 'true')`.as('suggested'),
      sql<number>`count(*) filter (where ${judged})`.as('judged'),
      sql<number | null>`avg((event->'judge'->>'npsExpected')::float8)`.as('npsExpected'),
      sql<number | null>`avg((event->'judge'->>'engagementProb')::float8)`.as('engagementProb'),
      sql<number | null>`avg((event->'judge'->>'churnProb')::float8)`.as('churnProb'),
    ])
    .groupBy([sql`1`, sql`2`])
    .orderBy(sql`1`)
    .orderBy(sql`2`)
    .execute();
  return rows.map((row) => {
    const parsed = parseRow(DraftRowSchema, row, 'feedback aggregate');
    // Averages of stored values that each passed the contract; clamping only guards float rounding.
    return { ...parsed, npsExpected: clamp(parsed.npsExpected, 10), engagementProb: clamp(parsed.engagementProb, 1), churnProb: clamp(parsed.churnProb, 1) };
  });
}

export async function leadFeedbackByDay(db: Kysely<Tables>, since: Date): Promise<LeadFeedbackDayStats[]> {
  const corrected = (field: string, predicted: string) =>
    sql<number>`count(*) filter (where event ? ${field} and event->>${field} is distinct from event->>${predicted})`;
  const rows = await db
    .selectFrom('feedback_events')
    .where('kind', '=', 'lead')
    .where('received_at', '>=', since)
    .where(happened, '>=', since)
    .select([
      day.as('day'),
      sql<number>`count(*)`.as('events'),
      corrected('stage', 'predictedStage').as('stageCorrected'),
      corrected('priority', 'predictedPriority').as('priorityCorrected'),
      sql<number>`count(*) filter (where event->>'rating' = '1')`.as('thumbsUp'),
      sql<number>`count(*) filter (where event->>'rating' = '-1')`.as('thumbsDown'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => parseRow(LeadRowSchema, row, 'lead feedback aggregate'));
}
