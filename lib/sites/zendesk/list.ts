/**
 * Reads a Zendesk view (/agent/filters/{id}): the ticket table's shown rows.
 * A row's ticket id comes from its link to the ticket (/agent/tickets/{id}),
 * never its position; the header tab bar also links to open tickets and is
 * never read. Columns by their header (English, Spanish): requester → fullName,
 * requester email → email, subject → description, status and priority →
 * status ("Status: Open · Priority: High").
 */
import { ScrapeResultSchema, type ScrapeResult } from '../../contracts';
import { isVisible, isVisibleWithin, textOf, valueText } from '../dom';
import { readAllRows, tableRowReader, type ColumnSpec } from '../list-table';
import type { SiteQuery } from '../query';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { ZENDESK_SELECTORS } from './selectors';
import type { ListRow, ListRowReader } from '../types';
import { unrecognisedPage } from '../page-status';
import { parseZendeskViewUrl } from './match';

type ZendeskQuery = SiteQuery<BuiltInSelectorSets['zendesk']>;

const COLUMNS: readonly (readonly [keyof BuiltInSelectorSets['zendesk']['labels'], ColumnSpec])[] = [
  ['COL_FULLNAME', { field: 'fullName' }],
  ['COL_EMAIL', { field: 'email' }],
  ['COL_DESCRIPTION', { field: 'description' }],
  ['COL_STATUS', { field: 'status', prefix: 'Status' }],
  ['COL_PRIORITY', { field: 'status', prefix: 'Priority' }],
  ['COL_OWNER', { field: 'owner' }],
];

function columnsFor(q: ZendeskQuery): Map<string, ColumnSpec> {
  const columns = new Map<string, ColumnSpec>();
  for (const [key, spec] of COLUMNS) for (const label of q.labels(key)) if (!columns.has(label)) columns.set(label, spec);
  return columns;
}

/** The view columns of the built-in selectors (header label → what it feeds). */
export const ZENDESK_VIEW_COLUMNS: ReadonlyMap<string, ColumnSpec> = columnsFor(siteQuery('zendesk', ZENDESK_SELECTORS));

const TICKET_ID_IN_HREF = /\/agent\/tickets\/(\d{1,15})(?:[/?#]|$)/;

function rowTicket(q: ZendeskQuery, row: Element): { recordId: string; link: Element } | undefined {
  for (const link of q.every(row, 'VIEW_TICKET_LINK')) {
    const id = TICKET_ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    // A re-used row mid-update: its own ticket id attribute and its link disagree.
    const own = q.labels('TICKET_ID_ATTRIBUTES').map((name) => row.getAttribute(name)).find(Boolean);
    if (own && own !== id) return undefined;
    return { recordId: id, link };
  }
  return undefined;
}

/** The shown rows of the view's ticket table. */
export function readZendeskViewRows(doc: Document, url: string, options?: ScrapeOptions): ListRow[] {
  const reader = zendeskViewRowReader(doc, url, options);
  return reader ? readAllRows(reader) : [];
}

/** The view's ticket table (outside the global chrome, with ticket links): the rows are all in it. */
export function findViewTable(q: ZendeskQuery, doc: Document): Element | undefined {
  const link = q.joined('VIEW_TICKET_LINK');
  return q.first(doc.body ?? doc, 'VIEW_TABLE', { accept: (el) => q.closest(el, 'GLOBAL_CHROME') === null && el.querySelector(link) !== null });
}

/** The view's ticket rows, each read when asked; undefined when the page has no ticket table (or is no view). */
export function zendeskViewRowReader(doc: Document, url: string, options?: ScrapeOptions): ListRowReader | undefined {
  if (!parseZendeskViewUrl(url)) return undefined;
  const q = siteQuery('zendesk', ZENDESK_SELECTORS, options);
  const table = findViewTable(q, doc);
  if (!table) return undefined;
  const placeholders = q.labels('PLACEHOLDERS');
  return tableRowReader(table, {
    recordType: 'ticket',
    columns: columnsFor(q),
    rows: (t) => q.all(t, 'VIEW_ROW'),
    headers: (t) => q.all(t, 'VIEW_HEADER_CELL'),
    cells: (row) => Array.from(row.children).filter((cell) => ['TD', 'TH'].includes(cell.tagName.toUpperCase())),
    record: (row) => rowTicket(q, row),
    // Sortable headers put their label inside the sort button: keep buttons here, drop the assistive text.
    headerLabel: (header) => textOf(header, { skip: (node) => node.matches('input, svg, [aria-hidden="true"], .sr-only') }),
    cellText: (cell) => valueText(cell, { placeholders, skip: (node) => node.tagName.toUpperCase() === 'INPUT' }),
    placeholders,
    isShown: isVisible,
    isShownInRow: isVisibleWithin,
  });
}

/** A view URL's scrape: kind "list", record type "ticket", the rows without elements. */
export function readZendeskView(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const reader = zendeskViewRowReader(doc, url, options);
  const rows = reader ? readAllRows(reader) : parseZendeskViewUrl(url) ? undefined : [];
  return ScrapeResultSchema.parse({
    crm: 'zendesk',
    kind: 'list',
    url,
    recordType: 'ticket',
    recordId: '',
    rows: (rows ?? []).map(({ recordId, fields }) => ({ recordId, fields })),
    unrecognised: rows ? undefined : unrecognisedPage('zendesk', 'list', 'a view\'s ticket table'),
  });
}
