import type { CampaignHistoryEntry, Crm, Priority } from '../contracts';
import type { HistoryEntry, HistoryKind } from './schema';

export interface HistoryFilter {
  /** Matched against the name, company and email read from the page; accents and case ignored. */
  text?: string;
  crm?: Crm;
  kind?: HistoryKind;
  priority?: Priority;
}

/** "María" finds "maria" and "MARÍA": reps type names without accents. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search box: the name, company or email read from the page contains the text. */
function matchesText(input: HistoryEntry['input'], filter: HistoryFilter): boolean {
  const text = foldText(filter.text?.trim() ?? '');
  if (!text) return true;
  const { fullName, company, email } = input;
  return [fullName, company, email].some((field) => typeof field === 'string' && foldText(field).includes(text));
}

export function matchesHistoryFilter(entry: HistoryEntry, filter: HistoryFilter): boolean {
  if (filter.crm && entry.crm !== filter.crm) return false;
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.priority && entry.priority !== filter.priority) return false;
  return matchesText(entry.input, filter);
}

/** Campaign runs under the same search and CRM filter (kind and priority are the classifications'); newest first. */
export function filterCampaignHistory<E extends CampaignHistoryEntry>(entries: readonly E[], filter: Pick<HistoryFilter, 'text' | 'crm'>): E[] {
  return entries
    .filter((entry) => (!filter.crm || entry.crm === filter.crm) && matchesText(entry.input, filter))
    .sort((a, b) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0));
}

/** Newest first, as the page lists them. */
export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  return entries.filter((entry) => matchesHistoryFilter(entry, filter)).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}
