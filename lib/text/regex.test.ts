import { describe, expect, it } from 'vitest';
import { execAll } from './regex';

/** What matchAll gives, as plain data: every match's groups, index and named groups. */
const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ all: [...m], index: m.index, groups: m.groups }));

describe('execAll: matchAll without copying the regex', () => {
  const cases: Array<[RegExp, string]> = [
    [/(?<![a-z0-9])(?:last week|ayer)(?![a-z0-9])/g, 'ayer, last week and xayer, ayer'],
    [/(\d+)\s+(dias?|weeks?)/g, 'in 3 weeks or 10 dias, 2 days'],
    [/(?<word>[a-z]+)/g, 'uno dos tres'],
    [/a*/g, 'baaac'], // empty matches: one step past each
    [/(?:)/gu, 'a😀b'], // empty matches with u: past the whole surrogate pair
    [/(?:)/g, 'a😀b'], // without u: one code unit at a time
    [/\p{L}*/gv, 'é😀ñ'],
    [/x/g, ''],
    [/x/gy, 'xxax'], // sticky: stops at the first miss, as matchAll does
  ];
  it.each(cases)('%s over %j: the same matches as matchAll', (re, text) => {
    expect(shape(execAll(re, text))).toEqual(shape(text.matchAll(new RegExp(re))));
  });

  it('starts at the regex lastIndex, as matchAll does, and leaves it as it was', () => {
    const re = /\d/g;
    re.lastIndex = 3;
    const expected = shape('1 2 3 4'.matchAll(re));
    expect(re.lastIndex).toBe(3);
    expect(shape(execAll(re, '1 2 3 4'))).toEqual(expected);
    expect(re.lastIndex).toBe(3);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => execAll(/x/, 'x')).toThrow(TypeError);
    expect(() => 'x'.matchAll(/x/)).toThrow(TypeError);
  });
});
