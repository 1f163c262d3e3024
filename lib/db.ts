import Dexie, { type Table } from 'dexie';
import type { CachedResult } from './cache';
import type { StoredHistoryEntry } from './history/schema';

/**
 * Pulso's one IndexedDB database, shared by the background, the popup and the
 * history page (all on the extension's origin). Every schema change is a new
 * version below, never an edit of an old one: Dexie upgrades a database written
 * by any earlier version in place, so cached results and history survive updates.
 */
export class PulsoDb extends Dexie {
  results!: Table<CachedResult, string>;
  history!: Table<StoredHistoryEntry, number>;

  constructor(name = 'pulso') {
    super(name);
    // v1: the backend result cache.
    this.version(1).stores({ results: 'key, expiresAt, [crm+recordId]' });
    // v2: history of every final result; indexes for the page's filters and the retention trim.
    this.version(2).stores({ history: '++id, createdAt, crm, kind, priority' });
  }
}
