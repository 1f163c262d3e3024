export { HISTORY_KINDS, HistoryEntrySchema, HistoryKindSchema, HistoryOriginSchema, NewHistoryEntrySchema } from '../contracts/history';
export type { HistoryEntry, HistoryKind, HistoryOrigin, NewHistoryEntry, StoredHistoryEntry } from '../contracts/history';

export const DEFAULT_HISTORY_RETENTION_DAYS = 30;
export const DAY_MS = 86_400_000;
