import type { FastifyPluginAsync } from 'fastify';
import { DraftRequestSchema, ReplyDraftSchema, type ReplyDraft } from '../../lib/contracts';
import type { Gateways } from '../capabilities/index';
import type { BudgetConfig } from '../config';
import { PROFILE_BODY_LIMIT_BYTES, badRequest, profileUnknown, requestBudget } from '../http';
import { ERRORS, docs } from '../openapi';
import type { ProfileResolver } from '../profiles';

export interface DraftRouteOptions {
  draft: Gateways['draft'];
  profiles: ProfileResolver;
  budget: BudgetConfig;
}

export const conversationDraftRoutes: FastifyPluginAsync<DraftRouteOptions> = async (app, { draft, profiles, budget }) => {
  /**
   * POST /v1/conversations/draft — { conversation, profile? | profileVersion?, strategy?, tone?,
   * previousText?, triage? } → ReplyDraft. The safety check is always the rules'; an LLM failure
   * answers the rules draft (source "rules"), never an error.
   */
  app.post(
    '/v1/conversations/draft',
    {
      bodyLimit: PROFILE_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Draft a reply',
        description: 'Reads the latest 60 messages (2,000 characters each). Identical requests share one model call and the cache.',
        tags: ['conversations'],
        body: DraftRequestSchema,
        response: { 200: { description: 'The draft, with its safety check.', schema: ReplyDraftSchema }, ...ERRORS },
      }),
    },
    async (req, reply): Promise<ReplyDraft | void> => {
      const parsed = DraftRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const profile = await profiles.resolve(parsed.data);
      if (!profile) return profileUnknown(reply, parsed.data.profileVersion!);
      const { conversation, strategy, tone, previousText, triage } = parsed.data;
      const input = { conversation, strategy, tone, previousText, ...(triage ? { triage } : {}) };
      return (await draft.answer(input, profile, { lane: 'interactive', ...requestBudget(reply, budget.singleMs) })).result;
    },
  );
};
