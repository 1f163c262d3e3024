import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readUntilChanged } from './read-until-changed';

describe('readUntilChanged', () => {
  beforeEach(() => fakeBrowser.reset());

  function counted(key: string) {
    let reads = 0;
    const read = readUntilChanged([key, 'teamProfile'], async () => {
      reads++;
      return (await fakeBrowser.storage.local.get(key))[key];
    });
    return { read, reads: () => reads };
  }

  it('reads storage once while nothing it depends on changes', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: 'A' } });
    const { read, reads } = counted('profile');
    expect(await read()).toEqual({ name: 'A' });
    expect(await Promise.all([read(), read()])).toEqual([{ name: 'A' }, { name: 'A' }]);
    expect(reads()).toBe(1);
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session.set({ profile: 'not local' });
    await read();
    expect(reads()).toBe(1);
  });

  it('reads again after any of its keys changes or storage is cleared', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: 'A' } });
    const { read, reads } = counted('profile');
    await read();
    await fakeBrowser.storage.local.set({ profile: { name: 'B' } });
    expect(await read()).toEqual({ name: 'B' });
    await fakeBrowser.storage.local.set({ teamProfile: { version: '2' } });
    await read();
    await fakeBrowser.storage.local.clear();
    expect(await read()).toBeUndefined();
    expect(reads()).toBe(4);
  });

  it('reads again after forget(), for a change storage does not announce', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: 'A' } });
    const { read, reads } = counted('profile');
    await read();
    read.forget();
    await read();
    expect(reads()).toBe(2);
  });

  it('forgets a failed read, so the next request tries again', async () => {
    let calls = 0;
    const read = readUntilChanged(['settings'], async () => {
      if (++calls === 1) throw new Error('storage unavailable');
      return 'ok';
    });
    await expect(read()).rejects.toThrow('storage unavailable');
    expect(await read()).toBe('ok');
  });
});
