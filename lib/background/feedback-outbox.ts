import { FeedbackEventSchema, type FeedbackEvent } from '../contracts';
import { maskContactsInText } from '../privacy/mask';
import { BackendError, type BackendClient } from './backend-client';
import { QueuedFeedbackSchema, type PulsoDb, type QueuedFeedback } from './db';

/** The most events kept while the backend cannot be reached; beyond it the oldest go first. */
export const MAX_QUEUED_FEEDBACK = 5_000;
/** Events per POST /v1/feedback (the contract allows 1,000). */
export const FEEDBACK_BATCH = 500;

export interface FlushResult {
  /** Stored by the backend now. */
  delivered: number;
  /** The backend already had them (a delivery whose answer was lost): not counted again. */
  duplicates: number;
  /** Refused by the backend one by one (400): dropped, never retried. */
  rejected: number;
  /** Still waiting. */
  pending: number;
  /** Why the backend was not reached, when it was not. */
  error?: string;
}

export interface FeedbackOutboxDeps {
  backend: () => Promise<BackendClient>;
  /** Masking on: emails and phones in a reason never leave the browser. */
  maskContacts: () => Promise<boolean>;
  now?: () => number;
}

/**
 * The agents' feedback on its way to POST /v1/feedback: every event is written to IndexedDB
 * first and deleted only after the backend acknowledged it, so a browser that is offline, a
 * backend that is down or a service worker that is stopped loses nothing; and since the backend
 * counts an eventId once, an event delivered twice (its answer lost) is still counted once.
 */
export class FeedbackOutbox {
  private running: Promise<FlushResult> | undefined;
  private again = false;
  private readonly now: () => number;

  constructor(
    private readonly db: PulsoDb,
    private readonly deps: FeedbackOutboxDeps,
  ) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** Validates and queues events (a re-queued eventId stays one row); returns how many are waiting. */
  async enqueue(events: readonly FeedbackEvent[]): Promise<number> {
    const mask = await this.deps.maskContacts();
    const queuedAt = this.now();
    const rows: QueuedFeedback[] = events.map((raw, i) => {
      const event = FeedbackEventSchema.parse(raw);
      const clean = mask && event.reason ? { ...event, reason: maskContactsInText(event.reason) } : event;
      return { eventId: clean.eventId, event: clean, queuedAt: queuedAt + i / 1_000, attempts: 0 };
    });
    await this.db.transaction('rw', this.db.feedbackOutbox, async () => {
      // An event already waiting keeps its place (and its attempts).
      const existing = new Set((await this.db.feedbackOutbox.bulkGet(rows.map((r) => r.eventId))).flatMap((r) => (r ? [r.eventId] : [])));
      await this.db.feedbackOutbox.bulkAdd(rows.filter((r) => !existing.has(r.eventId)));
      const excess = (await this.db.feedbackOutbox.count()) - MAX_QUEUED_FEEDBACK;
      if (excess > 0) await this.db.feedbackOutbox.orderBy('queuedAt').limit(excess).delete();
    });
    return this.pending();
  }

  pending(): Promise<number> {
    return this.db.feedbackOutbox.count();
  }

  /**
   * Sends what waits, oldest first, until the queue is empty or the backend cannot take it.
   * One flush at a time: a call during a flush makes it go round once more and shares its result.
   */
  flush(): Promise<FlushResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      const total: FlushResult = { delivered: 0, duplicates: 0, rejected: 0, pending: 0 };
      try {
        do {
          this.again = false;
          const round = await this.deliverAll();
          total.delivered += round.delivered;
          total.duplicates += round.duplicates;
          total.rejected += round.rejected;
          total.error = round.error;
          if (round.error) break;
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      total.pending = await this.pending();
      return total;
    })();
    return this.running;
  }

  private async deliverAll(): Promise<Omit<FlushResult, 'pending'>> {
    const result = { delivered: 0, duplicates: 0, rejected: 0 } as Omit<FlushResult, 'pending'>;
    for (;;) {
      const batch = await this.readBatch();
      if (batch.length === 0) return result;
      let client: BackendClient;
      try {
        client = await this.deps.backend();
      } catch (err) {
        return { ...result, error: (err as Error).message };
      }
      const outcome = await this.send(client, batch);
      result.delivered += outcome.delivered;
      result.duplicates += outcome.duplicates;
      result.rejected += outcome.rejected;
      if (outcome.error) return { ...result, error: outcome.error };
    }
  }

  /** The oldest batch; a row that no longer parses (a damaged database) is dropped, not sent. */
  private async readBatch(): Promise<QueuedFeedback[]> {
    const raws = await this.db.feedbackOutbox.orderBy('queuedAt').limit(FEEDBACK_BATCH).toArray();
    const valid: QueuedFeedback[] = [];
    const broken: string[] = [];
    for (const raw of raws) {
      const parsed = QueuedFeedbackSchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else broken.push((raw as { eventId: string }).eventId);
    }
    if (broken.length) await this.db.feedbackOutbox.bulkDelete(broken);
    return valid.length || !broken.length ? valid : this.readBatch();
  }

  private async send(client: BackendClient, batch: QueuedFeedback[]): Promise<Omit<FlushResult, 'pending'>> {
    const ids = batch.map((item) => item.eventId);
    try {
      const answer = await client.sendFeedback(batch.map((item) => item.event));
      await this.db.feedbackOutbox.bulkDelete(ids);
      return { delivered: answer.accepted, duplicates: answer.duplicates, rejected: 0 };
    } catch (err) {
      // The backend refused the request's content: find the event(s) it refuses, one by one,
      // so one event it cannot take never holds back the rest.
      if (err instanceof BackendError && err.status === 400) {
        if (batch.length === 1) {
          await this.db.feedbackOutbox.delete(ids[0]!);
          return { delivered: 0, duplicates: 0, rejected: 1 };
        }
        const total = { delivered: 0, duplicates: 0, rejected: 0 } as Omit<FlushResult, 'pending'>;
        for (const item of batch) {
          const one = await this.send(client, [item]);
          total.delivered += one.delivered;
          total.duplicates += one.duplicates;
          total.rejected += one.rejected;
          if (one.error) return { ...total, error: one.error };
        }
        return total;
      }
      await this.db.feedbackOutbox.bulkUpdate(batch.map((item) => ({ key: item.eventId, changes: { attempts: item.attempts + 1 } })));
      return { delivered: 0, duplicates: 0, rejected: 0, error: (err as Error).message };
    }
  }
}
