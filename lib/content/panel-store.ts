import type { LeadStreamPartial, ScrapeResult } from '../contracts';
import type { LeadResultReply } from '../messaging';

export type PanelState =
  | { status: 'idle' }
  | { status: 'waiting'; recordId: string }
  | {
      status: 'ready';
      recordId: string;
      scrape: ScrapeResult;
      reply: LeadResultReply;
      pending: boolean;
      /** Stage, priority and SLA from the model, ahead of its full answer. */
      partial?: Omit<LeadStreamPartial, 'type'>;
    }
  | { status: 'error'; recordId: string; message: string };

/** A tiny external store for useSyncExternalStore: the session writes, the panel reads. */
export function createPanelStore(initial: PanelState = { status: 'idle' }) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: PanelState) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;
