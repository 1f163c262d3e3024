/**
 * The selector-pack state in storage.local (SelectorPackStateSchema): the background writes it
 * after checking a pack's schema and signature; content scripts read the accepted pack from it.
 * Not exported from the module's index: it needs the extension's storage (the CLI and backend
 * import the index).
 */
import { SelectorPackStateSchema, type SelectorPackState } from '../contracts';
import { storageLocalKey } from '../storage-local';
import { SELECTOR_PACK_STORAGE_KEY } from '../storage-keys';

export { SELECTOR_PACK_STORAGE_KEY };
const stateItem = storageLocalKey(SELECTOR_PACK_STORAGE_KEY);

/** The state a stored value holds. */
export function selectorPackStateFrom(raw: unknown): SelectorPackState {
  const parsed = SelectorPackStateSchema.safeParse(raw ?? {});
  // A state that no longer parses (an older extension's, or edited by hand) is dropped: the built-in selectors apply.
  return parsed.success ? parsed.data : {};
}

export async function readSelectorPackState(): Promise<SelectorPackState> {
  return selectorPackStateFrom(await stateItem.get());
}

export async function writeSelectorPackState(state: SelectorPackState): Promise<void> {
  await stateItem.set(SelectorPackStateSchema.parse(state));
}

/** Calls `onChange` with the new state whenever the background writes one. */
export function watchSelectorPackState(onChange: (state: SelectorPackState) => void): () => void {
  return stateItem.watch((raw) => onChange(selectorPackStateFrom(raw)));
}
