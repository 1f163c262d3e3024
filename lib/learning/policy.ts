import {
  DRAFT_STRATEGIES,
  type CompanyProfile,
  type DraftStrategy,
  type FeedbackEvent,
  type Intent,
  type Policy,
  type PolicyArm,
  type PolicySegment,
} from '../contracts';
import { betaQuantile } from './beta-distribution';
import { beta as sampleBeta, randomInt, type Random } from './random';
import { feedbackReward, JUDGE_ONLY_WEIGHT, judgeReward, type JudgeReading } from './reward';
import { normalizeSegment } from './segment';

/**
 * The reply-strategy policy: Thompson sampling over the five strategies per context
 * (segment × intent), with a hierarchical prior — a context borrows from its segment (all
 * intents), the segment from the global posterior of the strategy — and exploration that never
 * switches off (a cap on the posterior's concentration and a small uniform mix).
 * Pure: the state is a list of additive rows (PolicyArm), persisted by the store.
 */
export interface PolicyContext {
  segment: PolicySegment;
  intent: Intent;
}

export interface ArmStats {
  pulls: number;
  weight: number;
  rewardSum: number;
}

/** Pseudo-observations a parent lends its child on top of the uniform Beta(1, 1), when the parent has plenty of data. */
export const PRIOR_STRENGTH = 4;
/**
 * The most a context's posterior may concentrate (α + β): its standard deviation never falls
 * below ≈ √(μ(1−μ)/200), so a strategy that was unlucky early, or whose customers changed,
 * is still tried now and then.
 */
export const MAX_CONCENTRATION = 200;
/** The share of picks made uniformly at random, whatever the posterior says. */
export const EXPLORATION_RATE = 0.02;
/** The credible interval the team page shows. */
export const CREDIBLE_INTERVAL = 0.9;

const EMPTY: ArmStats = Object.freeze({ pulls: 0, weight: 0, rewardSum: 0 });

const armKey = (segment: string, intent: string, strategy: string) => `${segment}|${intent}|${strategy}`;

function addStats(into: Map<string, ArmStats>, key: string, delta: ArmStats) {
  const cur = into.get(key) ?? { pulls: 0, weight: 0, rewardSum: 0 };
  into.set(key, { pulls: cur.pulls + delta.pulls, weight: cur.weight + delta.weight, rewardSum: cur.rewardSum + delta.rewardSum });
}

export interface BetaParams {
  alpha: number;
  beta: number;
}

const meanOf = (p: BetaParams) => p.alpha / (p.alpha + p.beta);

/** Beta(k·μ + S, k·(1−μ) + W − S): the child's data on a prior of k pseudo-observations at the parent's mean. */
function posteriorOn(stats: ArmStats, parentMean: number, parentWeight: number): BetaParams {
  const k = 2 + (PRIOR_STRENGTH * parentWeight) / (parentWeight + PRIOR_STRENGTH);
  const sum = Math.min(stats.rewardSum, stats.weight);
  return { alpha: k * parentMean + sum, beta: k * (1 - parentMean) + (stats.weight - sum) };
}

/** Keeps α + β ≤ MAX_CONCENTRATION (same mean): the floor on the posterior's variance. */
function capConcentration(p: BetaParams): BetaParams {
  const total = p.alpha + p.beta;
  if (total <= MAX_CONCENTRATION) return p;
  const scale = MAX_CONCENTRATION / total;
  return { alpha: p.alpha * scale, beta: p.beta * scale };
}

/** The policy's statistics, indexed for picking; built from stored rows, updated by deltas. */
export class PolicyModel {
  private readonly arms = new Map<string, PolicyArm>();
  private readonly bySegment = new Map<string, ArmStats>();
  private readonly byStrategy = new Map<string, ArmStats>();

  static fromArms(arms: Iterable<PolicyArm>): PolicyModel {
    const model = new PolicyModel();
    for (const arm of arms) model.add(arm);
    return model;
  }

