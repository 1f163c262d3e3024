import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test imports the module afresh: its read starts when it is evaluated.
const freshModule = async () => {
  vi.resetModules();
  return import('./start-read');
};

describe('readStartState', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('asks storage once, as the script starts, for the settings and the selector pack', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'es' }, selectorPack: { pack: { version: '1' } }, profile: { name: 'not asked' } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { readStartState } = await freshModule();
    expect(get).toHaveBeenCalledTimes(1); // at evaluation, before anyone asked
    // Written after the script started: the start state is what was stored when it began.
    await fakeBrowser.storage.local.set({ settings: { language: 'en' } });
    expect(await readStartState()).toEqual({ settings: { language: 'es' }, selectorPack: { pack: { version: '1' } } });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('asks again once the start read is taken, and after a failed one', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('not yet'));
    const { readStartState } = await freshModule();
    await fakeBrowser.storage.local.set({ settings: { language: 'en' } });
    expect(await readStartState()).toEqual({ settings: { language: 'en' }, selectorPack: undefined });
    expect(await readStartState()).toEqual({ settings: { language: 'en' }, selectorPack: undefined });
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('takes the read the document_start script started, asked again if a value changed before it was taken', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'es' } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    vi.resetModules();
    (await import('./early-read')).startEarlyRead();
    expect(get).toHaveBeenCalledTimes(1);
    // The page loads for a while: the options change the settings meanwhile.
    await fakeBrowser.storage.local.set({ settings: { language: 'en' } });
    expect(get).toHaveBeenCalledTimes(2);
    const { readStartState } = await freshModule();
    expect(get).toHaveBeenCalledTimes(2); // the site's script asked nothing itself
    expect(await readStartState()).toEqual({ settings: { language: 'en' }, selectorPack: undefined });
    // Taken once: a later change is the settings watcher's, not the start read's.
    await fakeBrowser.storage.local.set({ settings: { language: 'es' } });
    expect(get).toHaveBeenCalledTimes(2);
    const again = await freshModule();
    expect(get).toHaveBeenCalledTimes(3); // no early read left: the next script asks itself
    expect(await again.readStartState()).toEqual({ settings: { language: 'es' }, selectorPack: undefined });
  });
});
