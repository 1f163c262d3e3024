import type { z } from 'zod';
import { LEAD_FIELDS, LeadSchema, describeZodIssues, type Lead, type LeadField } from '../../lib/contracts';
import { CsvError, parseCsv } from '../../lib/text/csv';

/** One input record: a valid lead, or the reason it is not one. */
export type LeadInput = { line: number; lead: Lead } | { line: number; error: string };

export interface ParsedLeadInput {
  format: 'jsonl' | 'csv';
  items: LeadInput[];
  /** Non-fatal notes (e.g. ignored CSV columns), for stderr. */
  warnings: string[];
}

/** CSV when the name ends in .csv, or when the first non-blank line is not a JSON object. */
export function detectFormat(text: string, fileName?: string): 'jsonl' | 'csv' {
  if (fileName && /\.csv$/i.test(fileName)) return 'csv';
  if (fileName && /\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (first === undefined) return 'jsonl';
  const t = first.trim();
  if (t.startsWith('{')) return 'jsonl';
  try {
    JSON.parse(t);
    return 'jsonl';
  } catch {
    return 'csv';
  }
}

/** A record checked against a contract: its value, or why it is not one ("line N: ..."). */
export type Checked<T> = { line: number; value: T } | { line: number; error: string };

/** `value` as a `name`: a JSON object that `schema` accepts, or the reason it is not one. */
export function checkObject<S extends z.ZodType>(line: number, value: unknown, name: string, schema: S): Checked<z.output<S>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, error: `line ${line}: expected a JSON object (a ${name}), got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { line, error: `line ${line}: ${describeZodIssues(parsed.error)}` };
  return { line, value: parsed.data };
}

/** JSON lines, each parsed and handed to `check`; blank lines skipped; a malformed line reported with its number. */
export function parseJsonLinesWith<T>(text: string, check: (line: number, value: unknown) => Checked<T>): Checked<T>[] {
  const items: Checked<T>[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      items.push({ line, error: `line ${line}: malformed JSON (${(err as Error).message})` });
      return;
    }
    items.push(check(line, value));
  });
  return items;
}

/** JSON lines, each checked as a `name`; blank lines skipped; each bad line reported with its number. */
export function parseObjectLines<S extends z.ZodType>(text: string, name: string, schema: S): Checked<z.output<S>>[] {
  return parseJsonLinesWith(text, (line, value) => checkObject(line, value, name, schema));
}

const asLeadInput = (item: Checked<Lead>): LeadInput => ('error' in item ? item : { line: item.line, lead: item.value });

export function parseJsonLines(text: string): LeadInput[] {
  return parseObjectLines(text, 'Lead', LeadSchema).map(asLeadInput);
}

const FIELD_BY_LOWER = new Map<string, LeadField>(LEAD_FIELDS.map((f) => [f.toLowerCase(), f]));
const NUMERIC_FIELDS = new Set<LeadField>(['companySize', 'annualRevenue']);

export function parseCsvLeads(text: string): { items: LeadInput[]; warnings: string[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    return { items: [{ line: err instanceof CsvError ? err.line : 1, error: (err as Error).message }], warnings: [] };
  }
  const [header, ...rows] = records;
  if (!header) return { items: [], warnings: [] };
  const columns = header.cells.map((h) => FIELD_BY_LOWER.get(h.trim().toLowerCase()));
  const warnings: string[] = [];
  const unknown = header.cells.filter((_, i) => !columns[i]).map((h) => h.trim());
  if (unknown.length) warnings.push(`line ${header.line}: ignoring CSV columns that are not Lead fields: ${unknown.join(', ')}`);
  if (!columns.some(Boolean)) {
    return {
      items: [{ line: header.line, error: `line ${header.line}: the CSV header names no Lead field (expected some of ${LEAD_FIELDS.join(', ')})` }],
      warnings,
    };
  }
  const items = rows.map((row): LeadInput => {
    if (row.cells.length > header.cells.length) {
      return { line: row.line, error: `line ${row.line}: ${row.cells.length} cells but the header has ${header.cells.length} columns` };
    }
    const lead: Record<string, string | number> = {};
    row.cells.forEach((cell, i) => {
      const field = columns[i];
      const value = cell.trim();
      if (!field || value === '') return;
      lead[field] = NUMERIC_FIELDS.has(field) && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    });
    return asLeadInput(checkObject(row.line, lead, 'Lead', LeadSchema));
  });
  return { items, warnings };
}

export function parseLeadInput(text: string, fileName?: string): ParsedLeadInput {
  const format = detectFormat(text, fileName);
  if (format === 'csv') return { format, ...parseCsvLeads(text) };
  return { format, items: parseJsonLines(text), warnings: [] };
}
