import { filterHistory, type HistoryFilter } from '../history/filter';
import { DAY_MS, DEFAULT_HISTORY_RETENTION_DAYS, HistoryEntrySchema, NewHistoryEntrySchema, type HistoryEntry, type NewHistoryEntry } from '../history/schema';
import { PulsoDb } from './db';

export interface HistoryStoreOptions {
  /** The retention setting, read when a trim runs (the admin may change it at any time). */
  retentionDays?: () => Promise<number>;
  now?: () => number;
  /** How often a write also trims: a trim is one indexed range delete, but not on every row. */
  trimEveryMs?: number;
}

/** Every final result Pulso produced, in IndexedDB, trimmed by the retention setting. */
export class HistoryStore {
  private lastTrimAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly db: PulsoDb = new PulsoDb(),
    private readonly options: HistoryStoreOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Validates and stores entries; returns their ids. Trims old rows now and then. */
  async add(entries: NewHistoryEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const rows = entries.map((entry) => NewHistoryEntrySchema.parse(entry));
    const ids = (await this.db.history.bulkAdd(rows, { allKeys: true })) as number[];
    if (this.now() - this.lastTrimAt > (this.options.trimEveryMs ?? 3_600_000)) await this.trimByRetention();
    return ids;
  }

  /**
   * Entries matching the filter, newest first. Every row is validated on read: one
   * written by an older or corrupt schema is skipped rather than breaking the page.
   */
  async list(filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
    // The most selective indexed filter narrows the read; the rest is matched in memory.
    const raws = filter.crm
      ? await this.db.history.where('crm').equals(filter.crm).toArray()
      : filter.priority
        ? await this.db.history.where('priority').equals(filter.priority).toArray()
        : filter.kind
          ? await this.db.history.where('kind').equals(filter.kind).toArray()
          : await this.db.history.toArray();
    const valid: HistoryEntry[] = [];
    for (const raw of raws) {
      const parsed = HistoryEntrySchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
    }
    return filterHistory(valid, filter);
  }

  async get(id: number): Promise<HistoryEntry | undefined> {
    const parsed = HistoryEntrySchema.safeParse(await this.db.history.get(id));
    return parsed.success ? parsed.data : undefined;
  }

  count(): Promise<number> {
    return this.db.history.count();
  }

  delete(id: number): Promise<void> {
    return this.db.history.delete(id);
  }

  clear(): Promise<void> {
    return this.db.history.clear();
  }

  /** Deletes entries older than `days` days; returns how many went. */
  async trim(days: number, now = this.now()): Promise<number> {
    this.lastTrimAt = now;
    return this.db.history.where('createdAt').below(now - days * DAY_MS).delete();
  }

  async trimByRetention(): Promise<number> {
    const days = (await this.options.retentionDays?.()) ?? DEFAULT_HISTORY_RETENTION_DAYS;
    return this.trim(days);
  }
}
