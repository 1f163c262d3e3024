/**
 * Reads the rows of a CRM list view (an HTML table or an ARIA grid) into
 * ListRows: each shown row's record id (from its link or data attribute — never
 * the row's position: virtualised tables re-use row nodes for other records),
 * its Lead fields mapped from the column headers, and the elements a badge is
 * drawn next to. Header rows, loading placeholders and hidden measurement rows
 * have no record link and are never rows. The adapters give the CRM specifics.
 */
import type { LeadField, LeadFields, RecordType } from '../contracts';
import { SHORT_TEXT_MAX } from '../contracts/lead';
import { normalizeLabel } from './dom';
import type { ListRow, ListRowReader } from './types';
import { formatStatusParts, joinDistinct, ownerName, parseCurrencyAmount } from './values';

/** What one column feeds: a Lead field; status parts carry their prefix, location parts are joined in column order. */
export interface ColumnSpec {
  field: LeadField;
  prefix?: string;
}

export interface ListTableOptions {
  recordType: RecordType;
  /** Header label (normalised) → what the column feeds. */
  columns: ReadonlyMap<string, ColumnSpec>;
  /** Rows of the table, in document order (may include header and placeholder rows). */
  rows(table: Element): Element[];
  /** Header cells in column order. */
  headers(table: Element): Element[];
  /** The cells of a row in column order. */
  cells(row: Element): Element[];
  /** The row's record id and the element for its badge (the link to the record in the name cell), if the row is a record. */
  record(row: Element, cells: readonly Element[]): { recordId: string; link: Element } | undefined;
  /** A header's label (its text without sort arrows and assistive text). */
  headerLabel(header: Element): string;
  /** A cell's own label when the table carries it on the cell (Salesforce's data-label). */
  cellLabel?(cell: Element): string;
  /** The property a cell's key attribute names ("cell-0-1-email-6602561637" → "email"), when the table keys its cells. */
  cellKey?(cell: Element): string;
  /** Texts that mean "no value" in an owner cell ("no owner"), lower-cased. */
  placeholders?: readonly string[];
  /** A cell's shown value. */
  cellText(cell: Element): string;
  /** Shown to the user (markers and layout). */
  isShown(el: Element): boolean;
  /**
   * Shown, for an element of a row `isShown` accepted (its cells, its record link): where the
   * site's judgement rests on ancestors (markers, the CRM's chrome), the row's answer stands for
   * everything above it, and only what lies between needs reading. Defaults to `isShown`.
   */
  isShownInRow?(el: Element, row: Element): boolean;
}

/**
 * Where a header or cell sits: its aria-colindex or data-column-index when it carries one (a
 * checkbox column without an index shifts DOM positions by one), else its position. Each form is
 * its own key space, so a header and a cell meet only when they are numbered the same way.
 */
function columnKeyOf(cell: Element, position: number): string {
  const aria = Number(cell.getAttribute('aria-colindex'));
  if (Number.isInteger(aria) && aria > 0) return `aria:${aria}`;
  const index = cell.getAttribute('data-column-index');
  if (index !== null && /^\d{1,3}$/.test(index)) return `index:${index}`;
  return `position:${position}`;
}

/** The cell of `row` that holds `link`, and the element the badge goes into: the cell's child holding the link. */
function badgeAnchorFor(link: Element, cells: readonly Element[]): Element {
  const cell = cells.find((candidate) => candidate.contains(link));
  if (!cell) return link;
  let anchor: Element = link;
  while (anchor.parentElement && anchor.parentElement !== cell) anchor = anchor.parentElement;
  return anchor;
}

/** At most this many columns are kept per row in `ListRow.columns` (a wide view keeps its first ones). */
export const MAX_ROW_COLUMNS = 40;

/**
 * One row's Lead fields, and every shown cell's text by its normalised column label (the cell's
 * own label, else its header's, else its key) — the columns Pulso has no Lead field for (last
 * contacted, open tickets, plan…) for callers that map labels themselves. Text only, bounded.
 */
