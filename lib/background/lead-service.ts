import { leadCacheKey } from '../cache-key';
import {
  ClassifyBatchMessageSchema,
  ClassifyLeadMessageSchema,
  type BatchReply,
  type CompanyProfile,
  type Crm,
  type Lead,
  type LeadClassification,
  type LeadPortEvent,
  type LeadResultReply,
} from '../contracts';
import { historyEntryFrom, type HistoryFacts, type HistoryOrigin, type NewHistoryEntry } from '../history';
import { maskLead } from '../privacy/mask';
import { classifyLeadByRules } from '../rules';
import type { Settings } from '../settings';
import { RULES_ENGINE } from '../versions';
import type { BackendClient } from './backend-client';
import { classifyBatchRetrying } from './batch-retry';
import type { CachedResult, ResultCache } from './result-cache';

const HEALTH_TTL_MS = 60_000;

/**
 * What a rep sees when the backend cannot answer a lead (down, refusing to the end, failing):
 * the local rules' answer, labelled offline, with why — the record panel and the list badges alike.
 */
function offlineAnswer(lead: Lead, profile: CompanyProfile, error: string) {
  return { result: classifyLeadByRules(lead, profile), origin: 'offline' as const, error };
}

/** A final answer: never a preview. */
type FinalReply = LeadResultReply & { origin: HistoryOrigin };

export interface LeadServiceDeps {
  cache: ResultCache;
  /** The backend client for the current connection (lib/background/backend-client.ts). */
  backend: () => Promise<BackendClient>;
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  now?: () => number;
  /** How a refused batch waits for its Retry-After (tests pass a clock they move themselves). */
  sleep?: (ms: number) => Promise<void>;
  /** Where every final result is recorded (the history page); previews are not. */
  history?: { add(entries: NewHistoryEntry[]): Promise<unknown> };
}

/**
 * The background's lead route: rules preview at once; then cache → backend →
 * offline rules. Only backend answers are cached, so an outage never pins a
 * rules result in place of a better one.
 */
