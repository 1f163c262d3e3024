import type { Crm, RecordType } from '@/lib/contracts';
import type { PageKind } from '@/lib/sites';

export type TabStatus =
  | { status: 'supported'; crm: Crm; kind: PageKind['kind']; recordType: RecordType }
  | { status: 'otherPage'; crm: Crm }
  | { status: 'unsupported' }
  /** The tab's URL is hidden: Chromium shows it only for hosts Pulso has permission for. */
  | { status: 'unknown' };

interface Adapter {
  crm: Crm;
  pageKind(url: string): PageKind | undefined;
}

/** What the popup says about the active tab, from its URL and the site adapters. */
export function tabStatusFor(url: string | undefined, adapterForUrl: (url: string) => Adapter | undefined): TabStatus {
  if (!url) return { status: 'unknown' };
  const adapter = adapterForUrl(url);
  if (!adapter) return { status: 'unsupported' };
  const kind = adapter.pageKind(url);
  return kind ? { status: 'supported', crm: adapter.crm, kind: kind.kind, recordType: kind.recordType } : { status: 'otherPage', crm: adapter.crm };
}
