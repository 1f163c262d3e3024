import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { PulsoDb, type CachedResult } from './db';
import { ResultCache } from './result-cache';

const result = {
  stage: 'MQL', priority: 'P3', slaHours: 24,
  scores: { fit: 60, urgency: 30, opportunity: 40, dataQuality: 80 },
  contact: { seniority: 'MANAGER', roleType: 'INFLUENCER', decisionPower: 'MEDIUM', emailType: 'CORPORATE' },
  summary: 's', detectedNeeds: [], matchedServices: [], nextSteps: [], recommendedOwner: 'SDR', rationale: 'r',
  source: 'rules', flags: [],
} as const;
const entry = (key: string, expiresAt: number): CachedResult => ({
  key, result: { ...result, detectedNeeds: [], matchedServices: [], nextSteps: [], flags: [] }, engine: 'rules:1', crm: 'hubspot', recordId: '1', createdAt: 0, expiresAt,
});

describe('ResultCache', () => {
  it('returns fresh entries and drops expired ones', async () => {
    const cache = new ResultCache(new PulsoDb(`t-${Math.random()}`));
    await cache.put(entry('a', 100));
    expect((await cache.get('a', 50))?.result.stage).toBe('MQL');
    expect(await cache.get('a', 100)).toBeUndefined();
    expect(await cache.count()).toBe(0);
  });

  it('treats a stored entry that no longer matches the schema as a miss and removes it', async () => {
    const db = new PulsoDb(`t-${Math.random()}`);
    await db.results.put({ ...entry('b', 1e15), result: { stage: 'HOT' } } as never);
    const cache = new ResultCache(db);
    expect(await cache.get('b', 0)).toBeUndefined();
    expect(await cache.count()).toBe(0);
  });

  it('refuses to store an invalid entry', async () => {
    const cache = new ResultCache(new PulsoDb(`t-${Math.random()}`));
    await expect(cache.put({ ...entry('c', 1), result: { stage: 'HOT' } } as never)).rejects.toThrow();
  });

  it('prunes every expired entry at once', async () => {
    const cache = new ResultCache(new PulsoDb(`t-${Math.random()}`));
    await cache.put(entry('x', 10));
    await cache.put(entry('y', 20));
    await cache.put(entry('z', 30));
    expect(await cache.pruneExpired(20)).toBe(2);
    expect(await cache.count()).toBe(1);
  });

  it('finds the newest live result for a record made by the same engine', async () => {
    const cache = new ResultCache(new PulsoDb(`t-${Math.random()}`));
    await cache.put({ ...entry('old', 1_000), recordId: '101', createdAt: 1 });
    await cache.put({ ...entry('new', 1_000), recordId: '101', createdAt: 5, result: { ...entry('x', 0).result, priority: 'P1' } });
    await cache.put({ ...entry('other-engine', 1_000), recordId: '101', createdAt: 9, engine: 'llm:m' });
    await cache.put({ ...entry('expired', 10), recordId: '101', createdAt: 10 });
    expect((await cache.latestForRecord('hubspot', '101', 'rules:1', 20))?.key).toBe('new');
    expect(await cache.latestForRecord('hubspot', '202', 'rules:1', 20)).toBeUndefined();
    expect(await cache.latestForRecord('salesforce', '101', 'rules:1', 20)).toBeUndefined();
  });

  it('a newest entry that no longer parses gives way to the next live one; each record gets its own newest', async () => {
    const db = new PulsoDb(`t-${Math.random()}`);
    const cache = new ResultCache(db);
    await cache.put({ ...entry('a-old', 1_000), recordId: 'a', createdAt: 1 });
    await cache.put({ ...entry('a-mid', 1_000), recordId: 'a', createdAt: 3 });
    await db.results.put({ ...entry('a-unreadable', 1_000), recordId: 'a', createdAt: 7, result: { stage: 'HOT' } } as never);
    await cache.put({ ...entry('b-only', 1_000), recordId: 'b', createdAt: 2 });
    const latest = await cache.latestForRecords('hubspot', ['a', 'b', 'c'], 'rules:1', 20);
    expect(Object.fromEntries([...latest].map(([id, hit]) => [id, hit.key]))).toEqual({ a: 'a-mid', b: 'b-only' });
  });

  it('answers what it wrote or read lately from memory, without reading IndexedDB again', async () => {
    const db = new PulsoDb(`t-${Math.random()}`);
    await new ResultCache(db).putMany([{ ...entry('a', 1_000), recordId: 'a' }, { ...entry('b', 1_000), recordId: 'b' }]);
    // A restarted worker: its cache starts empty and reads IndexedDB once.
    const cache = new ResultCache(db);
    const where = vi.spyOn(db.results, 'where');
    const bulkGet = vi.spyOn(db.results, 'bulkGet');
    const get = vi.spyOn(db.results, 'get');
    expect([...(await cache.latestForRecords('hubspot', ['a', 'b'], 'rules:1', 20)).keys()]).toEqual(['a', 'b']);
    expect(where).toHaveBeenCalledTimes(1);
    expect([...(await cache.latestForRecords('hubspot', ['a', 'b'], 'rules:1', 20)).keys()]).toEqual(['a', 'b']);
    expect((await cache.getMany(['a', 'b'], 20)).size).toBe(2);
    expect((await cache.get('a', 20))?.recordId).toBe('a');
    expect(where).toHaveBeenCalledTimes(1);
    expect(bulkGet).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
    // A record written since is known at once, as the newest; one not kept is read from IndexedDB.
    await cache.put({ ...entry('a-new', 1_000), recordId: 'a', createdAt: 5 });
    expect((await cache.latestForRecord('hubspot', 'a', 'rules:1', 20))?.key).toBe('a-new');
    expect(await cache.latestForRecords('hubspot', ['a', 'c'], 'rules:1', 20)).toEqual(new Map([['a', expect.objectContaining({ key: 'a-new' })]]));
    expect(where).toHaveBeenCalledTimes(2);
  });

  it('an entry kept in memory still expires, and nothing is kept once the data is cleared', async () => {
    const db = new PulsoDb(`t-${Math.random()}`);
    const cache = new ResultCache(db);
    await cache.put({ ...entry('a', 100), recordId: 'a' });
    expect(await cache.get('a', 100)).toBeUndefined();
    expect(await cache.latestForRecord('hubspot', 'a', 'rules:1', 100)).toBeUndefined();
    await cache.put({ ...entry('b', 1_000), recordId: 'b' });
    await cache.clear();
    expect(await cache.latestForRecord('hubspot', 'b', 'rules:1', 20)).toBeUndefined();
    // "Clear all local data" deletes the database itself: the worker forgets what it kept.
    await cache.put({ ...entry('c', 1_000), recordId: 'c' });
    await db.results.clear();
    cache.forget();
    expect(await cache.getMany(['c'], 20)).toEqual(new Map());
  });
});
