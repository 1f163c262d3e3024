import { runSimulations, type SimulationSummary } from '../../lib/learning/simulation';

/**
 * `pulso simulate [--seed N] [--rounds N] [--seeds K] [--per-persona N]`: the learning
 * simulation's summary, as text. The first seed is shown in detail (rewards, regret, the best
 * strategy found per context); the lift's confidence interval is over all K seeds; the last line
 * is `lift: X` (the mean lift as a fraction).
 */
export interface SimulateArgs {
  seed: number;
  rounds: number;
  seeds: number;
  perPersona: number;
}

const f = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);

export function formatSimulation(args: SimulateArgs, summary: SimulationSummary): string[] {
  const first = summary.runs[0]!;
  const lines: string[] = [];
  lines.push(
    `Pulso learning simulation: ${first.customers} customers (${args.perPersona} per persona: vocal-happy, vocal-angry, quiet-happy, quiet-angry), ${args.rounds} rounds, ${f(first.interactionsPerRound, 0)} interactions a round`,
    'Thompson sampling vs a uniform-random choice of strategy, over the same customers and the same luck.',
    '',
    `seed ${first.seed}:`,
    `  cumulative reward   policy ${f(first.policyReward, 1)}   uniform ${f(first.uniformReward, 1)}   lift ${f(first.lift)}`,
    `  regret              policy ${f(first.policyRegret, 1)}   uniform ${f(first.uniformRegret, 1)}`,
    `  reward per interaction, policy: first quarter ${f(first.earlyRate)}, last quarter ${f(first.lateRate)}`,
    '',
    `best strategy per context (seed ${first.seed}; rounds = the round from which the policy's choice stayed on the true best):`,
    `  ${pad('segment', 9)}${pad('intent', 16)}${pad('true best', 14)}${pad('found', 20)}${pad('rounds', 8)}pulls`,
  );
  for (const c of first.contexts) {
    const mark = c.foundBest === c.truthBest ? '' : ' (wrong)';
    lines.push(`  ${pad(c.segment, 9)}${pad(c.intent, 16)}${pad(c.truthBest, 14)}${pad(c.foundBest + mark, 20)}${pad(c.roundsToFind === null ? '-' : String(c.roundsToFind), 8)}${c.pulls}`);
  }
  const r = summary.roundsToFind;
  const seedsText = summary.runs.length > 1 ? `seeds ${first.seed}–${first.seed + summary.runs.length - 1}` : `seed ${first.seed}`;
  lines.push(
    '',
    `over ${summary.runs.length} seed(s) (${seedsText}):`,
    `  lift per seed: ${summary.runs.map((x) => f(x.lift)).join(' ')}`,
    `  lift mean ${f(summary.lift.mean)}, 95% confidence interval [${f(summary.lift.low)}, ${f(summary.lift.high)}]`,
    `  regret mean: policy ${f(mean(summary.runs.map((x) => x.policyRegret)), 1)}, uniform ${f(mean(summary.runs.map((x) => x.uniformRegret)), 1)}`,
    `  best strategy found in ${r.found} of ${r.contexts} contexts; rounds until found: median ${r.median}, 90th percentile ${r.p90}, max ${r.max}`,
    `lift: ${f(summary.lift.mean)}`,
  );
  return lines;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);

export function simulate(args: SimulateArgs): string[] {
  return formatSimulation(args, runSimulations({ seed: args.seed, rounds: args.rounds, seeds: args.seeds, perPersona: args.perPersona }));
}
