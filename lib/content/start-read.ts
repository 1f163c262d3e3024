import { browser } from 'wxt/browser';
import { SELECTOR_PACK_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../storage-keys';

// Imported first by every content script, so this runs as the script starts evaluating: the
// round trip to the browser process for what the script needs before reading the page (the
// settings, the selector pack) overlaps the evaluation of the rest of the script instead of
// following it. Parsed later, by their own schemas, in components/site-feature.ts.

export interface StartState {
  settings: unknown;
  selectorPack: unknown;
}

const ask = (): Promise<StartState> =>
  browser.storage.local.get([SETTINGS_STORAGE_KEY, SELECTOR_PACK_STORAGE_KEY]).then((stored) => ({
    settings: stored[SETTINGS_STORAGE_KEY],
    selectorPack: stored[SELECTOR_PACK_STORAGE_KEY],
  }));

let early: Promise<StartState> | undefined = ask();
early.catch(() => undefined); // a failed early read is asked again below

/** The stored values as the script started (asked for once more if that read failed, or was already taken). */
export async function readStartState(): Promise<StartState> {
  const taken = early;
  early = undefined;
  if (taken) {
    try {
      return await taken;
    } catch {
      // fall through: ask again
    }
  }
  return ask();
}
