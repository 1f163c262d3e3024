/**
 * Salesforce Lightning URLs. Orgs live on {myDomain}.lightning.force.com (and
 * sandboxes / developer editions under it, e.g. acme--uat.sandbox.lightning.force.com);
 * {myDomain}.my.salesforce.com serves the same /lightning/… routes before
 * redirecting. Record pages are /lightning/r/{Object}/{Id}/view, or
 * /lightning/r/{Id}/view without the object (the id's key prefix names it);
 * list views are /lightning/o/{Object}/list?filterName=… and the object home
 * /lightning/o/{Object}/home, which shows a list view too. Console apps use the
 * same paths (the workspace is in the query string).
 */
import type { RecordType } from '../../contracts';
import type { PageKind } from '../types';
import { parseHttpsUrl } from '../url';

/** The Salesforce objects Pulso reads, by API name. */
export type SalesforceObject = 'Lead' | 'Contact' | 'Opportunity' | 'Account' | 'Case';

interface ObjectInfo {
  recordType: RecordType;
  /** The first three characters of every id of this object (its key prefix). */
  keyPrefix: string;
}

export const SALESFORCE_OBJECTS: Record<SalesforceObject, ObjectInfo> = {
  Lead: { recordType: 'lead', keyPrefix: '00Q' },
  Contact: { recordType: 'contact', keyPrefix: '003' },
  Opportunity: { recordType: 'opportunity', keyPrefix: '006' },
  Account: { recordType: 'company', keyPrefix: '001' },
  Case: { recordType: 'case', keyPrefix: '500' },
};

const OBJECT_NAMES = Object.keys(SALESFORCE_OBJECTS) as SalesforceObject[];

/** A 15-character case-sensitive id or its 18-character case-safe form. */
const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const RECORD_PATH = new RegExp(`^/lightning/r/(?:([A-Za-z][A-Za-z0-9_]{0,79})/)?(${ID})/view/?$`);
const LIST_PATH = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]{0,79})\/(?:list|home)\/?$/;


/**
 * A Lightning host: a subdomain of lightning.force.com or my.salesforce.com —
 * never `lightning.force.com.evil.io`, `evil-lightning.force.com.io` or the bare domains.
 */
export function isSalesforceHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:lightning\.force\.com|my\.salesforce\.com)$/.test(host);
}

/** The URL is on a Salesforce Lightning host (any page of the app). */
export function isSalesforceUrl(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  return parsed !== undefined && isSalesforceHost(parsed.hostname);
}

/** "lead" / "LEAD" / "Lead" → "Lead"; custom and other objects → undefined. */
function objectByName(name: string): SalesforceObject | undefined {
  return OBJECT_NAMES.find((object) => object.toLowerCase() === name.toLowerCase());
}

/** The object an id belongs to, by its key prefix. */
export function objectOfId(id: string): SalesforceObject | undefined {
  return OBJECT_NAMES.find((object) => id.startsWith(SALESFORCE_OBJECTS[object].keyPrefix));
}

/** The same record: 18-character ids extend the 15-character id with a case checksum. */
export function sameSalesforceId(a: string, b: string): boolean {
  return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

export interface SalesforceRecordRef {
  object: SalesforceObject;
  recordId: string;
}

/** The object and id of a record page URL, or undefined for any other page. */
export function parseSalesforceRecordUrl(url: string): SalesforceRecordRef | undefined {
  const parsed = parseHttpsUrl(url);
  if (!parsed || !isSalesforceHost(parsed.hostname)) return undefined;
  const match = RECORD_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const [, name, recordId] = match;
  const byPrefix = objectOfId(recordId!);
  if (name === undefined) return byPrefix ? { object: byPrefix, recordId: recordId! } : undefined;
  const object = objectByName(name);
  // An id of another object under /r/Lead/… is not a page Lightning shows as a lead.
  if (!object || byPrefix !== object) return undefined;
  return { object, recordId: recordId! };
}

/** The object of a list view / object home URL. */
export function parseSalesforceListUrl(url: string): SalesforceObject | undefined {
  const parsed = parseHttpsUrl(url);
  if (!parsed || !isSalesforceHost(parsed.hostname)) return undefined;
  const match = LIST_PATH.exec(parsed.pathname);
  return match ? objectByName(match[1]!) : undefined;
}

/** What a Salesforce URL shows: a record of one of the five objects, or a list view of one. */
export function salesforcePageKind(url: string): PageKind | undefined {
  const record = parseSalesforceRecordUrl(url);
  if (record) return { kind: 'record', recordType: SALESFORCE_OBJECTS[record.object].recordType, recordId: record.recordId };
  const listed = parseSalesforceListUrl(url);
  if (listed) return { kind: 'list', recordType: SALESFORCE_OBJECTS[listed].recordType, recordId: '' };
  return undefined;
}
