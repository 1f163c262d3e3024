import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { gatherCampaignFacts, type CampaignInput } from '../../lib/campaign/facts';
import { rescueCampaign } from '../../lib/campaign/llm-answer';
import { CampaignRequestSchema, CampaignSchema, CampaignStreamEventSchema, type Campaign, type CampaignRequest, type CampaignStreamEvent, type CampaignStep } from '../../lib/contracts';
import type { Gateways } from '../capabilities/index';
import type { BudgetConfig } from '../config';
import { ClientGone } from '../gateway/gateway';
import { NDJSON, PROFILE_BODY_LIMIT_BYTES, badRequest, ndjson, profileUnknown, requestBudget } from '../http';
import { ERRORS, docs } from '../openapi';
import type { ResolvedProfile } from '../gateway/gateway';
import type { ProfileResolver } from '../profiles';
import { requesterFingerprint } from '../store/token-fingerprint';
import type { SaveCampaign } from '../store/campaign-history';

export interface CampaignRouteOptions {
  campaign: Gateways['campaign'];
  profiles: ProfileResolver;
  budget: BudgetConfig;
  /** Where campaigns made through the backend are kept (the store's campaign history). */
  history: { save(input: SaveCampaign): Promise<unknown> };
}

const StreamQuerySchema = z.object({ stream: z.string().optional().describe('1 (or true/yes): answer NDJSON lines, one per step as it happens, then the campaign') });

const streaming = (req: FastifyRequest): boolean => /^(1|true|yes)$/i.test(String((req.query as Record<string, unknown> | undefined)?.stream ?? ''));

/** What a person reads in the history: the lead's name and company as the rep saw them. */
const labelOf = (lead: CampaignRequest['lead']) => [lead.fullName, lead.company].filter((v) => typeof v === 'string' && v.trim()).join(' · ').slice(0, 300) || undefined;

export const campaignRoutes: FastifyPluginAsync<CampaignRouteOptions> = async (app, { campaign, profiles, budget, history }) => {
  /** Keeps the campaign; a store that fails never costs the rep the answer (it was already sent). */
  function keep(req: FastifyRequest, body: z.output<typeof CampaignRequestSchema>, profile: ResolvedProfile, result: Campaign): void {
    const { record, lead } = body;
    const leadRef = { ...(record?.crm ? { crm: record.crm } : {}), ...(record?.recordId ? { recordId: record.recordId } : {}), ...(record?.url ? { url: record.url } : {}), ...(labelOf(lead) ? { label: labelOf(lead) } : {}) };
    void history
      .save({ campaign: result, leadRef, profileVersion: profile.version, createdBy: requesterFingerprint(req.headers.authorization) })
      .catch((err: unknown) => req.log.warn({ err }, 'campaign not saved in the history'));
  }

  /**
   * POST /v1/campaigns/draft — { lead, context?, classification?, record?, profile? | profileVersion? } → Campaign.
   * ?stream=1 → NDJSON CampaignStreamEvent lines: each step as it happens (read and enrich at once;
   * with the LLM, the segment, product and subject as the model writes them), then the final
   * campaign. Any model failure answers the rescue (source "rules", rescue: true, `error` names why).
   */
  app.post(
    '/v1/campaigns/draft',
    {
      bodyLimit: PROFILE_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Write a personalised campaign for one lead',
        description: 'From the lead, the timeline and deal stage the record page shows, and the classification the rep sees. Identical requests share one model call and the cache.',
        tags: ['campaigns'],
        body: CampaignRequestSchema,
        querystring: StreamQuerySchema,
        response: {
          200: { description: 'The campaign; with ?stream=1, NDJSON CampaignStreamEvent lines instead.', schema: CampaignSchema },
          201: { description: '(?stream=1) one NDJSON line per step, then the campaign; 200 in practice.', schema: CampaignStreamEventSchema, contentType: NDJSON },
          ...ERRORS,
        },
      }),
    },
    async (req, reply): Promise<Campaign | void> => {
      const parsed = CampaignRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const profile = await profiles.resolve(parsed.data);
      if (!profile) return profileUnknown(reply, parsed.data.profileVersion!);
      const { lead, context, classification } = parsed.data;
      const input: CampaignInput = { lead, ...(context ? { context } : {}), ...(classification ? { classification } : {}) };
      const stream = streaming(req);
      const run = await campaign.begin(input, profile, { lane: 'interactive', ...requestBudget(reply, budget.singleMs), wantPartial: stream });
      if (!stream) {
        const { result } = await run.outcome;
        keep(req, parsed.data, profile, result);
        return result;
      }

      const out = ndjson(reply);
      let written = 0;
      const writeSteps = (steps: readonly CampaignStep[]) => {
        for (; written < steps.length; written++) out.write({ type: 'step', step: steps[written]! } satisfies CampaignStreamEvent);
      };
      run.onPartial(writeSteps);
      void run.outcome
        .then(({ result, error }) => {
          // Rules mode, a cache hit or a call that streamed nothing: the campaign's own steps, then the campaign.
          if (written === 0) writeSteps(result.steps);
          out.write({ type: 'final', result, ...(error ? { error } : {}) } satisfies CampaignStreamEvent);
          keep(req, parsed.data, profile, result);
        })
        .catch((err: unknown) => {
          if (err instanceof ClientGone) return;
          req.log.error({ err }, 'campaign stream failed');
          out.write({ type: 'final', result: rescueCampaign(gatherCampaignFacts(input, profile.profile), profile.profile, 'unavailable'), error: 'internal' } satisfies CampaignStreamEvent);
        })
        .finally(() => out.end());
      return reply;
    },
  );
};
