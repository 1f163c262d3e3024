import { parseCsv as parseCsvText } from '../text/csv';
import type { HistoryEntry } from './schema';

/** The CSV columns, in order: one header row, then one row per entry. */
export const HISTORY_CSV_COLUMNS = [
  'id',
  'createdAt',
  'crm',
  'kind',
  'recordType',
  'recordId',
  'url',
  'fullName',
  'company',
  'email',
  'jobTitle',
  'stage',
  'priority',
  'slaHours',
  'source',
  'origin',
  'latencyMs',
  'summary',
  'input',
] as const;
export type HistoryCsvColumn = (typeof HISTORY_CSV_COLUMNS)[number];
export type HistoryCsvRow = Record<HistoryCsvColumn, string>;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula,
 * and the lead text comes from a hostile page: such cells get a leading apostrophe
 * (OWASP "CSV injection"). The row objects already hold the guarded text, so an
 * export parses back to exactly these rows.
 */
export function guardSpreadsheetCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** One entry as the CSV's cells, all text. */
export function historyCsvRow(entry: HistoryEntry): HistoryCsvRow {
  const cells: HistoryCsvRow = {
    id: String(entry.id),
    createdAt: new Date(entry.createdAt).toISOString(),
    crm: entry.crm,
    kind: entry.kind,
    recordType: entry.recordType,
    recordId: entry.recordId,
    url: entry.url,
    fullName: text(entry.input.fullName),
    company: text(entry.input.company),
    email: text(entry.input.email),
    jobTitle: text(entry.input.jobTitle),
    stage: entry.stage,
    priority: entry.priority,
    slaHours: String(entry.result.slaHours),
    source: entry.source,
    origin: entry.origin,
    latencyMs: String(Math.round(entry.latencyMs)),
    summary: entry.result.summary,
    input: JSON.stringify(entry.input),
  };
  for (const column of HISTORY_CSV_COLUMNS) cells[column] = guardSpreadsheetCell(cells[column]);
  return cells;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV (CRLF line ends) with a header row, every cell guarded against spreadsheet
 * formulas (guardSpreadsheetCell, idempotent): the one CSV writer of every export.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: Iterable<Record<C, string>>): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(guardSpreadsheetCell(row[column] ?? ''))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The history as CSV: HISTORY_CSV_COLUMNS, one row per entry. */
export function historyToCsv(entries: readonly HistoryEntry[]): string {
  return toCsv(HISTORY_CSV_COLUMNS, entries.map(historyCsvRow));
}

/** Parses RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks): the one parser, lib/text/csv.ts. */
export function parseCsv(input: string): string[][] {
  return parseCsvText(input).map((record) => record.cells);
}

/** CSV text back to header-keyed records. */
export function parseCsvRecords(input: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

/** The JSON export: the entries as stored, with a format version for whoever imports it. */
export function historyToJson(entries: readonly HistoryEntry[], exportedAt = Date.now()): string {
  return JSON.stringify({ format: 'pulso-history', version: 1, exportedAt: new Date(exportedAt).toISOString(), entries }, null, 2);
}
