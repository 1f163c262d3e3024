import type { CampaignReply, CampaignStep } from '@/lib/contracts';
import { createStore } from '@/lib/content/store';

export type CampaignState =
  /** Not a record a campaign can be written from (a list, a ticket, another site page). */
  | { status: 'idle' }
  /** A contact, lead, company or deal / opportunity: the *Campaign* action is offered. */
  | { status: 'ready'; recordId: string }
  /** Asked: the glass-box steps arrive as they happen. */
  | { status: 'running'; recordId: string; steps: CampaignStep[] }
  | { status: 'done'; recordId: string; steps: CampaignStep[]; reply: CampaignReply }
  | { status: 'error'; recordId: string; message: string; noLead?: boolean };

/** The campaign panel's state, and whether its drawer is open (kept apart so a route change can close it). */
export function createCampaignStore(initial: CampaignState = { status: 'idle' }) {
  return Object.assign(createStore<CampaignState>(initial), { open: createStore(false) });
}
export type CampaignStore = ReturnType<typeof createCampaignStore>;
