import { browser } from 'wxt/browser';

// One storage.local key, read, written and watched with the browser's own API. What the content
// scripts read (the settings, the selector pack) goes through this rather than @wxt-dev/storage's
// `defineItem`: each item that defines reads its key from storage as it is defined — a round
// trip to the browser process at every page load for a value lib/content/start-read.ts already
// asked for — and the library (with its migrations and locks) was ~2 KB gzipped of every content script.

export interface StorageLocalKey {
  /** The stored value (undefined when there is none). */
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
  /** Calls `onChange` with the new value (undefined once removed) after every change, from any context; returns the unwatch. */
  watch(onChange: (value: unknown) => void): () => void;
}

export function storageLocalKey(key: string): StorageLocalKey {
  return {
    get: async () => (await browser.storage.local.get(key))[key],
    set: (value) => browser.storage.local.set({ [key]: value }),
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) onChange(changes[key]!.newValue ?? undefined); // Chrome leaves newValue out once removed; others say null
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
