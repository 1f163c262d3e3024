import { describe, expect, it } from 'vitest';
import { lazyStore } from './lazy-store';
import { MEMORY_DATA_DIR } from './location';

describe('lazyStore', () => {
  it('opens nothing until asked, then one store for every concurrent first use', async () => {
    let opened = 0;
    const lazy = lazyStore(() => {
      opened += 1;
      return { location: { engine: 'pglite', dataDir: MEMORY_DATA_DIR } };
    });
    expect(opened).toBe(0);
    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    expect(a).toBe(b);
    expect(opened).toBe(1);
    await a.ping();
    await lazy.close();
  }, 120_000);

  it('forgets a failed opening, so the next use tries again', async () => {
    let attempts = 0;
    const lazy = lazyStore(() => {
      attempts += 1;
      // Port 1 on loopback: nothing listens, the connection is refused at once.
      return { location: { engine: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' } };
    });
    await expect(lazy.get()).rejects.toThrow();
    await expect(lazy.get()).rejects.toThrow();
    expect(attempts).toBe(2);
    await lazy.close();
  });

  it('a store given from outside is used as is and left open', async () => {
    let closed = false;
    const given = { close: async () => void (closed = true) } as never;
    const lazy = lazyStore(() => {
      throw new Error('must not open');
    }, given);
    expect(await lazy.get()).toBe(given);
    await lazy.close();
    expect(closed).toBe(false);
  });
});
