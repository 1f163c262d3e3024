/**
 * HubSpot URLs. The app lives on app.hubspot.com and on regional hosts
 * (app-eu1, app-na2, app-ap1 …), all under hubspot.com. Every CRM record page
 * sits under /contacts/{portalId}/record/{objectTypeId}/{recordId}, whatever
 * the object: 0-1 is a contact (0-2 company, 0-3 deal, 0-5 ticket). The older
 * /contacts/{portalId}/contact/{contactId} form still redirects to it.
 */
import type { RecordType } from '../../contracts';
import type { PageKind } from '../types';
import { parseHttpsUrl } from '../url';

const CONTACT_OBJECT_TYPE = '0-1';

/** The HubSpot objects Pulso reads, by object type id, with their legacy index path names. */
export const HUBSPOT_OBJECTS = {
  '0-1': { recordType: 'contact', legacy: 'contacts' },
  '0-2': { recordType: 'company', legacy: 'companies' },
  '0-3': { recordType: 'deal', legacy: 'deals' },
  '0-5': { recordType: 'ticket', legacy: 'tickets' },
} as const satisfies Record<string, { recordType: RecordType; legacy: string }>;
export type HubSpotObjectType = keyof typeof HUBSPOT_OBJECTS;

const ANY_RECORD_PATH = /^\/contacts\/(\d{1,20})\/(?:record\/(\d+-\d+)|(contact|company|deal|ticket))\/(\d{1,30})(?:\/[^?#]*)?$/;
/** Index pages: /contacts/{portal}/objects/{type}/views/{view}/list, or the older /contacts/{portal}/{contacts|companies|deals|tickets}/list/view/{view}/. */
const OBJECT_INDEX_PATH = /^\/contacts\/(\d{1,20})\/objects\/(\d+-\d+)\/views\/[A-Za-z0-9_-]{1,40}\/list\/?$/;
const LEGACY_INDEX_PATH = /^\/contacts\/(\d{1,20})\/(contacts|companies|deals|tickets)\/list\/view\/[A-Za-z0-9_-]{1,40}\/?$/;
const LEGACY_SINGULAR: Record<string, HubSpotObjectType> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

function isKnownObject(type: string | undefined): type is HubSpotObjectType {
  return type !== undefined && Object.prototype.hasOwnProperty.call(HUBSPOT_OBJECTS, type);
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
  const record = parseHubSpotRecordUrl(url);
  return record?.objectType === CONTACT_OBJECT_TYPE ? { portalId: record.portalId, contactId: record.recordId } : undefined;
}

export interface HubSpotRecordRef {
  portalId: string;
  objectType: HubSpotObjectType;
  recordId: string;
}

/** A record page of a contact, company, deal or ticket (/record/{type}/{id}, or the older /contact|company|deal|ticket/{id}). */
export function parseHubSpotRecordUrl(url: string): HubSpotRecordRef | undefined {
  const parsed = parseHttpsUrl(url);
  if (!parsed || !isHubSpotHost(parsed.hostname)) return undefined;
  const match = ANY_RECORD_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const [, portalId, objectType, legacy, recordId] = match;
  const type = objectType ?? (legacy ? LEGACY_SINGULAR[legacy] : undefined);
  if (!isKnownObject(type)) return undefined;
  return { portalId: portalId!, objectType: type, recordId: recordId! };
}

/** The object type of an index (list) page of contacts, companies, deals or tickets. */
export function parseHubSpotListUrl(url: string): HubSpotObjectType | undefined {
  const parsed = parseHttpsUrl(url);
  if (!parsed || !isHubSpotHost(parsed.hostname)) return undefined;
  const modern = OBJECT_INDEX_PATH.exec(parsed.pathname);
  if (modern) return isKnownObject(modern[2]) ? modern[2] : undefined;
  const legacy = LEGACY_INDEX_PATH.exec(parsed.pathname);
  if (!legacy) return undefined;
  return (Object.keys(HUBSPOT_OBJECTS) as HubSpotObjectType[]).find((type) => HUBSPOT_OBJECTS[type].legacy === legacy[2]);
}

/** The page kind of a HubSpot URL: record pages and index tables of contacts, companies, deals and tickets. */
export function hubSpotPageKind(url: string): PageKind | undefined {
  const record = parseHubSpotRecordUrl(url);
  if (record) return { kind: 'record', recordType: HUBSPOT_OBJECTS[record.objectType].recordType, recordId: record.recordId };
  const listed = parseHubSpotListUrl(url);
  if (listed) return { kind: 'list', recordType: HUBSPOT_OBJECTS[listed].recordType, recordId: '' };
  return undefined;
}
