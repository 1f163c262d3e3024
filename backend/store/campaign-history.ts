import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CampaignSchema, type Campaign } from '../../lib/contracts/campaign';
import type { AuditLog } from './audit-log';
import type { Tables } from './tables';
import { isoTime, jsonText, parseRow, rowId } from './rows';

/** Which lead a campaign was made for, as the history page and exports show it. */
export const LeadRefSchema = z.object({
  crm: z.string().max(40).optional(),
  recordId: z.string().max(200).optional(),
  url: z.string().max(2_000).optional(),
  /** What a person reads in the history: the lead's name and company, as the rep saw them. */
  label: z.string().max(300).optional(),
});
export type LeadRef = z.infer<typeof LeadRefSchema>;

export const StoredCampaignSchema = z.object({
  id: rowId,
  createdAt: isoTime,
  leadRef: LeadRefSchema,
  campaign: CampaignSchema,
  profileVersion: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type StoredCampaign = z.output<typeof StoredCampaignSchema>;

export interface SaveCampaign {
  campaign: Campaign;
  leadRef: LeadRef;
  profileVersion?: string;
  /** A token fingerprint, never the token. */
  createdBy?: string;
}

const COLUMNS = ['id', 'created_at as createdAt', 'lead_ref as leadRef', 'campaign', 'profile_version as profileVersion', 'created_by as createdBy'] as const;

/** Campaigns made, with the lead they were for and when: history and exports. */
export class CampaignHistory {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly audit: AuditLog,
  ) {}

  async save(input: SaveCampaign): Promise<StoredCampaign> {
    const campaign = CampaignSchema.parse(input.campaign);
    const leadRef = LeadRefSchema.parse(input.leadRef);
    const row = await this.db.transaction().execute(async (trx) => {
      const saved = await trx
        .insertInto('campaigns')
        .values({ campaign: jsonText(campaign), lead_ref: jsonText(leadRef), profile_version: input.profileVersion ?? null, created_by: input.createdBy ?? null })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await this.audit.record({ actor: input.createdBy ?? 'anonymous', action: 'campaign.save', detail: { id: String(saved.id), lead: leadRef, subject: campaign.subject } }, trx);
      return saved;
    });
    return parseRow(StoredCampaignSchema, row, 'campaign');
  }

  /** Newest first; `beforeId` pages back, `since` bounds by time. */
  async list({ limit = 100, beforeId, since }: { limit?: number; beforeId?: number; since?: string } = {}): Promise<StoredCampaign[]> {
    let query = this.db.selectFrom('campaigns').select(COLUMNS).orderBy('id', 'desc').limit(Math.min(Math.max(limit, 1), 1_000));
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    if (since) query = query.where('created_at', '>=', new Date(since));
    const rows = await query.execute();
    return rows.map((row) => parseRow(StoredCampaignSchema, row, 'campaign'));
  }

  async get(id: number): Promise<StoredCampaign | undefined> {
    const row = await this.db.selectFrom('campaigns').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? parseRow(StoredCampaignSchema, row, 'campaign') : undefined;
  }
}
