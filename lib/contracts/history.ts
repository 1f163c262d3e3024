import { z } from 'zod';
import { CampaignSchema } from './campaign';
import { LeadClassificationSchema, SourceSchema, StageSchema } from './classification';
import { LeadFieldsSchema } from './lead';
import { PrioritySchema } from './profile';
import { CrmSchema, RecordIdSchema, RecordTypeSchema } from './scrape';

export const HISTORY_KINDS = ['record', 'list', 'conversation'] as const;
export const HistoryKindSchema = z.enum(HISTORY_KINDS);
export type HistoryKind = z.infer<typeof HistoryKindSchema>;

/** Where a final result came from; previews are never recorded. */
export const HistoryOriginSchema = z.enum(['backend', 'cache', 'offline']);
export type HistoryOrigin = z.infer<typeof HistoryOriginSchema>;

/**
 * One result Pulso produced, as the history page shows and exports it (stored in
 * IndexedDB by the background, which sends it to the page). `source`, `priority` and
 * `stage` repeat fields of `result` so IndexedDB can index them for the page's filters.
 */
export const NewHistoryEntrySchema = z.object({
  createdAt: z.number().int().nonnegative(),
  crm: CrmSchema,
  kind: HistoryKindSchema,
  recordType: RecordTypeSchema,
  recordId: RecordIdSchema,
  url: z.string().max(4_000),
  /** The lead as it was read from the page: data, never markup. */
  input: LeadFieldsSchema,
  result: LeadClassificationSchema,
  source: SourceSchema,
  origin: HistoryOriginSchema,
  latencyMs: z.number().nonnegative(),
  priority: PrioritySchema,
  stage: StageSchema,
});
export type NewHistoryEntry = z.output<typeof NewHistoryEntrySchema>;

export const HistoryEntrySchema = NewHistoryEntrySchema.extend({ id: z.number().int().positive() });
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

/** A row as IndexedDB holds it: the id is assigned on insert. */
export type StoredHistoryEntry = NewHistoryEntry & { id?: number };

/**
 * A campaign run as the history keeps and exports it (the extension's IndexedDB, the backend's
 * store, the CLI's output rows): when, where, the lead as read, the campaign, how it was served.
 */
export const CampaignHistoryEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  createdAt: z.number().int().nonnegative(),
  crm: CrmSchema.optional(),
  recordType: RecordTypeSchema.optional(),
  recordId: z.string().max(200).default(''),
  url: z.string().max(4_000).default(''),
  /** The lead as read from the page (or the CSV row): data, never markup. */
  input: LeadFieldsSchema,
  campaign: CampaignSchema,
  /** Where the campaign came from: the backend, or the rules run in the browser (offline). */
  origin: HistoryOriginSchema.optional(),
  latencyMs: z.number().nonnegative().optional(),
});
export type CampaignHistoryEntry = z.output<typeof CampaignHistoryEntrySchema>;
