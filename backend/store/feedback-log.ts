import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { FeedbackEventSchema, type FeedbackDayStats, type FeedbackEvent, type LeadFeedbackDayStats, type PolicyArm } from '../../lib/contracts/learning';
import { feedbackDelta } from '../../lib/learning/policy';
import { draftFeedbackByDay, leadFeedbackByDay } from './feedback-stats';
import type { Tables } from './tables';
import { addToArms } from './policy-state';
import { isoTime, jsonText, parseRow, rowId } from './rows';

/** How many events one transaction stores: big enough to amortise the commit, small enough not to hold the embedded engine (one session) for long. */
export const FEEDBACK_CHUNK = 250;

export const StoredFeedbackSchema = z.object({
  seq: rowId,
  receivedAt: isoTime,
  event: FeedbackEventSchema,
});
export type StoredFeedback = z.output<typeof StoredFeedbackSchema>;

export interface RecordResult {
  /** New events, stored now. */
  accepted: number;
  /** Events whose eventId was already stored (or came twice): not counted again. */
  duplicates: number;
}

export interface RecordOptions {
  /**
   * What a new event adds to the policy arms, or undefined when it says nothing about a
   * strategy. Default: `feedbackDelta` (lib/learning/policy.ts), which owns the reward formula.
   */
  delta?: (event: FeedbackEvent) => PolicyArm | undefined;
}

interface Pending {
  events: { event: FeedbackEvent; delta?: PolicyArm }[];
  /** Index of the first event not yet taken into a chunk. */
  next: number;
  /** Events committed so far. */
  written: number;
  failed: boolean;
  result: RecordResult;
  resolve: (r: RecordResult) => void;
  reject: (err: unknown) => void;
}

type Slice = { pending: Pending; from: number; to: number };

const DEADLOCK_OR_SERIALIZATION = new Set(['40P01', '40001']);

/**
 * Feedback events, stored once each by eventId, and the policy arms they feed, in one
 * transaction per chunk: an event is never counted without being stored, nor twice.
 *
 * Writes are group-committed: calls that arrive while a transaction is running are queued
 * and written together in the next one, so a burst of single-event requests costs a few
 * transactions, not one each. Between chunks the writer yields to the event loop, so a
 * 10,000-event burst never holds the server. A call resolves once all its events are
 * committed (acknowledged = durable); if it rejects, a retry is safe (idempotent by eventId).
 */
export class FeedbackLog {
  private readonly queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Kysely<Tables>) {}

  record(events: readonly FeedbackEvent[], options: RecordOptions = {}): Promise<RecordResult> {
    let items: Pending['events'];
    try {
      const delta = options.delta ?? feedbackDelta;
      items = events.map((e) => {
        const event = FeedbackEventSchema.parse(e);
        return { event, delta: delta(event) };
      });
    } catch (err) {
      return Promise.reject(err);
    }
    if (items.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    return new Promise<RecordResult>((resolve, reject) => {
      this.queue.push({ events: items, next: 0, written: 0, failed: false, result: { accepted: 0, duplicates: 0 }, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Stored events in the order they were stored (a call's events in eventId order within a chunk); `afterSeq` pages on. */
  async list({ kind, afterSeq = 0, since, limit = 500 }: { kind?: FeedbackEvent['kind']; afterSeq?: number; since?: string; limit?: number } = {}): Promise<StoredFeedback[]> {
    let query = this.db
      .selectFrom('feedback_events')
      .select(['seq', 'received_at as receivedAt', 'event'])
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(Math.min(Math.max(limit, 1), 5_000));
    if (kind) query = query.where('kind', '=', kind);
    if (since) query = query.where('received_at', '>=', new Date(since));
    const rows = await query.execute();
    return rows.map((row) => parseRow(StoredFeedbackSchema, row, 'feedback event'));
  }

  /** Per-day aggregates since `since` (GET /v1/feedback/stats): counts and judge means, no event text. */
  async stats(since: Date): Promise<{ drafts: FeedbackDayStats[]; leads: LeadFeedbackDayStats[] }> {
    const [drafts, leads] = await Promise.all([draftFeedbackByDay(this.db, since), leadFeedbackByDay(this.db, since)]);
    return { drafts, leads };
  }

  async count(kind?: FeedbackEvent['kind']): Promise<number> {
    let query = this.db.selectFrom('feedback_events').select((eb) => eb.fn.countAll().as('n'));
    if (kind) query = query.where('kind', '=', kind);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const chunk = this.takeChunk();
        try {
          await this.writeChunk(chunk);
          for (const { pending, from, to } of chunk) {
            pending.written += to - from;
            if (pending.written === pending.events.length && !pending.failed) pending.resolve(pending.result);
          }
        } catch (err) {
          for (const { pending } of chunk) this.fail(pending, err);
        }
        await nextTurn();
      }
    } finally {
      this.writing = false;
    }
  }

  /** Up to FEEDBACK_CHUNK events from the head of the queue; a call bigger than that spans several chunks. */
  private takeChunk(): Slice[] {
    const chunk: Slice[] = [];
    let room = FEEDBACK_CHUNK;
    while (room > 0 && this.queue.length > 0) {
      const pending = this.queue[0]!;
      const from = pending.next;
      const to = Math.min(pending.events.length, from + room);
      chunk.push({ pending, from, to });
      pending.next = to;
      room -= to - from;
      if (to >= pending.events.length) this.queue.shift();
    }
    return chunk;
  }

  private async writeChunk(chunk: readonly Slice[]): Promise<void> {
    // First occurrence of each eventId in the chunk; later ones are duplicates of it.
    const first = new Map<string, { event: FeedbackEvent; delta?: PolicyArm }>();
    for (const { pending, from, to } of chunk) {
      for (const item of pending.events.slice(from, to)) if (!first.has(item.event.eventId)) first.set(item.event.eventId, item);
    }
    const ids = [...first.keys()].sort();
    const inserted = await this.withRetry(() =>
      this.db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('feedback_events')
          .values(
            ids.map((id) => {
              const { event } = first.get(id)!;
              return { event_id: id, kind: event.kind, event: jsonText(event), occurred_at: event.at ?? null };
            }),
          )
          .onConflict((oc) => oc.column('event_id').doNothing())
          .returning('event_id')
          .execute();
        const fresh = new Set(rows.map((r) => r.event_id));
        await addToArms(
          trx,
          ids.filter((id) => fresh.has(id)).flatMap((id) => first.get(id)!.delta ?? []),
        );
        return fresh;
      }),
    );
    for (const { pending, from, to } of chunk) {
      for (const item of pending.events.slice(from, to)) {
        if (inserted.delete(item.event.eventId)) pending.result.accepted += 1;
        else pending.result.duplicates += 1;
      }
    }
  }

  private async withRetry<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        if (attempt >= 3 || !DEADLOCK_OR_SERIALIZATION.has((err as { code?: string }).code ?? '')) throw err;
      }
    }
  }

  /** A failed chunk fails every call in it; what those calls had not yet sent is dropped (a retry resends it, idempotently). */
  private fail(pending: Pending, err: unknown): void {
    if (pending.failed) return;
    pending.failed = true;
    const at = this.queue.indexOf(pending);
    if (at >= 0) this.queue.splice(at, 1);
    pending.reject(err);
  }
}
