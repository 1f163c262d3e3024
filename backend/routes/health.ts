import type { FastifyPluginAsync } from 'fastify';
import { HealthSchema, ReadySchema, type Health, type Ready } from '../../lib/contracts';
import type { Config } from '../config';
import type { LeadClassifier } from '../llm/lead-classifier';
import { docs } from '../openapi';

export interface HealthRouteOptions {
  config: Config;
  classifier: LeadClassifier;
  version: string;
}

const PROBE_TTL_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;

export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { config, classifier, version }) => {
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

  let probe: { at: number; up: boolean } | undefined;
  async function llmUp(): Promise<boolean> {
    if (probe && Date.now() - probe.at < PROBE_TTL_MS) return probe.up;
    let up = false;
    try {
      const headers: Record<string, string> = {};
      if (config.llm?.apiKey) headers.authorization = `Bearer ${config.llm.apiKey}`;
      const res = await fetch(`${config.llm!.baseUrl}/models`, { headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      up = res.ok;
    } catch {
      up = false;
    }
    probe = { at: Date.now(), up };
    return up;
  }

  /** Ready = able to answer. Without the LLM the rules fallback still answers, so `ok` stays true. */
  const readyDoc = docs({ summary: 'Ready to answer (the rules answer when the LLM is down)', tags: ['operations'], response: { 200: { description: 'Whether the LLM is up.', schema: ReadySchema } } });
  app.get('/readyz', { config: { access: 'public' }, schema: readyDoc }, async (): Promise<Ready> => {
    if (!config.llm || classifier.mode === 'rules') return { ok: true, llm: 'disabled' };
    return { ok: true, llm: (await llmUp()) ? 'up' : 'down' };
  });
};
