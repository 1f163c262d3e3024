import type { z } from 'zod';
import { CatalogItemSchema } from '../contracts';
// The backend's RFC 4180 parser has no Node imports, so the extension reuses it as is.
import { CsvError, parseCsv } from '../text/csv';

export type CatalogItem = z.output<typeof CatalogItemSchema>;

export interface CatalogRowError {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export interface CatalogImport {
  /** Valid rows, in file order (shown as the preview). */
  items: CatalogItem[];
  /** Every problem found; the catalog is applied only when this is empty. */
  errors: CatalogRowError[];
}

// Spanish and English headers, as CRM and ERP exports name them.
const HEADER_ALIASES: Record<string, keyof CatalogItem> = {
  sku: 'sku',
  code: 'sku',
  codigo: 'sku',
  código: 'sku',
  name: 'name',
  nombre: 'name',
  product: 'name',
  producto: 'name',
  price: 'price',
  precio: 'price',
  stock: 'stock',
  existencias: 'stock',
  inventario: 'stock',
};

/** "12.50", "12,50", "$ 1200" → a number; anything else → NaN. */
function parseAmount(raw: string): number {
  const cleaned = raw.replace(/[\s$€]/g, '');
  if (/^\d+(\.\d+)?$/.test(cleaned)) return Number(cleaned);
  if (/^\d+,\d+$/.test(cleaned)) return Number(cleaned.replace(',', '.'));
  return Number.NaN;
}

/**
 * A catalog CSV (headers sku,name,price,stock — or nombre, precio, existencias) → items and
 * row-level errors: a missing sku or name, a price or stock that is not a number, a repeated
 * sku, a row with too many cells. Blank price / stock cells are left out.
 */
export function importCatalogCsv(text: string): CatalogImport {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    const line = err instanceof CsvError ? err.line : 1;
    return { items: [], errors: [{ line, message: err instanceof CsvError ? err.message.replace(/^line \d+: /, '') : String(err) }] };
  }
  const [header, ...rows] = records;
  if (!header) return { items: [], errors: [{ line: 1, message: 'the file is empty' }] };

  const columns = header.cells.map((cell) => HEADER_ALIASES[cell.trim().toLowerCase()]);
  const errors: CatalogRowError[] = [];
  for (const needed of ['sku', 'name'] as const) {
    if (!columns.includes(needed)) errors.push({ line: header.line, message: `missing column "${needed}" (the header must name sku and name; price and stock are optional)` });
  }
  header.cells.forEach((cell, i) => {
    if (!columns[i]) errors.push({ line: header.line, message: `unknown column "${cell.trim()}" (expected sku, name, price, stock)` });
  });
  if (errors.length > 0) return { items: [], errors };
  if (rows.length === 0) return { items: [], errors: [{ line: header.line, message: 'the file has a header but no rows' }] };

  const items: CatalogItem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const problems: string[] = [];
    if (row.cells.length > columns.length) problems.push(`${row.cells.length} cells but the header has ${columns.length}`);
    const raw: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (!column) return;
      if (column === 'price' || column === 'stock') {
        if (value === '') return;
        const n = parseAmount(value);
        if (Number.isNaN(n)) problems.push(`${column} "${value}" is not a number`);
        else raw[column] = n;
      } else raw[column] = value;
    });
    if (!raw.sku) problems.push('sku is empty');
    if (!raw.name) problems.push('name is empty');
    if (typeof raw.stock === 'number' && !Number.isInteger(raw.stock)) problems.push(`stock ${raw.stock} is not a whole number`);
    if (problems.length === 0) {
      const parsed = CatalogItemSchema.safeParse(raw);
      if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      else {
        const first = seen.get(parsed.data.sku);
        if (first !== undefined) problems.push(`sku "${parsed.data.sku}" repeats line ${first}`);
        else {
          seen.set(parsed.data.sku, row.line);
          items.push(parsed.data);
        }
      }
    }
    for (const message of problems) errors.push({ line: row.line, message });
  }
  return { items, errors };
}
