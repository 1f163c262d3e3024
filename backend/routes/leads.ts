import type { FastifyPluginAsync } from 'fastify';
import { ClassifyLeadRequestSchema, describeZodIssues, type LeadClassification } from '../../lib/contracts';
import type { Config } from '../config';
import type { LeadClassifier } from '../llm/lead-classifier';
import { BODY_LIMIT_BYTES, errorBody } from '../http';

export interface LeadRouteOptions {
  config: Config;
  classifier: LeadClassifier;
}

export const leadRoutes: FastifyPluginAsync<LeadRouteOptions> = async (app, { config, classifier }) => {
  /** POST /v1/leads/classify — { lead, profile? } → LeadClassification. */
  app.post('/v1/leads/classify', { bodyLimit: BODY_LIMIT_BYTES }, async (req, reply): Promise<LeadClassification | void> => {
    const parsed = ClassifyLeadRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return reply.code(400).send(errorBody('bad_request', describeZodIssues(parsed.error) || 'invalid request body', issues));
    }
    const { lead, profile } = parsed.data;
    return classifier.classify(lead, profile ?? config.profile);
  });
};
