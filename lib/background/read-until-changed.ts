import { browser } from 'wxt/browser';

/** A kept read: the value as last read, and `forget()` for a change storage does not announce. */
export type KeptRead<T> = (() => Promise<T>) & { forget(): void };

/**
 * A value read from storage.local once and kept until one of its keys changes, in any context
 * (the options page, a pull of the team profile, clearing local data): every lead and chat the
 * worker answers reads the profile and the settings, and each storage read is a round trip to
 * the browser process before the rules preview can go out. Callers must not mutate what it gives.
 * A value that also depends on something else (the tokens' database) is forgotten by its owner
 * when that changes.
 */
export function readUntilChanged<T>(keys: readonly string[], read: () => Promise<T>): KeptRead<T> {
  let kept: Promise<T> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && keys.some((key) => key in changes)) kept = undefined;
  });
  const get = () =>
    (kept ??= read().catch((err: unknown) => {
      kept = undefined;
      throw err;
    }));
  return Object.assign(get, {
    forget() {
      kept = undefined;
    },
  });
}
