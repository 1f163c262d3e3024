import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageLocalKey } from './storage-local';

describe('storageLocalKey', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and writes its own key in storage.local', async () => {
    const item = storageLocalKey('settings');
    expect(await item.get()).toBeUndefined();
    await item.set({ language: 'es' });
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(await item.get()).toEqual({ language: 'es' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { language: 'es' }, other: 1 });
  });

  it('reports every change of its key (undefined once removed) until unwatched, and no other key nor area', async () => {
    const item = storageLocalKey('settings');
    const seen: unknown[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.set({ language: 'es' });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session.set({ settings: 'session' });
    await fakeBrowser.storage.local.remove('settings');
    unwatch();
    await item.set({ language: 'en' });
    expect(seen).toEqual([{ language: 'es' }, undefined]);
  });
});
