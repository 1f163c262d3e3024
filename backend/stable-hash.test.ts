import { afterEach, describe, expect, it, vi } from 'vitest';
import { leadCacheKeyForVersion } from '../lib/cache-key';
import { stableHash } from '../lib/stable-hash';
import { leadCapability } from './capabilities/leads';
import { createRulesClassifier } from './llm/lead-classifier';
import { stableHashSync } from './stable-hash';
import { HOT_LEAD } from './testing/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the backend hashes keys synchronously', () => {
  it('to the same digest as the extension (lib stableHash), whatever the key order or the script', async () => {
    const values = [
      { b: 1, a: [3, { z: 'ñandú — 東京 🚀', y: null }], c: undefined },
      'plain',
      [1, 'dos', { tres: true }],
      { lead: { fullName: 'José Müller', description: '\u2028 line\nbreak "quoted"' }, profile: 'abc', engine: 'rules-6' },
    ];
    for (const value of values) expect(stableHashSync(value)).toBe(await stableHash(value));
  });

  it("a lead's key is the extension's leadCacheKey, and keying it makes no Web Crypto call", async () => {
    const expected = await leadCacheKeyForVersion(HOT_LEAD, 'v1', 'engine-1');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const capability = leadCapability(createRulesClassifier());
    expect(await capability.key(HOT_LEAD, 'v1', 'engine-1')).toBe(expected);
    expect(digest).not.toHaveBeenCalled();
  });
});
