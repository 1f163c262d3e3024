import { describe, expect, it } from 'vitest';
import { DRAFT_STRATEGIES } from '../contracts';
import { buildCustomers, buildGroundTruth, meanInterval, PERSONAS, runSimulation, runSimulations, simulateInteraction } from './simulation';
import { seededRandom } from './random';
import { feedbackReward, judgeReward } from './reward';

describe('learning simulation', () => {
  it('builds the four personas, with a hidden best strategy per context that beats the second by a margin', () => {
    const customers = buildCustomers(1, 10);
    expect(customers).toHaveLength(40);
    expect(new Set(customers.map((c) => c.persona))).toEqual(new Set(PERSONAS));
    const truth = buildGroundTruth(1, customers);
    expect(truth.contexts.length).toBeGreaterThanOrEqual(14);
    for (const context of truth.contexts) {
      const q = truth.quality.get(context.key)!;
      const sorted = DRAFT_STRATEGIES.map((s) => q[s]).sort((a, b) => b - a);
      expect(sorted[0]! - sorted[1]!).toBeGreaterThanOrEqual(0.05 - 1e-9);
    }
    // The truth is not the same everywhere: the policy has to learn per context.
    expect(new Set(truth.best.values()).size).toBeGreaterThanOrEqual(3);
  });

  it('a better draft earns a higher reward on average (the outcome model is monotone)', () => {
    const rng = seededRandom('monotone');
    const meanReward = (q: number) => {
      let sum = 0;
      for (let i = 0; i < 4_000; i++) {
        const x = simulateInteraction(rng, q, 'angry');
        sum += feedbackReward({ ...x, judgeReward: judgeReward(x.judge) });
      }
      return sum / 4_000;
    };
    const rewards = [0.2, 0.4, 0.6, 0.8].map(meanReward);
    for (let i = 1; i < rewards.length; i++) expect(rewards[i]!).toBeGreaterThan(rewards[i - 1]!);
  });

  it('is deterministic per seed', () => {
    const a = runSimulation({ seed: 5, rounds: 6, perPersona: 15 });
    expect(runSimulation({ seed: 5, rounds: 6, perPersona: 15 })).toEqual(a);
    expect(runSimulation({ seed: 6, rounds: 6, perPersona: 15 }).policyReward).not.toBe(a.policyReward);
  });

  it('the policy beats the uniform baseline over the same customers: positive lift with an interval above zero, less regret', () => {
    const summary = runSimulations({ seed: 11, rounds: 20, seeds: 3, perPersona: 30 });
    expect(summary.lift.low).toBeGreaterThan(0.1);
    for (const run of summary.runs) {
      expect(run.policyRegret).toBeLessThan(run.uniformRegret / 2);
      expect(run.lateRate).toBeGreaterThanOrEqual(run.earlyRate - 0.02);
    }
    expect(summary.roundsToFind.found / summary.roundsToFind.contexts).toBeGreaterThan(0.6);
  });

  it('computes a t interval', () => {
    expect(meanInterval([1, 2, 3])).toMatchObject({ mean: 2, n: 3 });
    expect(meanInterval([1, 2, 3]).high).toBeCloseTo(2 + 4.303 * (1 / Math.sqrt(3)), 6);
    expect(meanInterval([0.5])).toEqual({ mean: 0.5, low: 0.5, high: 0.5, n: 1 });
  });
});
