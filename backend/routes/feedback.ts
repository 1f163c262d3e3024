import type { FastifyPluginAsync } from 'fastify';
import {
  FeedbackRequestSchema,
  FeedbackResponseSchema,
  FeedbackStatsQuerySchema,
  FeedbackStatsSchema,
  parseFeedbackRequest,
  PolicySchema,
  type FeedbackResponse,
  type FeedbackStats,
  type Policy,
} from '../../lib/contracts';
import { PolicyModel, policyView } from '../../lib/learning/policy';
import { badRequest } from '../http';
import { ERRORS, docs } from '../openapi';
import type { Store } from '../store/store';

export interface FeedbackRouteOptions {
  /** The server's store (buildServer opens it). */
  store: Store;
  /** Told after events were stored, so a cached policy is read again (the draft's suggestion). */
  onRecorded?: () => void;
  now?: () => Date;
}

/** 1,000 events (the contract's maximum per request) with reasons fit in 1 MB. */
export const FEEDBACK_BODY_LIMIT_BYTES = 1024 * 1024;

const DAY_MS = 86_400_000;

/**
 * The learning loop's routes (docs/learning.md): the agents' feedback in, the team's policy
 * out, and the daily aggregates the team page charts. Team token (the default access).
 */
export const feedbackRoutes: FastifyPluginAsync<FeedbackRouteOptions> = async (app, { store, onRecorded, now = () => new Date() }) => {
  /**
   * POST /v1/feedback — one event or { events: [...] } (≤ 1,000) → 202 { accepted, duplicates }.
   * A bad event refuses the whole request (400 naming the field: nothing is stored, so a fixed
   * retry counts each event once). Events whose eventId is already stored are counted as
   * duplicates and never added to the policy again. The answer comes once the events are
   * committed; the store batches concurrent requests into a few transactions and yields
   * between them, so a burst never holds the server.
   */
  app.post(
    '/v1/feedback',
    {
      bodyLimit: FEEDBACK_BODY_LIMIT_BYTES,
      schema: docs({
        summary: "Record agents' feedback on drafts and leads",
        description: 'One event or { events } (up to 1,000). Idempotent by eventId: a repeated id counts once, ever. A bad event refuses the request (400 names the field) and nothing is stored.',
        tags: ['learning'],
        body: FeedbackRequestSchema,
        response: { 202: { description: 'Stored (committed): new events and duplicates.', schema: FeedbackResponseSchema }, 400: ERRORS[400], 401: ERRORS[401], 413: ERRORS[413] },
      }),
    },
    async (req, reply): Promise<FeedbackResponse | void> => {
      const parsed = parseFeedbackRequest(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const result = await store.feedback.record(parsed.data);
      if (result.accepted > 0) onRecorded?.();
      return reply.code(202).send(result);
    },
  );

  /** GET /v1/policy — per context with data: every strategy's posterior mean, pulls, 90 % interval and the best; and the stored sums (`arms`). */
  app.get(
    '/v1/policy',
    {
      schema: docs({
        summary: "The team's reply-strategy policy",
        tags: ['learning'],
        response: { 200: { description: 'Per context (segment × intent) with data: each strategy’s posterior mean, pulls, 90 % interval, the best; and the stored sums.', schema: PolicySchema }, 401: ERRORS[401] },
      }),
    },
    async (): Promise<Policy> => {
      const s = store;
      const [arms, updatedAt] = await Promise.all([s.policy.arms(), s.policy.updatedAt()]);
      return { ...policyView(PolicyModel.fromArms(arms), updatedAt ?? now().toISOString()), arms };
    },
  );

  /** GET /v1/feedback/stats?days=90 — per UTC day and strategy: outcomes, ratings, judge means; lead corrections per day. */
  app.get(
    '/v1/feedback/stats',
    {
      schema: docs({
        summary: 'Daily feedback aggregates for the team page',
        description: 'Counts and judge means per UTC day and strategy, lead corrections per day. No reasons, no ids.',
        tags: ['learning'],
        querystring: FeedbackStatsQuerySchema,
        response: { 200: { description: 'The aggregates of the window.', schema: FeedbackStatsSchema }, 400: ERRORS[400], 401: ERRORS[401] },
      }),
    },
    async (req, reply): Promise<FeedbackStats | void> => {
      const query = FeedbackStatsQuerySchema.safeParse(req.query ?? {});
      if (!query.success) return badRequest(reply, query.error, 'invalid query');
      const at = now();
      // Whole UTC days: today and the days - 1 before it.
      const since = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS - (query.data.days - 1) * DAY_MS);
      const { drafts, leads } = await store.feedback.stats(since);
      return { days: query.data.days, since: since.toISOString(), drafts, leads, generatedAt: at.toISOString() };
    },
  );
};