  /** Adds one delta (a feedback event's, or a whole stored row). */
  add(delta: PolicyArm): void {
    const key = armKey(delta.segment, delta.intent, delta.strategy);
    const cur = this.arms.get(key);
    this.arms.set(
      key,
      cur
        ? { ...cur, pulls: cur.pulls + delta.pulls, weight: cur.weight + delta.weight, rewardSum: cur.rewardSum + delta.rewardSum }
        : { ...delta },
    );
    addStats(this.bySegment, `${delta.segment}|${delta.strategy}`, delta);
    addStats(this.byStrategy, delta.strategy, delta);
  }

  /** Every row, in a stable order (segment, intent, strategy). */
  toArms(): PolicyArm[] {
    return [...this.arms.values()].sort(
      (a, b) => a.segment.localeCompare(b.segment) || a.intent.localeCompare(b.intent) || DRAFT_STRATEGIES.indexOf(a.strategy) - DRAFT_STRATEGIES.indexOf(b.strategy),
    );
  }

  stats(context: PolicyContext, strategy: DraftStrategy): ArmStats {
    return this.arms.get(armKey(context.segment, context.intent, strategy)) ?? EMPTY;
  }

  /** True once anything was observed: before that, the policy has nothing to suggest. */
  get isEmpty(): boolean {
    return this.arms.size === 0;
  }

  /** The contexts that have any observation. */
  contexts(): PolicyContext[] {
    const seen = new Map<string, PolicyContext>();
    for (const arm of this.arms.values()) seen.set(`${arm.segment}|${arm.intent}`, { segment: arm.segment, intent: arm.intent });
    return [...seen.values()].sort((a, b) => a.segment.localeCompare(b.segment) || a.intent.localeCompare(b.intent));
  }

  /** The strategy's posterior over all contexts (uniform prior). */
  globalPosterior(strategy: DraftStrategy): BetaParams {
    return posteriorOn(this.byStrategy.get(strategy) ?? EMPTY, 0.5, 0);
  }

  /** The strategy's posterior in a segment (all intents), on the global one. */
  segmentPosterior(segment: PolicySegment, strategy: DraftStrategy): BetaParams {
    const global = this.globalPosterior(strategy);
    const globalWeight = (this.byStrategy.get(strategy) ?? EMPTY).weight;
    return posteriorOn(this.bySegment.get(`${segment}|${strategy}`) ?? EMPTY, meanOf(global), globalWeight);
  }

  /** The strategy's posterior in the context, on its segment's: what Thompson sampling draws from (before the cap). */
  posterior(context: PolicyContext, strategy: DraftStrategy): BetaParams {
    const parent = this.segmentPosterior(context.segment, strategy);
    const parentWeight = (this.bySegment.get(`${context.segment}|${strategy}`) ?? EMPTY).weight;
    return posteriorOn(this.stats(context, strategy), meanOf(parent), parentWeight);
  }
}

export interface StrategyPick {
  strategy: DraftStrategy;
  /** True when the pick came from the uniform mix rather than the posterior. */
  explored: boolean;
  /** The posterior draw per strategy considered (absent for an exploration pick). */
  draws: Partial<Record<DraftStrategy, number>>;
}

export interface PickOptions {
  /** The strategies that may be picked (e.g. no compensation when the policy allows none); default all five. */
  allowed?: readonly DraftStrategy[];
  /** Share of uniform picks; default EXPLORATION_RATE. Never 0 in production. */
  explorationRate?: number;
}

/** The strategies a company's reply policy allows: no compensation when it allows none. */
export function strategiesAllowedBy(profile: Pick<CompanyProfile, 'replyPolicy'>): readonly DraftStrategy[] | undefined {
  return profile.replyPolicy.maxCompensation > 0 ? undefined : DRAFT_STRATEGIES.filter((s) => s !== 'compensation');
}

