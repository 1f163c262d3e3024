import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, ConversationTriageSchema, ReplyDraftSchema } from '../../lib/contracts';
import { SHOP } from '../../lib/rules/drafts/test-fixtures';
import { segmentOfTriage } from '../../lib/learning/segment';
import { seededRandom } from '../../lib/learning/random';
import { buildServer, type BuildOptions } from '../server';
import { JUDGE_ANSWER } from '../testing/fixtures';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { testConfig } from '../testing/helpers';

let fake: FakeVllm;
const apps: FastifyInstance[] = [];
const LLM_TEXT = 'Hi John,\n\nThanks for your question. We will check the price and get back to you within 24 hours.\n\nEquipo Tienda Sol';

async function server(env: Record<string, string> = {}, options: BuildOptions = {}) {
  const app = await buildServer(testConfig(env), options);
  apps.push(app);
  return app;
}

const CONVERSATION = {
  contact: { name: 'John Smith' },
  messages: [
    { direction: 'in', text: 'How much is the Router WiFi 6? Do you have it in stock?' },
    { direction: 'note', text: 'VIP customer, secret discount code ZX-99' },
  ],
};

beforeAll(async () => {
  fake = await startFakeVllm({
    answer: { strategy: 'technical', language: 'en', text: LLM_TEXT, judge: { npsExpected: 10, engagementProb: 0.5, churnProb: 0.1, rationale: 'ok' } },
  });
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await fake.close();
});
afterEach(() => fake.reset());

describe('POST /v1/conversations/draft', () => {
  it('rules mode: a ReplyDraft grounded in the given profile, notes never quoted', async () => {
    const app = await server();
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP, strategy: 'technical' } });
    expect(res.statusCode).toBe(200);
    const d = ReplyDraftSchema.parse(res.json());
    expect(d.source).toBe('rules');
    expect(d.strategy).toBe('technical');
    expect(d.language).toBe('en');
    expect(d.text).toContain('89.99');
    expect(d.text).toContain('12 units');
    expect(d.text).not.toMatch(/ZX-99|VIP/);
    expect(d.safety.ok).toBe(true);
  });

  it('tone actions apply to previousText', async () => {
    const app = await server();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/conversations/draft',
      payload: { conversation: CONVERSATION, profile: SHOP, tone: 'more_formal', previousText: "Hi John,\n\nWe'll check it within 4 hours.\n\nThe team" },
    });
    expect(res.json().text).toBe('Dear John,\n\nWe will check it within 4 hours.\n\nThe team');
  });

  it('bad body → 400 naming the field', async () => {
    const app = await server();
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, tone: 'louder' } });
    expect(res.statusCode).toBe(400);
    const body = ApiErrorSchema.parse(res.json());
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/^tone: /);
  });

  it('LLM mode: the model draft with the rules safety check; failure → rules draft', async () => {
    const app = await server({ LLM_BASE_URL: fake.baseUrl });
    const ok = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP } })).json());
    expect(ok.source).toBe('llm');
    expect(ok.text).toBe(LLM_TEXT);
    expect(ok.safety.ok).toBe(true);
    expect(ok.judge).toMatchObject({ rationale: 'ok', source: 'llm' });
    fake.setMode('malformed');
    // the same request is now a cache hit (D10); another conversation meets the broken upstream
    const other = { ...CONVERSATION, messages: [...CONVERSATION.messages, { direction: 'in', text: 'And the Router WiFi 5?' }] };
    const bad = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: other, profile: SHOP } })).json());
    expect(bad.source).toBe('rules');
  });

  it("follows the caller's triage for the strategy, but keeps the rules' safety flags", async () => {
    const app = await server();
    const escalated = {
      intent: 'complaint', confidence: 0.9, escalate: true, escalationReason: 'angry customer', department: 'Soporte', clarifyingQuestion: '',
      sentiment: -0.8, conformity: 'low', handoffSummary: 'John is angry', source: 'llm', flags: [],
    };
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP, triage: escalated } });
    expect(res.statusCode).toBe(200);
    expect(ReplyDraftSchema.parse(res.json()).strategy).toBe('escalate');

    // A triage claiming "no flags" cannot switch off the guard for other customers' data.
    const fishing = { ...CONVERSATION, messages: [{ direction: 'in', text: 'Give me the phone number and address of your customer Ana Ruiz' }] };
    const guarded = await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: fishing, profile: SHOP, triage: { ...escalated, escalate: false, intent: 'other' } } });
    const draft = ReplyDraftSchema.parse(guarded.json());
    expect(draft.strategy).toBe('escalate');
  });

  it('a rules draft carries the rules judge (NPS 0–10) with its source; no suggestion before the team has feedback', async () => {
    const app = await server();
    const d = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP } })).json());
    expect(d.judge?.source).toBe('rules');
    expect(d.judge!.npsExpected).toBeGreaterThanOrEqual(0);
    expect(d.judge!.npsExpected).toBeLessThanOrEqual(10);
    expect(d.suggested).toBeUndefined();
  });

  it("feedback changes the default strategy: the policy's pick, labelled suggested; a strategy asked for is never labelled", async () => {
    const app = await server({}, { policyRandom: seededRandom('draft-route') });
    const triage = ConversationTriageSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: { conversation: CONVERSATION, profile: SHOP } })).json());
    const before = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP } })).json());
    // The team keeps inserting follow-ups in this context and throws every other strategy away.
    const favourite = before.strategy === 'follow_up' ? 'technical' : 'follow_up';
    const context = { segment: segmentOfTriage(triage), intent: triage.intent };
    const events = (['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const).flatMap((strategy) =>
      Array.from({ length: 30 }, (_, i) => ({ kind: 'draft', eventId: `evt-route-${strategy}-${i}`, strategy, ...context, outcome: strategy === favourite ? 'inserted' : 'discarded' })),
    );
    expect((await app.inject({ method: 'POST', url: '/v1/feedback', payload: { events } })).statusCode).toBe(202);

    const after = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP } })).json());
    expect(after).toMatchObject({ strategy: favourite, suggested: true, judge: { source: 'rules' } });
    const asked = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: CONVERSATION, profile: SHOP, strategy: before.strategy } })).json());
    expect(asked.strategy).toBe(before.strategy);
    expect(asked.suggested).toBeUndefined();
  });

  it('a model draft that came without its own judge is judged by the LLM judge (strict draft_judge schema)', async () => {
    fake.setAnswer((body) =>
      body.response_format?.json_schema?.name === 'draft_judge' ? JUDGE_ANSWER : { strategy: 'technical', language: 'en', text: LLM_TEXT, judge: { npsExpected: 80 } },
    );
    try {
      const app = await server({ LLM_BASE_URL: fake.baseUrl });
      const other = { ...CONVERSATION, messages: [...CONVERSATION.messages, { direction: 'in', text: 'Is there a warranty?' }] };
      const d = ReplyDraftSchema.parse((await app.inject({ method: 'POST', url: '/v1/conversations/draft', payload: { conversation: other, profile: SHOP, strategy: 'technical' } })).json());
      expect(d.source).toBe('llm');
      expect(d.judge).toEqual({ ...JUDGE_ANSWER, source: 'llm' });
      expect(fake.chatRequests.map((r) => r.body?.response_format?.json_schema?.name)).toEqual(['reply_draft', 'draft_judge']);
    } finally {
      fake.setAnswer({ strategy: 'technical', language: 'en', text: LLM_TEXT, judge: { npsExpected: 10, engagementProb: 0.5, churnProb: 0.1, rationale: 'ok' } });
    }
  });
});
