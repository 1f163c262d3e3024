import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sampleEntry, sampleResult } from '../history/fixtures';
import { PulsoDb } from './db';
import { HistoryStore } from './history-store';
import { ResultCache } from './result-cache';

/** PulsoDb exactly as version 1 shipped it: the result cache only. */
class PulsoDbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ results: 'key, expiresAt, [crm+recordId]' });
  }
}

describe('PulsoDb schema upgrades', () => {
  it('keeps the v1 result cache when later versions add the history and campaign tables', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new PulsoDbV1(name);
    await v1.table('results').bulkPut([
      { key: 'k1', result: sampleResult, engine: 'llm:m', crm: 'hubspot', recordId: '101', createdAt: 1, expiresAt: 1e15 },
      { key: 'k2', result: { ...sampleResult, priority: 'P3' }, engine: 'llm:m', crm: 'salesforce', recordId: '00Q1', createdAt: 2, expiresAt: 1e15 },
    ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = new PulsoDb(name);
    await v2.open();
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    expect(v2.verno).toBe(4);
    expect(await v2.campaigns.count()).toBe(0);
    const cache = new ResultCache(v2);
    expect(await cache.count()).toBe(2);
    expect((await cache.get('k1', 0))?.result.stage).toBe('SQL');
    expect((await cache.latestForRecord('salesforce', '00Q1', 'llm:m', 0))?.result.priority).toBe('P3');

    const history = new HistoryStore(v2, { now: () => 10_000 });
    await history.add([sampleEntry()]);
    expect((await history.list({ crm: 'hubspot' }))[0]?.recordId).toBe('101');
    v2.close();

    // And the upgraded database reopens as it is, history included.
    const again = new PulsoDb(name);
    expect(await new HistoryStore(again).count()).toBe(1);
    expect(await new ResultCache(again).count()).toBe(2);
    again.close();
  });
});
