/**
 * The site adapters, one per CRM. Content scripts and the CLI go through
 * here: find the adapter for a URL, check the page is one it reads, scrape.
 */
import type { ScrapeResult } from '../contracts';
import { hubspotAdapter } from './hubspot';
import { salesforceAdapter } from './salesforce';
import { whatsappAdapter } from './whatsapp';
import { zendeskAdapter } from './zendesk';
import type { SiteAdapter } from './types';

export type { ListRow, PageKind, SiteAdapter } from './types';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [hubspotAdapter, salesforceAdapter, whatsappAdapter, zendeskAdapter];

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
    throw new UnsupportedPageError(url, 'no site adapter for this host (supported: HubSpot, Salesforce Lightning, Zendesk agent workspace, WhatsApp Web; https only)');
  }
  if (!adapter.pageKind(url)) {
    throw new UnsupportedPageError(url, `not a ${adapter.crm} page Pulso reads (supported: contact record pages and the other record pages and list views of each CRM)`);
  }
  return adapter.scrape(doc, url);
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The record has rendered enough to classify: a name, an email or a company was read. */
export function hasRecordContent(result: ScrapeResult): boolean {
  const { fullName, email, company } = result.fields;
  return hasText(fullName) || hasText(email) || hasText(company);
}

/**
 * The chat or ticket has rendered a conversation to triage: at least one
 * customer or agent message was read. False on WhatsApp's QR / login screen,
 * before a chat is open, and for a ticket tab that is not the active one.
 */
export function hasConversationContent(result: ScrapeResult): boolean {
  return (result.conversation?.messages ?? []).some((message) => message.direction !== 'note' && hasText(message.text));
}
