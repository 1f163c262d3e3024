/**
 * Reads a Zendesk view (/agent/filters/{id}): the ticket table's shown rows.
 * A row's ticket id comes from its link to the ticket (/agent/tickets/{id}),
 * never its position; the header tab bar also links to open tickets and is
 * never read. Columns by their header (English, Spanish): requester → fullName,
 * requester email → email, subject → description, status and priority →
 * status ("Status: Open · Priority: High").
 */
import { ScrapeResultSchema, type ScrapeResult } from '../../contracts';
import { isVisible, textOf } from '../dom';
import { columnMap, readTableRows } from '../list-table';
import type { ListRow } from '../types';
import { parseZendeskViewUrl } from './match';
import { GLOBAL_CHROME, VIEW_HEADER_CELL, VIEW_ROW, VIEW_TABLE, VIEW_TICKET_LINK } from './selectors';

export const ZENDESK_VIEW_COLUMNS = columnMap([
  [{ field: 'fullName' }, ['requester', 'solicitante', 'requester name', 'nombre del solicitante']],
  [{ field: 'email' }, ['requester email', 'correo electrónico del solicitante', 'email del solicitante']],
  [{ field: 'description' }, ['subject', 'asunto']],
  [{ field: 'status', prefix: 'Status' }, ['status', 'ticket status', 'estado', 'estado del ticket']],
  [{ field: 'status', prefix: 'Priority' }, ['priority', 'prioridad']],
  [{ field: 'owner' }, ['assignee', 'asignado', 'agente asignado']],
]);

const TICKET_ID_IN_HREF = /\/agent\/tickets\/(\d{1,15})(?:[/?#]|$)/;

function rowTicket(row: Element): { recordId: string; link: Element } | undefined {
  for (const link of Array.from(row.querySelectorAll(VIEW_TICKET_LINK))) {
    const id = TICKET_ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    // A re-used row mid-update: its own ticket id attribute and its link disagree.
    const own = row.getAttribute('data-ticket-id');
    if (own && own !== id) return undefined;
    return { recordId: id, link };
  }
  return undefined;
}

function outsideChrome(el: Element): boolean {
  return GLOBAL_CHROME.every((selector) => el.closest(selector) === null);
}

const skip = (node: Element) => node.matches('input, button, svg, [aria-hidden="true"], .sr-only, [role="tooltip"]');

/** The shown rows of the view's ticket table. */
export function readZendeskViewRows(doc: Document, url: string): ListRow[] {
  if (!parseZendeskViewUrl(url)) return [];
  const body: ParentNode = doc.body ?? doc;
  const table = VIEW_TABLE.flatMap((selector) => Array.from(body.querySelectorAll(selector))).find(
    (el) => outsideChrome(el) && isVisible(el) && el.querySelector(VIEW_TICKET_LINK) !== null,
  );
  if (!table) return [];
  return readTableRows(table, {
    recordType: 'ticket',
    columns: ZENDESK_VIEW_COLUMNS,
    rows: (t) => Array.from(t.querySelectorAll(VIEW_ROW)),
    headers: (t) => Array.from(t.querySelectorAll(VIEW_HEADER_CELL)),
    cells: (row) => Array.from(row.children).filter((cell) => ['TD', 'TH'].includes(cell.tagName.toUpperCase())),
    record: rowTicket,
    // Sortable headers put their label inside the sort button: keep buttons here, drop the assistive text.
    headerLabel: (header) => textOf(header, { skip: (node) => node.matches('input, svg, [aria-hidden="true"], .sr-only') }),
    cellText: (cell) => textOf(cell, { skip }),
    isShown: isVisible,
  });
}

/** A view URL's scrape: kind "list", record type "ticket", the rows without elements. */
export function readZendeskView(doc: Document, url: string): ScrapeResult {
  return ScrapeResultSchema.parse({
    crm: 'zendesk',
    kind: 'list',
    url,
    recordType: 'ticket',
    recordId: '',
    rows: readZendeskViewRows(doc, url).map(({ recordId, fields }) => ({ recordId, fields })),
  });
}
