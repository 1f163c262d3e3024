import type { FastifyPluginAsync } from 'fastify';
import { ConversationTriageSchema, TriageRequestSchema, type ConversationTriage } from '../../lib/contracts';
import type { Gateways } from '../capabilities/index';
import type { BudgetConfig } from '../config';
import { PROFILE_BODY_LIMIT_BYTES, badRequest, profileUnknown, requestBudget } from '../http';
import { ERRORS, docs } from '../openapi';
import type { ProfileResolver } from '../profiles';

export interface TriageRouteOptions {
  triage: Gateways['triage'];
  profiles: ProfileResolver;
  budget: BudgetConfig;
}

export const conversationTriageRoutes: FastifyPluginAsync<TriageRouteOptions> = async (app, { triage, profiles, budget }) => {
  /** POST /v1/conversations/triage — { conversation, profile? | profileVersion? } → ConversationTriage. Queue full → 429 + Retry-After. */
  app.post(
    '/v1/conversations/triage',
    {
      bodyLimit: PROFILE_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Triage a chat or ticket',
        description: 'Reads the latest 60 messages (2,000 characters each) of the conversation.',
        tags: ['conversations'],
        body: TriageRequestSchema,
        response: { 200: { description: 'The triage.', schema: ConversationTriageSchema }, ...ERRORS },
      }),
    },
    async (req, reply): Promise<ConversationTriage | void> => {
      const parsed = TriageRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const profile = await profiles.resolve(parsed.data);
      if (!profile) return profileUnknown(reply, parsed.data.profileVersion!);
      return (await triage.answer(parsed.data.conversation, profile, { lane: 'interactive', ...requestBudget(reply, budget.singleMs) })).result;
    },
  );
};
