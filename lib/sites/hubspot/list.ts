/**
 * Reads HubSpot object index tables (contacts, companies, deals, tickets).
 *
 * The table is virtualised: row nodes are re-used as the user scrolls, a sticky copy of the header
 * row and a hidden measurement row sit among the rows, and a placeholder row shows while the next
 * page loads. A row's record id comes from its link to the record (/record/{type}/{id}) — of the
 * listed object only: the "Primary company" column links to companies. Tables of 2025-26 also key
 * the row (`data-test-id="row-{id}"`) and every cell (`cell-0-1-{property}-{id}`) by record id; that
 * id is trusted only when the row and a cell agree (an older table's "row-3" is a position), and
 * a row whose link and keys disagree is a re-used row mid-update: it is skipped until it settles.
 *
 * Columns: by the property a cell's key names when the table keys its cells, else by the header's
 * label (English, Spanish). A cell is read from its value node (the name in the link, the text in
 * a truncated label), never its avatar, hover "Preview" pill, copy / call buttons or chips; an
 * owner "Name (email)" is the name, "No owner" is none.
 */
import type { ScrapeResult } from '../../contracts';
import { ScrapeResultSchema } from '../../contracts';
import { isVisible, isVisibleWithin, textOf, valueText } from '../dom';
import { readAllRows, tableRowReader, type ColumnSpec } from '../list-table';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import type { ListRow, ListRowReader } from '../types';
import { HUBSPOT_OBJECTS, parseHubSpotListUrl, type HubSpotObjectType } from './match';
import { unrecognisedPage } from '../page-status';
import type { HubSpotQuery } from './record';

type Labels = BuiltInSelectorSets['hubspot']['labels'];

/** Which label list feeds which Lead field (status parts with their fixed English prefix). */
const COLUMNS: readonly (readonly [keyof Labels, ColumnSpec])[] = [
  ['COL_FULLNAME', { field: 'fullName' }],
  ['COL_EMAIL', { field: 'email' }],
  ['COL_PHONE', { field: 'phone' }],
  ['COL_JOBTITLE', { field: 'jobTitle' }],
  ['COL_COMPANY', { field: 'company' }],
  ['COL_INDUSTRY', { field: 'industry' }],
  ['COL_LOCATION', { field: 'location' }],
  ['COL_COMPANYSIZE', { field: 'companySize' }],
  ['COL_ANNUALREVENUE', { field: 'annualRevenue' }],
  ['COL_OWNER', { field: 'owner' }],
  ['COL_SOURCE', { field: 'source' }],
  ['COL_STATUS_LIFECYCLE', { field: 'status', prefix: 'Lifecycle stage' }],
  ['COL_STATUS_LEAD', { field: 'status', prefix: 'Lead status' }],
  ['COL_STATUS_DEAL', { field: 'status', prefix: 'Deal stage' }],
  ['COL_STATUS_TICKET', { field: 'status', prefix: 'Ticket status' }],
  ['COL_STATUS_PRIORITY', { field: 'status', prefix: 'Priority' }],
  ['COL_DESCRIPTION', { field: 'description' }],
];

/** Companies, deals and tickets are named by their name column; for them that column is not a person. */
const NAME_FIELD: Record<HubSpotObjectType, 'fullName' | 'company' | 'description'> = {
  '0-1': 'fullName',
  '0-2': 'company',
  '0-3': 'description',
  '0-5': 'description',
};

/** Header label or property name → what the column feeds, for the listed object. */
function columnsFor(q: HubSpotQuery, type: HubSpotObjectType): Map<string, ColumnSpec> {
  const columns = new Map<string, ColumnSpec>();
  for (const [key, spec] of COLUMNS) for (const label of q.labels(key)) if (!columns.has(label)) columns.set(label, spec);
  for (const label of ['name', 'nombre']) columns.set(label, { field: NAME_FIELD[type] });
  return columns;
}

function recordLinkPattern(type: HubSpotObjectType): RegExp {
  const legacy = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' }[type];
  return new RegExp(`/contacts/\\d+/(?:record/${type}|${legacy})/(\\d{1,30})(?:[/?#]|$)`);
}

const ROW_KEY = /^row-(\d{3,30})$/;
const CELL_KEY = /^cell-\d+-\d+-([a-z0-9_]{1,80})-(\d{3,30})$/;

/** A cell's key: the property it shows and the record it belongs to, when its key attribute has that form. */
function cellKey(q: HubSpotQuery, cell: Element): { property: string; recordId: string } | undefined {
  for (const attribute of q.labels('CELL_KEY_ATTRIBUTES')) {
    const value = cell.getAttribute(attribute);
    if (!value) continue;
    const match = CELL_KEY.exec(value);
    if (match) return { property: match[1]!, recordId: match[2]! };
    if (/^[a-z0-9_]{1,80}$/.test(value)) return { property: value, recordId: '' };
  }
  return undefined;
}

