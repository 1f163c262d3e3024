import { describe, expect, it } from 'vitest';
import { DRAFT_STRATEGIES, PolicySchema, type DraftFeedback, type DraftStrategy, type Intent, type PolicySegment } from '../contracts';
import {
  chooseStrategy,
  EXPLORATION_RATE,
  feedbackDelta,
  judgeDelta,
  MAX_CONCENTRATION,
  mergeArms,
  PolicyModel,
  policyView,
  preferredStrategy,
  type PolicyContext,
} from './policy';
import { seededRandom, type Random } from './random';
import { JUDGE_ONLY_WEIGHT } from './reward';

let counter = 0;
function event(segment: string, intent: Intent, strategy: DraftStrategy, good: boolean): DraftFeedback {
  return { kind: 'draft', eventId: `evt-${++counter}-x`, segment, intent, strategy, outcome: good ? 'inserted' : 'discarded' };
}

/** Feeds `n` events per strategy with success rates `rates` (Bernoulli outcomes from `rng`). */
function feed(model: PolicyModel, context: PolicyContext, rates: Partial<Record<DraftStrategy, number>>, n: number, rng: Random) {
  for (const [strategy, rate] of Object.entries(rates) as [DraftStrategy, number][]) {
    for (let i = 0; i < n; i++) model.add(feedbackDelta(event(context.segment, context.intent, strategy, rng.next() < rate))!);
  }
}

const RETAIN_COMPLAINT: PolicyContext = { segment: 'retain', intent: 'complaint' };

describe('policy state: additive rows', () => {
  it('one draft event is one pull of its strategy in its context, with the event reward', () => {
    expect(feedbackDelta({ kind: 'draft', eventId: 'abcdefgh', segment: 'retain', intent: 'complaint', strategy: 'compensation', outcome: 'inserted' })).toEqual({
      segment: 'retain',
      intent: 'complaint',
      strategy: 'compensation',
      pulls: 1,
      weight: 1,
      rewardSum: 1,
    });
  });
  it('lead feedback does not touch the policy; an unknown segment counts as "unknown"', () => {
    expect(feedbackDelta({ kind: 'lead', eventId: 'abcdefgh', stage: 'SQL' })).toBeUndefined();
    expect(feedbackDelta(event('vip-gold-<script>', 'other', 'technical', true))!.segment).toBe('unknown');
  });
  it('a judge-only observation adds weight but no pull', () => {
    const d = judgeDelta(RETAIN_COMPLAINT, 'empathetic', { npsExpected: 10, engagementProb: 1, churnProb: 0 });
    expect(d).toMatchObject({ pulls: 0, weight: JUDGE_ONLY_WEIGHT });
    expect(d.rewardSum).toBeCloseTo(JUDGE_ONLY_WEIGHT * 0.9, 10);
  });
  it('two replicas that each saw half the events merge into exactly the state of one that saw them all', () => {
    const rng = seededRandom('replicas');
    const events = Array.from({ length: 300 }, (_, i) =>
      event(i % 3 ? 'retain' : 'care', i % 2 ? 'complaint' : 'quote', DRAFT_STRATEGIES[i % 5]!, rng.next() < 0.5),
    );
    const all = PolicyModel.fromArms(events.map((e) => feedbackDelta(e)!));
    const a = PolicyModel.fromArms(events.filter((_, i) => i % 2 === 0).map((e) => feedbackDelta(e)!));
    const b = PolicyModel.fromArms(events.filter((_, i) => i % 2 === 1).map((e) => feedbackDelta(e)!));
    const merged = PolicyModel.fromArms(mergeArms(a.toArms(), b.toArms()));
    const round = (m: PolicyModel) => m.toArms().map((x) => ({ ...x, rewardSum: Math.round(x.rewardSum * 1e9) / 1e9 }));
    expect(round(merged)).toEqual(round(all));
    expect(policyView(merged, 't').contexts.map((c) => c.best)).toEqual(policyView(all, 't').contexts.map((c) => c.best));
  });
});

