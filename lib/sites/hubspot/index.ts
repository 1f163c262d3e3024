import type { SiteAdapter } from '../types';
import { findHubSpotEmailComposer } from './email-composer';
import { siteQuery } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import { findIndexTable, hubSpotListRowReader, readHubSpotList, readHubSpotListRows } from './list';
import { hubSpotPageKind, isHubSpotUrl, parseHubSpotRecordUrl } from './match';
import { readHubSpotObjectRecord } from './objects';
import { findRecordPage, readHubSpotContact } from './record';
import { readHubSpotCampaignContext } from './timeline';

/** HubSpot: contact, company, deal and ticket records and their index tables, on every regional host (app, app-eu1, app-na2, app-ap1 …). */
export const hubspotAdapter: SiteAdapter = {
  crm: 'hubspot',
  matches: isHubSpotUrl,
  pageKind: hubSpotPageKind,
  scrape(doc, url) {
    const kind = hubSpotPageKind(url);
    if (kind?.kind === 'list') return readHubSpotList(doc, url);
    return parseHubSpotRecordUrl(url)?.objectType === '0-1' || !kind ? readHubSpotContact(doc, url) : readHubSpotObjectRecord(doc, url);
  },
  readListRows(doc, url) {
    return hubSpotPageKind(url)?.kind === 'list' ? readHubSpotListRows(doc, url) : [];
  },
  listRowReader(doc, url) {
    return hubSpotPageKind(url)?.kind === 'list' ? hubSpotListRowReader(doc, url) : undefined;
  },
  readScope(doc, url) {
    const q = siteQuery('hubspot', HUBSPOT_SELECTORS);
    return hubSpotPageKind(url)?.kind === 'list' ? findIndexTable(q, doc) : findRecordPage(q, doc.body ?? doc);
  },
  readCampaignContext: readHubSpotCampaignContext,
  findEmailComposer: findHubSpotEmailComposer,
};

export { readHubSpotContact } from './record';
export { readHubSpotObjectRecord } from './objects';
export { readHubSpotList, readHubSpotListRows } from './list';
export { hubSpotPageKind, isHubSpotUrl, parseHubSpotContactUrl, parseHubSpotListUrl, parseHubSpotRecordUrl } from './match';
