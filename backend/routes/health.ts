import type { FastifyPluginAsync } from 'fastify';
import { HealthSchema, ReadySchema, type Health, type Ready } from '../../lib/contracts';
import type { Config } from '../config';
import type { Admission } from '../gateway/admission';
import type { LeadClassifier } from '../llm/lead-classifier';
import { docs } from '../openapi';
import { createReadiness } from '../readiness';

export interface HealthRouteOptions {
  config: Config;
  classifier: LeadClassifier;
  /** The gateways' shared admission: a full queue makes the backend not ready. */
  admission: Admission;
  /** The store's ping: a database that does not answer makes the backend not ready. */
  pingDatabase?: () => Promise<void>;
  version: string;
}

export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { config, classifier, admission, pingDatabase, version }) => {
  const healthDoc = docs({ summary: 'Alive, with the engine that answers', tags: ['operations'], response: { 200: { description: 'Mode, model and engine id.', schema: HealthSchema } } });
  app.get('/healthz', { config: { access: 'public' }, schema: healthDoc }, async (): Promise<Health> => {
    return {
      ok: true,
      version,
      mode: classifier.mode,
      ...(classifier.model ? { model: classifier.model } : {}),
      engine: classifier.engine,
    };
  });

  const readiness = createReadiness({
    llm: classifier.mode === 'llm' ? config.llm : undefined,
    admission,
    pingDatabase,
    onDatabaseError: (err) => app.log.warn({ err }, 'readiness: the database does not answer'),
  });
  const readyDoc = docs({
    summary: 'Ready to answer: 503 when saturated (the rules answer when the LLM is down)',
    tags: ['operations'],
    response: {
      200: { description: 'Ready; whether the LLM is up.', schema: ReadySchema },
      503: { description: "Not ready (Retry-After): saturated — this backend's queue is full, or requests wait inside vLLM — or the database does not answer.", schema: ReadySchema },
    },
  });
  app.get('/readyz', { config: { access: 'public' }, schema: readyDoc }, async (_req, reply): Promise<Ready> => {
    const { status, body, retryAfterSeconds } = await readiness();
    reply.code(status);
    if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
    return body;
  });
};
