import type { Campaign, CampaignStep } from '../../lib/contracts';
import { gatherCampaignFacts, type CampaignInput } from '../../lib/campaign/facts';
import { rescueCampaign } from '../../lib/campaign/llm-answer';
import { stableHashSync } from '../stable-hash';
import type { Capability } from '../gateway/gateway';
import type { CampaignWriter } from '../llm/campaign-writer';

/** Timeline items a campaign may read (it uses the newest five; the rest never reach the task, the key or the cache). */
const TIMELINE_READ = 10;

/**
 * Campaigns: the steps so far are the partial (each new step re-sent as the growing list, so a
 * request that joins the same call late gets them all at once); the fallback at the deadline is
 * the rescue — the admin's template filled from the record, labelled `rescue:timeout`.
 */
export function campaignCapability(writer: CampaignWriter): Capability<CampaignInput, Campaign, CampaignStep[]> {
  return {
    name: 'campaign',
    mode: writer.mode,
    engine: writer.engine,
    normalize: (input) => (input.context?.timeline && input.context.timeline.length > TIMELINE_READ ? { ...input, context: { ...input.context, timeline: input.context.timeline.slice(0, TIMELINE_READ) } } : input),
    key: async (input, version, engine) => stableHashSync({ input, profile: version, engine }),
    rules: (input, profile) => rescueCampaign(gatherCampaignFacts(input, profile), profile, 'timeout'),
    run: (input, profile, { signal, deadlineAt, onPartial }) => {
      const steps: CampaignStep[] = [];
      const onStep = onPartial
        ? (step: CampaignStep) => {
            steps.push(step);
            onPartial([...steps]);
          }
        : undefined;
      return writer.writeDetailed(input, profile, { signal, deadlineAt, onStep });
    },
  };
}
