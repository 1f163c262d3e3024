import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleEntry, sampleResult } from '../history/fixtures';
import { DAY_MS } from '../history/schema';
import { PulsoDb } from './db';
import { HistoryStore } from './history-store';

const freshDb = () => new PulsoDb(`history-${Math.random()}`);
// The sample entries are from t=1 s; a clock near them keeps the retention trim out of the way.
const freshStore = () => new HistoryStore(freshDb(), { now: () => 10_000 });

describe('HistoryStore', () => {
  it('stores entries and lists them newest first', async () => {
    const store = freshStore();
    const ids = await store.add([sampleEntry({ createdAt: 1 }), sampleEntry({ createdAt: 3, recordId: '202' }), sampleEntry({ createdAt: 2, recordId: '303' })]);
    expect(ids).toHaveLength(3);
    expect((await store.list()).map((entry) => entry.recordId)).toEqual(['202', '303', '101']);
    expect(await store.count()).toBe(3);
    expect((await store.get(ids[0]!))?.input.fullName).toBe('María González');
  });

  it('filters by CRM, kind, priority and text (name, company, email; accents and case ignored)', async () => {
    const store = freshStore();
    await store.add([
      sampleEntry({ recordId: 'a' }),
      sampleEntry({ recordId: 'b', crm: 'salesforce', input: { fullName: 'Peter Novak', company: 'Novak GmbH' } }),
      sampleEntry({ recordId: 'c', kind: 'list', result: { ...sampleResult, priority: 'P3', stage: 'Nurture' }, input: { email: 'ops@zeta.io' } }),
    ]);
    expect((await store.list({ crm: 'salesforce' })).map((e) => e.recordId)).toEqual(['b']);
    expect((await store.list({ kind: 'list' })).map((e) => e.recordId)).toEqual(['c']);
    expect((await store.list({ priority: 'P3' })).map((e) => e.recordId)).toEqual(['c']);
    expect((await store.list({ priority: 'P1', crm: 'hubspot' })).map((e) => e.recordId)).toEqual(['a']);
    expect((await store.list({ text: 'MARIA' })).map((e) => e.recordId)).toEqual(['a']);
    expect((await store.list({ text: 'gmbh' })).map((e) => e.recordId)).toEqual(['b']);
    expect((await store.list({ text: 'zeta.io' })).map((e) => e.recordId)).toEqual(['c']);
    expect(await store.list({ text: 'nobody' })).toEqual([]);
  });

  it('refuses to store an invalid entry and skips a corrupt stored row on read', async () => {
    const db = freshDb();
    const store = new HistoryStore(db, { now: () => 10_000 });
    await expect(store.add([{ ...sampleEntry(), priority: 'P9' } as never])).rejects.toThrow();
    await db.history.add({ ...sampleEntry(), result: { stage: 'HOT' } } as never);
    await store.add([sampleEntry({ recordId: 'ok' })]);
    expect((await store.list()).map((e) => e.recordId)).toEqual(['ok']);
  });

  it('deletes one entry or all of them', async () => {
    const store = freshStore();
    const [first] = await store.add([sampleEntry(), sampleEntry({ recordId: '2' })]);
    await store.delete(first!);
    expect((await store.list()).map((e) => e.recordId)).toEqual(['2']);
    await store.clear();
    expect(await store.count()).toBe(0);
  });

  it('trims entries older than the retention days', async () => {
    const now = 100 * DAY_MS;
    const store = new HistoryStore(freshDb(), { now: () => now, retentionDays: async () => 30, trimEveryMs: Infinity });
    await store.add([
      sampleEntry({ recordId: 'old', createdAt: now - 31 * DAY_MS }),
      sampleEntry({ recordId: 'edge', createdAt: now - 30 * DAY_MS }),
      sampleEntry({ recordId: 'new', createdAt: now - DAY_MS }),
    ]);
    expect(await store.trimByRetention()).toBe(1);
    expect((await store.list()).map((e) => e.recordId).sort()).toEqual(['edge', 'new']);
    expect(await store.trim(0.5)).toBe(2);
  });

  it('trims after a write, at most once per interval', async () => {
    let now = 100 * DAY_MS;
    const store = new HistoryStore(freshDb(), { now: () => now, retentionDays: async () => 7, trimEveryMs: DAY_MS });
    await store.add([sampleEntry({ recordId: 'stale', createdAt: now - 8 * DAY_MS })]);
    // The first write trims: the stale row it wrote is already past retention.
    expect(await store.count()).toBe(0);
    await store.add([sampleEntry({ recordId: 'stale2', createdAt: now - 8 * DAY_MS })]);
    expect(await store.count()).toBe(1);
    now += DAY_MS + 1;
    await store.add([sampleEntry({ recordId: 'fresh', createdAt: now })]);
    expect((await store.list()).map((e) => e.recordId)).toEqual(['fresh']);
  });
});