function allowedStrategies(options: PickOptions): readonly DraftStrategy[] {
  const allowed = options.allowed?.length ? DRAFT_STRATEGIES.filter((s) => options.allowed!.includes(s)) : DRAFT_STRATEGIES;
  return allowed.length ? allowed : DRAFT_STRATEGIES;
}

/** Thompson sampling: one draw from each strategy's (capped) posterior, the highest wins. */
export function chooseStrategy(model: PolicyModel, context: PolicyContext, rng: Random, options: PickOptions = {}): StrategyPick {
  const allowed = allowedStrategies(options);
  if (rng.next() < (options.explorationRate ?? EXPLORATION_RATE)) {
    return { strategy: allowed[randomInt(rng, allowed.length)]!, explored: true, draws: {} };
  }
  const draws: Partial<Record<DraftStrategy, number>> = {};
  let best = allowed[0]!;
  let bestDraw = -1;
  for (const strategy of allowed) {
    const p = capConcentration(model.posterior(context, strategy));
    const draw = sampleBeta(rng, p.alpha, p.beta);
    draws[strategy] = draw;
    if (draw > bestDraw) {
      bestDraw = draw;
      best = strategy;
    }
  }
  return { strategy: best, explored: false, draws };
}

/** The strategy with the highest posterior mean in the context (no sampling): what the policy prefers now. */
export function preferredStrategy(model: PolicyModel, context: PolicyContext, options: Pick<PickOptions, 'allowed'> = {}): DraftStrategy {
  let best = allowedStrategies(options)[0]!;
  let bestMean = -1;
  for (const strategy of allowedStrategies(options)) {
    const mean = meanOf(model.posterior(context, strategy));
    if (mean > bestMean + 1e-12) {
      bestMean = mean;
      best = strategy;
    }
  }
  return best;
}

/** The policy delta of one feedback event: one pull of the strategy in its context; none for lead feedback. */
export function feedbackDelta(event: FeedbackEvent): PolicyArm | undefined {
  if (event.kind !== 'draft') return undefined;
  return {
    segment: normalizeSegment(event.segment),
    intent: event.intent,
    strategy: event.strategy,
    pulls: 1,
    weight: 1,
    rewardSum: feedbackReward(event),
  };
}

/** The delta of a draft the judge scored before any agent answered: the judge's reward at JUDGE_ONLY_WEIGHT, no pull. */
export function judgeDelta(context: PolicyContext, strategy: DraftStrategy, judge: JudgeReading): PolicyArm {
  return { ...context, strategy, pulls: 0, weight: JUDGE_ONLY_WEIGHT, rewardSum: JUDGE_ONLY_WEIGHT * judgeReward(judge) };
}

/** Sums rows with the same (segment, intent, strategy): replicas' deltas, or a batch before one write. */
export function mergeArms(...lists: Iterable<PolicyArm>[]): PolicyArm[] {
  const model = new PolicyModel();
  for (const list of lists) for (const arm of list) model.add(arm);
  return model.toArms();
}

/**
 * GET /v1/policy: per context with data, every strategy's posterior mean, feedback events
 * counted and 90 % credible interval, and the best strategy (highest mean).
 */
export function policyView(model: PolicyModel, updatedAt: string): Policy {
  const tail = (1 - CREDIBLE_INTERVAL) / 2;
  return {
    updatedAt,
    contexts: model.contexts().map((context) => {
      const strategies = DRAFT_STRATEGIES.map((strategy) => {
        const p = model.posterior(context, strategy);
        return {
          strategy,
          mean: meanOf(p),
          pulls: model.stats(context, strategy).pulls,
          low: betaQuantile(tail, p.alpha, p.beta),
          high: betaQuantile(1 - tail, p.alpha, p.beta),
        };
      });
      return { segment: context.segment, intent: context.intent, strategies, best: preferredStrategy(model, context) };
    }),
  };
}