describe('Thompson sampling', () => {
  it('starts from a uniform posterior and learns the best strategy of a context', () => {
    const model = new PolicyModel();
    expect(model.posterior(RETAIN_COMPLAINT, 'technical')).toEqual({ alpha: 1, beta: 1 });
    const rng = seededRandom('learn');
    const truth: Record<DraftStrategy, number> = { empathetic: 0.5, technical: 0.2, compensation: 0.7, escalate: 0.4, follow_up: 0.1 };
    const picks: DraftStrategy[] = [];
    for (let i = 0; i < 600; i++) {
      const { strategy } = chooseStrategy(model, RETAIN_COMPLAINT, rng);
      picks.push(strategy);
      model.add(feedbackDelta(event('retain', 'complaint', strategy, rng.next() < truth[strategy]))!);
    }
    expect(preferredStrategy(model, RETAIN_COMPLAINT)).toBe('compensation');
    const late = picks.slice(-200);
    expect(late.filter((s) => s === 'compensation').length).toBeGreaterThan(140);
  });

  it('is reproducible from its seed', () => {
    const run = (seed: number) => {
      const model = new PolicyModel();
      const rng = seededRandom(seed);
      return Array.from({ length: 50 }, () => {
        const pick = chooseStrategy(model, RETAIN_COMPLAINT, rng).strategy;
        model.add(feedbackDelta(event('retain', 'complaint', pick, pick === 'empathetic'))!);
        return pick;
      });
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('only picks allowed strategies', () => {
    const rng = seededRandom('allowed');
    for (let i = 0; i < 300; i++) {
      expect(['empathetic', 'technical']).toContain(chooseStrategy(new PolicyModel(), RETAIN_COMPLAINT, rng, { allowed: ['empathetic', 'technical'] }).strategy);
    }
  });

  it('never stops exploring: after 5,000 one-sided events the other strategies are still picked', () => {
    const model = new PolicyModel();
    const rng = seededRandom('explore');
    for (let i = 0; i < 1_000; i++) {
      for (const s of DRAFT_STRATEGIES) model.add(feedbackDelta(event('retain', 'complaint', s, s === 'compensation'))!);
    }
    let others = 0;
    const picks = 20_000;
    for (let i = 0; i < picks; i++) if (chooseStrategy(model, RETAIN_COMPLAINT, rng).strategy !== 'compensation') others++;
    // The uniform mix alone gives EXPLORATION_RATE × 4/5 of picks to the others.
    expect(others / picks).toBeGreaterThan(EXPLORATION_RATE * 0.8 * 0.7);
  });

  it('caps how far a posterior concentrates (a variance floor) but reports the honest interval', () => {
    const model = new PolicyModel();
    const rng = seededRandom('cap');
    feed(model, RETAIN_COMPLAINT, { technical: 0.5 }, 2_000, rng);
    const p = model.posterior(RETAIN_COMPLAINT, 'technical');
    expect(p.alpha + p.beta).toBeGreaterThan(MAX_CONCENTRATION);
    const row = policyView(model, 't').contexts[0]!.strategies.find((s) => s.strategy === 'technical')!;
    expect(row.high! - row.low!).toBeLessThan(0.05);
  });
});

describe('hierarchical prior: a context with little data borrows', () => {
  it('from its segment: a new intent in a segment where compensation wins starts with compensation', () => {
    const model = new PolicyModel();
    const rng = seededRandom('segment');
    feed(model, RETAIN_COMPLAINT, { compensation: 0.9, empathetic: 0.3, technical: 0.2, escalate: 0.3, follow_up: 0.1 }, 60, rng);
    const fresh: PolicyContext = { segment: 'retain', intent: 'order_status' };
    expect(preferredStrategy(model, fresh)).toBe('compensation');
    const view = policyView(PolicyModel.fromArms([...model.toArms(), judgeDelta(fresh, 'technical', { npsExpected: 5, engagementProb: 0.5, churnProb: 0.5 })]), 't');
    const freshView = view.contexts.find((c) => c.intent === 'order_status')!;
    const mean = (s: DraftStrategy) => freshView.strategies.find((x) => x.strategy === s)!.mean;
    expect(mean('compensation')).toBeGreaterThan(mean('follow_up') + 0.1);
  });

  it('from the global posterior: a segment never seen leans the way all segments do', () => {
    const model = new PolicyModel();
    const rng = seededRandom('global');
    for (const segment of ['care', 'monitor', 'retain'] as PolicySegment[]) {
      feed(model, { segment, intent: 'quote' }, { technical: 0.85, empathetic: 0.3, compensation: 0.2, escalate: 0.2, follow_up: 0.2 }, 40, rng);
    }
    expect(preferredStrategy(model, { segment: 'unknown', intent: 'inventory' })).toBe('technical');
  });

  it("but a context's own data outweighs what it borrowed", () => {
    const model = new PolicyModel();
    const rng = seededRandom('own');
    feed(model, RETAIN_COMPLAINT, { compensation: 0.9, technical: 0.2 }, 200, rng);
    const status: PolicyContext = { segment: 'retain', intent: 'account_status' };
    feed(model, status, { compensation: 0.3, technical: 0.8 }, 40, rng);
    expect(preferredStrategy(model, status)).toBe('technical');
  });
});

describe('GET /v1/policy view', () => {
  it('follows the Policy contract: every strategy per context with mean inside its interval, pulls counted, best = highest mean', () => {
    const model = new PolicyModel();
    const rng = seededRandom('view');
    feed(model, RETAIN_COMPLAINT, { compensation: 0.8, empathetic: 0.5 }, 30, rng);
    feed(model, { segment: 'care', intent: 'quote' }, { technical: 0.7 }, 10, rng);
    const view = policyView(model, '2025-01-01T00:00:00.000Z');
    expect(PolicySchema.parse(view)).toEqual(view);
    expect(view.contexts.map((c) => `${c.segment}/${c.intent}`)).toEqual(['care/quote', 'retain/complaint']);
    const retain = view.contexts[1]!;
    expect(retain.strategies.map((s) => s.strategy)).toEqual([...DRAFT_STRATEGIES]);
    expect(retain.strategies.find((s) => s.strategy === 'compensation')!.pulls).toBe(30);
    expect(retain.strategies.find((s) => s.strategy === 'technical')!.pulls).toBe(0);
    for (const s of retain.strategies) {
      expect(s.low!).toBeLessThanOrEqual(s.mean);
      expect(s.high!).toBeGreaterThanOrEqual(s.mean);
    }
    const best = [...retain.strategies].sort((a, b) => b.mean - a.mean)[0]!.strategy;
    expect(retain.best).toBe(best);
  });
});
