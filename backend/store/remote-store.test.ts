import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { profileVersion } from '../../lib/cache-key';
import type { DraftFeedback } from '../../lib/contracts/learning';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { MEMORY_DATA_DIR } from './location';
import { remoteStore, serveStore, type StoreChannel } from './remote-store';
import { StoredDataError } from './rows';
import { SelectorPackVersionConflict } from './selector-packs';
import { openStore, type OpenedStore } from './store';
import { tokenFingerprint } from './token-fingerprint';

/**
 * Two ends of a cluster channel in one process: messages are structured-cloned and delivered
 * on a later turn, as node:cluster's "advanced" serialization does between processes.
 */
function channelPair(): [StoreChannel, StoreChannel] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): StoreChannel => ({
    send: (message) => {
      const copy = structuredClone(message);
      setImmediate(() => other.emit('message', copy));
    },
    onMessage: (listener) => void self.on('message', listener),
  });
  return [end(a, b), end(b, a)];
}

const ADMIN = tokenFingerprint('admin-token');
const draft = (i: number): DraftFeedback => ({ kind: 'draft', eventId: `evt-${String(i).padStart(8, '0')}`, strategy: 'technical', intent: 'complaint', segment: 'retain', outcome: 'inserted' });

describe('a worker store answered by the primary (one embedded database, several processes)', () => {
  let primary: OpenedStore;
  beforeAll(async () => {
    primary = await openStore({ location: { engine: 'pglite', dataDir: MEMORY_DATA_DIR } });
  }, 300_000);
  afterAll(async () => {
    await primary?.close();
  });

  /** Two workers on one primary store. */
  function workers() {
    return [0, 1].map(() => {
      const [workerEnd, primaryEnd] = channelPair();
      serveStore(primary, primaryEnd);
      return remoteStore(workerEnd);
    });
  }

  it('a profile published through one worker is what the other reads, by version and as current', async () => {
    const [a, b] = workers();
    const published = await a!.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
    expect(published.version).toBe(await profileVersion(DEMO_PROFILE));
    expect((await b!.profiles.current())?.version).toBe(published.version);
    expect((await b!.profiles.byVersion(published.version))?.profile).toEqual(DEMO_PROFILE);
    expect(await b!.profiles.byVersion('no-such-version')).toBeUndefined();
    expect((await primary.profiles.current())?.version).toBe(published.version);
  });

  it('feedback from both workers adds up once per event, duplicates across workers included', async () => {
    const [a, b] = workers();
    const before = await primary.feedback.count('draft');
    const [ra, rb] = await Promise.all([a!.feedback.record([draft(1), draft(2)]), b!.feedback.record([draft(2), draft(3)])]);
    expect(ra.accepted + rb.accepted).toBe(3);
    expect(ra.duplicates + rb.duplicates).toBe(1);
    expect(await b!.feedback.count('draft')).toBe(before + 3);
    const listed = await a!.feedback.list({ kind: 'draft' });
    expect(listed.map((e) => e.event.eventId)).toEqual(expect.arrayContaining(['evt-00000001', 'evt-00000002', 'evt-00000003']));
  });

  it('selector packs are validated with the caller schema in the worker; a conflicting version keeps its error class', async () => {
    const [a, b] = workers();
    const PackSchema = z.object({ sites: z.record(z.string(), z.object({ title: z.array(z.string()) })) });
    const pack = { version: 'remote-1', signature: 'sig', document: { sites: { hubspot: { title: ['h1'] } } } };
    await a!.selectorPacks.publish(pack, { publishedBy: ADMIN });
    expect((await b!.selectorPacks.current(PackSchema))?.document).toEqual(pack.document);
    expect((await b!.selectorPacks.byVersion('remote-1', PackSchema))?.document.sites.hubspot?.title).toEqual(['h1']);
    await expect(b!.selectorPacks.byVersion('remote-1', z.object({ other: z.string() }))).rejects.toBeInstanceOf(StoredDataError);
    await expect(b!.selectorPacks.publish({ ...pack, signature: 'other' }, { publishedBy: ADMIN })).rejects.toBeInstanceOf(SelectorPackVersionConflict);
  });

  it('the policy, campaigns history and ping answer through the primary; closing a worker store leaves the database open', async () => {
    const [a, b] = workers();
    const pulls = async () => (await b!.policy.arms()).find((arm) => arm.segment === 'care' && arm.intent === 'complaint' && arm.strategy === 'empathetic')?.pulls ?? 0;
    const before = await pulls();
    await a!.policy.add([{ segment: 'care', intent: 'complaint', strategy: 'empathetic', pulls: 2, weight: 2, rewardSum: 1.5 }]);
    expect(await pulls()).toBe(before + 2);
    await expect(b!.ping()).resolves.toBeUndefined();
    await a!.close();
    await expect(b!.ping()).resolves.toBeUndefined();
    expect(await b!.campaigns.list()).toEqual([]);
  });

  it('a call the primary refuses fails in the worker with the reason, and the worker goes on', async () => {
    const [a] = workers();
    await expect(a!.feedback.record([{ ...draft(9), strategy: 'bribe' } as unknown as DraftFeedback])).rejects.toThrow(/strategy|invalid/i);
    await expect(a!.ping()).resolves.toBeUndefined();
  });
});
