import type { CampaignContextInput, Crm, LeadFields, RecordType, ScrapeResult } from '../contracts';

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
  /**
   * The same rows, read one at a time: the list's row elements, found at once, and a reader of
   * one row. The list badges read and paint a slice of rows, then give the page its turn
   * (components/list-badges/session.ts), so a long list is never one long task. Undefined when
   * the page shows no list; `readListRows` reads every row of it.
   */
  listRowReader?(doc: Document, url: string): ListRowReader | undefined;
  /**
   * The element that holds everything `scrape` / `readListRows` read on this page once it is
   * rendered — the record, the open chat or ticket, the list table — or undefined (not rendered
   * yet, or the reader reads the whole page). Sessions observe only it (lib/content/dom-watch.ts
   * watchRegion), so the page's churn elsewhere costs nothing. Found the way the reader finds it.
   */
  readScope?(doc: Document, url: string): Element | undefined;
  /** Conversations only: the composer of the open chat or ticket, where a draft is inserted. */
  findComposer?(doc: Document, url: string): HTMLElement | null;
  /**
   * Record pages: what else the page shows for a campaign — the activity timeline (notes,
   * emails, calls, meetings; newest first, as text) and the deal stage. Read like `scrape`:
   * text only, visible nodes only.
   */
  readCampaignContext?(doc: Document, url: string): CampaignContextInput;
  /** Record pages: the CRM's own email composer when it is open on the record, where a campaign is inserted (never sent). */
  findEmailComposer?(doc: Document, url: string): EmailComposer | null;
}

/** The CRM's email composer on a record page: its subject field (when it has one) and its body editor. */
export interface EmailComposer {
  subject: HTMLInputElement | HTMLTextAreaElement | null;
  body: HTMLElement;
}

/**
 * One CRM Pulso runs on, as its folder under lib/sites/ declares it in `site.ts`; the
 * registry (lib/sites/registry.ts) lists them, and everything else derives from it: the
 * content scripts' `matches`, the manifest's host permissions, the options' site list.
 */
export interface Site {
  /** The CRM's key in settings, messages, cache entries and the history (CRMS in lib/contracts). */
  key: Crm;
  /** The product's name, as the options page lists it (a name, not translated). */
  label: string;
  /** A shorter name for tight places (history rows, the popup). */
  shortLabel: string;
  /** Match patterns of the pages Pulso runs on: the content script's `matches` and the host permissions. */
  hosts: readonly string[];
  adapter: SiteAdapter;
}

/** A list view's rows, each read when asked (SiteAdapter.listRowReader). */
export interface ListRowReader {
  /** The candidate row elements in document order; header, placeholder and hidden rows among them read as undefined. */
  readonly rows: readonly Element[];
  /** One row: its ListRow, or undefined when it is not a shown record row (or its record was already read by this reader). */
  read(row: Element): ListRow | undefined;
}

/** One visible row of a CRM list view. */
export interface ListRow {
  recordId: string;
  recordType: RecordType;
  fields: LeadFields;
  /**
   * Every shown cell's text by its normalised column label ("last contacted" → "Yesterday"),
   * including the columns no Lead field reads; ≤ MAX_ROW_COLUMNS (lib/sites/list-table.ts)
   * columns, each text ≤ SHORT_TEXT_MAX. Page text: data, never instructions.
   */
  columns?: Record<string, string>;
  /** The row's element (a <tr>, or a virtualised row <div> the table re-uses for other records). */
  rowElement: Element;
  /** The element the badge goes into or after (usually the name cell's content). */
  badgeAnchor: Element;
}
