import type { FastifyPluginAsync } from 'fastify';
import type { LeadGateway } from '../llm/lead-gateway';
import { LLM_FAILURE_REASONS } from '../llm/structured-chat';

export interface MetricsRouteOptions {
  gateway: LeadGateway;
}

type Sample = [labels: Record<string, string>, value: number];

/** One metric in the Prometheus text exposition format (version 0.0.4). */
function metric(name: string, type: 'counter' | 'gauge', help: string, samples: Sample[] | number): string {
  const rows = typeof samples === 'number' ? [[{}, samples] as Sample] : samples;
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of rows) {
    const l = Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
      .join(',');
    lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
  }
  return lines.join('\n');
}

/** Every reason is exported from the start (at 0), so dashboards see a kind before it first happens. */
const ERROR_KINDS: readonly string[] = LLM_FAILURE_REASONS;

export function renderMetrics(gateway: LeadGateway): string {
  const m = gateway.metrics();
  return [
    metric('pulso_llm_in_flight', 'gauge', 'Upstream LLM calls running now.', m.admission.inFlight),
    metric('pulso_llm_queued', 'gauge', 'Requests waiting for an upstream slot.', m.admission.queued),
    metric('pulso_llm_max_concurrency', 'gauge', 'LLM_MAX_CONCURRENCY.', gateway.admission.maxConcurrency),
    metric('pulso_llm_max_queue', 'gauge', 'LLM_MAX_QUEUE.', gateway.admission.maxQueue),
    metric('pulso_llm_admitted_total', 'counter', 'Requests given an upstream slot.', m.admission.admitted),
    metric('pulso_llm_rejected_total', 'counter', 'Requests refused with 429 because the queue was full.', m.admission.rejected),
    metric('pulso_llm_upstream_calls_total', 'counter', 'Calls made to the upstream LLM (a retry counts once).', m.upstreamCalls),
    metric('pulso_llm_single_flight_joined_total', 'counter', 'Requests that shared an identical call already in flight.', m.joined),
    metric('pulso_cache_hits_total', 'counter', 'Server-side result cache hits.', m.cacheHits),
    metric('pulso_cache_misses_total', 'counter', 'Server-side result cache misses.', m.cacheMisses),
    metric('pulso_cache_entries', 'gauge', 'Entries in the server-side result cache.', m.cacheEntries),
    metric(
      'pulso_llm_upstream_errors_total',
      'counter',
      'Upstream calls that ended in the rules fallback, by kind.',
      [...new Set([...ERROR_KINDS, ...Object.keys(m.upstreamErrors)])].map((kind) => [{ kind }, m.upstreamErrors[kind] ?? 0]),
    ),
  ].join('\n') + '\n';
}

/** GET /metrics — Prometheus text format, public like /healthz (no lead data, only counters). */
export const metricsRoutes: FastifyPluginAsync<MetricsRouteOptions> = async (app, { gateway }) => {
  app.get('/metrics', { config: { access: 'public' } }, async (_req, reply) => {
    return reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(renderMetrics(gateway));
  });
};
