import { describe, expect, it } from 'vitest';
import { importCatalogCsv } from './catalog-csv';

describe('catalog CSV import', () => {
  it('reads sku, name, price and stock (quoted commas, BOM, blank optional cells)', () => {
    const csv = '\uFEFFsku,name,price,stock\r\nA-1,"Cable, 2 m",12.50,40\r\nA-2,Router,,\r\n';
    expect(importCatalogCsv(csv)).toEqual({
      items: [
        { sku: 'A-1', name: 'Cable, 2 m', price: 12.5, stock: 40 },
        { sku: 'A-2', name: 'Router' },
      ],
      errors: [],
    });
  });

  it('accepts Spanish headers and decimal commas', () => {
    const { items, errors } = importCatalogCsv('código,nombre,precio,existencias\nP-9,Tornillo,"0,35",1200\n');
    expect(errors).toEqual([]);
    expect(items).toEqual([{ sku: 'P-9', name: 'Tornillo', price: 0.35, stock: 1200 }]);
  });

  it('names every bad row by its line: bad price, fractional stock, missing name, repeated sku, extra cells', () => {
    const csv = ['sku,name,price,stock', 'A-1,Cable,abc,3', 'A-2,Router,10,2.5', 'A-3,,10,1', 'A-4,Switch,99,1', 'A-4,Switch 2,99,1', 'A-5,Hub,1,1,extra'].join('\n');
    const { errors, items } = importCatalogCsv(csv);
    expect(errors).toEqual([
      { line: 2, message: 'price "abc" is not a number' },
      { line: 3, message: 'stock 2.5 is not a whole number' },
      { line: 4, message: 'name is empty' },
      { line: 6, message: 'sku "A-4" repeats line 5' },
      { line: 7, message: '5 cells but the header has 4' },
    ]);
    expect(items.map((i) => i.sku)).toEqual(['A-4']);
  });

  it('refuses a header without sku or name, or with unknown columns', () => {
    expect(importCatalogCsv('product_id,label\n1,x\n').errors.map((e) => e.message)).toEqual([
      'missing column "sku" (the header must name sku and name; price and stock are optional)',
      'missing column "name" (the header must name sku and name; price and stock are optional)',
      'unknown column "product_id" (expected sku, name, price, stock)',
      'unknown column "label" (expected sku, name, price, stock)',
    ]);
  });

  it('reports an unterminated quote and an empty file', () => {
    expect(importCatalogCsv('sku,name\nA,"open\n').errors).toEqual([{ line: 2, message: 'unterminated quoted field' }]);
    expect(importCatalogCsv('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
    expect(importCatalogCsv('sku,name\n').errors[0]?.message).toMatch(/no rows/);
  });
});
