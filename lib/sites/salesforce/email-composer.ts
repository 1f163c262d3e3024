import { siteQuery, type ScrapeOptions } from '../scrape-context';
import { SALESFORCE_SELECTORS } from './selectors';
import type { EmailComposer } from '../types';
import { LightningView } from './view';

/** The docked email composer when it is open (its subject field and its body editor), else null. */
export function findSalesforceEmailComposer(doc: Document, _url?: string, options?: ScrapeOptions): EmailComposer | null {
  const view = new LightningView(siteQuery('salesforce', SALESFORCE_SELECTORS, options).selectors.labels);
  // The composer docks in the utility container, outside the record: shown is enough (isShown, not isReadable).
  const q = siteQuery('salesforce', SALESFORCE_SELECTORS, options, (el) => view.isShown(el));
  const composer = q.first(doc, 'EMAIL_COMPOSER');
  if (!composer) return null;
  const body = q.first(composer, 'EMAIL_COMPOSER_BODY') as HTMLElement | undefined;
  if (!body) return null;
  return { subject: (q.first(composer, 'EMAIL_COMPOSER_SUBJECT') as HTMLInputElement | undefined) ?? null, body };
}
