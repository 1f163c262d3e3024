import type { LeadEarlyFields, LeadResultReply, ScrapeResult } from '@/lib/contracts';
import { createStore } from '@/lib/content/store';

export type PanelState =
  | { status: 'idle' }
  | { status: 'waiting'; recordId: string }
  /** The record page rendered, but Pulso found none of the fields it classifies by: the missing ones. */
  | { status: 'unreadable'; recordId: string; missing: string[] }
  | {
      status: 'ready';
      recordId: string;
      scrape: ScrapeResult;
      reply: LeadResultReply;
      pending: boolean;
      /** Stage, priority and SLA from the model, ahead of its full answer. */
      partial?: LeadEarlyFields;
    }
  | { status: 'error'; recordId: string; message: string };

/**
 * The lead panel's state, and whether it is collapsed: apart, so the keyboard command (a
 * message from the background) can toggle it from outside React, and so it outlives
 * navigation between records.
 */
export function createPanelStore(initial: PanelState = { status: 'idle' }, options: { collapsed?: boolean } = {}) {
  return Object.assign(createStore<PanelState>(initial), { collapsed: createStore(options.collapsed ?? false) });
}
export type PanelStore = ReturnType<typeof createPanelStore>;
