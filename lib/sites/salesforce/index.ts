import type { SiteAdapter } from '../types';
import { findSalesforceEmailComposer } from './email-composer';
import { findSalesforceListTable, readSalesforceList, readSalesforceListRows, salesforceListRowReader } from './list';
import { isSalesforceUrl, salesforcePageKind } from './match';
import { findSalesforceRecordElement, readSalesforceRecord } from './record';
import { readSalesforceCampaignContext } from './timeline';

/** Salesforce Lightning: Lead, Contact, Opportunity, Account and Case records and their list views, console tabs included. */
export const salesforceAdapter: SiteAdapter = {
  crm: 'salesforce',
  matches: isSalesforceUrl,
  pageKind: salesforcePageKind,
  scrape(doc, url) {
    return salesforcePageKind(url)?.kind === 'list' ? readSalesforceList(doc, url) : readSalesforceRecord(doc, url);
  },
  readListRows(doc, url) {
    return salesforcePageKind(url)?.kind === 'list' ? readSalesforceListRows(doc, url) : [];
  },
  listRowReader(doc, url) {
    return salesforcePageKind(url)?.kind === 'list' ? salesforceListRowReader(doc, url) : undefined;
  },
  readScope(doc, url) {
    return salesforcePageKind(url)?.kind === 'list' ? findSalesforceListTable(doc) : findSalesforceRecordElement(doc, url);
  },
  readCampaignContext: readSalesforceCampaignContext,
  findEmailComposer: findSalesforceEmailComposer,
};

export { readSalesforceRecord } from './record';
export { readSalesforceList, readSalesforceListRows } from './list';
export { isSalesforceUrl, parseSalesforceListUrl, parseSalesforceRecordUrl, salesforcePageKind } from './match';