/** The record id the row's key and its cells' keys agree on, if they do. */
function keyedRecordId(q: HubSpotQuery, row: Element, cells: readonly Element[]): string | undefined {
  for (const attribute of q.labels('ROW_KEY_ATTRIBUTES')) {
    const id = ROW_KEY.exec(row.getAttribute(attribute) ?? '')?.[1];
    if (id && cells.some((cell) => cellKey(q, cell)?.recordId === id)) return id;
  }
  return undefined;
}

function rowRecord(q: HubSpotQuery, row: Element, cells: readonly Element[], type: HubSpotObjectType): { recordId: string; link: Element } | undefined {
  const pattern = recordLinkPattern(type);
  const keyed = keyedRecordId(q, row, cells);
  for (const link of Array.from(row.querySelectorAll('a[href]'))) {
    const match = pattern.exec(link.getAttribute('href') ?? '');
    if (!match) continue;
    // A re-used row mid-update: the link already shows another record than the row's keys.
    if (keyed && keyed !== match[1]) return undefined;
    return { recordId: match[1]!, link };
  }
  if (!keyed) return undefined;
  const nameCell = cells.find((cell) => cellKey(q, cell)?.property === 'name') ?? cells.find((cell) => cellKey(q, cell));
  return nameCell ? { recordId: keyed, link: q.first(nameCell, 'INDEX_CELL_VALUE') ?? nameCell } : undefined;
}

/** Header text: its own label hook, else its text without sort icons, menus and assistive text. */
function headerLabel(q: HubSpotQuery, header: Element): string {
  const own = q.first(header, 'INDEX_HEADER_LABEL');
  return own ? textOf(own) : valueText(header);
}

/** A cell's value: its value node (the name in the link, a truncated label), else its text without controls. */
function cellText(q: HubSpotQuery, cell: Element): string {
  const placeholders = q.labels('PLACEHOLDERS');
  const node = q.first(cell, 'INDEX_CELL_VALUE');
  if (node) return valueText(node, { placeholders });
  const link = cell.querySelector('a[href]');
  return valueText(link && isVisible(link) ? link : cell, { placeholders });
}

/** The shown rows of a HubSpot index page. */
export function readHubSpotListRows(doc: Document, url: string, options?: ScrapeOptions): ListRow[] {
  const reader = hubSpotListRowReader(doc, url, options);
  return reader ? readAllRows(reader) : [];
}

/** The index page's record table (outside the global nav / menus): the rows are all in it. */
export function findIndexTable(q: HubSpotQuery, doc: Document): Element | undefined {
  return q.first(doc.body ?? doc, 'INDEX_TABLE', { accept: (el) => q.closest(el, 'GLOBAL_CHROME') === null });
}

/** The index table's rows, each read when asked; undefined when the page has no record table (or is no index page). */
export function hubSpotListRowReader(doc: Document, url: string, options?: ScrapeOptions): ListRowReader | undefined {
  const type = parseHubSpotListUrl(url);
  if (!type) return undefined;
  const q = siteQuery('hubspot', HUBSPOT_SELECTORS, options);
  const outsideChrome = (el: Element) => q.closest(el, 'GLOBAL_CHROME') === null;
  const table = findIndexTable(q, doc);
  if (!table) return undefined;
  return tableRowReader(table, {
    recordType: HUBSPOT_OBJECTS[type].recordType,
    columns: columnsFor(q, type),
    rows: (t) => q.all(t, 'INDEX_ROW'),
    headers: (t) => q.all(t, 'INDEX_HEADER_CELL'),
    cells: (row) => Array.from(row.children).filter((cell) => q.matches(cell, 'INDEX_CELL')),
    record: (row, cells) => rowRecord(q, row, cells, type),
    headerLabel: (header) => headerLabel(q, header),
    cellKey: (cell) => cellKey(q, cell)?.property ?? '',
    cellText: (cell) => cellText(q, cell),
    placeholders: q.labels('PLACEHOLDERS'),
    isShown: (el) => outsideChrome(el) && isVisible(el),
    isShownInRow: isVisibleWithin,
  });
}

/** A list URL's scrape: `kind: "list"`, the listed object's record type, the rows without elements. */
export function readHubSpotList(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const type = parseHubSpotListUrl(url) ?? '0-1';
  const reader = hubSpotListRowReader(doc, url, options);
  const rows = reader ? readAllRows(reader) : parseHubSpotListUrl(url) ? undefined : [];
  return ScrapeResultSchema.parse({
    crm: 'hubspot',
    kind: 'list',
    url,
    recordType: HUBSPOT_OBJECTS[type].recordType,
    recordId: '',
    rows: (rows ?? []).map(({ recordId, fields }) => ({ recordId, fields })),
    unrecognised: rows ? undefined : unrecognisedPage('hubspot', 'list', 'an index table of records'),
  });
}
