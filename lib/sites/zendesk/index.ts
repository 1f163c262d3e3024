import { firstVisible } from '../dom';
import type { SiteAdapter } from '../types';
import { siteQuery } from '../scrape-context';
import { findViewTable, readZendeskView, readZendeskViewRows, zendeskViewRowReader } from './list';
import { isZendeskUrl, zendeskPageKind } from './match';
import { ZENDESK_SELECTORS } from './selectors';
import { findTicketPane, readZendeskTicket } from './ticket';

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
  listRowReader(doc, url) {
    return zendeskPageKind(url)?.kind === 'list' ? zendeskViewRowReader(doc, url) : undefined;
  },
  readScope(doc, url) {
    const page = zendeskPageKind(url);
    if (page?.kind === 'list') return findViewTable(siteQuery('zendesk', ZENDESK_SELECTORS), doc);
    const pane = page ? findTicketPane(doc, page.recordId) : undefined;
    return pane && pane !== doc.body ? (pane as Element) : undefined;
  },
  // Only inside the active ticket's pane: a hidden tab's composer belongs to another customer.
  findComposer(doc, url) {
    const page = zendeskPageKind(url);
    const pane = page?.kind === 'conversation' ? findTicketPane(doc, page.recordId) : undefined;
    return pane ? ((firstVisible(pane, ZENDESK_SELECTORS.chains.COMPOSER_EDITABLE) as HTMLElement | undefined) ?? null) : null;
  },
};

export { readZendeskTicket, readZendeskLog, findTicketPane } from './ticket';
export { readZendeskView, readZendeskViewRows, ZENDESK_VIEW_COLUMNS } from './list';
export { isZendeskUrl, parseZendeskTicketUrl, parseZendeskViewUrl, zendeskPageKind } from './match';
