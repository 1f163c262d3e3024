import { ACCEPTED_OUTCOMES, DRAFT_STRATEGIES, type DraftStrategy, type FeedbackStats, type Policy } from '../contracts';
import { toCsv } from '../history/export';

/**
 * The team page's charts, as rows (one module, so each chart and its export show the same
 * numbers): the policy's posterior per strategy per context, the best strategy per segment and
 * intent, the acceptance rate and the judge's scores per day, and the reps' lead corrections.
 */

export interface PosteriorRow {
  segment: string;
  intent: string;
  strategy: DraftStrategy;
  mean: number;
  low: number;
  high: number;
  pulls: number;
}

export interface BestRow {
  segment: string;
  intent: string;
  best: DraftStrategy;
  mean: number;
  /** Feedback events counted in the context (all strategies). */
  pulls: number;
}

export interface AcceptanceRow {
  day: string;
  events: number;
  accepted: number;
  /** accepted / events (0…1), null on a day without events. */
  rate: number | null;
  /** The same per strategy (null where the strategy had no events that day). */
  byStrategy: Record<DraftStrategy, number | null>;
}

export interface JudgeRow {
  day: string;
  judged: number;
  npsExpected: number | null;
  engagementProb: number | null;
  churnProb: number | null;
}

export interface LeadCorrectionRow {
  day: string;
  events: number;
  stageCorrected: number;
  priorityCorrected: number;
}

const byContext = (a: { segment: string; intent: string }, b: { segment: string; intent: string }) => a.segment.localeCompare(b.segment) || a.intent.localeCompare(b.intent);

export function posteriorRows(policy: Policy): PosteriorRow[] {
  return [...policy.contexts].sort(byContext).flatMap((context) =>
    context.strategies.map((s) => ({
      segment: context.segment,
      intent: context.intent,
      strategy: s.strategy,
      mean: s.mean,
      low: s.low ?? s.mean,
      high: s.high ?? s.mean,
      pulls: s.pulls,
    })),
  );
}

export function bestRows(policy: Policy): BestRow[] {
  return [...policy.contexts].sort(byContext).map((context) => {
    const best = context.best ?? [...context.strategies].sort((a, b) => b.mean - a.mean)[0]?.strategy ?? DRAFT_STRATEGIES[0];
    return {
      segment: context.segment,
      intent: context.intent,
      best,
      mean: context.strategies.find((s) => s.strategy === best)?.mean ?? 0,
      pulls: context.strategies.reduce((sum, s) => sum + s.pulls, 0),
    };
  });
}

/** Every day of the window, oldest first, so a chart shows the quiet days as gaps, not as joined points. */
export function windowDays(stats: Pick<FeedbackStats, 'since' | 'generatedAt'>): string[] {
  const days: string[] = [];
  const end = stats.generatedAt.slice(0, 10);
  for (let t = Date.parse(stats.since.slice(0, 10)); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(day);
    if (day >= end || days.length > 400) return days;
  }
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function acceptanceRows(stats: FeedbackStats): AcceptanceRow[] {
  return windowDays(stats).map((day) => {
    const rows = stats.drafts.filter((r) => r.day === day);
    const accepted = (r: (typeof rows)[number]) => ACCEPTED_OUTCOMES.reduce((sum, outcome) => sum + r[outcome], 0);
    const events = rows.reduce((sum, r) => sum + r.events, 0);
    const total = rows.reduce((sum, r) => sum + accepted(r), 0);
    const byStrategy = Object.fromEntries(
      DRAFT_STRATEGIES.map((strategy) => {
        const row = rows.find((r) => r.strategy === strategy);
        return [strategy, row ? ratio(accepted(row), row.events) : null];
      }),
    ) as Record<DraftStrategy, number | null>;
    return { day, events, accepted: total, rate: ratio(total, events), byStrategy };
  });
}

/** The judge's means per day over every strategy, each strategy's mean weighted by the drafts it judged. */
export function judgeRows(stats: FeedbackStats): JudgeRow[] {
  return windowDays(stats).map((day) => {
    const rows = stats.drafts.filter((r) => r.day === day && r.judged > 0);
    const judged = rows.reduce((sum, r) => sum + r.judged, 0);
    const mean = (field: 'npsExpected' | 'engagementProb' | 'churnProb') =>
      judged > 0 ? rows.reduce((sum, r) => sum + (r[field] ?? 0) * r.judged, 0) / judged : null;
    return { day, judged, npsExpected: mean('npsExpected'), engagementProb: mean('engagementProb'), churnProb: mean('churnProb') };
  });
}

export function leadCorrectionRows(stats: FeedbackStats): LeadCorrectionRow[] {
  return windowDays(stats).map((day) => {
    const row = stats.leads.find((r) => r.day === day);
    return { day, events: row?.events ?? 0, stageCorrected: row?.stageCorrected ?? 0, priorityCorrected: row?.priorityCorrected ?? 0 };
  });
}

/** The data behind a chart as export rows: flat records of text, one column per field. */
export function flattenForExport(rows: readonly object[]): Record<string, string>[] {
  return rows.map((row) => {
    const flat: Record<string, string> = {};
    const put = (prefix: string, value: unknown) => {
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) put(prefix ? `${prefix}.${k}` : k, v);
      else flat[prefix] = value === null || value === undefined ? '' : typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : String(value);
    };
    put('', row);
    return flat;
  });
}

/** A chart's data as CSV (the history's writer: RFC 4180, spreadsheet formulas defused). */
export function chartCsv(rows: readonly object[]): string {
  const flat = flattenForExport(rows);
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return toCsv(columns, flat);
}

/** A chart's data as JSON, as the page holds it. */
export const chartJson = (rows: readonly object[]): string => `${JSON.stringify(rows, null, 2)}\n`;
