import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReplyDraftSchema, type Conversation } from '../../lib/contracts';
import { CONVERSATION_WINDOW } from '../../lib/llm/conversation-window';
import { createRulesTriager } from '../llm/conversation-triage';
import { createRulesDrafter } from '../llm/reply-drafter';
import { buildServer } from '../server';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { testConfig } from '../testing/helpers';

// Issue 9 D6 (a 1 MB conversation must not hold the event loop), D10 (single-flight and a
// cache for drafts) and D11 (upstream metrics for triage and drafts, not only leads).

let fake: FakeVllm;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  fake = await startFakeVllm();
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  fake.reset();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** ~1 MB: 500 messages of ~2,000 characters, the oldest first. */
function megabyteConversation(): Conversation {
  const text = 'My order has not arrived yet and I need to know when it will be delivered. '.repeat(27);
  return {
    contact: { name: 'Ana', phone: '', email: '' },
    subject: '',
    status: '',
    priority: '',
    messages: Array.from({ length: 500 }, (_, i) => ({ direction: i % 2 ? 'out' : 'in', author: '', time: '', text: `#${i} ${text}` })),
  } as Conversation;
}

const size = (c: Conversation) => c.messages.reduce((n, m) => n + m.text.length, 0);

describe('bounded work per conversation (D6)', () => {
  it('the rules and the model see the latest window of a 1 MB conversation, not all of it', async () => {
    const seen: Conversation[] = [];
    const drafter = createRulesDrafter();
    const triager = createRulesTriager();
    const app = await buildServer(testConfig(), {
      drafter: { ...drafter, draftDetailed: (c, p, o) => (seen.push(c), drafter.draftDetailed(c, p, o)) },
      triager: { ...triager, triageDetailed: (c, p, o) => (seen.push(c), triager.triageDetailed(c, p, o)) },
    });
    apps.push(app);
    const conversation = megabyteConversation();
    expect(JSON.stringify({ conversation }).length).toBeGreaterThan(1_000_000 * 0.9);
    for (const url of ['/v1/conversations/draft', '/v1/conversations/triage']) {
      const res = await app.inject({ method: 'POST', url, payload: { conversation } });
      expect(res.statusCode, url).toBe(200);
    }
    expect(seen).toHaveLength(2);
    for (const c of seen) {
      expect(c.messages.length).toBeLessThanOrEqual(CONVERSATION_WINDOW.messages);
      expect(size(c)).toBeLessThanOrEqual(CONVERSATION_WINDOW.messages * CONVERSATION_WINDOW.charsPerMessage);
      // the latest message is the one kept
      expect(c.messages.at(-1)!.text.startsWith('#499 ')).toBe(true);
    }
  });
});

describe('drafts share upstream calls (D10) and are counted (D11)', () => {
  const conversation = { contact: { name: 'Ana' }, messages: [{ direction: 'in', text: 'Hello, my order 1234 has not arrived, can you check it?' }] };

  it('200 identical drafts at once make one upstream call; a repeat is a cache hit', async () => {
    fake.setTiming({ ttftMs: 100 });
    // The draft answer carries its own judge (the schema asks for it), so the judge makes no call of its own.
    fake.setAnswer({ strategy: 'technical', language: 'en', text: 'Hi Ana, we are checking order 1234 now and will write back to you today.', judge: { npsExpected: 7, engagementProb: 0.6, churnProb: 0.2, rationale: 'Clear next step.' } });
    const app = await buildServer(testConfig({ LLM_BASE_URL: fake.baseUrl }));
    apps.push(app);
    const answers = await Promise.all(Array.from({ length: 200 }, () => app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation } })));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(ReplyDraftSchema.parse(answers[0]!.json()).source).toBe('llm');
    expect(fake.chatRequests).toHaveLength(1);
    await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation } });
    expect(fake.chatRequests).toHaveLength(1);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('pulso_llm_upstream_calls_total{capability="draft"} 1');
    expect(metrics).toContain('pulso_llm_single_flight_joined_total{capability="draft"} 199');
    expect(metrics).toContain('pulso_cache_hits_total{capability="draft"} 1');
  });

  it('triage and draft upstream calls and failures are counted by capability', async () => {
    const app = await buildServer(testConfig({ LLM_BASE_URL: fake.baseUrl }));
    apps.push(app);
    fake.setMode('500', { times: 4 });
    await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: { conversation } });
    await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation } });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('pulso_llm_upstream_calls_total{capability="triage"} 1');
    expect(metrics).toContain('pulso_llm_upstream_calls_total{capability="draft"} 1');
    expect(metrics).toContain('pulso_llm_upstream_errors_total{capability="triage",kind="server_error"} 1');
    expect(metrics).toContain('pulso_llm_upstream_errors_total{capability="draft",kind="server_error"} 1');
  });
});
