import {
  DRAFT_STRATEGIES,
  type DraftFeedback,
  type DraftStrategy,
  type FeedbackOutcome,
  type Intent,
  type OutreachCandidate,
  type PolicySegment,
} from '../contracts';
import { rankOutreach, OUTREACH_INTENT } from './outreach';
import { chooseStrategy, feedbackDelta, judgeDelta, PolicyModel, preferredStrategy, type PolicyContext } from './policy';
import { normal, randomInt, seededRandom, weightedPick, type Random } from './random';
import { clip01, judgeReward } from './reward';
import { segmentOf } from './segment';

/**
 * The learning simulation (`pulso simulate`): synthetic customers of four personas — vocal or
 * quiet, happy or angry — with a hidden ground truth of how well each strategy works in each
 * context. Vocal customers write every round; the outreach ranking picks the quiet ones to
 * contact. The policy (Thompson sampling, learning from the simulated agents' feedback and
 * judge) and a uniform-random choice meet the same customers with the same luck (common random
 * numbers: an interaction's outcome depends only on the seed, the round, the customer and the
 * strategy), so the difference between them is the policy's doing. Deterministic per seed.
 */
export const PERSONAS = ['vocal_happy', 'vocal_angry', 'quiet_happy', 'quiet_angry'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface SimulationOptions {
  seed: number;
  rounds: number;
  /** Customers per persona. */
  perPersona?: number;
  /** Quiet customers contacted each round (the top of the outreach ranking). */
  outreachPerRound?: number;
}

export interface SimCustomer {
  id: string;
  persona: Persona;
  billingLevel: 'high' | 'low';
  daysSinceContact: number;
  openIssues: number;
}

type IntentGroup = 'complaint' | 'status' | 'info' | 'outreach';
type Mood = 'happy' | 'angry';

const moodOf = (persona: Persona): Mood => (persona.endsWith('angry') ? 'angry' : 'happy');
const isVocal = (persona: Persona) => persona.startsWith('vocal');

/** What vocal customers write about: angry ones complain or chase an order or a bill; happy ones ask. */
const VOCAL_INTENTS: Record<Mood, ReadonlyArray<readonly [Intent, number]>> = {
  angry: [
    ['complaint', 0.5],
    ['order_status', 0.25],
    ['account_status', 0.25],
  ],
  happy: [
    ['inventory', 0.3],
    ['quote', 0.25],
    ['offers', 0.25],
    ['store_info', 0.2],
  ],
};

const groupOf = (intent: Intent): IntentGroup =>
  intent === 'complaint' ? 'complaint' : intent === 'order_status' || intent === 'account_status' ? 'status' : intent === OUTREACH_INTENT ? 'outreach' : 'info';

/**
 * The ground truth's starting point: how well a strategy lands with a mood and a kind of
 * message (0–1). Each context then gets its own seeded deviation, so the best strategy of a
 * context is not always its group's — the policy has to learn each one.
 */
const BASE_QUALITY: Record<Mood, Partial<Record<IntentGroup, Record<DraftStrategy, number>>>> = {
  angry: {
    complaint: { empathetic: 0.55, technical: 0.3, compensation: 0.6, escalate: 0.5, follow_up: 0.2 },
    status: { empathetic: 0.5, technical: 0.55, compensation: 0.4, escalate: 0.5, follow_up: 0.25 },
    outreach: { empathetic: 0.55, technical: 0.3, compensation: 0.5, escalate: 0.4, follow_up: 0.45 },
  },
  happy: {
    info: { empathetic: 0.4, technical: 0.7, compensation: 0.35, escalate: 0.25, follow_up: 0.3 },
    outreach: { empathetic: 0.4, technical: 0.35, compensation: 0.35, escalate: 0.15, follow_up: 0.6 },
  },
};
/** Spread of a context's deviation from its base, and the margin the true best keeps over the second. */
const CONTEXT_SPREAD = 0.1;
const BEST_MARGIN = 0.05;

export interface SimContext extends PolicyContext {
  mood: Mood;
  key: string;
}

export interface GroundTruth {
  /** True quality (0–1) per context key and strategy. */
  quality: Map<string, Record<DraftStrategy, number>>;
  /** Expected reward per context key and strategy (Monte Carlo over the outcome model). */
  expected: Map<string, Record<DraftStrategy, number>>;
  best: Map<string, DraftStrategy>;
  contexts: SimContext[];
}

const contextKey = (segment: PolicySegment, intent: Intent) => `${segment}/${intent}`;

export function buildCustomers(seed: number, perPersona: number): SimCustomer[] {
  const rng = seededRandom('customers', seed);
  const customers: SimCustomer[] = [];
  for (const persona of PERSONAS) {
    for (let i = 0; i < perPersona; i++) {
      const angry = moodOf(persona) === 'angry';
      customers.push({
        id: `${persona}-${String(i + 1).padStart(3, '0')}`,
        persona,
        billingLevel: rng.next() < 0.5 ? 'high' : 'low',
        daysSinceContact: isVocal(persona) ? 0 : 7 + randomInt(rng, 120),
        openIssues: angry ? randomInt(rng, 4) : rng.next() < 0.15 ? 1 : 0,
      });
    }
  }
  return customers;
}

export function customerSegment(customer: SimCustomer): PolicySegment {
  return segmentOf({ billingLevel: customer.billingLevel, conformity: moodOf(customer.persona) === 'angry' ? 'low' : 'high' });
}

/** Every context the customers can produce: vocal (segment × the intents they write) and outreach (segment × other). */
function contextsOf(customers: readonly SimCustomer[]): SimContext[] {
  const out = new Map<string, SimContext>();
  for (const c of customers) {
    const segment = customerSegment(c);
    const mood = moodOf(c.persona);
    const intents = isVocal(c.persona) ? VOCAL_INTENTS[mood].map(([intent]) => intent) : [OUTREACH_INTENT];
    for (const intent of intents) out.set(contextKey(segment, intent), { segment, intent, mood, key: contextKey(segment, intent) });
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export interface Interaction {
  outcome: FeedbackOutcome;
  editRatio?: number;
  rating?: -1 | 1;
  judge: { npsExpected: number; engagementProb: number; churnProb: number };
}

/**
 * What happens when a draft of true quality q meets the customer and the agent: the judge reads
 * it with noise; the agent inserts it as is with probability q², inserts it after some editing
 * with q − q², and otherwise rewrites most of it, regenerates, switches strategy or discards it;
 * now and then a thumbs up or down that agrees with q.
 */
export function simulateInteraction(rng: Random, quality: number, mood: Mood): Interaction {
  const judge = {
    npsExpected: Math.min(10, Math.max(0, 10 * quality + 1.5 * normal(rng))),
    engagementProb: clip01(quality + 0.15 * normal(rng)),
    churnProb: clip01((mood === 'angry' ? 0.6 : 0.3) * (1 - quality) + 0.1 * normal(rng)),
  };
  const u = rng.next();
  let interaction: Interaction;
  if (u < quality * quality) interaction = { outcome: 'inserted', editRatio: 0.1 * rng.next(), judge };
  else if (u < quality) interaction = { outcome: 'edited', editRatio: 0.1 + 0.4 * rng.next(), judge };
  else {
    const v = rng.next();
    interaction =
      v < 0.4
        ? { outcome: 'discarded', judge }
        : v < 0.7
          ? { outcome: 'regenerated', judge }
          : v < 0.85
            ? { outcome: 'switched', judge }
            : { outcome: 'edited', editRatio: 0.6 + 0.4 * rng.next(), judge };
  }
  if (rng.next() < 0.15) interaction.rating = rng.next() < quality ? 1 : -1;
  return interaction;
}

function feedbackOf(context: PolicyContext, strategy: DraftStrategy, interaction: Interaction, eventId: string): DraftFeedback {
  return {
    kind: 'draft',
    eventId,
    strategy,
    intent: context.intent,
    segment: context.segment,
    outcome: interaction.outcome,
    ...(interaction.editRatio !== undefined ? { editRatio: interaction.editRatio } : {}),
    ...(interaction.rating !== undefined ? { rating: interaction.rating } : {}),
    judgeReward: judgeReward(interaction.judge),
  };
}

/** The reward an interaction gives — through the same feedbackDelta the backend applies to real events. */
function rewardOf(context: PolicyContext, strategy: DraftStrategy, interaction: Interaction): number {
  return feedbackDelta(feedbackOf(context, strategy, interaction, 'sim-reward'))!.rewardSum;
}

const EXPECTED_DRAWS = 2_000;

export function buildGroundTruth(seed: number, customers: readonly SimCustomer[]): GroundTruth {
  const rng = seededRandom('truth', seed);
  const quality = new Map<string, Record<DraftStrategy, number>>();
  const expected = new Map<string, Record<DraftStrategy, number>>();
  const best = new Map<string, DraftStrategy>();
  const contexts = contextsOf(customers);
  for (const context of contexts) {
    const base = BASE_QUALITY[context.mood][groupOf(context.intent)]!;
    const q = {} as Record<DraftStrategy, number>;
    for (const s of DRAFT_STRATEGIES) {
      // A valuable unhappy customer values being compensated more.
      const valueBonus = s === 'compensation' && context.segment === 'retain' ? 0.08 : 0;
      q[s] = Math.min(0.95, Math.max(0.05, base[s] + valueBonus + CONTEXT_SPREAD * normal(rng)));
    }
    const ranked = [...DRAFT_STRATEGIES].sort((a, b) => q[b] - q[a]);
    const [top, second] = [ranked[0]!, ranked[1]!];
    if (q[top] - q[second] < BEST_MARGIN) q[top] = Math.min(0.97, q[second] + BEST_MARGIN);
    quality.set(context.key, q);
    const mc = seededRandom('expected', seed, context.key);
    const e = {} as Record<DraftStrategy, number>;
    for (const s of DRAFT_STRATEGIES) {
      let sum = 0;
      for (let i = 0; i < EXPECTED_DRAWS; i++) sum += rewardOf(context, s, simulateInteraction(mc, q[s], context.mood));
      e[s] = sum / EXPECTED_DRAWS;
    }
    expected.set(context.key, e);
    best.set(context.key, [...DRAFT_STRATEGIES].sort((a, b) => e[b] - e[a])[0]!);
  }
  return { quality, expected, best, contexts };
}

export interface ContextResult {
  segment: PolicySegment;
  intent: Intent;
  truthBest: DraftStrategy;
  foundBest: DraftStrategy;
  /** The first round from which the policy's preferred strategy was the true best until the end; null if it never settled on it. */
  roundsToFind: number | null;
  pulls: number;
}

export interface SimulationResult {
  seed: number;
  rounds: number;
  customers: number;
  interactionsPerRound: number;
  policyReward: number;
  uniformReward: number;
  /** Σ (expected reward of the best strategy − expected reward of the one chosen). */
  policyRegret: number;
  uniformRegret: number;
  /** policyReward / uniformReward − 1. */
  lift: number;
  /** Mean reward per interaction in the first and the last quarter of the rounds (policy). */
  earlyRate: number;
  lateRate: number;
  contexts: ContextResult[];
}

type Chooser = (context: PolicyContext) => DraftStrategy;

export function runSimulation(options: SimulationOptions): SimulationResult {
  const { seed, rounds } = options;
  const perPersona = options.perPersona ?? 50;
  const outreachPerRound = options.outreachPerRound ?? 30;
  const customers = buildCustomers(seed, perPersona);
  const truth = buildGroundTruth(seed, customers);
  const model = new PolicyModel();
  const policyRng = seededRandom('policy', seed);
  const uniformRng = seededRandom('uniform', seed);
  const days = new Map(customers.map((c) => [c.id, c.daysSinceContact]));
  const lastWrong = new Map<string, number>();
  let policyReward = 0;
  let uniformReward = 0;
  let policyRegret = 0;
  let uniformRegret = 0;
  let interactions = 0;
  const quarter = Math.max(1, Math.floor(rounds / 4));
  let early = 0;
  let earlyN = 0;
  let late = 0;
  let lateN = 0;

  const policyChoose: Chooser = (context) => chooseStrategy(model, context, policyRng).strategy;
  const uniformChoose: Chooser = () => DRAFT_STRATEGIES[randomInt(uniformRng, DRAFT_STRATEGIES.length)]!;

  for (let round = 1; round <= rounds; round++) {
    const roundRng = seededRandom('round', seed, round);
    const met: Array<{ customer: SimCustomer; context: SimContext }> = [];
    for (const customer of customers) {
      if (!isVocal(customer.persona)) continue;
      const intent = weightedPick(roundRng, VOCAL_INTENTS[moodOf(customer.persona)]);
      met.push({ customer, context: truth.contexts.find((c) => c.key === contextKey(customerSegment(customer), intent))! });
    }
    const quiet: OutreachCandidate[] = customers
      .filter((c) => !isVocal(c.persona))
      .map((c) => ({ id: c.id, billingLevel: c.billingLevel, daysSinceContact: days.get(c.id)!, openIssues: c.openIssues, conformity: moodOf(c.persona) === 'angry' ? 'low' : 'high' }));
    for (const ranked of rankOutreach(quiet).slice(0, outreachPerRound)) {
      const customer = customers.find((c) => c.id === ranked.candidate.id)!;
      met.push({ customer, context: truth.contexts.find((c) => c.key === contextKey(customerSegment(customer), OUTREACH_INTENT))! });
      days.set(customer.id, 0);
    }
    for (const c of customers) if (!isVocal(c.persona)) days.set(c.id, days.get(c.id)! + 7);

    for (const { customer, context } of met) {
      const q = truth.quality.get(context.key)!;
      const e = truth.expected.get(context.key)!;
      const bestExpected = e[truth.best.get(context.key)!];
      const meet = (strategy: DraftStrategy) => simulateInteraction(seededRandom('meet', seed, round, customer.id, strategy), q[strategy], context.mood);

      const chosen = policyChoose(context);
      const interaction = meet(chosen);
      const reward = rewardOf(context, chosen, interaction);
      // What the backend does with a real draft: the judge's reading as a light prior, then the agent's feedback.
      model.add(judgeDelta(context, chosen, interaction.judge));
      model.add(feedbackDelta(feedbackOf(context, chosen, interaction, `sim-${seed}-${round}-${customer.id}`))!);
      policyReward += reward;
      policyRegret += bestExpected - e[chosen];
      if (round <= quarter) {
        early += reward;
        earlyN++;
      } else if (round > rounds - quarter) {
        late += reward;
        lateN++;
      }

      const baseline = uniformChoose(context);
      uniformReward += rewardOf(context, baseline, meet(baseline));
      uniformRegret += bestExpected - e[baseline];
      interactions++;
    }

    for (const context of truth.contexts) {
      if (preferredStrategy(model, context) !== truth.best.get(context.key)) lastWrong.set(context.key, round);
    }
  }

  const contexts: ContextResult[] = truth.contexts.map((context) => {
    const foundBest = preferredStrategy(model, context);
    const truthBest = truth.best.get(context.key)!;
    const wrong = lastWrong.get(context.key) ?? 0;
    return {
      segment: context.segment,
      intent: context.intent,
      truthBest,
      foundBest,
      roundsToFind: foundBest === truthBest && wrong < rounds ? wrong + 1 : null,
      pulls: DRAFT_STRATEGIES.reduce((sum, s) => sum + model.stats(context, s).pulls, 0),
    };
  });

  return {
    seed,
    rounds,
    customers: customers.length,
    interactionsPerRound: rounds ? interactions / rounds : 0,
    policyReward,
    uniformReward,
    policyRegret,
    uniformRegret,
    lift: uniformReward > 0 ? policyReward / uniformReward - 1 : 0,
    earlyRate: earlyN ? early / earlyN : 0,
    lateRate: lateN ? late / lateN : 0,
    contexts,
  };
}

/** Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom (beyond: the normal's 1.96). */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean and 95 % confidence interval (Student's t) of a sample. */
export function meanInterval(values: readonly number[]): { mean: number; low: number; high: number; n: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN, n };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, low: mean, high: mean, n };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = (T_975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { mean, low: mean - half, high: mean + half, n };
}

export interface SimulationSummary {
  runs: SimulationResult[];
  lift: { mean: number; low: number; high: number; n: number };
  /** Rounds to find the best strategy, over every context of every seed that found it. */
  roundsToFind: { median: number; p90: number; max: number; found: number; contexts: number };
}

/** `seeds` runs from `seed` on (seed, seed+1, …), summarised. */
export function runSimulations(options: SimulationOptions & { seeds: number }): SimulationSummary {
  const runs: SimulationResult[] = [];
  for (let i = 0; i < options.seeds; i++) runs.push(runSimulation({ ...options, seed: options.seed + i }));
  const found = runs
    .flatMap((r) => r.contexts.map((c) => c.roundsToFind))
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  const at = (p: number) => (found.length ? found[Math.min(found.length - 1, Math.ceil(p * found.length) - 1)]! : NaN);
  return {
    runs,
    lift: meanInterval(runs.map((r) => r.lift)),
    roundsToFind: { median: at(0.5), p90: at(0.9), max: found.at(-1) ?? NaN, found: found.length, contexts: runs.reduce((s, r) => s + r.contexts.length, 0) },
  };
}
