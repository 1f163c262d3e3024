import type { Crm, LeadFields, RecordType, ScrapeResult } from '../contracts';

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
  /**
   * List views only: the visible rows with the live elements a badge is drawn
   * next to. `scrape` returns the same rows (without elements) for the CLI.
   */
  readListRows?(doc: Document, url: string): ListRow[];
  /** Conversations only: the composer of the open chat or ticket, where a draft is inserted. */
  findComposer?(doc: Document, url: string): HTMLElement | null;
}

/** One visible row of a CRM list view. */
export interface ListRow {
  recordId: string;
  recordType: RecordType;
  fields: LeadFields;
  /** The row's element (a <tr>, or a virtualised row <div> the table re-uses for other records). */
  rowElement: Element;
  /** The element the badge goes into or after (usually the name cell's content). */
  badgeAnchor: Element;
}
