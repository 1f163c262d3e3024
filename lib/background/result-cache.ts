import { CachedResultSchema, PulsoDb, type CachedResult } from './db';

export type { CachedResult } from './db';

const createdAtOf = (raw: unknown): number => {
  const at = (raw as { createdAt?: unknown }).createdAt;
  return typeof at === 'number' ? at : Number.NEGATIVE_INFINITY;
};

/** How many parsed results the worker keeps in memory (a few lists' worth). */
const RECENT_ENTRIES = 2_000;

const recordKeyOf = (crm: string, recordId: string, engine: string) => `${crm}\n${recordId}\n${engine}`;

/**
 * The results this worker wrote or read lately, parsed: a list or a record seen again is
 * answered without an IndexedDB read or a schema parse per row. Every write goes through the
 * cache, so what is kept here is never older than what IndexedDB holds; the oldest are dropped
 * past RECENT_ENTRIES, and a restarted worker starts empty (IndexedDB answers, and refills it).
 */
class RecentResults {
  private readonly byKey = new Map<string, CachedResult>();
  /** The newest result per record and engine. */
  private readonly byRecord = new Map<string, CachedResult>();

  remember(entry: CachedResult): void {
    this.byKey.delete(entry.key);
    this.byKey.set(entry.key, entry);
    const id = recordKeyOf(entry.crm, entry.recordId, entry.engine);
    const known = this.byRecord.get(id);
    if (!known || known.createdAt <= entry.createdAt) {
      this.byRecord.delete(id);
      this.byRecord.set(id, entry);
    }
    for (const map of [this.byKey, this.byRecord]) {
      while (map.size > RECENT_ENTRIES) map.delete(map.keys().next().value!);
    }
  }

  get(key: string, now: number): CachedResult | undefined {
    const entry = this.byKey.get(key);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  latest(crm: string, recordId: string, engine: string, now: number): CachedResult | undefined {
    const entry = this.byRecord.get(recordKeyOf(crm, recordId, engine));
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  forget(): void {
    this.byKey.clear();
    this.byRecord.clear();
  }
}

/**
 * Backend results in IndexedDB, so revisits paint at once and survive service-worker restarts,
 * with the latest ones kept parsed in memory (RecentResults).
 */
export class ResultCache {
  private readonly recent = new RecentResults();

  constructor(private readonly db: PulsoDb = new PulsoDb()) {}

  async get(key: string, now = Date.now()): Promise<CachedResult | undefined> {
    const kept = this.recent.get(key, now);
    if (kept) return kept;
    const raw = await this.db.results.get(key);
    if (!raw) return undefined;
    const parsed = CachedResultSchema.safeParse(raw);
    // An expired entry, or one written by an older schema that no longer parses, is a miss.
    if (!parsed.success || parsed.data.expiresAt <= now) {
      await this.db.results.delete(key);
      return undefined;
    }
    this.recent.remember(parsed.data);
    return parsed.data;
  }

  /**
   * The newest live result for a record made by `engine`, whatever fields it was made
   * from: a list row shows a few columns, the record page many more.
   */
  async latestForRecord(crm: CachedResult['crm'], recordId: string, engine: string, now = Date.now()): Promise<CachedResult | undefined> {
    return (await this.latestForRecords(crm, [recordId], engine, now)).get(recordId);
  }

  /** latestForRecord for many records in one IndexedDB query (a list view has dozens). */
  async latestForRecords(crm: CachedResult['crm'], recordIds: string[], engine: string, now = Date.now()): Promise<Map<string, CachedResult>> {
    const latest = new Map<string, CachedResult>();
    const unknown: string[] = [];
    for (const recordId of recordIds) {
      const kept = this.recent.latest(crm, recordId, engine, now);
      if (kept) latest.set(recordId, kept);
      else unknown.push(recordId);
    }
    if (unknown.length === 0) return latest;
    const entries = await this.db.results
      .where('[crm+recordId]')
      .anyOf(unknown.map((id) => [crm, id]))
      .toArray();
    // A record seen on lists and on its page has many entries: only the newest live one of this
    // engine is parsed (parsing a classification is most of this read's time), newest first so an
    // unreadable one gives way to the next.
    const live = entries
      .filter((raw) => {
        const entry = raw as Partial<Record<'engine' | 'expiresAt', unknown>>;
        return entry.engine === engine && typeof entry.expiresAt === 'number' && entry.expiresAt > now;
      })
      .sort((a, b) => createdAtOf(b) - createdAtOf(a));
    for (const raw of live) {
      if (latest.has((raw as { recordId?: unknown }).recordId as string)) continue;
      const parsed = CachedResultSchema.safeParse(raw);
      if (parsed.success) {
        latest.set(parsed.data.recordId, parsed.data);
        this.recent.remember(parsed.data);
      }
    }
    return latest;
  }

  /** Live entries for these keys, in one read; expired or unreadable ones are misses. */
  async getMany(keys: string[], now = Date.now()): Promise<Map<string, CachedResult>> {
    const found = new Map<string, CachedResult>();
    const unknown = keys.filter((key) => {
      const kept = this.recent.get(key, now);
      if (kept) found.set(key, kept);
      return !kept;
    });
    if (unknown.length === 0) return found;
    const raws = await this.db.results.bulkGet(unknown);
    raws.forEach((raw, i) => {
      const parsed = raw && CachedResultSchema.safeParse(raw);
      if (parsed?.success && parsed.data.expiresAt > now) {
        found.set(unknown[i]!, parsed.data);
        this.recent.remember(parsed.data);
      }
    });
    return found;
  }

  async putMany(entries: CachedResult[]): Promise<void> {
    const parsed = entries.map((entry) => CachedResultSchema.parse(entry));
    await this.db.results.bulkPut(parsed);
    for (const entry of parsed) this.recent.remember(entry);
  }

  async put(entry: CachedResult): Promise<void> {
    const parsed = CachedResultSchema.parse(entry);
    await this.db.results.put(parsed);
    this.recent.remember(parsed);
  }

  async pruneExpired(now = Date.now()): Promise<number> {
    return this.db.results.where('expiresAt').belowOrEqual(now).delete();
  }

  count(): Promise<number> {
    return this.db.results.count();
  }

  async clear(): Promise<void> {
    this.recent.forget();
    await this.db.results.clear();
  }

  /** Drops what is kept in memory (the database was deleted: "Clear all local data"). */
  forget(): void {
    this.recent.forget();
  }
}
