import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createConnectionStore, SECRETS_DATABASE } from './connection';
import { PulsoDb } from './db';
import { clearAllLocalData, PULSO_DATABASE } from './clear-local-data';

describe('clear all local data', () => {
  it('empties storage and deletes the pulso IndexedDB database', async () => {
    fakeBrowser.reset();
    const connection = createConnectionStore();
    await connection.save({ backendUrl: 'http://127.0.0.1:8787', token: 'secret', adminToken: 'admin' });
    const db = new PulsoDb(PULSO_DATABASE);
    await db.open();
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(PULSO_DATABASE);
    await clearAllLocalData({ storage: [fakeBrowser.storage.local] });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(PULSO_DATABASE);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(SECRETS_DATABASE);
    expect(await connection.read()).toMatchObject({ token: '', adminToken: '' });
  });
});
