import { CampaignHistoryEntrySchema, type CampaignHistoryEntry } from '../contracts';
import { DAY_MS, DEFAULT_HISTORY_RETENTION_DAYS } from '../history/schema';
import { PulsoDb } from './db';

/** Every campaign Pulso made for the rep, in IndexedDB, under the same retention as the classification history. */
export class CampaignHistoryStore {
  constructor(
    private readonly db: PulsoDb = new PulsoDb(),
    private readonly options: { retentionDays?: () => Promise<number>; now?: () => number } = {},
  ) {}

  /** Validates and stores one run; returns its id. */
  async add(entry: CampaignHistoryEntry): Promise<number> {
    const { id: _id, ...row } = CampaignHistoryEntrySchema.parse(entry);
    return (await this.db.campaigns.add(row)) as number;
  }

  /** Newest first; a row an older or corrupt schema wrote is skipped rather than breaking the page. */
  async list(): Promise<(CampaignHistoryEntry & { id: number })[]> {
    const rows = await this.db.campaigns.orderBy('createdAt').reverse().toArray();
    const valid: (CampaignHistoryEntry & { id: number })[] = [];
    for (const row of rows) {
      const parsed = CampaignHistoryEntrySchema.safeParse(row);
      if (parsed.success && parsed.data.id !== undefined) valid.push({ ...parsed.data, id: parsed.data.id });
    }
    return valid;
  }

  count(): Promise<number> {
    return this.db.campaigns.count();
  }

  delete(id: number): Promise<void> {
    return this.db.campaigns.delete(id);
  }

  clear(): Promise<void> {
    return this.db.campaigns.clear();
  }

  /** Deletes runs older than the retention setting; returns how many went. */
  async trimByRetention(): Promise<number> {
    const days = (await this.options.retentionDays?.()) ?? DEFAULT_HISTORY_RETENTION_DAYS;
    const now = this.options.now?.() ?? Date.now();
    return this.db.campaigns.where('createdAt').below(now - days * DAY_MS).delete();
  }
}
