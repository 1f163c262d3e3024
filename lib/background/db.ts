import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { CrmSchema, FeedbackEventSchema, LeadClassificationSchema, type CampaignHistoryEntry, type StoredHistoryEntry } from '../contracts';

/** One backend result in the cache (lib/background/result-cache.ts). */
export const CachedResultSchema = z.object({
  key: z.string(),
  result: LeadClassificationSchema,
  engine: z.string(),
  crm: CrmSchema,
  recordId: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type CachedResult = z.output<typeof CachedResultSchema>;

/** One feedback event waiting for the backend (lib/background/feedback-outbox.ts). */
export const QueuedFeedbackSchema = z.object({
  eventId: z.string(),
  event: FeedbackEventSchema,
  queuedAt: z.number(),
  attempts: z.number().int().min(0),
});
export type QueuedFeedback = z.output<typeof QueuedFeedbackSchema>;

/**
 * Pulso's one IndexedDB database, on the extension's origin and opened by the background
 * only: the pages ask the background for what they show, so no page holds an older
 * schema open while the background upgrades it.
 * Every schema change is a new version below, never an edit of an old one: Dexie
 * upgrades a database written by any earlier version in place, so cached results and
 * history survive updates.
 */
export class PulsoDb extends Dexie {
  results!: Table<CachedResult, string>;
  history!: Table<StoredHistoryEntry, number>;
  feedbackOutbox!: Table<QueuedFeedback, string>;
  campaigns!: Table<CampaignHistoryEntry, number>;

  constructor(name = PULSO_DATABASE) {
    super(name);
    // v1: the backend result cache.
    this.version(1).stores({ results: 'key, expiresAt, [crm+recordId]' });
    // v2: history of every final result; indexes for the page's filters and the retention trim.
    this.version(2).stores({ history: '++id, createdAt, crm, kind, priority' });
    // v3: feedback events not yet delivered to the backend (offline), keyed by eventId so a
    // re-queued event is one row; delivered oldest first.
    this.version(3).stores({ feedbackOutbox: 'eventId, queuedAt' });
    // v4: campaign runs (the history page lists them beside the classifications). v3 is the feedback outbox.
    this.version(4).stores({ campaigns: '++id, createdAt' });
  }
}

/** The database's name ("Clear all local data" deletes it). */
export const PULSO_DATABASE = 'pulso';
