import { describe, expect, it } from 'vitest';
import { profileVersion } from '../lib/cache-key';
import type { CompanyProfile } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { createProfileResolver, type CurrentProfile, type ProfileSource } from './profiles';

const WELDING: CompanyProfile = { ...DEMO_PROFILE, name: 'Soldaduras del Sur', services: ['Industrial welding'] };

/** A source that counts what it is asked; `current` is what the database says is current now. */
function countingSource(stored: CompanyProfile[] = []) {
  const calls = { current: 0, byVersion: 0, publish: 0 };
  let current: CurrentProfile | undefined;
  const source: ProfileSource & { calls: typeof calls; setCurrent(p: CurrentProfile): void } = {
    calls,
    async current() {
      calls.current++;
      return current ?? { profile: DEMO_PROFILE, version: await profileVersion(DEMO_PROFILE), updatedAt: null, source: 'configured' };
    },
    async byVersion(version) {
      calls.byVersion++;
      for (const p of stored) if ((await profileVersion(p)) === version) return p;
      return undefined;
    },
    async publish(profile) {
      calls.publish++;
      current = { profile, version: await profileVersion(profile), updatedAt: new Date(0).toISOString(), source: 'published' };
      return current;
    },
    setCurrent(p) {
      current = p;
    },
  };
  return source;
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the profile resolver', () => {
  it('requests that name no profile read the current one at most once per max age', async () => {
    const source = countingSource();
    const time = clock();
    const resolver = createProfileResolver(source, { currentMaxAgeMs: 1_000, now: time.now });
    for (let i = 0; i < 20; i++) expect((await resolver.resolve({}))?.profile).toEqual(DEMO_PROFILE);
    expect(source.calls.current).toBe(1);

    // Another replica publishes: seen here once the max age has passed, not before.
    const published = { profile: WELDING, version: await profileVersion(WELDING), updatedAt: new Date(0).toISOString(), source: 'published' as const };
    source.setCurrent(published);
    time.advance(999);
    expect((await resolver.resolve({}))?.version).toBe(await profileVersion(DEMO_PROFILE));
    time.advance(1);
    expect((await resolver.resolve({}))?.profile).toEqual(WELDING);
    expect(source.calls.current).toBe(2);
  });

  it('concurrent requests share one read', async () => {
    const source = countingSource();
    const resolver = createProfileResolver(source, { now: clock().now });
    const all = await Promise.all(Array.from({ length: 10 }, () => resolver.resolve({})));
    expect(new Set(all.map((r) => r?.version)).size).toBe(1);
    expect(source.calls.current).toBe(1);
  });

  it('a publish through this replica is what the next request gets, without a read; GET /v1/profile still reads', async () => {
    const source = countingSource();
    const resolver = createProfileResolver(source, { now: clock().now });
    await resolver.resolve({});
    await resolver.source.publish(WELDING, { publishedBy: 'token:abc' });
    expect((await resolver.resolve({}))?.profile).toEqual(WELDING);
    expect(source.calls.current).toBe(1);
    expect((await resolver.source.current()).profile).toEqual(WELDING);
    expect(source.calls.current).toBe(2);
  });

  it('a read that began before a publish does not bring the older profile back', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const source = countingSource();
    const slowSource: ProfileSource = {
      ...source,
      async current() {
        const value = await source.current();
        await gate;
        return value;
      },
      publish: source.publish,
    };
    const resolver = createProfileResolver(slowSource, { now: clock().now });
    const before = resolver.resolve({});
    await resolver.source.publish(WELDING, { publishedBy: 'token:abc' });
    release();
    expect((await before)?.profile).toEqual(DEMO_PROFILE);
    expect((await resolver.resolve({}))?.profile).toEqual(WELDING);
  });

  it('a version found in the source is asked for once; an unknown one is never remembered', async () => {
    const source = countingSource([WELDING]);
    const resolver = createProfileResolver(source, { now: clock().now });
    const version = await profileVersion(WELDING);
    for (let i = 0; i < 5; i++) expect((await resolver.resolve({ profileVersion: version }))?.profile).toEqual(WELDING);
    expect(source.calls.byVersion).toBe(1);
    expect(await resolver.resolve({ profileVersion: 'ffffffffffffffff' })).toBeUndefined();
    expect(await resolver.resolve({ profileVersion: 'ffffffffffffffff' })).toBeUndefined();
    expect(source.calls.byVersion).toBe(3);
  });

  it('a profile sent inline is then known by its version without asking the source', async () => {
    const source = countingSource();
    const resolver = createProfileResolver(source, { now: clock().now });
    const sent = await resolver.resolve({ profile: WELDING });
    expect((await resolver.resolve({ profileVersion: sent!.version }))?.profile).toEqual(WELDING);
    expect(source.calls.byVersion).toBe(0);
  });
});
