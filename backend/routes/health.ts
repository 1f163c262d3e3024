import type { FastifyPluginAsync } from 'fastify';
import type { Health, Ready } from '../../lib/contracts';
import type { Config } from '../config';
import type { LeadClassifier } from '../llm/lead-classifier';

export interface HealthRouteOptions {
  config: Config;
  classifier: LeadClassifier;
  version: string;
}

const PROBE_TTL_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;

export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { config, classifier, version }) => {
  app.get('/healthz', { config: { access: 'public' } }, async (): Promise<Health> => {
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
  app.get('/readyz', { config: { access: 'public' } }, async (): Promise<Ready> => {
    if (!config.llm || classifier.mode === 'rules') return { ok: true, llm: 'disabled' };
    return { ok: true, llm: (await llmUp()) ? 'up' : 'down' };
  });
};
