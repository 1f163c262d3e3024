import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeadClassification, LeadResultReply } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { SettingsSchema } from '../settings';
import { PulsoDb } from './db';
import { createLeadService } from './lead-service';
import { ResultCache } from './result-cache';
import { testBackend } from './test-backend';

const lead = {
  fullName: 'María González',
  jobTitle: 'CTO',
  company: 'Metalúrgica Andina',
  email: 'maria.gonzalez@andina.com.ar',
  industry: 'Manufacturing',
  description: 'Fallo crítico en las copias de seguridad: pérdida de datos y producción detenida esta semana.',
};
const page = { crm: 'hubspot' as const, recordId: '101', url: 'https://app.hubspot.com/contacts/1/record/0-1/101', recordType: 'contact' as const };

/** A backend that answers like the real one, counting the calls it gets. */
function fakeBackend(options: { engine?: string; down?: boolean } = {}) {
  const calls = { health: 0, classify: 0, batch: 0 };
  const batchSizes: number[] = [];
  const llmResult: LeadClassification = { ...classifyLeadByRules(lead, DEMO_PROFILE), source: 'llm', summary: 'from the model' };
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (options.down) throw new TypeError('fetch failed');
    if (url.endsWith('/healthz')) {
      calls.health++;
      return Response.json({ ok: true, version: '0.1.0', mode: 'llm', model: 'm', engine: options.engine ?? 'llm:m:p1:r1' });
    }
    if (url.endsWith('/v1/leads/classify-batch')) {
      calls.batch++;
      const body = JSON.parse(String(init?.body)) as { leads: { fullName?: string }[] };
      batchSizes.push(body.leads.length);
      return Response.json({
        results: body.leads.map((row, index) => (row.fullName === 'Bad Row' ? { index, error: 'invalid_lead: fullName' } : { index, result: llmResult })),
      });
    }
    calls.classify++;
    return Response.json(llmResult);
  }) as typeof fetch;
  return { calls, fetchImpl, batchSizes };
}

