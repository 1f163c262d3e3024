import type { FastifyPluginAsync } from 'fastify';
import { DraftRequestSchema, ReplyDraftSchema, type JudgeScore, type ReplyDraft } from '../../lib/contracts';
import { draftTriage } from '../capabilities/draft';
import type { Gateways } from '../capabilities/index';
import type { StrategySuggester } from '../learning/strategy-suggester';
import { judgeByRules, type JudgeInput } from '../llm/draft-judge';
import type { ResolvedProfile } from '../gateway/gateway';
import type { BudgetConfig } from '../config';
import { PROFILE_BODY_LIMIT_BYTES, badRequest, profileUnknown, requestBudget } from '../http';
import { ERRORS, docs } from '../openapi';
import type { ProfileResolver } from '../profiles';

export interface DraftRouteOptions {
  draft: Gateways['draft'];
  judge: Gateways['judge'];
  /** The team policy's pick when the request names no strategy. */
  suggester?: StrategySuggester;
  profiles: ProfileResolver;
  budget: BudgetConfig;
}

export const conversationDraftRoutes: FastifyPluginAsync<DraftRouteOptions> = async (app, { draft, judge, suggester, profiles, budget }) => {
  /**
   * POST /v1/conversations/draft — { conversation, profile? | profileVersion?, strategy?, tone?,
   * previousText?, triage? } → ReplyDraft. The safety check is always the rules'; an LLM failure
   * answers the rules draft (source "rules"), never an error. Without a strategy, the team
   * policy's pick (`suggested: true`) when it has one. Every draft carries the judge's reading:
   * the model's own when it drafted, the LLM judge for a model draft that came without one,
   * the rules judge for a rules draft.
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
      const budgetNow = requestBudget(reply, budget.singleMs);
      const situation = draftTriage({ conversation, triage }, profile.profile);
      const suggested = strategy ? undefined : await suggester?.suggest(situation, profile.profile);
      const input = { conversation, strategy: strategy ?? suggested, tone, previousText, ...(triage ? { triage } : {}) };
      const { result } = await draft.answer(input, profile, { lane: 'interactive', ...budgetNow });
      const judged = result.judge ? result : { ...result, judge: await judgeOf(result, { conversation, triage: situation }, profile, budgetNow) };
      return suggested && judged.strategy === suggested ? { ...judged, suggested: true } : judged;
    },
  );

  /** The reading of a draft that came without one: the rules judge for a rules draft (the model just failed, or there is none), else the judge gateway within the request's budget. */
  async function judgeOf(
    result: ReplyDraft,
    context: Pick<JudgeInput, 'conversation' | 'triage'>,
    profile: ResolvedProfile,
    budgetNow: { deadlineAt: number; signal: AbortSignal },
  ): Promise<JudgeScore> {
    const input = { draft: result, ...context };
    if (result.source === 'rules') return judgeByRules(input, profile.profile);
    return (await judge.answer(input, profile, { lane: 'interactive', ...budgetNow })).result;
  }
};
