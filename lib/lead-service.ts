import { classifyLeadByRules } from './rules';
import { leadCacheKey } from './cache-key';
import { createBackendClient, type BackendClient } from './backend-client';
import type { CachedResult, ResultCache } from './cache';
import type { CompanyProfile, LeadStreamPartial, RecordType } from './contracts';
import { maskLead } from './privacy/mask';
import { ClassifyBatchMessageSchema, ClassifyLeadMessageSchema, type BatchReply, type LeadResultReply } from './messaging';
import type { Settings } from './settings';
import { RULES_VERSION } from './versions';
import { historyEntryFrom, type HistoryFacts, type NewHistoryEntry } from './history';

export const LOCAL_RULES_ENGINE = `rules:${RULES_VERSION}`;
const HEALTH_TTL_MS = 60_000;

export interface LeadServiceDeps {
  cache: ResultCache;
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where every final result is recorded (the history page); previews are not. */
  history?: { add(entries: NewHistoryEntry[]): Promise<unknown> };
  /** The record type a page URL names, for the history (lib/history/record-type.ts). */
  recordTypeForUrl?: (url: string) => RecordType;
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

  // History is a record of what was shown: it is written after the answer goes out (a
  // list page would otherwise wait on fifty writes), and a failed write never costs the
  // rep the result. `historySettled` lets tests and shutdown wait for the writes.
  const pendingWrites = new Set<Promise<void>>();
  function record(facts: HistoryFacts[]): void {
    if (!deps.history || facts.length === 0) return;
    const history = deps.history;
    const write = (async () => {
      try {
        await history.add(facts.map((fact) => historyEntryFrom({ ...fact, recordType: fact.recordType ?? deps.recordTypeForUrl?.(fact.url) })));
      } catch (err) {
        console.warn('[pulso] history not recorded', err);
      }
    })();
    pendingWrites.add(write);
    void write.finally(() => pendingWrites.delete(write));
  }

  return {
    async historySettled(): Promise<void> {
      await Promise.all([...pendingWrites]);
    },
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
      const recorded = async (reply: LeadResultReply): Promise<LeadResultReply> => {
        if (reply.origin !== 'preview') {
          const { crm, recordId, url } = message.page;
          record([{ crm, recordId, url, kind: 'record', input: message.lead, result: reply.result, origin: reply.origin, latencyMs: reply.latencyMs, createdAt: now() }]);
        }
        return reply;
      };

      const settings = await deps.readSettings();
      const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
      // Privacy: what leaves the browser is the masked lead (the panel keeps showing the real one).
      const outgoing = settings.privacy.maskContacts ? maskLead(message.lead) : message.lead;
      try {
        const engine = await engineOf(client, settings.backendUrl);
        const key = await leadCacheKey(outgoing, profile, engine);
        if (!message.refresh) {
          const hit = await deps.cache.get(key, now());
          if (hit) return recorded({ result: hit.result, origin: 'cache', engine, latencyMs: elapsed() });
        }
        const result = onPartial
          ? await client.classifyLeadStreaming(outgoing, profile, onPartial)
          : await client.classifyLead(outgoing, profile);
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
        return recorded({ result, origin: 'backend', engine, latencyMs: elapsed() });
      } catch (err) {
        health = undefined;
        return recorded(rulesReply('offline', (err as Error).message));
      }
    },

    /**
     * List views: cache hits at once (preferring the record's own page result), one
     * backend batch for the rest, local rules if it is down.
     */
    async classifyBatch(raw: unknown): Promise<BatchReply> {
      const started = now();
      const message = ClassifyBatchMessageSchema.parse(raw);
      // Every row answered goes to the history as a list result, timed by the whole batch.
      const recorded = async (reply: BatchReply): Promise<BatchReply> => {
        const leads = new Map(message.items.map((item) => [item.recordId, item.lead]));
        const createdAt = now();
        const facts: HistoryFacts[] = [];
        for (const item of reply.items) {
          if (!('result' in item) || item.origin === 'preview') continue;
          facts.push({
            crm: message.page.crm,
            kind: 'list',
            recordId: item.recordId,
            url: message.page.url,
            input: leads.get(item.recordId) ?? {},
            result: item.result,
            origin: item.origin,
            latencyMs: Math.max(0, createdAt - started),
            createdAt,
          });
        }
        record(facts);
        return reply;
      };
      const profile = await deps.readProfile();
      const settings = await deps.readSettings();
      const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
      const out: BatchReply['items'] = [];
      const outgoing = (lead: (typeof message.items)[number]['lead']) => (settings.privacy.maskContacts ? maskLead(lead) : lead);
      try {
        const engine = await engineOf(client, settings.backendUrl);
        const keys = await Promise.all(message.items.map((item) => leadCacheKey(outgoing(item.lead), profile, engine)));
        // A list row shows a few columns; the record page, read when the rep opened it, many more.
        const byRecord = await deps.cache.latestForRecords(message.page.crm, message.items.map((item) => item.recordId), engine, now());
        const byKey = await deps.cache.getMany(keys, now());
        const misses: { recordId: string; lead: (typeof message.items)[number]['lead']; key: string }[] = [];
        message.items.forEach((item, i) => {
          const hit = byRecord.get(item.recordId) ?? byKey.get(keys[i]!);
          if (hit) out.push({ recordId: item.recordId, result: hit.result, origin: 'cache' });
          else misses.push({ ...item, key: keys[i]! });
        });
        if (misses.length === 0) return recorded({ items: out });
        const answers = await client.classifyBatch(
          misses.map((m) => outgoing(m.lead)),
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
        return recorded({ items: out });
      } catch (err) {
        health = undefined;
        const answered = new Set(out.map((item) => item.recordId));
        for (const item of message.items) {
          if (!answered.has(item.recordId)) out.push({ recordId: item.recordId, result: classifyLeadByRules(item.lead, profile), origin: 'offline' });
        }
        return recorded({ items: out });
      }
    },
  };
}
