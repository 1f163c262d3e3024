import { siteQuery, type ScrapeOptions } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import type { EmailComposer } from '../types';
import { HubSpotPage } from './record';

/** The email composer open on the record (its subject field and body editor), or null when the rep has not opened it. */
export function findHubSpotEmailComposer(doc: Document, _url?: string, options?: ScrapeOptions): EmailComposer | null {
  const page = new HubSpotPage(siteQuery('hubspot', HUBSPOT_SELECTORS, options), doc);
  const composer = page.first(page.body, 'EMAIL_COMPOSER');
  if (!composer) return null;
  const body = page.q.first(composer, 'EMAIL_COMPOSER_BODY') as HTMLElement | undefined;
  if (!body) return null;
  const subject = (page.q.first(composer, 'EMAIL_COMPOSER_SUBJECT') as HTMLInputElement | undefined) ?? null;
  return { subject, body };
}
