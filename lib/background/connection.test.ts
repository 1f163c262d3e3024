import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '../settings';
import { createConnectionStore, SecretsDb } from './connection';

const store = () => createConnectionStore(new SecretsDb(`secrets-${Math.random()}`));

describe('connection (backend URL and tokens)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the local backend and no tokens', async () => {
    expect(await store().read()).toEqual({ backendUrl: 'http://127.0.0.1:8787', token: '', adminToken: '' });
  });

  it('keeps the tokens out of storage.local, where every content script could read them', async () => {
    const connection = store();
    await connection.save({ backendUrl: 'https://pulso.example.com/', token: ' rep-1 ', adminToken: 'adm' });
    expect(await connection.read()).toEqual({ backendUrl: 'https://pulso.example.com', token: 'rep-1', adminToken: 'adm' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/rep-1|adm"/);
    expect((await readSettings()).backendUrl).toBe('https://pulso.example.com');
  });

  it('refuses a bad backend URL whole: neither the URL nor the tokens change', async () => {
    const connection = store();
    await connection.save({ backendUrl: 'http://127.0.0.1:9999', token: 'old' });
    await expect(connection.save({ backendUrl: 'http://user:pass@evil.example', token: 'new' })).rejects.toThrow(/user name or password/);
    expect(await connection.read()).toMatchObject({ backendUrl: 'http://127.0.0.1:9999', token: 'old' });
  });

  it('is read once and kept: a settings change, new tokens saved with the same URL and a deleted database are all seen', async () => {
    const db = new SecretsDb(`secrets-${Math.random()}`);
    const connection = createConnectionStore(db);
    await connection.save({ backendUrl: 'https://pulso.example.com', token: 'rep-1' });
    const first = await connection.read();
    expect(await connection.read()).toBe(first);
    await fakeBrowser.storage.local.set({ settings: { backendUrl: 'https://other.example.com' } });
    expect(await connection.read()).toMatchObject({ backendUrl: 'https://other.example.com', token: 'rep-1' });
    await connection.save({ backendUrl: 'https://other.example.com', token: 'rep-2' });
    expect(await connection.read()).toMatchObject({ backendUrl: 'https://other.example.com', token: 'rep-2' });
    await db.secrets.clear();
    connection.forget();
    expect(await connection.read()).toMatchObject({ token: '', adminToken: '' });
  });

  it('moves the tokens an older version kept in storage.local, and keeps the other settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { backendUrl: 'http://127.0.0.1:9999', token: 'legacy-rep', adminToken: 'legacy-adm', language: 'es' } });
    expect(await store().read()).toEqual({ backendUrl: 'http://127.0.0.1:9999', token: 'legacy-rep', adminToken: 'legacy-adm' });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toEqual({ backendUrl: 'http://127.0.0.1:9999', language: 'es' });
  });
});
