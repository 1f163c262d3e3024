/**
 * The site adapters, one per CRM. Content scripts and the CLI go through
 * here: find the adapter for a URL, check the page is one it reads, scrape.
 */
import type { ScrapeResult } from '../contracts';
import { SITES } from './registry';
import type { SiteAdapter } from './types';

export type { ListRow, PageKind, Site, SiteAdapter } from './types';
export { SITES, siteOf } from './registry';
export { hasConversationContent, hasRecordContent } from './page-content';

export const SITE_ADAPTERS: readonly SiteAdapter[] = SITES.map((site) => site.adapter);

/** The adapter whose site the URL belongs to, if any. */
export function adapterForUrl(url: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => adapter.matches(url));
}

/** The URL is not a page any adapter reads (another site, or a page kind not supported yet). */
export class UnsupportedPageError extends Error {
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`Pulso cannot read ${JSON.stringify(url)}: ${reason}`);
    this.name = 'UnsupportedPageError';
    this.url = url;
  }
}

/** Scrape `doc`, shown at `url`, with the adapter for that URL. Throws UnsupportedPageError for pages no adapter reads. */
export function scrapePage(doc: Document, url: string): ScrapeResult {
  const adapter = adapterForUrl(url);
  if (!adapter) {
    throw new UnsupportedPageError(url, `no site adapter for this host (supported: ${SITES.map((site) => site.label).join(', ')}; https only)`);
  }
  if (!adapter.pageKind(url)) {
    throw new UnsupportedPageError(url, `not a ${adapter.crm} page Pulso reads (supported: contact record pages and the other record pages and list views of each CRM)`);
  }
  return adapter.scrape(doc, url);
}