function readRowCells(options: ListTableOptions, labels: ReadonlyMap<string, string>, cells: readonly Element[], shown: (el: Element) => boolean): { fields: LeadFields; columns: Record<string, string> } {
  const single = new Map<LeadField, string>();
  const status: [string, string][] = [];
  const location: string[] = [];
  const columns = new Map<string, string>();
  cells.forEach((cell, position) => {
    const key = options.cellKey?.(cell) ?? '';
    const label = normalizeLabel(options.cellLabel?.(cell) || labels.get(columnKeyOf(cell, position)) || '');
    const column = (key && options.columns.get(key)) || options.columns.get(label);
    const name = (label || key).slice(0, SHORT_TEXT_MAX);
    const listed = name !== '' && !columns.has(name) && columns.size < MAX_ROW_COLUMNS && shown(cell);
    if (!column && !listed) return;
    let value = options.cellText(cell);
    if (column?.field === 'owner') value = ownerName(value, options.placeholders);
    if (listed) columns.set(name, value.slice(0, SHORT_TEXT_MAX));
    if (!column || !value) return;
    if (column.field === 'status') status.push([column.prefix ?? '', value]);
    else if (column.field === 'location') location.push(value);
    else if (!single.has(column.field)) single.set(column.field, value);
  });
  const fields: LeadFields = {};
  for (const [field, value] of single) {
    if (field === 'companySize' || field === 'annualRevenue') fields[field] = parseCurrencyAmount(value);
    else (fields as Record<string, string>)[field] = value;
  }
  const place = joinDistinct(location, ', ').slice(0, SHORT_TEXT_MAX);
  if (place) fields.location = place;
  const state = formatStatusParts(status).slice(0, SHORT_TEXT_MAX);
  if (state) fields.status = state;
  // Object.fromEntries defines own properties: a column labelled "__proto__" stays a plain key.
  return { fields, columns: Object.fromEntries(columns) };
}

/**
 * The rows of `table`, each read when asked: the headers are read once, here; `read` does one
 * row's work (its cells, its record, its fields), so a long list can be read a slice at a time.
 * One per record id: a stale duplicate row read after the first is not a row.
 */
export function tableRowReader(table: Element, options: ListTableOptions): ListRowReader {
  const labels = new Map<string, string>();
  options.headers(table).forEach((header, position) => {
    labels.set(columnKeyOf(header, position), normalizeLabel(options.headerLabel(header)));
  });
  const seen = new Set<string>();
  return {
    rows: options.rows(table),
    read(row) {
      if (!options.isShown(row)) return undefined;
      const cells = options.cells(row);
      // A header row (sticky copy or the real one) is all header cells.
      if (cells.length === 0 || cells.every((cell) => cell.getAttribute('role') === 'columnheader' || cell.getAttribute('scope') === 'col')) return undefined;
      const record = options.record(row, cells);
      const shown = (el: Element) => (options.isShownInRow ? options.isShownInRow(el, row) : options.isShown(el));
      if (!record || seen.has(record.recordId) || !shown(record.link)) return undefined;
      seen.add(record.recordId);
      const { fields, columns } = readRowCells(options, labels, cells, shown);
      return {
        recordId: record.recordId,
        recordType: options.recordType,
        fields,
        columns,
        rowElement: row,
        badgeAnchor: badgeAnchorFor(record.link, cells),
      };
    },
  };
}

/** Every row a reader reads, in order: the whole list in one go. */
export function readAllRows(reader: ListRowReader): ListRow[] {
  const rows: ListRow[] = [];
  for (const element of reader.rows) {
    const row = reader.read(element);
    if (row) rows.push(row);
  }
  return rows;
}

/** The shown record rows of `table`, one per record id (a stale duplicate row is dropped). */
export function readTableRows(table: Element, options: ListTableOptions): ListRow[] {
  return readAllRows(tableRowReader(table, options));
}

/** One reader over several tables' readers (a page with more than one list table), rows in table order. */
export function joinRowReaders(readers: readonly ListRowReader[], finish: (row: ListRow) => ListRow = (row) => row): ListRowReader {
  const readerOf = new Map<Element, ListRowReader>();
  for (const reader of readers) for (const row of reader.rows) if (!readerOf.has(row)) readerOf.set(row, reader);
  return {
    rows: [...readerOf.keys()],
    read(element) {
      const row = readerOf.get(element)?.read(element);
      return row && finish(row);
    },
  };
}

/** Header label → column spec, from [spec, labels…] pairs. */
export function columnMap(entries: readonly (readonly [ColumnSpec, readonly string[]])[]): ReadonlyMap<string, ColumnSpec> {
  const map = new Map<string, ColumnSpec>();
  for (const [spec, labels] of entries) for (const label of labels) map.set(label, spec);
  return map;
}
