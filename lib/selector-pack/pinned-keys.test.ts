import { describe, expect, it } from 'vitest';
import { generateSelectorPackKeys } from './signature';
import { pinnedKeysFileFor, pinnedKeysFrom } from './pinned-keys';

describe('pinned selector-pack keys', () => {
  it('a build pins the keys of its environment variable, none without it', async () => {
    const [a, b] = [await generateSelectorPackKeys(), await generateSelectorPackKeys()];
    expect(pinnedKeysFrom(JSON.parse(pinnedKeysFileFor(`${a.publicKey}, ${b.publicKey}`)))).toEqual([a.publicKey, b.publicKey]);
    expect(pinnedKeysFrom(JSON.parse(pinnedKeysFileFor(undefined)))).toEqual([]);
  });

  it('a malformed key fails the build; a malformed file pins nothing', () => {
    expect(() => pinnedKeysFileFor('not-a-key')).toThrow(/WXT_SELECTOR_PACK_PUBLIC_KEY: .*32 raw bytes/);
    expect(pinnedKeysFrom({ keys: ['x'] })).toEqual([]);
    expect(pinnedKeysFrom(undefined)).toEqual([]);
  });
});