describe('lead service (background route)', () => {
  let cache: ResultCache;
  let clock: number;
  beforeEach(async () => {
    cache = new ResultCache(new PulsoDb(`test-${Math.random()}`));
    clock = 1_000_000;
  });
  const service = (fetchImpl: typeof fetch) =>
    createLeadService({
      cache,
      backend: testBackend(fetchImpl),
      now: () => clock,
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({ cacheTtlHours: 1 }),
    });

  it('answers a preview from the rules engine without touching the backend', async () => {
    const backend = fakeBackend();
    let preview: { reply: LeadResultReply; calls: typeof backend.calls } | undefined;
    await service(backend.fetchImpl).classify({ lead, page }, (event) => {
      if (event.type === 'preview') preview = { reply: event.reply, calls: { ...backend.calls } };
    });
    const reply = preview!.reply;
    expect(reply.origin).toBe('preview');
    expect(reply.result.source).toBe('rules');
    expect(preview!.calls).toEqual({ health: 0, classify: 0, batch: 0 });
  });

  it('asks the backend once, then serves the cache until the TTL ends', async () => {
    const backend = fakeBackend();
    const svc = service(backend.fetchImpl);
    const first = await svc.classify({ lead, page });
    expect(first.origin).toBe('backend');
    expect(first.result.summary).toBe('from the model');
    const second = await svc.classify({ lead, page });
    expect(second.origin).toBe('cache');
    expect(backend.calls.classify).toBe(1);
    clock += 3_600_001;
    expect((await svc.classify({ lead, page })).origin).toBe('backend');
    expect(backend.calls.classify).toBe(2);
  });

  it('skips the cache on refresh', async () => {
    const backend = fakeBackend();
    const svc = service(backend.fetchImpl);
    await svc.classify({ lead, page });
    expect((await svc.classify({ lead, page, refresh: true })).origin).toBe('backend');
    expect(backend.calls.classify).toBe(2);
  });

  it('does not reuse a result made by another engine', async () => {
    await service(fakeBackend({ engine: 'rules:1' }).fetchImpl).classify({ lead, page });
    const other = fakeBackend({ engine: 'llm:new-model:p2:r1' });
    expect((await service(other.fetchImpl).classify({ lead, page })).origin).toBe('backend');
  });

  it('falls back to local rules when the backend is unreachable, and caches nothing', async () => {
    const reply = await service(fakeBackend({ down: true }).fetchImpl).classify({ lead, page });
    expect(reply.origin).toBe('offline');
    expect(reply.result.source).toBe('rules');
    expect(reply.error).toMatch(/unreachable/);
    expect(await cache.count()).toBe(0);
  });

  it('rejects a malformed message with a clear error', async () => {
    await expect(service(fakeBackend().fetchImpl).classify({ lead: { jobTitle: 7 }, page })).rejects.toThrow(/jobTitle/);
  });

  describe('list views (batch)', () => {
    const listPage = { crm: 'hubspot' as const, url: 'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list', recordType: 'contact' as const };
    const rows = [
      { recordId: '1', lead },
      { recordId: '2', lead: { ...lead, fullName: 'Bad Row' } },
      { recordId: '3', lead: { ...lead, fullName: 'Peter Novak', jobTitle: 'Marketing Coordinator' } },
    ];

    it('answers each row, caches the good ones, and asks only for the misses next time', async () => {
      const backend = fakeBackend();
      const svc = service(backend.fetchImpl);
      const first = await svc.classifyBatch({ items: rows, page: listPage });
      expect(first.items.map((i) => [i.recordId, 'result' in i ? i.origin : i.error])).toEqual([
        ['1', 'backend'], ['2', 'invalid_lead: fullName'], ['3', 'backend'],
      ]);
      const second = await svc.classifyBatch({ items: rows, page: listPage });
      expect(second.items.map((i) => [i.recordId, 'result' in i ? i.origin : i.error])).toEqual([
        ['1', 'cache'], ['3', 'cache'], ['2', 'invalid_lead: fullName'],
      ]);
      expect(backend.batchSizes).toEqual([3, 1]);
    });

    it('prefers the result made from the record page over the few columns of the row', async () => {
      const backend = fakeBackend();
      const svc = service(backend.fetchImpl);
      const full = await svc.classify({ lead, page: { ...page, recordId: '3' } });
      const reply = await svc.classifyBatch({ items: [rows[2]!], page: listPage });
      expect(reply.items[0]).toEqual({ recordId: '3', result: full.result, origin: 'cache' });
      expect(backend.calls.batch).toBe(0);
    });

    it('answers every row from local rules when the backend is down', async () => {
      const reply = await service(fakeBackend({ down: true }).fetchImpl).classifyBatch({ items: rows, page: listPage });
      expect(reply.items.every((i) => 'result' in i && i.origin === 'offline' && i.result.source === 'rules')).toBe(true);
    });
  });

  it('streams: hands the early stage/priority over before the final result, and caches the final', async () => {
    const finalResult = { ...classifyLeadByRules(lead, DEMO_PROFILE), source: 'llm' as const, summary: 'streamed' };
    const lines = [
      { type: 'preview', result: classifyLeadByRules(lead, DEMO_PROFILE) },
      { type: 'partial', stage: 'SQL', priority: 'P1', slaHours: 1 },
      { type: 'final', result: finalResult },
    ];
    const seen: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('/healthz')) return Response.json({ ok: true, version: '1', mode: 'llm', model: 'm', engine: 'llm:m:p:r' });
      expect(url).toMatch(/\/v1\/leads\/classify\?stream=1(&|$)/);
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const line of lines) {
            // The final line is held back until the partial has reached the caller: a service
            // that waited for the whole body would never get there (and this test would time out).
            if (line.type === 'final') await vi.waitFor(() => expect(seen).toContain('partial P1'), { timeout: 10_000 });
            seen.push(`sent ${line.type}`);
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          }
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
    }) as typeof fetch;
    const reply = await service(fetchImpl).classify({ lead, page }, (event) => event.type === 'partial' && seen.push(`partial ${event.priority}`));
    expect(seen).toEqual(['sent preview', 'sent partial', 'partial P1', 'sent final']);
    expect(reply.origin).toBe('backend');
    expect(reply.result.summary).toBe('streamed');
    expect(await cache.count()).toBe(1);
  });
});
