import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PulsoDb } from '../cache';
import { readSettings, updateSettings } from '../settings';
import { clearAllLocalData, PULSO_DATABASE } from './clear-local-data';

describe('clear all local data', () => {
  it('empties storage and deletes the pulso IndexedDB database', async () => {
    fakeBrowser.reset();
    await updateSettings({ token: 'secret', adminToken: 'admin' });
    const db = new PulsoDb(PULSO_DATABASE);
    await db.open();
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(PULSO_DATABASE);
    await clearAllLocalData({ storage: [fakeBrowser.storage.local] });
    expect((await readSettings()).token).toBe('');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(PULSO_DATABASE);
  });
});