export function createLeadService(deps: LeadServiceDeps) {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let health: { baseUrl: string; engine: string; at: number } | undefined;

  async function engineOf(client: BackendClient): Promise<string> {
    if (health && health.baseUrl === client.baseUrl && now() - health.at < HEALTH_TTL_MS) return health.engine;
    const answer = await client.health();
    health = { baseUrl: client.baseUrl, engine: answer.engine, at: now() };
    lastEngine = { baseUrl: client.baseUrl, engine: answer.engine };
    return answer.engine;
  }
  // The engine last seen, however old: enough to look up the cache without a network round trip.
  let lastEngine: { baseUrl: string; engine: string } | undefined;

  /**
   * Everything a request needs from storage, read at once: the profile first (the rules
   * preview needs nothing else), then the settings and the backend client.
   */
  function prepare() {
    const profile = deps.readProfile();
    const rest = (async () => {
      const [settings, client] = await Promise.all([deps.readSettings(), deps.backend()]);
      // Privacy: what leaves the browser is the masked lead (the panel keeps showing the real one).
      const outgoing = (lead: Lead) => (settings.privacy.maskContacts ? maskLead(lead) : lead);
      const cacheEntry = (key: string, result: LeadClassification, engine: string, crm: Crm, recordId: string): CachedResult => {
        const createdAt = now();
        return { key, result, engine, crm, recordId, createdAt, expiresAt: createdAt + settings.cacheTtlHours * 3_600_000 };
      };
      return { client, outgoing, cacheEntry };
    })();
    rest.catch(() => {}); // awaited (and its failure handled) once the preview is out
    return { profile, rest };
  }

  // History is a record of what was shown: it is written after the answer goes out (a
  // list page would otherwise wait on fifty writes), and a failed write never costs the
  // rep the result. `historySettled` lets tests and shutdown wait for the writes.
  const pendingWrites = new Set<Promise<void>>();
  function record(facts: HistoryFacts[]): void {
    if (!deps.history || facts.length === 0) return;
    const history = deps.history;
    const write = (async () => {
      // A task later: validating the entries is work of its own, and the reply is sent first.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      try {
        await history.add(facts.map(historyEntryFrom));
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

    /**
     * One lead from a record page, one request: `emit` gets the rules preview at once,
     * the model's early fields while it streams, then the final answer (also returned).
     * Without `emit` the backend is asked without streaming.
     */
    async classify(raw: unknown, emit?: (event: LeadPortEvent) => void): Promise<LeadResultReply> {
      const started = now();
      const message = ClassifyLeadMessageSchema.parse(raw);
      const { lead, page } = message;
      const prepared = prepare();
      const profile = await prepared.profile;
      const elapsed = () => Math.max(0, now() - started);
      emit?.({ type: 'preview', reply: { result: classifyLeadByRules(lead, profile), origin: 'preview', engine: RULES_ENGINE, latencyMs: elapsed() } });
      const final = await (async (): Promise<FinalReply> => {
        try {
          const { client, outgoing, cacheEntry } = await prepared.rest;
          const engine = await engineOf(client);
          const key = await leadCacheKey(outgoing(lead), profile, engine);
          if (!message.refresh) {
            const hit = await deps.cache.get(key, now());
            if (hit) return { result: hit.result, origin: 'cache', engine, latencyMs: elapsed() };
          }
          const result = emit
            ? await client.classifyLeadStreaming(outgoing(lead), profile, (partial) => emit(partial))
            : await client.classifyLead(outgoing(lead), profile);
          await deps.cache.put(cacheEntry(key, result, engine, page.crm, page.recordId));
          return { result, origin: 'backend', engine, latencyMs: elapsed() };
        } catch (err) {
          health = undefined;
          return { ...offlineAnswer(lead, profile, (err as Error).message), engine: RULES_ENGINE, latencyMs: elapsed() };
        }
      })();
      record([{ ...page, kind: 'record', input: lead, result: final.result, origin: final.origin, latencyMs: final.latencyMs, createdAt: now() }]);
      emit?.({ type: 'final', reply: final });
      return final;
    },

    /**
     * List views: cache hits at once (preferring the record's own page result), one
     * backend batch for the rest — rows refused for now (429/503 Retry-After, `queue_full:`)
     * asked again after the wait, within the batch deadline (batch-retry.ts) — and the offline
     * rules answer for every row the backend cannot answer. `cachedOnly`: the hits alone, no
     * batch (a list paints what it knows before it waits on anything).
     */
    async classifyBatch(raw: unknown): Promise<BatchReply> {
      const started = now();
      const message = ClassifyBatchMessageSchema.parse(raw);
      const { page } = message;
      // Every row answered goes to the history as a list result, timed by the whole batch.
      const recorded = (reply: BatchReply): BatchReply => {
        const leads = new Map(message.items.map((item) => [item.recordId, item.lead]));
        const createdAt = now();
        const facts: HistoryFacts[] = [];
        for (const item of reply.items) {
          if (!('result' in item) || item.origin === 'preview') continue;
          const { recordId, result, origin } = item;
          facts.push({ ...page, recordId, kind: 'list', input: leads.get(recordId) ?? {}, result, origin, latencyMs: Math.max(0, createdAt - started), createdAt });
        }
        record(facts);
        return reply;
      };
      const prepared = prepare();
      const profile = await prepared.profile;
      const out: BatchReply['items'] = [];
      try {
        const { client, outgoing, cacheEntry } = await prepared.rest;
        const engine = message.cachedOnly && lastEngine?.baseUrl === client.baseUrl ? lastEngine.engine : await engineOf(client);
        // A list row shows a few columns; the record page, read when the rep opened it, many more.
        const byRecord = await deps.cache.latestForRecords(page.crm, message.items.map((item) => item.recordId), engine, now());
        // Only the rows no record result answers are looked up by their fields (a list seen
        // before is answered by record alone, without hashing its rows).
        const unanswered = message.items.filter((item) => !byRecord.has(item.recordId));
        const keys = await Promise.all(unanswered.map((item) => leadCacheKey(outgoing(item.lead), profile, engine)));
        const byKey = await deps.cache.getMany(keys, now());
        const keyOf = new Map(unanswered.map((item, i) => [item, keys[i]!]));
        const misses: { recordId: string; lead: Lead; key: string }[] = [];
        for (const item of message.items) {
          const key = keyOf.get(item);
          const hit = byRecord.get(item.recordId) ?? (key === undefined ? undefined : byKey.get(key));
          if (hit) out.push({ recordId: item.recordId, result: hit.result, origin: 'cache' });
          else misses.push({ ...item, key: key! });
        }
        if (misses.length === 0 || message.cachedOnly) return recorded({ items: out });
        const answers = await classifyBatchRetrying(
          client,
          misses.map((miss) => outgoing(miss.lead)),
          profile,
          { now, sleep },
        );
        const fresh: CachedResult[] = [];
        misses.forEach((miss, index) => {
          const answer = answers[index]!;
          if ('result' in answer) {
            out.push({ recordId: miss.recordId, result: answer.result, origin: 'backend' });
            fresh.push(cacheEntry(miss.key, answer.result, engine, page.crm, miss.recordId));
          } else if (answer.unavailable) {
            health = undefined;
            out.push({ recordId: miss.recordId, ...offlineAnswer(miss.lead, profile, answer.error) });
          } else out.push({ recordId: miss.recordId, error: answer.error });
        });
        await deps.cache.putMany(fresh);
        return recorded({ items: out });
      } catch (err) {
        health = undefined;
        if (message.cachedOnly) return recorded({ items: out });
        const answered = new Set(out.map((item) => item.recordId));
        for (const item of message.items) {
          if (!answered.has(item.recordId)) out.push({ recordId: item.recordId, ...offlineAnswer(item.lead, profile, (err as Error).message) });
        }
        return recorded({ items: out });
      }
    },
  };
}
