import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileVersion } from '../../lib/cache-key';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { MEMORY_DATA_DIR } from './location';
import { storeProfileSource } from './profile-source';
import { openStore, type OpenedStore } from './store';
import { freshSchema } from './testing/engines';

const opened: OpenedStore[] = [];
const open = async (schema = freshSchema()) => {
  const store = await openStore({ location: { engine: 'pglite', dataDir: MEMORY_DATA_DIR }, schema });
  opened.push(store);
  return store;
};
beforeAll(() => open().then(() => undefined), 300_000); // starts this file's in-memory cluster
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const CONFIGURED = { ...DEMO_PROFILE, name: 'Configured Co' };
const WELDING = { ...DEMO_PROFILE, name: 'Soldaduras del Sur', services: ['Industrial welding'] };

describe('the profile source backed by the store', () => {
  it('serves the configured profile until one is published, then the published one, on every replica', async () => {
    const schema = freshSchema();
    const [a, b] = [storeProfileSource(await open(schema), CONFIGURED), storeProfileSource(await open(schema), CONFIGURED)];
    expect(await b.current()).toEqual({ profile: CONFIGURED, version: await profileVersion(CONFIGURED), updatedAt: null, source: 'configured' });
    const published = await a.publish(WELDING, { publishedBy: 'token:abcdefabcdef' });
    expect(published).toMatchObject({ profile: WELDING, version: await profileVersion(WELDING), source: 'published' });
    expect(await b.current()).toEqual(published);
  });

  it('finds any version it ever held, and the configured one, by version', async () => {
    const source = storeProfileSource(await open(), CONFIGURED);
    const first = await source.publish(WELDING);
    await source.publish(DEMO_PROFILE);
    expect(await source.byVersion(first.version)).toEqual(WELDING);
    expect(await source.byVersion(await profileVersion(CONFIGURED))).toEqual(CONFIGURED);
    expect(await source.byVersion('ffffffffffffffff')).toBeUndefined();
  });
});
