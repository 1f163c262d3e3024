import type { PageRef, ScrapeResult } from '../contracts';

/** The part of WXT's ContentScriptContext a session needs (so tests can pass a fake). */
export interface SessionContext {
  isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
}

/** The page a scrape was read from, as requests name it. */
export function pageRefOf(scrape: ScrapeResult): PageRef {
  return { crm: scrape.crm, recordId: scrape.recordId, url: scrape.url, recordType: scrape.recordType };
}
