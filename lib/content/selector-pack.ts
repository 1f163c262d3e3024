import { readSelectorPackState, selectorPackStateFrom, watchSelectorPackState } from '../selector-pack/stored';
import { useSelectorPack } from '../sites/scrape-context';
import type { SessionContext } from './session-context';

/**
 * The content script reads with the selector pack the background accepted (schema and
 * signature checked there, the schema again on read), from the start and whenever a newer one
 * is accepted; the built-in selectors otherwise.
 */
export async function followSelectorPack(ctx: Pick<SessionContext, 'onInvalidated'>, start?: { stored: unknown }): Promise<void> {
  ctx.onInvalidated(watchSelectorPackState((state) => useSelectorPack(state.pack)));
  // `start`: the value already read with the settings as the script started (lib/content/start-read.ts).
  useSelectorPack((start ? selectorPackStateFrom(start.stored) : await readSelectorPackState()).pack);
}
