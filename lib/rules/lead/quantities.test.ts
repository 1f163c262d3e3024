import { describe, expect, it } from 'vitest';
import { parseCompanySize, parseMoney } from './quantities';

describe('rule 5 inputs: company size and revenue parsing', () => {
  it.each([
    ['201-500', 351], ['1,000+', 1000], ['5k', 5000], ['10.000', 10000], ['250 empleados', 250], [120, 120], ['n/a', null], ['', null],
  ] as const)('size %s → %s', (input, expected) => {
    expect(parseCompanySize(input)).toBe(expected);
  });
  it.each([
    ['$5M', 5e6], ['5 millones', 5e6], ['2.5B', 2.5e9], ['2,5 M€', 2.5e6], ['500k', 5e5], ['1.200.000 €', 1.2e6], ['mil millones', 1e9], ['3 mil millones', 3e9], [750000, 750000], ['USD 5 MM', 5e6],
  ] as const)('revenue %s → %s', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });
});
