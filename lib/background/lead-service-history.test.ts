import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeadClassification } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { SettingsSchema } from '../settings';
import { PulsoDb } from './db';
import { HistoryStore } from './history-store';
import { createLeadService } from './lead-service';
import { ResultCache } from './result-cache';
import { testBackend } from './test-backend';

const lead = { fullName: 'María González', jobTitle: 'CTO', company: 'Metalúrgica Andina', email: 'maria.gonzalez@andina.com.ar' };
const page = { crm: 'hubspot' as const, recordId: '101', url: 'https://app.hubspot.com/contacts/1/record/0-3/101', recordType: 'deal' as const };
const listPage = { crm: 'hubspot' as const, url: 'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list', recordType: 'contact' as const };

function fakeFetch(down = false): typeof fetch {
  const llm: LeadClassification = { ...classifyLeadByRules(lead, DEMO_PROFILE), source: 'llm' };
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (down) throw new TypeError('fetch failed');
    const url = String(input);
    if (url.endsWith('/healthz')) return Response.json({ ok: true, version: '1', mode: 'llm', model: 'm', engine: 'llm:m' });
    if (url.endsWith('/v1/leads/classify-batch')) {
      const body = JSON.parse(String(init?.body)) as { leads: unknown[] };
      return Response.json({ results: body.leads.map((_row, index) => ({ index, result: llm })) });
    }
    if (url.includes('stream=1')) return new Response(`${JSON.stringify({ type: 'final', result: llm })}\n`);
    return Response.json(llm);
  }) as typeof fetch;
}

describe('lead service records history', () => {
  let db: PulsoDb;
  let history: HistoryStore;
  let clock: number;
  beforeEach(() => {
    db = new PulsoDb(`lsh-${Math.random()}`);
    clock = 1_000_000;
    history = new HistoryStore(db, { now: () => clock });
  });
  const service = (fetchImpl: typeof fetch) =>
    createLeadService({
      cache: new ResultCache(db),
      history,
      backend: testBackend(fetchImpl),
      now: () => clock,
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({}),
    });

  it('records backend, cache and offline results, never previews', async () => {
    const svc = service(fakeFetch());
    // One request answers the preview, then the final: only the final is recorded.
    const sent: string[] = [];
    await svc.classify({ lead, page }, (event) => sent.push(event.type));
    await svc.historySettled();
    expect(sent).toEqual(['preview', 'final']);
    expect(await history.count()).toBe(1);
    await svc.classify({ lead, page });
    await svc.historySettled();
    const offline = service(fakeFetch(true));
    await offline.classify({ lead, page });
    await offline.historySettled();
    const entries = await history.list();
    expect(entries.map((e) => e.origin).sort()).toEqual(['backend', 'cache', 'offline']);
    const backend = entries.find((e) => e.origin === 'backend')!;
    expect(backend).toMatchObject({ crm: 'hubspot', kind: 'record', recordType: 'deal', recordId: '101', url: page.url, source: 'llm', input: lead });
    expect(backend.priority).toBe(backend.result.priority);
    expect(entries.find((e) => e.origin === 'offline')?.source).toBe('rules');
  });

  it('records each answered list row as a list result', async () => {
    const rows = [
      { recordId: '1', lead },
      { recordId: '2', lead: { ...lead, fullName: 'Peter Novak' } },
    ];
    const online = service(fakeFetch());
    await online.classifyBatch({ items: rows, page: listPage });
    await online.historySettled();
    const offline = service(fakeFetch(true));
    await offline.classifyBatch({ items: [{ recordId: '3', lead: { email: 'x@y.com' } }], page: listPage });
    await offline.historySettled();
    const entries = await history.list({ kind: 'list' });
    expect(entries.map((e) => `${e.recordId}:${e.origin}`).sort()).toEqual(['1:backend', '2:backend', '3:offline']);
    expect(entries.find((e) => e.recordId === '2')?.input.fullName).toBe('Peter Novak');
    expect(entries.every((e) => e.recordType === 'contact' && e.url === listPage.url)).toBe(true);
  });

  it('answers before it writes the history: the entries are validated and stored in a later task', async () => {
    const added: number[] = [];
    const svc = createLeadService({
      cache: new ResultCache(db),
      history: { add: async (entries) => void added.push(entries.length) },
      backend: testBackend(fakeFetch()),
      now: () => clock,
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({}),
    });
    const reply = await svc.classifyBatch({ items: [{ recordId: '1', lead }], page: listPage });
    expect(reply.items).toHaveLength(1);
    expect(added).toEqual([]);
    await svc.historySettled();
    expect(added).toEqual([1]);
  });

  it('still answers when the history cannot be written', async () => {
    const svc = createLeadService({
      cache: new ResultCache(db),
      history: { add: async () => Promise.reject(new Error('quota')) },
      backend: testBackend(fakeFetch()),
      now: () => clock,
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({}),
    });
    expect((await svc.classify({ lead, page })).origin).toBe('backend');
  });
});
