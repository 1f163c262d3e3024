import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeadClassification } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { SettingsSchema } from '../settings';
import { BATCH_RETRY } from './batch-retry';
import { PulsoDb } from './db';
import { createLeadService } from './lead-service';
import { ResultCache } from './result-cache';
import { testBackend } from './test-backend';

const lead = { fullName: 'Ana Ruiz', jobTitle: 'CTO', company: 'Acme', description: 'Necesitamos una cotización para 200 sillas este mes.' };
const listPage = { crm: 'hubspot' as const, url: 'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list', recordType: 'contact' as const };
const rows = ['1', '2', '3'].map((recordId) => ({ recordId, lead: { ...lead, fullName: `Lead ${recordId}` } }));
const llmResult: LeadClassification = { ...classifyLeadByRules(lead, DEMO_PROFILE), source: 'llm', summary: 'from the model' };

type Answer = { status: 429 | 503; retryAfter: string } | { rows: (i: number) => object };

/** A backend whose batch route plays `script`, one answer per call (the last one repeats). */
function scriptedBackend(script: Answer[]) {
  const batches: { at: number; size: number }[] = [];
  let clock = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/healthz')) return Response.json({ ok: true, version: '1', mode: 'llm', model: 'm', engine: 'llm:m:p:r' });
    const leads = (JSON.parse(String(init?.body)) as { leads: unknown[] }).leads;
    batches.push({ at: clock, size: leads.length });
    const answer = script[Math.min(batches.length - 1, script.length - 1)]!;
    if ('status' in answer) return Response.json({ error: 'queue_full', message: 'the LLM is at capacity' }, { status: answer.status, headers: { 'retry-after': answer.retryAfter } });
    return Response.json({ results: leads.map((_, index) => ({ index, ...answer.rows(index) })) });
  }) as typeof fetch;
  return { fetchImpl, batches, setClock: (ms: number) => (clock = ms) };
}

describe('lead service: a list batch the backend refuses for now', () => {
  let cache: ResultCache;
  let clock: number;
  let waits: number[];
  beforeEach(() => {
    cache = new ResultCache(new PulsoDb(`retry-${Math.random()}`));
    clock = 1_000_000;
    waits = [];
  });
  const service = (backend: ReturnType<typeof scriptedBackend>) =>
    createLeadService({
      cache,
      backend: testBackend(backend.fetchImpl),
      now: () => clock,
      // The wait is a state: it moves the clock the backend sees, so "asked again before Retry-After" shows.
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
        backend.setClock(clock - 1_000_000);
      },
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({ cacheTtlHours: 1 }),
    });
  const outcome = (items: { recordId: string; origin?: string; error?: string }[]) => items.map((i) => `${i.recordId}:${'origin' in i ? i.origin : `error ${i.error}`}`);

  it('a batch refused whole (429 Retry-After: 2) is asked again after 2 s, and every row ends with the backend answer', async () => {
    const backend = scriptedBackend([{ status: 429, retryAfter: '2' }, { rows: () => ({ result: llmResult }) }]);
    const reply = await service(backend).classifyBatch({ items: rows, page: listPage });
    expect(outcome(reply.items)).toEqual(['1:backend', '2:backend', '3:backend']);
    expect(waits).toEqual([2_000]);
    expect(backend.batches).toEqual([{ at: 0, size: 3 }, { at: 2_000, size: 3 }]);
    expect(await cache.count()).toBe(3);
  });

  it('rows refused inside a batch (queue_full) are asked again alone, after their Retry-After', async () => {
    const backend = scriptedBackend([
      { rows: (i) => (i === 1 ? { error: 'queue_full: retry after 3 s', retryAfterSeconds: 3 } : { result: llmResult }) },
      { rows: () => ({ result: llmResult }) },
    ]);
    const reply = await service(backend).classifyBatch({ items: rows, page: listPage });
    expect(outcome(reply.items).sort()).toEqual(['1:backend', '2:backend', '3:backend']);
    expect(waits).toEqual([3_000]);
    expect(backend.batches).toEqual([{ at: 0, size: 3 }, { at: 3_000, size: 1 }]);
  });

  it('a backend that keeps refusing: the rows get the rules answer labelled offline, with why, within the batch deadline', async () => {
    const backend = scriptedBackend([{ status: 503, retryAfter: '4' }]);
    const reply = await service(backend).classifyBatch({ items: rows, page: listPage });
    expect(outcome(reply.items)).toEqual(['1:offline', '2:offline', '3:offline']);
    for (const item of reply.items) {
      expect('result' in item && item.result.source).toBe('rules');
      expect('error' in item && item.error).toMatch(/capacity/);
    }
    const waited = waits.reduce((a, b) => a + b, 0);
    expect(waited + BATCH_RETRY.minAttemptMs).toBeLessThanOrEqual(BATCH_RETRY.deadlineMs);
    expect(backend.batches.length).toBeGreaterThan(1);
    expect(await cache.count()).toBe(0);
  });

  it('a Retry-After longer than the deadline allows is not waited for: offline at once', async () => {
    const backend = scriptedBackend([{ status: 429, retryAfter: '60' }]);
    const reply = await service(backend).classifyBatch({ items: rows, page: listPage });
    expect(outcome(reply.items)).toEqual(['1:offline', '2:offline', '3:offline']);
    expect(waits).toEqual([]);
  });

  it('cachedOnly answers the cached rows and asks the backend nothing', async () => {
    const backend = scriptedBackend([{ rows: () => ({ result: llmResult }) }]);
    const svc = service(backend);
    await svc.classifyBatch({ items: rows.slice(0, 2), page: listPage });
    const asked = backend.batches.length;
    const reply = await svc.classifyBatch({ items: rows, page: listPage, cachedOnly: true });
    expect(outcome(reply.items)).toEqual(['1:cache', '2:cache']);
    expect(backend.batches.length).toBe(asked);
  });
});
