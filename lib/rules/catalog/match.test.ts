import { describe, expect, it } from 'vitest';
import { normalize } from '../../text/normalize';
import { matchCatalog } from './match';

const CATALOG = [
  { sku: 'ALT-W', name: 'Altavoz portátil Wave', price: 59, stock: 3 },
  { sku: 'AUR-P', name: 'Auriculares inalámbricos Pulse', price: 89, stock: 0 },
  { sku: 'CAB-C2', name: 'Cable USB-C 2 m', price: 9.9, stock: 40 },
  { sku: 'CAB-L1', name: 'Cable Lightning 1 m', price: 12, stock: 10 },
  { sku: 'ESC-5', name: 'Escalera de tijera 5 peldaños', price: 79, stock: 2 },
  { sku: 'CIN-50', name: 'Rollo de cinta americana 50 m', price: 6.5, stock: 100 },
];
const names = (text: string) => matchCatalog(normalize(text), CATALOG).map((i) => i.sku);

describe('catalog items named in any language', () => {
  it.each([
    ['Do you have the portable speaker?', ['ALT-W']],
    ['wireless headphones, are they in stock?', ['AUR-P']],
    ['¿Cuánto vale el Wave?', ['ALT-W']],
    ['how much is a 5-step ladder', ['ESC-5']],
    ['¿tienen cinta americana?', ['CIN-50']],
    ['precio del CAB-L1', ['CAB-L1']],
    ['¿y cuánto cuesta el rollo de cinta?', ['CIN-50']],
  ] as const)('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
  it('a common word alone does not pick one of several items', () => {
    expect(names('¿tienen cable?')).not.toEqual(['CAB-C2']);
  });
  it('nothing named, nothing matched', () => {
    expect(names('¿A qué hora abren?')).toEqual([]);
    expect(names('I want a refund')).toEqual([]);
  });
});
