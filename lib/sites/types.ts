import type { Crm, RecordType, ScrapeResult } from '../contracts';

/** What kind of page a URL shows, and which record: decided from the URL alone. */
export interface PageKind {
  kind: 'record' | 'list' | 'conversation';
  recordType: RecordType;
  recordId: string;
}

/**
 * One CRM site. `matches` says the URL belongs to the site (its hosts);
 * `pageKind` says whether it is a page the adapter can read; `scrape` reads the
 * visible page. Adapters read the DOM only through textContent / value — the
 * page is hostile input — and never draw.
 */
export interface SiteAdapter {
  crm: Crm;
  matches(url: string): boolean;
  pageKind(url: string): PageKind | undefined;
  scrape(doc: Document, url: string): ScrapeResult;
}
