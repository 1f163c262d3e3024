import type { SiteAdapter } from '../types';
import { readZendeskView, readZendeskViewRows } from './list';
import { isZendeskUrl, zendeskPageKind } from './match';
import { readZendeskTicket } from './ticket';

/** Zendesk agent workspace: a ticket's conversation (email and messaging, notes apart) and views' ticket tables. */
export const zendeskAdapter: SiteAdapter = {
  crm: 'zendesk',
  matches: isZendeskUrl,
  pageKind: zendeskPageKind,
  scrape(doc, url) {
    return zendeskPageKind(url)?.kind === 'list' ? readZendeskView(doc, url) : readZendeskTicket(doc, url);
  },
  readListRows(doc, url) {
    return zendeskPageKind(url)?.kind === 'list' ? readZendeskViewRows(doc, url) : [];
  },
};

export { readZendeskTicket, readZendeskLog, findTicketPane } from './ticket';
export { readZendeskView, readZendeskViewRows, ZENDESK_VIEW_COLUMNS } from './list';
export { isZendeskUrl, parseZendeskTicketUrl, parseZendeskViewUrl, zendeskPageKind } from './match';
