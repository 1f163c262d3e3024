import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { BackendMetrics } from '../gateway/metrics';
import { docs } from '../openapi';

export interface MetricsRouteOptions {
  metrics: BackendMetrics;
}

/** GET /metrics — Prometheus text format, public like /healthz (no lead data, only counters). */
export const metricsRoutes: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics }) => {
  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: docs({
        summary: 'Prometheus metrics',
        tags: ['operations'],
        response: { 200: { description: 'Admission by lane; upstream calls, failures, cache and single-flight by capability.', schema: z.string(), contentType: 'text/plain' } },
      }),
    },
    async (_req, reply) => reply.header('content-type', metrics.registry.contentType).send(await metrics.render()),
  );
};
