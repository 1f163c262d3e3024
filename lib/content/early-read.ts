import { browser } from 'wxt/browser';
import { SELECTOR_PACK_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../storage-keys';

// The storage read a content script starts from, begun at document_start by the small script
// that runs on every CRM host (entrypoints/start-read.content.ts), so the round trip to the
// browser process overlaps the page's own loading. The site's script takes it over
// (lib/content/start-read.ts).

export interface StartState {
  settings: unknown;
  selectorPack: unknown;
}

/** Asks storage for the settings and the selector pack (unparsed: each has its own schema). */
export const askStartState = (): Promise<StartState> =>
  browser.storage.local.get([SETTINGS_STORAGE_KEY, SELECTOR_PACK_STORAGE_KEY]).then((stored) => ({
    settings: stored[SETTINGS_STORAGE_KEY],
    selectorPack: stored[SELECTOR_PACK_STORAGE_KEY],
  }));

/** A read that may fail unobserved until someone takes it (it is then asked again). */
export const quietly = <T>(promise: Promise<T>): Promise<T> => {
  promise.catch(() => undefined);
  return promise;
};

// Content scripts of one extension share their isolated world in a frame: the early read is left
// here for the site's script (the page's own scripts cannot see this world).
const EARLY_READ = Symbol.for('pulso.startRead');
const shared = globalThis as { [EARLY_READ]?: { take(): Promise<StartState> } };

/**
 * Asks now, and asks again if either value changes before the site's script takes the read (the
 * page may load for a while), so what it takes is current.
 */
export function startEarlyRead(): void {
  let read = quietly(askStartState());
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS_STORAGE_KEY in changes || SELECTOR_PACK_STORAGE_KEY in changes)) read = quietly(askStartState());
  };
  browser.storage.onChanged.addListener(onChanged);
  shared[EARLY_READ] = {
    take() {
      browser.storage.onChanged.removeListener(onChanged);
      delete shared[EARLY_READ];
      return read;
    },
  };
}

/** The early read, once (undefined when no early script ran in this frame, or it was taken). */
export function takeEarlyRead(): Promise<StartState> | undefined {
  return shared[EARLY_READ]?.take();
}
