import { generateCampaignByRules } from '../campaign/generate';
import {
  CampaignMessageSchema,
  type CampaignContextInput,
  type CampaignHistoryEntry,
  type CampaignPortEvent,
  type CampaignReply,
  type CampaignStep,
  type CompanyProfile,
  type LeadClassification,
} from '../contracts';
import { maskContactsInText, maskLead } from '../privacy/mask';
import type { Settings } from '../settings';
import type { BackendClient } from './backend-client';
import type { ResultCache } from './result-cache';

export interface CampaignServiceDeps {
  backend: () => Promise<BackendClient>;
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  /** The classification the rep saw on this record (the lead panel's, cached by the background). */
  cache: Pick<ResultCache, 'latestForRecord'>;
  /** Where every campaign is recorded (the history page). */
  history?: { add(entry: CampaignHistoryEntry): Promise<unknown> };
  now?: () => number;
}

/** The timeline as it may leave the browser: emails and phones in its text masked. */
function maskContext(context: CampaignContextInput | undefined): CampaignContextInput | undefined {
  if (!context) return undefined;
  return { ...context, timeline: context.timeline?.map((item) => ({ ...item, text: maskContactsInText(item.text) })) };
}

/**
 * The background's campaign route: the backend's campaign with its steps streamed as they
 * happen (the model's, or its labelled rescue), else — backend unreachable — the rules campaign
 * made here from the same record and the same team templates, labelled offline. The campaign's
 * HTML is never touched here: the service worker has no DOM, so the panel sanitises it again in
 * the page before the sandboxed preview shows it.
 */
export function createCampaignService(deps: CampaignServiceDeps) {
  const now = deps.now ?? (() => Date.now());
  const pendingWrites = new Set<Promise<void>>();

  function record(entry: CampaignHistoryEntry): void {
    if (!deps.history) return;
    const history = deps.history;
    const write = (async () => {
      try {
        await history.add(entry);
      } catch (err) {
        console.warn('[pulso] campaign not recorded', err);
      }
    })();
    pendingWrites.add(write);
    void write.finally(() => pendingWrites.delete(write));
  }

  return {
    async historySettled(): Promise<void> {
      await Promise.all([...pendingWrites]);
    },

    /** One campaign for the record on screen: `emit` gets each step as it happens, then the final campaign (also returned). */
    async draft(raw: unknown, emit?: (event: CampaignPortEvent) => void): Promise<CampaignReply> {
      const started = now();
      const message = CampaignMessageSchema.parse(raw);
      const { lead, context, page } = message;
      const elapsed = () => Math.max(0, now() - started);
      const shown = new Set<CampaignStep['name']>();
      const step = (s: CampaignStep) => {
        shown.add(s.name);
        emit?.({ type: 'step', step: s });
      };
      const profile = await deps.readProfile();
      let classification: LeadClassification | undefined = message.classification;
      const reply = await (async (): Promise<CampaignReply> => {
        try {
          const [settings, client] = await Promise.all([deps.readSettings(), deps.backend()]);
          if (!classification) {
            const engine = (await client.health()).engine;
            classification = (await deps.cache.latestForRecord(page.crm, page.recordId, engine, now()))?.result;
          }
          const masking = settings.privacy.maskContacts;
          const answer = await client.draftCampaignStreaming(
            {
              lead: masking ? maskLead(lead) : lead,
              context: masking ? maskContext(context) : context,
              ...(classification ? { classification } : {}),
              record: { crm: page.crm, recordType: page.recordType, recordId: page.recordId, url: page.url },
              profile,
            },
            step,
          );
          return { campaign: answer.campaign, origin: 'backend', latencyMs: elapsed(), ...(answer.error ? { error: answer.error } : {}) };
        } catch (err) {
          // The rules campaign, here: the same facts, the same team templates, labelled offline.
          const campaign = generateCampaignByRules({ lead, context, classification }, profile);
          for (const s of campaign.steps) if (!shown.has(s.name)) step(s);
          return { campaign, origin: 'offline', latencyMs: elapsed(), error: (err as Error).message };
        }
      })();
      record({ createdAt: now(), crm: page.crm, recordType: page.recordType, recordId: page.recordId, url: page.url, input: lead, campaign: reply.campaign, origin: reply.origin === 'offline' ? 'offline' : 'backend', latencyMs: reply.latencyMs });
      emit?.({ type: 'final', reply });
      return reply;
    },
  };
}
