/**
 * Reply strategies that learn (issue 12), pure: the reward, the rules judge, the policy
 * (Thompson sampling per segment × intent over additive stored statistics), the outreach
 * ranking for customers who never write, and the simulation behind `pulso simulate`.
 * docs/learning.md writes the formulas out.
 */
export { judgeReward, agentSignal, feedbackReward, clip01, EDIT_PENALTY, RATING_STEP, JUDGE_SHARE, JUDGE_ONLY_WEIGHT, type JudgeReading } from './reward';
export { segmentOf, segmentOfTriage, normalizeSegment } from './segment';
export {
  PolicyModel,
  chooseStrategy,
  preferredStrategy,
  feedbackDelta,
  judgeDelta,
  mergeArms,
  policyView,
  PRIOR_STRENGTH,
  MAX_CONCENTRATION,
  EXPLORATION_RATE,
  CREDIBLE_INTERVAL,
  type PolicyContext,
  type StrategyPick,
  type PickOptions,
  type ArmStats,
} from './policy';
export { judgeDraftByRules, situationOf, type JudgeInput, type Situation } from './judge';
export { rankOutreach, scoreOutreach, describeOutreachReason, outreachMessage, OUTREACH_INTENT, type OutreachRanking, type OutreachReason } from './outreach';
export { seededRandom, hashSeed, type Random } from './random';
export { editRatio } from './edit-ratio';
