import { z } from 'zod';
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
