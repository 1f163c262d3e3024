import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackStatsSchema, PolicySchema, type DraftFeedback, type FeedbackEvent, type LeadFeedback } from '../../lib/contracts';
import { buildServer } from '../server';
import { testConfig } from '../testing/helpers';

const TEAM = 'rep-token-1';
const auth = { authorization: `Bearer ${TEAM}` };
const apps: FastifyInstance[] = [];

async function server(): Promise<FastifyInstance> {
  const app = await buildServer(testConfig({ PULSO_TEAM_TOKENS: TEAM, PULSO_DATA_DIR: 'memory://' }));
  apps.push(app);
  return app;
}
// The first store of a file starts this worker's in-memory cluster: outside any test's time-out.
beforeAll(async () => {
  const app = await server();
  await app.inject({ method: 'GET', url: '/v1/policy', headers: auth });
}, 300_000);
afterAll(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

let serial = 0;
const draft = (over: Partial<DraftFeedback> = {}): DraftFeedback => ({
  kind: 'draft',
  eventId: `evt-${String(++serial).padStart(8, '0')}`,
  strategy: 'technical',
  intent: 'complaint',
  segment: 'retain',
  outcome: 'inserted',
  ...over,
});
const post = (app: FastifyInstance, body: unknown) => app.inject({ method: 'POST', url: '/v1/feedback', headers: auth, payload: body as object });
const policyOf = async (app: FastifyInstance) => PolicySchema.parse((await app.inject({ method: 'GET', url: '/v1/policy', headers: auth })).json());
const pullsOf = async (app: FastifyInstance, segment: string, intent: string, strategy: string) =>
  (await policyOf(app)).contexts.find((c) => c.segment === segment && c.intent === intent)?.strategies.find((s) => s.strategy === strategy)?.pulls ?? 0;

describe('POST /v1/feedback', () => {
  it('takes one event or a list, answers 202 { accepted, duplicates } and feeds GET /v1/policy', async () => {
    const app = await server();
    expect((await policyOf(app)).contexts).toEqual([]);
    const one = await post(app, draft({ strategy: 'empathetic' }));
    expect(one.statusCode).toBe(202);
    expect(one.json()).toEqual({ accepted: 1, duplicates: 0 });
    const many = await post(app, { events: [draft({ strategy: 'empathetic' }), draft({ strategy: 'technical', outcome: 'discarded' })] });
    expect(many.statusCode).toBe(202);
    expect(many.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(await pullsOf(app, 'retain', 'complaint', 'empathetic')).toBe(2);
    expect(await pullsOf(app, 'retain', 'complaint', 'technical')).toBe(1);
  });

  it('counts a repeated eventId once, within a request and across retries', async () => {
    const app = await server();
    const event = draft({ strategy: 'follow_up' });
    expect((await post(app, { events: [event, event] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect((await post(app, event)).json()).toEqual({ accepted: 0, duplicates: 1 });
    expect((await post(app, { events: [event, draft({ strategy: 'follow_up' })] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(await pullsOf(app, 'retain', 'complaint', 'follow_up')).toBe(2);
  });

  describe('bad input', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await server();
    });
    it.each([
      ['an unknown strategy', { events: [draft(), { ...draft(), strategy: 'bribe' }] }, /events\.1\.strategy/],
      ['an unknown intent', draft({ intent: 'weather' as never }), /intent/],
      ['an edit ratio above 1', { events: [{ ...draft(), editRatio: 1.5 }] }, /events\.0\.editRatio/],
      ['a negative edit ratio', draft({ editRatio: -0.1 }), /editRatio/],
      ['a judge reward out of range', draft({ judgeReward: 2 }), /judgeReward/],
      ['an unknown outcome', draft({ outcome: 'sent' as never }), /outcome/],
      ['an empty list', { events: [] }, /events/],
      ['an eventId with spaces', draft({ eventId: 'has spaces 123' }), /eventId/],
    ])('400 naming the field for %s, and nothing is stored', async (_name, body, field) => {
      const res = await post(app, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(field) });
      expect((await policyOf(app)).contexts).toEqual([]);
    });
  });

  it('a segment outside the closed set counts as unknown (hostile input cannot grow the policy)', async () => {
    const app = await server();
    await post(app, draft({ segment: 'x'.repeat(90) }));
    expect((await policyOf(app)).contexts.map((c) => c.segment)).toEqual(['unknown']);
  });

  it('lead corrections are stored but move no strategy', async () => {
    const app = await server();
    const lead: LeadFeedback = { kind: 'lead', eventId: 'lead-00000001', stage: 'SQL', predictedStage: 'MQL', crm: 'hubspot' };
    expect((await post(app, lead)).json()).toEqual({ accepted: 1, duplicates: 0 });
    expect((await policyOf(app)).contexts).toEqual([]);
  });

  it('needs a team token', async () => {
    const app = await server();
    expect((await app.inject({ method: 'POST', url: '/v1/feedback', payload: draft() })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/policy' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/feedback/stats' })).statusCode).toBe(401);
  });

  it("the agents' feedback makes a strategy the best of its context", async () => {
    const app = await server();
    const events: FeedbackEvent[] = [];
    for (let i = 0; i < 12; i++) {
      events.push(draft({ segment: 'care', intent: 'order_status', strategy: 'empathetic', outcome: 'discarded' }));
      events.push(draft({ segment: 'care', intent: 'order_status', strategy: 'follow_up', outcome: 'inserted' }));
    }
    await post(app, { events });
    const context = (await policyOf(app)).contexts.find((c) => c.segment === 'care' && c.intent === 'order_status')!;
    expect(context.best).toBe('follow_up');
    const byName = Object.fromEntries(context.strategies.map((s) => [s.strategy, s]));
    expect(byName.follow_up!.mean).toBeGreaterThan(byName.empathetic!.mean);
    expect(byName.follow_up!.low!).toBeLessThanOrEqual(byName.follow_up!.mean);
    expect(byName.follow_up!.high!).toBeGreaterThanOrEqual(byName.follow_up!.mean);
  });

  it('a burst of 10,000 events is stored once each while the server keeps answering', async () => {
    const app = await server();
    const events = Array.from({ length: 10_000 }, (_, i) =>
      draft({ strategy: (['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const)[i % 5], segment: i % 2 ? 'care' : 'retain' }),
    );
    let settled = 0;
    const posts = Array.from({ length: 10 }, (_, k) =>
      post(app, { events: events.slice(k * 1_000, (k + 1) * 1_000) }).then((res) => {
        settled += 1;
        return res;
      }),
    );
    // Asked after the burst started, answered before it is all stored: the writes never held the server.
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBeLessThan(10);
    const answers = await Promise.all(posts);
    expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(202));
    expect(answers.reduce((sum, r) => sum + (r.json() as { accepted: number }).accepted, 0)).toBe(10_000);
    const policy = await policyOf(app);
    expect(policy.contexts.flatMap((c) => c.strategies).reduce((sum, s) => sum + s.pulls, 0)).toBe(10_000);
    // Delivered again (a client that lost the answers): nothing counts twice.
    expect((await post(app, { events: events.slice(0, 1_000) })).json()).toEqual({ accepted: 0, duplicates: 1_000 });
  }, 120_000);
});

describe('GET /v1/feedback/stats', () => {
  it('aggregates per day and strategy, with judge means, and leaves reasons and ids out', async () => {
    const app = await server();
    const judge = (nps: number) => ({ npsExpected: nps, engagementProb: 0.5, churnProb: 0.2, source: 'rules' as const });
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    const dayOf = (d: Date) => d.toISOString().slice(0, 10);
    await post(app, {
      events: [
        draft({ strategy: 'technical', outcome: 'inserted', judge: judge(8), at: yesterday.toISOString(), wasSuggested: true }),
        draft({ strategy: 'technical', outcome: 'discarded', judge: judge(4), at: yesterday.toISOString(), rating: -1, reason: 'Call Ana at 555-0100' }),
        draft({ strategy: 'technical', outcome: 'edited', editRatio: 0.3, at: today.toISOString(), rating: 1 }),
        draft({ strategy: 'empathetic', outcome: 'switched', at: today.toISOString() }),
        { kind: 'lead', eventId: 'lead-stats-0001', stage: 'SQL', predictedStage: 'MQL', priority: 'P2', predictedPriority: 'P2', at: today.toISOString() },
      ],
    });
    const res = await app.inject({ method: 'GET', url: '/v1/feedback/stats?days=7', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('555-0100');
    expect(res.body).not.toContain('evt-');
    const stats = FeedbackStatsSchema.parse(res.json());
    expect(stats.days).toBe(7);
    const row = (day: string, strategy: string) => stats.drafts.find((d) => d.day === day && d.strategy === strategy);
    expect(row(dayOf(yesterday), 'technical')).toMatchObject({ events: 2, inserted: 1, discarded: 1, thumbsDown: 1, suggested: 1, judged: 2, npsExpected: 6 });
    expect(row(dayOf(today), 'technical')).toMatchObject({ events: 1, edited: 1, thumbsUp: 1, judged: 0, npsExpected: null });
    expect(row(dayOf(today), 'empathetic')).toMatchObject({ events: 1, switched: 1 });
    expect(stats.leads).toEqual([{ day: dayOf(today), events: 1, stageCorrected: 1, priorityCorrected: 0, thumbsUp: 0, thumbsDown: 0 }]);
  });

  it('an event is charted on the day it happened, never after it arrived, and only inside the window', async () => {
    const app = await server();
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await post(app, { events: [draft({ at: future }), draft({ at: old })] });
    const stats = FeedbackStatsSchema.parse((await app.inject({ method: 'GET', url: '/v1/feedback/stats?days=30', headers: auth })).json());
    expect(stats.drafts).toHaveLength(1);
    expect(stats.drafts[0]!.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it('400 for a window outside 1…366 days', async () => {
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/v1/feedback/stats?days=0', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/days/);
  });
});
