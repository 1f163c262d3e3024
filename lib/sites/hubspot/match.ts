/**
 * HubSpot URLs. The app lives on app.hubspot.com and on regional hosts
 * (app-eu1, app-na2, app-ap1 …), all under hubspot.com. Every CRM record page
 * sits under /contacts/{portalId}/record/{objectTypeId}/{recordId}, whatever
 * the object: 0-1 is a contact (0-2 company, 0-3 deal, 0-5 ticket). The older
 * /contacts/{portalId}/contact/{contactId} form still redirects to it.
 */
import type { PageKind } from '../types';

const CONTACT_OBJECT_TYPE = '0-1';

/**
 * /contacts/{portal}/record/0-1/{id} or /contacts/{portal}/contact/{id}, then
 * optional further segments (tabs, views). Query and hash are not part of pathname.
 */
const CONTACT_RECORD_PATH = /^\/contacts\/(\d{1,20})\/(?:record\/(\d+-\d+)|contact)\/(\d{1,30})(?:\/[^?#]*)?$/;

function parseHttpsUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A HubSpot app host: hubspot.com itself or a subdomain — never `hubspot.com.evil.io` or `evilhubspot.com`. */
export function isHubSpotHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'hubspot.com' || host.endsWith('.hubspot.com');
}

/** The URL is on a HubSpot host (any page of the app). */
export function isHubSpotUrl(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  return parsed !== undefined && isHubSpotHost(parsed.hostname);
}

export interface HubSpotContactRef {
  portalId: string;
  contactId: string;
}

/** The portal and contact id of a contact record URL, or undefined for any other page. */
export function parseHubSpotContactUrl(url: string): HubSpotContactRef | undefined {
  const parsed = parseHttpsUrl(url);
  if (!parsed || !isHubSpotHost(parsed.hostname)) return undefined;
  const match = CONTACT_RECORD_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const [, portalId, objectType, contactId] = match;
  if (objectType !== undefined && objectType !== CONTACT_OBJECT_TYPE) return undefined;
  return { portalId: portalId!, contactId: contactId! };
}

/** The page kind of a HubSpot URL: for now, contact record pages only. */
export function hubSpotPageKind(url: string): PageKind | undefined {
  const contact = parseHubSpotContactUrl(url);
  if (!contact) return undefined;
  return { kind: 'record', recordType: 'contact', recordId: contact.contactId };
}
