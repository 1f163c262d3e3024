import { compareSelectorPackVersions, type Connection, type SelectorPackState, type SelectorPackStatus } from '../contracts';
import { checkSelectorPack } from '../selector-pack';
import { readSelectorPackState, writeSelectorPackState } from '../selector-pack/stored';
import { BUILT_IN_SELECTORS_VERSION, isNewerThanBuiltIn } from '../sites/scrape-context';
import { backendClientFor } from './backend-client';

/** How often the background asks the backend for a newer selector pack (a browser.alarms alarm). */
export const SELECTOR_PACK_PULL_MINUTES = 4 * 60;
export const SELECTOR_PACK_ALARM = 'pulso:pull-selector-pack';

export interface SelectorPackDeps {
  readConnection: () => Promise<Connection>;
  /** The public keys pinned in this build (lib/selector-pack/pinned-keys.ts). */
  trustedKeys: () => Promise<readonly string[]>;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The pack the readers use: the accepted one when it is newer than the built-in selectors. */
export function selectorPackStatus(state: SelectorPackState): SelectorPackStatus {
  const team = state.pack && isNewerThanBuiltIn(state.pack) ? state.pack : undefined;
  return {
    active: team ? { version: team.version, source: 'team' } : { version: BUILT_IN_SELECTORS_VERSION, source: 'built-in' },
    builtInVersion: BUILT_IN_SELECTORS_VERSION,
    checkedAt: state.checkedAt,
    served: state.served,
    refused: state.refused,
    error: state.error,
  };
}

/**
 * GET /v1/selectors and keep the pack when it passes checkSelectorPack (schema, no script-like
 * value, signed by a pinned key) and is newer than the one in use. A refused pack changes nothing
 * the readers use; the refusal, with its reason, is kept for the options page. An unreachable
 * backend keeps the last accepted pack.
 */
export async function pullSelectorPack(deps: SelectorPackDeps): Promise<SelectorPackStatus> {
  const now = deps.now ?? Date.now;
  const state = await readSelectorPackState();
  const connection = await deps.readConnection();
  let served: unknown;
  try {
    served = await backendClientFor(connection, { fetch: deps.fetch }).getSelectorPack();
  } catch (err) {
    const next: SelectorPackState = { ...state, checkedAt: now(), served: 'unreachable', error: (err as Error).message.slice(0, 1_000) };
    await writeSelectorPackState(next);
    return selectorPackStatus(next);
  }
  const next: SelectorPackState = { ...state, checkedAt: now(), served: served === undefined ? 'none' : 'pack', error: undefined };
  if (served !== undefined) {
    const check = await checkSelectorPack(served, await deps.trustedKeys());
    if (!check.ok) {
      next.refused = { reason: check.reason, message: check.message, version: check.version, at: now() };
    } else {
      const inUse = selectorPackStatus(state).active.version;
      if (compareSelectorPackVersions(check.pack.version, inUse) > 0) {
        next.pack = check.pack;
        next.from = connection.backendUrl;
        next.acceptedAt = now();
      }
      // A good pack answers the earlier refusal when it is at least as new as the refused one.
      if (next.refused && compareSelectorPackVersions(check.pack.version, next.refused.version ?? '0') >= 0) next.refused = undefined;
    }
  }
  await writeSelectorPackState(next);
  return selectorPackStatus(next);
}
