/**
 * Reads HubSpot object index tables (contacts, companies, deals, tickets).
 * The table is virtualised: row nodes are re-used as the user scrolls, a
 * sticky copy of the header row and a hidden measurement row sit among the
 * rows, and a placeholder row shows while the next page loads. A row's record
 * id therefore comes from its link to the record (/record/{type}/{id}) — of the
 * listed object only: the "Primary company" column links to companies — never
 * from its position or its data-test-id ("row-3").
 */
import type { ScrapeResult } from '../../contracts';
import { ScrapeResultSchema } from '../../contracts';
import { isVisible, textOf } from '../dom';
import { columnMap, readTableRows } from '../list-table';
import type { ListRow } from '../types';
import { HUBSPOT_OBJECTS, parseHubSpotListUrl, type HubSpotObjectType } from './match';
import { outsideChrome } from './record';
import { INDEX_CELL, INDEX_HEADER_CELL, INDEX_ROW, INDEX_TABLE } from './selectors';

/** Index table column headers (English, Spanish) → Lead fields. */
export const HUBSPOT_LIST_COLUMNS = columnMap([
  [{ field: 'fullName' }, ['name', 'nombre', 'contact name', 'nombre del contacto']],
  [{ field: 'email' }, ['email', 'correo', 'correo electrónico']],
  [{ field: 'phone' }, ['phone number', 'phone', 'número de teléfono', 'teléfono']],
  [{ field: 'jobTitle' }, ['job title', 'cargo']],
  [{ field: 'company' }, ['company name', 'primary company', 'associated company', 'company', 'nombre de la empresa', 'empresa principal', 'empresa']],
  [{ field: 'industry' }, ['industry', 'sector']],
  [{ field: 'location' }, ['city', 'ciudad', 'state/region', 'estado/región', 'country/region', 'país/región']],
  [{ field: 'companySize' }, ['number of employees', 'número de empleados']],
  [{ field: 'annualRevenue' }, ['annual revenue', 'ingresos anuales']],
  [{ field: 'owner' }, ['contact owner', 'company owner', 'deal owner', 'ticket owner', 'propietario del contacto', 'propietario de la empresa', 'propietario del negocio', 'propietario del ticket']],
  [{ field: 'source' }, ['original source', 'fuente original', 'source', 'origen']],
  [{ field: 'status', prefix: 'Lifecycle stage' }, ['lifecycle stage', 'etapa del ciclo de vida']],
  [{ field: 'status', prefix: 'Lead status' }, ['lead status', 'estado del lead']],
  [{ field: 'status', prefix: 'Deal stage' }, ['deal stage', 'etapa del negocio']],
  [{ field: 'status', prefix: 'Ticket status' }, ['ticket status', 'estado del ticket']],
  [{ field: 'status', prefix: 'Priority' }, ['priority', 'prioridad']],
  [{ field: 'description' }, ['deal name', 'ticket name', 'nombre del negocio', 'nombre del ticket']],
]);

/** Companies, deals and tickets are named by their name column; for them that column is not a person. */
const NAME_FIELD: Record<HubSpotObjectType, 'fullName' | 'company' | 'description'> = {
  '0-1': 'fullName',
  '0-2': 'company',
  '0-3': 'description',
  '0-5': 'description',
};

function recordLinkPattern(type: HubSpotObjectType): RegExp {
  const legacy = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' }[type];
  return new RegExp(`/contacts/\\d+/(?:record/${type}|${legacy})/(\\d{1,30})(?:[/?#]|$)`);
}

function rowRecord(row: Element, type: HubSpotObjectType): { recordId: string; link: Element } | undefined {
  const pattern = recordLinkPattern(type);
  for (const link of Array.from(row.querySelectorAll('a[href]'))) {
    const match = pattern.exec(link.getAttribute('href') ?? '');
    if (match) return { recordId: match[1]!, link };
  }
  return undefined;
}

/** Header text without sort icons and the "press to sort" assistive text. */
function headerLabel(header: Element): string {
  const own = header.querySelector('[data-test-id="column-header-label"], [data-selenium-test="column-header-label"]');
  return textOf(own ?? header, { skip: (node) => node.matches('button[aria-label], [role="tooltip"], .sr-only, .private-visually-hidden') });
}

/** The shown rows of a HubSpot index page. */
export function readHubSpotListRows(doc: Document, url: string): ListRow[] {
  const type = parseHubSpotListUrl(url);
  if (!type) return [];
  const body: ParentNode = doc.body ?? doc;
  const table = Array.from(body.querySelectorAll(INDEX_TABLE.join(', '))).find((el) => outsideChrome(el) && isVisible(el));
  if (!table) return [];
  const columns = new Map(HUBSPOT_LIST_COLUMNS);
  for (const label of ['name', 'nombre']) columns.set(label, { field: NAME_FIELD[type] });
  const skip = (node: Element) => node.matches('button, [role="tooltip"], .sr-only, .private-visually-hidden, [data-test-id="avatar"]');
  return readTableRows(table, {
    recordType: HUBSPOT_OBJECTS[type].recordType,
    columns,
    rows: (t) => Array.from(t.querySelectorAll(INDEX_ROW)),
    headers: (t) => Array.from(t.querySelectorAll(INDEX_HEADER_CELL)),
    cells: (row) => Array.from(row.children).filter((cell) => cell.matches(INDEX_CELL)),
    record: (row) => rowRecord(row, type),
    headerLabel,
    cellText: (cell) => {
      // The name cell shows the record link plus an avatar and a hover "Preview" button: the link is the name.
      const link = cell.querySelector('a[href*="/record/"]');
      return link && isVisible(link) ? textOf(link, { skip }) : textOf(cell, { skip });
    },
    isShown: (el) => outsideChrome(el) && isVisible(el),
  });
}

/** A list URL's scrape: `kind: "list"`, the listed object's record type, the rows without elements. */
export function readHubSpotList(doc: Document, url: string): ScrapeResult {
  const type = parseHubSpotListUrl(url) ?? '0-1';
  return ScrapeResultSchema.parse({
    crm: 'hubspot',
    kind: 'list',
    url,
    recordType: HUBSPOT_OBJECTS[type].recordType,
    recordId: '',
    rows: readHubSpotListRows(doc, url).map(({ recordId, fields }) => ({ recordId, fields })),
  });
}
