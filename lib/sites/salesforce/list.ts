/**
 * Reads a Lightning list view (lightning-datatable, or the older
 * force-list-view-manager grid). Rows are `tr[data-row-key-value]` with one
 * `th`/`td` per column, each cell carrying its column's label in `data-label`;
 * the name cell's link carries the record id in `data-recordid`. Lookup cells
 * (Account, Owner) hold links to *other* records, so the row's id comes from
 * the row-header link whose id has the listed object's key prefix, else from
 * the row key. Only the shown list is read: Lightning keeps earlier list views
 * of the session in hidden cached views too.
 */
import type { ScrapeResult } from '../../contracts';
import { ScrapeResultSchema } from '../../contracts';
import { textOf, valueText } from '../dom';
import { columnMap, joinRowReaders, readAllRows, tableRowReader } from '../list-table';
import type { SiteQuery } from '../query';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { SALESFORCE_SELECTORS } from './selectors';
import type { ListRow, ListRowReader } from '../types';
import { withoutSalutation } from '../values';
import { SALESFORCE_OBJECTS, parseSalesforceListUrl, sameSalesforceId, type SalesforceObject } from './match';
import { unrecognisedPage } from '../page-status';
import { lightningPage } from './record';

type SalesforceQuery = SiteQuery<BuiltInSelectorSets['salesforce']>;

/** List view column labels (English, Spanish) → Lead fields. */
export const SALESFORCE_LIST_COLUMNS = columnMap([
  [{ field: 'fullName' }, ['name', 'nombre', 'full name', 'nombre completo', 'contact name', 'nombre del contacto']],
  [{ field: 'jobTitle' }, ['title', 'cargo', 'puesto', 'título']],
  [{ field: 'company' }, ['company', 'compañía', 'empresa', 'account name', 'nombre de la cuenta', 'company / account', 'compañía/cuenta']],
  [{ field: 'email' }, ['email', 'correo electrónico', 'correo']],
  [{ field: 'phone' }, ['phone', 'teléfono', 'mobile', 'móvil']],
  [{ field: 'industry' }, ['industry', 'sector']],
  [{ field: 'location' }, ['city', 'ciudad', 'state/province', 'estado/provincia', 'country', 'país']],
  [{ field: 'companySize' }, ['no. of employees', 'employees', 'nº de empleados', 'empleados']],
  [{ field: 'annualRevenue' }, ['annual revenue', 'ingresos anuales']],
  [{ field: 'source' }, ['lead source', 'origen del candidato', 'case origin', 'origen del caso']],
  [{ field: 'owner' }, ['owner', 'lead owner', 'owner alias', 'owner full name', 'propietario', 'alias del propietario', 'propietario del candidato', 'contact owner alias', 'case owner alias', 'opportunity owner alias', 'account owner alias']],
  [{ field: 'status', prefix: 'Lead status' }, ['lead status', 'estado del candidato']],
  [{ field: 'status', prefix: 'Rating' }, ['rating', 'calificación']],
  [{ field: 'status', prefix: 'Stage' }, ['stage', 'etapa']],
  [{ field: 'status', prefix: 'Status' }, ['status', 'estado']],
  [{ field: 'status', prefix: 'Priority' }, ['priority', 'prioridad']],
  [{ field: 'description' }, ['subject', 'asunto', 'opportunity name', 'nombre de la oportunidad']],
]);

const ID_IN_HREF = /\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view/;

function linkRecordId(link: Element): string {
  return link.getAttribute('data-recordid') ?? ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1] ?? '';
}

/** The row's record: the first link to a record of the listed object (row header first), checked against the row key. */
function rowRecord(q: SalesforceQuery, row: Element, object: SalesforceObject): { recordId: string; link: Element } | undefined {
  const prefix = SALESFORCE_OBJECTS[object].keyPrefix;
  const header = Array.from(row.children).filter((cell) => cell.tagName.toUpperCase() === 'TH');
  const links = [...header.flatMap((cell) => q.every(cell, 'ROW_RECORD_LINK')), ...q.every(row, 'ROW_RECORD_LINK')];
  const rowKey = row.getAttribute('data-row-key-value') ?? '';
  for (const link of links) {
    const id = linkRecordId(link);
    if (!id.startsWith(prefix)) continue;
    // A re-used row node mid-update: the key and the link disagree, so neither can be trusted yet.
    if (rowKey && rowKey.startsWith(prefix) && !sameSalesforceId(rowKey, id)) return undefined;
    return { recordId: id, link };
  }
  return undefined;
}

/** The shown rows of the list view on a Lightning list URL. */
export function readSalesforceListRows(doc: Document, url: string, options?: ScrapeOptions): ListRow[] {
  const reader = salesforceListRowReader(doc, url, options);
  return reader ? readAllRows(reader) : [];
}

/** The list view's rows (of every list table shown), each read when asked; undefined off list URLs. */
export function salesforceListRowReader(doc: Document, url: string, options?: ScrapeOptions): ListRowReader | undefined {
  const object = parseSalesforceListUrl(url);
  if (!object) return undefined;
  const { q, view } = lightningPage(options);
  const body: ParentNode = doc.body ?? doc;
  const skip = (node: Element) => view.hiddenByMarkers(node);
  const readers = q.all(body, 'LIST_TABLE').map((table) =>
    tableRowReader(table, {
      recordType: SALESFORCE_OBJECTS[object].recordType,
      columns: SALESFORCE_LIST_COLUMNS,
      rows: (t) => q.all(t, 'LIST_ROW', { accept: (row) => row.closest('thead') === null }),
      headers: (t) => q.all(t, 'LIST_HEADER_CELL'),
      cells: (row) => Array.from(row.children).filter((cell) => q.matches(cell, 'LIST_CELL')),
      record: (row) => rowRecord(q, row, object),
      // Header text holds "Sort by:" / "Sorted Ascending" assistive text and a resize handle; the title / aria-label is the label.
      headerLabel: (header) =>
        header.getAttribute('aria-label') ?? header.getAttribute('title') ?? header.querySelector('[title]')?.getAttribute('title') ?? valueText(header),
      cellLabel: (cell) => cell.getAttribute('data-label') ?? '',
      cellText: (cell) => valueText(cell, { skip }),
      isShown: (el) => view.isReadable(el),
    }),
  );
  return joinRowReaders(readers, (row) => {
    if (row.fields.fullName) row.fields.fullName = withoutSalutation(row.fields.fullName);
    return row;
  });
}

/** The one list table Lightning shows (the rows are all in it), else undefined (none yet, or several). */
export function findSalesforceListTable(doc: Document): Element | undefined {
  const tables = lightningPage().q.all(doc.body ?? doc, 'LIST_TABLE');
  return tables.length === 1 ? tables[0] : undefined;
}

/** A list URL's scrape: `kind: "list"`, the listed object's record type, the rows without elements. */
export function readSalesforceList(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const object = parseSalesforceListUrl(url) ?? 'Lead';
  const rows = readSalesforceListRows(doc, url, options);
  const tables = siteQuery('salesforce', SALESFORCE_SELECTORS, options).first(doc.body ?? doc, 'LIST_TABLE');
  return ScrapeResultSchema.parse({
    crm: 'salesforce',
    kind: 'list',
    url,
    recordType: SALESFORCE_OBJECTS[object].recordType,
    recordId: '',
    rows: rows.map(({ recordId, fields }) => ({ recordId, fields })),
    unrecognised: tables ? undefined : unrecognisedPage('salesforce', 'list', 'a list view table'),
  });
}

