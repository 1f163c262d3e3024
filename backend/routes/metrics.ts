import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { BackendMetrics } from '../gateway/metrics';
import { docs } from '../openapi';

export interface MetricsRouteOptions {
  metrics: BackendMetrics;
  /** The text to answer; default `metrics.render()` (a cluster worker's is every worker's, summed by the primary). */
  render?: () => Promise<string>;
}

/** GET /metrics — Prometheus text format, public like /healthz (no lead data, only counters). */
export const metricsRoutes: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics, render = () => metrics.render() }) => {
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
    async (_req, reply) => reply.header('content-type', metrics.registry.contentType).send(await render()),
  );
};
