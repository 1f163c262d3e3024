import type { FastifyPluginAsync } from 'fastify';
import { TriageRequestSchema, describeZodIssues, type ConversationTriage } from '../../lib/contracts';
import type { Config } from '../config';
import { BODY_LIMIT_BYTES, errorBody } from '../http';
import { QueueFullError, type Admission } from '../llm/admission';
import { createConversationTriager, createTriageGateway, type ConversationTriager } from '../llm/conversation-triage';
import type { WarnLogger } from '../llm/lead-classifier';

/** Conversations are longer than leads: up to 500 messages. */
export const TRIAGE_BODY_LIMIT_BYTES = 1024 * 1024;

export interface TriageRouteOptions {
  config: Config;
  /** The lead gateway's admission control: one upstream budget for the backend. */
  admission: Admission;
  logger: WarnLogger;
  /** Override (tests). */
  triager?: ConversationTriager;
}

export const conversationTriageRoutes: FastifyPluginAsync<TriageRouteOptions> = async (app, { config, admission, logger, triager }) => {
  const gateway = createTriageGateway(triager ?? createConversationTriager(config.llm, { logger }), admission, config.cache);

  /** POST /v1/conversations/triage — { conversation, profile? } → ConversationTriage. Queue full → 429 + Retry-After. */
  app.post('/v1/conversations/triage', { bodyLimit: Math.max(BODY_LIMIT_BYTES, TRIAGE_BODY_LIMIT_BYTES) }, async (req, reply): Promise<ConversationTriage | void> => {
    const parsed = TriageRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return reply.code(400).send(errorBody('bad_request', describeZodIssues(parsed.error) || 'invalid request body', issues));
    }
    const profile = parsed.data.profile ?? config.profile;
    try {
      return (await gateway.triage(parsed.data.conversation, profile)).result;
    } catch (err) {
      if (err instanceof QueueFullError) {
        return reply.code(429).header('retry-after', String(err.retryAfterSeconds)).send(errorBody('queue_full', `the LLM is at capacity; retry after ${err.retryAfterSeconds} s`));
      }
      throw err;
    }
  });
};
