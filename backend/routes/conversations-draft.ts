import type { FastifyPluginAsync } from 'fastify';
import { DraftRequestSchema, describeZodIssues, type ConversationTriage, type ReplyDraft } from '../../lib/contracts';
import { triageConversationByRules } from '../../lib/rules/conversation';
import type { Config } from '../config';
import { BODY_LIMIT_BYTES, errorBody } from '../http';
import { QueueFullError, type Admission } from '../llm/admission';
import type { ReplyDrafter } from '../llm/reply-drafter';

export interface DraftRouteOptions {
  config: Config;
  drafter: ReplyDrafter;
  /**
   * The upstream admission the lead path uses (one cap on calls to vLLM for every route). In
   * LLM mode a draft takes a slot or a queue place; queue full → 429 + Retry-After.
   */
  admission?: Admission;
}

/** A conversation of 500 messages does not fit the default 64 KB body limit. */
export const DRAFT_BODY_LIMIT_BYTES = Math.max(BODY_LIMIT_BYTES, 1024 * 1024);

export const conversationDraftRoutes: FastifyPluginAsync<DraftRouteOptions> = async (app, { config, drafter, admission }) => {
  /**
   * POST /v1/conversations/draft — { conversation, profile?, strategy?, tone?, previousText? }
   * → ReplyDraft. The safety check is always the rules'; an LLM failure answers the rules draft
   * (source "rules"), never an error.
   */
  app.post('/v1/conversations/draft', { bodyLimit: DRAFT_BODY_LIMIT_BYTES }, async (req, reply): Promise<ReplyDraft | void> => {
    const parsed = DraftRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return reply.code(400).send(errorBody('bad_request', describeZodIssues(parsed.error) || 'invalid request body', issues));
    }
    const { conversation, strategy, tone, previousText } = parsed.data;
    const profile = parsed.data.profile ?? config.profile;
    // The caller's triage decides the strategy and tone of voice; the safety flags are always
    // the rules' own, so a client cannot switch off, say, the other-customer-data guard.
    const triage = parsed.data.triage && withRulesGuards(parsed.data.triage, triageConversationByRules(conversation, profile));
    const options = { strategy, tone, previousText, ...(triage ? { triage } : {}) };
    if (drafter.mode === 'rules' || !admission) return (await drafter.draftDetailed(conversation, profile, options)).result;
    let release;
    try {
      release = await admission.acquire();
    } catch (err) {
      if (err instanceof QueueFullError) {
        return reply
          .code(429)
          .header('retry-after', String(err.retryAfterSeconds))
          .send(errorBody('queue_full', `the LLM is at capacity; retry after ${err.retryAfterSeconds} s`));
      }
      throw err;
    }
    try {
      return (await drafter.draftDetailed(conversation, profile, options)).result;
    } finally {
      release();
    }
  });
};

/** The rules' flags, and the escalation they force (another customer's data goes to a supervisor). */
function withRulesGuards(given: ConversationTriage, rules: ConversationTriage): ConversationTriage {
  const guarded = { ...given, flags: rules.flags };
  if (rules.flags.includes('other_customer_data_request')) {
    return { ...guarded, escalate: true, escalationReason: rules.escalationReason, department: rules.department };
  }
  return guarded;
}
