import { askStartState, quietly, takeEarlyRead, type StartState } from './early-read';

// Imported first by every site's content script. What the script needs before reading the page
// (the settings, the selector pack) is a round trip to the browser process: the document_start
// script began it (lib/content/early-read.ts); where it did not run, it begins here, as the script
// starts evaluating, so it overlaps the evaluation of the rest. Parsed later, by their own
// schemas, in components/site-feature.ts.

export type { StartState };

let early: Promise<StartState> | undefined = takeEarlyRead() ?? quietly(askStartState());

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
  return askStartState();
}
