import type { DraftFeedback, FeedbackOutcome, JudgeScore } from '../contracts';

/**
 * The reward of a reply draft, 0…1 (docs/learning.md writes the formula out):
 *
 *   judge  j = clip01(0.6·NPS/10 + 0.3·EngagementProb − 0.3·ChurnProb)
 *   agent  a = the outcome's value (inserted as is 1 … discarded 0), less 0.75 per unit of the
 *              draft the agent rewrote, ± 0.2 for a thumbs up / down, clipped to 0…1
 *   reward r = (1 − λ)·a + λ·j   with λ = 0.2 when the judge scored the draft, else r = a
 *
 * The agent's own work dominates: the judge can move a reward by at most λ. A draft the judge
 * scored but no agent has answered yet counts as an observation of j alone with weight
 * JUDGE_ONLY_WEIGHT — the judge as a prior that agents' feedback soon outweighs.
 */
export const clip01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export type JudgeReading = Pick<JudgeScore, 'npsExpected' | 'engagementProb' | 'churnProb'>;

/** The source's formula, scaled to 0…1: NPS on 0–10, the probabilities on 0–1. */
export function judgeReward(judge: JudgeReading): number {
  return clip01((0.6 * judge.npsExpected) / 10 + 0.3 * judge.engagementProb - 0.3 * judge.churnProb);
}

/** How much a rewrite costs: an agent who rewrote all of it (editRatio 1) gets 0.25 of an as-is insert. */
export const EDIT_PENALTY = 0.75;
/** A thumbs up / down moves the agent signal by this much. */
export const RATING_STEP = 0.2;
/** The judge's share of a reward when an agent answered (λ). */
export const JUDGE_SHARE = 0.2;
/** The weight of a judge-only observation, against 1 for an agent's feedback. */
export const JUDGE_ONLY_WEIGHT = 0.2;

/**
 * The edit ratio assumed when the event does not say: an "edited" draft was changed a fair
 * amount, a copied one may have been touched up where it was pasted, an inserted one was not.
 */
const DEFAULT_EDIT: Record<'inserted' | 'edited' | 'copied', number> = { inserted: 0, edited: 0.5, copied: 0.2 };

/**
 * What the outcome alone says about the strategy shown. A regenerated draft asked for another
 * text, a switch asked for another strategy: both count against the strategy shown, the switch
 * as a full rejection.
 */
const NEGATIVE_OUTCOME: Record<'regenerated' | 'switched' | 'discarded', number> = { regenerated: 0.15, switched: 0, discarded: 0 };

/** The agent's signal a ∈ [0, 1]. */
export function agentSignal(event: { outcome: FeedbackOutcome; editRatio?: number; rating?: -1 | 1 }): number {
  let a: number;
  if (event.outcome === 'inserted' || event.outcome === 'edited' || event.outcome === 'copied') {
    const edit = clip01(event.editRatio ?? DEFAULT_EDIT[event.outcome]);
    a = 1 - EDIT_PENALTY * edit;
  } else {
    a = NEGATIVE_OUTCOME[event.outcome];
  }
  return clip01(a + RATING_STEP * (event.rating ?? 0));
}

/**
 * r for one draft feedback event: the judge's reward, when the event carries it (`judgeReward`,
 * else computed from its `judge` reading), as the prior.
 */
export function feedbackReward(event: Pick<DraftFeedback, 'outcome' | 'editRatio' | 'rating' | 'judgeReward'> & { judge?: JudgeReading }): number {
  const a = agentSignal(event);
  const j = event.judgeReward ?? (event.judge ? judgeReward(event.judge) : undefined);
  return j === undefined ? a : clip01((1 - JUDGE_SHARE) * a + JUDGE_SHARE * clip01(j));
}
