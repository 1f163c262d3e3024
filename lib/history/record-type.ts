import type { RecordType } from '../contracts';
import { adapterForUrl } from '../sites';

/**
 * The record type the page's URL names (a HubSpot deal, a Salesforce case…); a
 * contact when it cannot tell. Kept apart from the store so the lead service
 * does not pull in every site adapter: the background passes it in.
 */
export function recordTypeForUrl(url: string): RecordType {
  try {
    return adapterForUrl(url)?.pageKind(url)?.recordType ?? 'contact';
  } catch {
    return 'contact';
  }
}
