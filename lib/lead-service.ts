import { classifyLeadByRules } from './rules';
import { leadCacheKey } from './cache-key';
import { createBackendClient, type BackendClient } from './backend-client';
import type { CachedResult, ResultCache } from './cache';
import type { CompanyProfile, LeadStreamPartial } from './contracts';
import { ClassifyBatchMessageSchema, ClassifyLeadMessageSchema, type BatchReply, type LeadResultReply } from './messaging';
import type { Settings } from './settings';
import { RULES_VERSION } from './versions';

export const LOCAL_RULES_ENGINE = `rules:${RULES_VERSION}`;
const HEALTH_TTL_MS = 60_000;

export interface LeadServiceDeps {
  cache: ResultCache;
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The background's lead route: rules preview at once; then cache → backend →
 * offline rules. Only backend answers are cached, so an outage never pins a
 * rules result in place of a better one.
 */
export function createLeadService(deps: LeadServiceDeps) {
  const now = deps.now ?? (() => Date.now());
  let health: { baseUrl: string; engine: string; at: number } | undefined;

  async function engineOf(client: BackendClient, baseUrl: string): Promise<string> {
    if (health && health.baseUrl === baseUrl && now() - health.at < HEALTH_TTL_MS) return health.engine;
    const answer = await client.health();
    health = { baseUrl, engine: answer.engine, at: now() };
    return answer.engine;
  }

  return {
    async classify(raw: unknown, onPartial?: (partial: LeadStreamPartial) => void): Promise<LeadResultReply> {
      const started = now();
      const message = ClassifyLeadMessageSchema.parse(raw);
      const profile = await deps.readProfile();
      const elapsed = () => Math.max(0, now() - started);
      const rulesReply = (origin: 'preview' | 'offline', error?: string): LeadResultReply => ({
        result: classifyLeadByRules(message.lead, profile),
        origin,
        engine: LOCAL_RULES_ENGINE,
        latencyMs: elapsed(),
        ...(error ? { error } : {}),
      });
      if (message.phase === 'preview') return rulesReply('preview');

      const settings = await deps.readSettings();
      const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
      try {
        const engine = await engineOf(client, settings.backendUrl);
        const key = await leadCacheKey(message.lead, profile, engine);
        if (!message.refresh) {
          const hit = await deps.cache.get(key, now());
          if (hit) return { result: hit.result, origin: 'cache', engine, latencyMs: elapsed() };
        }
        const result = onPartial
          ? await client.classifyLeadStreaming(message.lead, profile, onPartial)
          : await client.classifyLead(message.lead, profile);
        const createdAt = now();
        await deps.cache.put({
          key,
          result,
          engine,
          crm: message.page.crm,
          recordId: message.page.recordId,
          createdAt,
          expiresAt: createdAt + settings.cacheTtlHours * 3_600_000,
        });
        return { result, origin: 'backend', engine, latencyMs: elapsed() };
      } catch (err) {
        health = undefined;
        return rulesReply('offline', (err as Error).message);
      }
    },

    /**
     * List views: cache hits at once (preferring the record's own page result), one
     * backend batch for the rest, local rules if it is down.
     */
    async classifyBatch(raw: unknown): Promise<BatchReply> {
      const message = ClassifyBatchMessageSchema.parse(raw);
      const profile = await deps.readProfile();
      const settings = await deps.readSettings();
      const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
      const out: BatchReply['items'] = [];
      try {
        const engine = await engineOf(client, settings.backendUrl);
        const keys = await Promise.all(message.items.map((item) => leadCacheKey(item.lead, profile, engine)));
        // A list row shows a few columns; the record page, read when the rep opened it, many more.
        const byRecord = await deps.cache.latestForRecords(message.page.crm, message.items.map((item) => item.recordId), engine, now());
        const byKey = await deps.cache.getMany(keys, now());
        const misses: { recordId: string; lead: (typeof message.items)[number]['lead']; key: string }[] = [];
        message.items.forEach((item, i) => {
          const hit = byRecord.get(item.recordId) ?? byKey.get(keys[i]!);
          if (hit) out.push({ recordId: item.recordId, result: hit.result, origin: 'cache' });
          else misses.push({ ...item, key: keys[i]! });
        });
        if (misses.length === 0) return { items: out };
        const answers = await client.classifyBatch(
          misses.map((m) => m.lead),
          profile,
        );
        const createdAt = now();
        const fresh: CachedResult[] = [];
        misses.forEach((miss, index) => {
          const answer = answers[index];
          if (answer && 'result' in answer) {
            out.push({ recordId: miss.recordId, result: answer.result, origin: 'backend' });
            fresh.push({
              key: miss.key,
              result: answer.result,
              engine,
              crm: message.page.crm,
              recordId: miss.recordId,
              createdAt,
              expiresAt: createdAt + settings.cacheTtlHours * 3_600_000,
            });
          } else out.push({ recordId: miss.recordId, error: answer?.error ?? 'no answer for this row' });
        });
        await deps.cache.putMany(fresh);
        return { items: out };
      } catch (err) {
        health = undefined;
        const answered = new Set(out.map((item) => item.recordId));
        for (const item of message.items) {
          if (!answered.has(item.recordId)) out.push({ recordId: item.recordId, result: classifyLeadByRules(item.lead, profile), origin: 'offline' });
        }
        return { items: out };
      }
    },
  };
}
