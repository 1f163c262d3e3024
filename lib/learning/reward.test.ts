import { describe, expect, it } from 'vitest';
import { agentSignal, clip01, EDIT_PENALTY, feedbackReward, JUDGE_SHARE, judgeReward, RATING_STEP } from './reward';

describe('judge reward: R = clip01(0.6·NPS/10 + 0.3·Engagement − 0.3·Churn)', () => {
  it('follows the formula inside the range', () => {
    expect(judgeReward({ npsExpected: 8, engagementProb: 0.5, churnProb: 0.2 })).toBeCloseTo(0.48 + 0.15 - 0.06, 10);
    expect(judgeReward({ npsExpected: 5, engagementProb: 0, churnProb: 0 })).toBeCloseTo(0.3, 10);
  });
  it("tops out at 0.9 (the formula's maximum) and clips at 0", () => {
    expect(judgeReward({ npsExpected: 10, engagementProb: 1, churnProb: 0 })).toBeCloseTo(0.9, 10);
    expect(judgeReward({ npsExpected: 0, engagementProb: 0, churnProb: 1 })).toBe(0);
    expect(judgeReward({ npsExpected: 1, engagementProb: 0, churnProb: 0.9 })).toBe(0);
  });
  it('rises with NPS and engagement, falls with churn', () => {
    const base = { npsExpected: 6, engagementProb: 0.5, churnProb: 0.3 };
    expect(judgeReward({ ...base, npsExpected: 7 })).toBeGreaterThan(judgeReward(base));
    expect(judgeReward({ ...base, engagementProb: 0.6 })).toBeGreaterThan(judgeReward(base));
    expect(judgeReward({ ...base, churnProb: 0.4 })).toBeLessThan(judgeReward(base));
  });
  it('never returns NaN', () => {
    expect(clip01(Number.NaN)).toBe(0);
    expect(judgeReward({ npsExpected: Number.NaN, engagementProb: 0.5, churnProb: 0.5 })).toBe(0);
  });
});

describe('agent signal', () => {
  it('orders the outcomes: inserted as is > edited a little > edited a lot > regenerated > discarded', () => {
    const asIs = agentSignal({ outcome: 'inserted' });
    const little = agentSignal({ outcome: 'edited', editRatio: 0.1 });
    const lot = agentSignal({ outcome: 'edited', editRatio: 0.8 });
    const regenerated = agentSignal({ outcome: 'regenerated' });
    const discarded = agentSignal({ outcome: 'discarded' });
    expect(asIs).toBe(1);
    expect(asIs).toBeGreaterThan(little);
    expect(little).toBeGreaterThan(lot);
    expect(lot).toBeGreaterThan(regenerated);
    expect(regenerated).toBeGreaterThan(discarded);
    expect(discarded).toBe(0);
  });
  it('costs EDIT_PENALTY per unit of the draft rewritten', () => {
    expect(agentSignal({ outcome: 'inserted', editRatio: 0.4 })).toBeCloseTo(1 - EDIT_PENALTY * 0.4, 10);
    expect(agentSignal({ outcome: 'edited', editRatio: 1 })).toBeCloseTo(1 - EDIT_PENALTY, 10);
  });
  it('an edit of unknown size counts as a medium one; a copy as lightly touched', () => {
    expect(agentSignal({ outcome: 'edited' })).toBeCloseTo(agentSignal({ outcome: 'edited', editRatio: 0.5 }), 10);
    expect(agentSignal({ outcome: 'copied' })).toBeLessThan(agentSignal({ outcome: 'inserted' }));
    expect(agentSignal({ outcome: 'copied' })).toBeGreaterThan(agentSignal({ outcome: 'edited' }));
  });
  it('a switch away is a full rejection of the strategy shown', () => {
    expect(agentSignal({ outcome: 'switched' })).toBe(0);
  });
  it('a rating moves the signal by RATING_STEP, clipped', () => {
    expect(agentSignal({ outcome: 'edited', editRatio: 0.5, rating: 1 })).toBeCloseTo(1 - EDIT_PENALTY * 0.5 + RATING_STEP, 10);
    expect(agentSignal({ outcome: 'edited', editRatio: 0.5, rating: -1 })).toBeCloseTo(1 - EDIT_PENALTY * 0.5 - RATING_STEP, 10);
    expect(agentSignal({ outcome: 'inserted', rating: 1 })).toBe(1);
    expect(agentSignal({ outcome: 'discarded', rating: -1 })).toBe(0);
    // A thumbs up cannot turn a discard into a good result.
    expect(agentSignal({ outcome: 'discarded', rating: 1 })).toBeLessThan(agentSignal({ outcome: 'edited', editRatio: 0.8 }));
  });
});

describe('feedback reward: (1 − λ)·agent + λ·judge', () => {
  it('is the agent signal alone without a judge', () => {
    expect(feedbackReward({ outcome: 'inserted', editRatio: 0.2 })).toBeCloseTo(agentSignal({ outcome: 'inserted', editRatio: 0.2 }), 10);
  });
  it('blends the judge in with weight λ', () => {
    expect(feedbackReward({ outcome: 'discarded', judgeReward: 1 })).toBeCloseTo(JUDGE_SHARE, 10);
    expect(feedbackReward({ outcome: 'inserted', judgeReward: 0 })).toBeCloseTo(1 - JUDGE_SHARE, 10);
  });
  it("takes the judge's reward from its reading when the event carries no judgeReward", () => {
    const judge = { npsExpected: 8, engagementProb: 0.5, churnProb: 0.2, source: 'rules' as const };
    expect(feedbackReward({ outcome: 'inserted', judge })).toBeCloseTo(feedbackReward({ outcome: 'inserted', judgeReward: judgeReward(judge) }), 10);
    expect(feedbackReward({ outcome: 'inserted', judge })).toBeLessThan(1);
    // An explicit judgeReward wins over the reading.
    expect(feedbackReward({ outcome: 'inserted', judge, judgeReward: 1 })).toBe(1);
  });
  it('the agent dominates: the best judge cannot lift a discarded draft above a lightly edited one the judge hated', () => {
    expect(feedbackReward({ outcome: 'edited', editRatio: 0.1, judgeReward: 0 })).toBeGreaterThan(feedbackReward({ outcome: 'discarded', judgeReward: 1 }));
    expect(feedbackReward({ outcome: 'edited', editRatio: 0.8, judgeReward: 0 })).toBeGreaterThan(feedbackReward({ outcome: 'discarded', judgeReward: 1 }));
  });
});
