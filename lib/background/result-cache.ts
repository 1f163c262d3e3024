import { CachedResultSchema, PulsoDb, type CachedResult } from './db';

export type { CachedResult } from './db';

const createdAtOf = (raw: unknown): number => {
  const at = (raw as { createdAt?: unknown }).createdAt;
  return typeof at === 'number' ? at : Number.NEGATIVE_INFINITY;
};

/** Backend results in IndexedDB, so revisits paint at once and survive service-worker restarts. */
export class ResultCache {
  constructor(private readonly db: PulsoDb = new PulsoDb()) {}

  async get(key: string, now = Date.now()): Promise<CachedResult | undefined> {
    const raw = await this.db.results.get(key);
    if (!raw) return undefined;
    const parsed = CachedResultSchema.safeParse(raw);
    // An expired entry, or one written by an older schema that no longer parses, is a miss.
    if (!parsed.success || parsed.data.expiresAt <= now) {
      await this.db.results.delete(key);
      return undefined;
    }
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
    const entries = await this.db.results
      .where('[crm+recordId]')
      .anyOf(recordIds.map((id) => [crm, id]))
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
    const latest = new Map<string, CachedResult>();
    for (const raw of live) {
      if (latest.has((raw as { recordId?: unknown }).recordId as string)) continue;
      const parsed = CachedResultSchema.safeParse(raw);
      if (parsed.success) latest.set(parsed.data.recordId, parsed.data);
    }
    return latest;
  }

  /** Live entries for these keys, in one read; expired or unreadable ones are misses. */
  async getMany(keys: string[], now = Date.now()): Promise<Map<string, CachedResult>> {
    const found = new Map<string, CachedResult>();
    if (keys.length === 0) return found;
    const raws = await this.db.results.bulkGet(keys);
    raws.forEach((raw, i) => {
      const parsed = raw && CachedResultSchema.safeParse(raw);
      if (parsed?.success && parsed.data.expiresAt > now) found.set(keys[i]!, parsed.data);
    });
    return found;
  }

  async putMany(entries: CachedResult[]): Promise<void> {
    await this.db.results.bulkPut(entries.map((entry) => CachedResultSchema.parse(entry)));
  }

  async put(entry: CachedResult): Promise<void> {
    await this.db.results.put(CachedResultSchema.parse(entry));
  }

  async pruneExpired(now = Date.now()): Promise<number> {
    return this.db.results.where('expiresAt').belowOrEqual(now).delete();
  }

  count(): Promise<number> {
    return this.db.results.count();
  }

  clear(): Promise<void> {
    return this.db.results.clear();
  }
}
