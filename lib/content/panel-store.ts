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

/**
 * A tiny external store for useSyncExternalStore: the session writes, the panel reads.
 * It also holds whether the panel is collapsed, so the keyboard command (a message
 * from the background) can toggle it from outside React, and the state outlives
 * navigation between records.
 */
export function createPanelStore(initial: PanelState = { status: 'idle' }, options: { collapsed?: boolean } = {}) {
  let state = initial;
  let collapsed = options.collapsed ?? false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    set(next: PanelState) {
      state = next;
      notify();
    },
    isCollapsed: () => collapsed,
    setCollapsed(next: boolean) {
      if (next === collapsed) return;
      collapsed = next;
      notify();
    },
    toggleCollapsed() {
      collapsed = !collapsed;
      notify();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;
