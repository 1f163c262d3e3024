import { describe, expect, it } from 'vitest';
import { stableHash, stableStringify } from './stable-hash';

describe('stableHash', () => {
  it('ignores key order and undefined values', async () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: undefined } })).toBe('{"a":{"d":2},"b":1}');
    expect(await stableHash({ a: 1, b: [1, 2] })).toBe(await stableHash({ b: [1, 2], a: 1 }));
  });
  it('changes when any value changes', async () => {
    expect(await stableHash({ a: 1 })).not.toBe(await stableHash({ a: 2 }));
    expect(await stableHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
