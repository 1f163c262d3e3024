import { describe, expect, it } from 'vitest';
import { normalize } from '../../text/normalize';
import { readScope } from './scope';

const read = (t: string) => readScope(normalize(t)).map(({ unit, min, max }) => ({ unit, min, max }));

describe('size in the unit the text uses: employees, vehicles, sites, users', () => {
  it.each([
    ['Clínicas con dos o más sedes', { unit: 'sites', min: 2, max: Infinity }],
    ['fleet operators (50 vehicles or more)', { unit: 'vehicles', min: 50, max: Infinity }],
    ['pymes de entre 10 y 250 trabajadores', { unit: 'employees', min: 10, max: 250 }],
    ['organizaciones de más de 300 empleados', { unit: 'employees', min: 300, max: Infinity }],
    ['1,000+ employees', { unit: 'employees', min: 1000, max: Infinity }],
    ['We run 180 refrigerated trucks', { unit: 'vehicles', min: 180, max: 180 }],
    ['tenemos cuatro clínicas', { unit: 'sites', min: 4, max: 4 }],
    ['un solo consultorio', { unit: 'sites', min: 1, max: 1 }],
    ['pricing for 40 users', { unit: 'users', min: 40, max: 40 }],
    ['hasta 50 empleados', { unit: 'employees', min: 0, max: 50 }],
  ] as const)('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });
  it('an article is not a count ("a clinic", "una tienda")', () => {
    expect(read('We are a clinic looking for a store')).toEqual([]);
  });
});
