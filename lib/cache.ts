import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { CrmSchema, LeadClassificationSchema } from './contracts';

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

export class PulsoDb extends Dexie {
  results!: Table<CachedResult, string>;

  constructor(name = 'pulso') {
    super(name);
    this.version(1).stores({ results: 'key, expiresAt, [crm+recordId]' });
  }
}

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
    const entries = await this.db.results.where('[crm+recordId]').equals([crm, recordId]).toArray();
    return entries
      .map((raw) => CachedResultSchema.safeParse(raw))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .filter((entry) => entry.engine === engine && entry.expiresAt > now)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
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
