import { describe, expect, it } from 'vitest';
import type { FeedbackDayStats, FeedbackStats, Policy } from '../contracts';
import { parseCsv } from '../history/export';
import { acceptanceRows, bestRows, chartCsv, judgeRows, leadCorrectionRows, posteriorRows, windowDays } from './team-report';

const policy: Policy = {
  updatedAt: '2026-03-02T10:00:00.000Z',
  contexts: [
    {
      segment: 'retain',
      intent: 'complaint',
      best: 'empathetic',
      strategies: [
        { strategy: 'empathetic', mean: 0.8, pulls: 10, low: 0.6, high: 0.9 },
        { strategy: 'technical', mean: 0.4, pulls: 3, low: 0.2, high: 0.7 },
      ],
    },
    { segment: 'care', intent: 'order_status', strategies: [{ strategy: 'follow_up', mean: 0.7, pulls: 2 }] },
  ],
};
const day = (over: Partial<FeedbackDayStats>): FeedbackDayStats => ({
  day: '2026-03-01',
  strategy: 'technical',
  events: 0,
  inserted: 0,
  edited: 0,
  copied: 0,
  regenerated: 0,
  discarded: 0,
  switched: 0,
  thumbsUp: 0,
  thumbsDown: 0,
  suggested: 0,
  judged: 0,
  npsExpected: null,
  engagementProb: null,
  churnProb: null,
  ...over,
});
const stats: FeedbackStats = {
  days: 3,
  since: '2026-02-28T00:00:00.000Z',
  generatedAt: '2026-03-02T09:00:00.000Z',
  drafts: [
    day({ strategy: 'technical', events: 4, inserted: 1, edited: 1, discarded: 2, judged: 4, npsExpected: 6, engagementProb: 0.5, churnProb: 0.2 }),
    day({ strategy: 'empathetic', events: 2, inserted: 2, judged: 1, npsExpected: 9, engagementProb: 0.8, churnProb: 0.1 }),
  ],
  leads: [{ day: '2026-03-02', events: 2, stageCorrected: 1, priorityCorrected: 1, thumbsUp: 0, thumbsDown: 0 }],
};

describe('team report', () => {
  it('posterior rows per strategy per context (interval defaults to the mean when absent), sorted by context', () => {
    const rows = posteriorRows(policy);
    expect(rows.map((r) => `${r.segment}/${r.intent}/${r.strategy}`)).toEqual(['care/order_status/follow_up', 'retain/complaint/empathetic', 'retain/complaint/technical']);
    expect(rows[0]).toMatchObject({ mean: 0.7, low: 0.7, high: 0.7 });
  });

  it('the best strategy per segment and intent, with the events behind it; the highest mean when the policy names none', () => {
    expect(bestRows(policy)).toEqual([
      { segment: 'care', intent: 'order_status', best: 'follow_up', mean: 0.7, pulls: 2 },
      { segment: 'retain', intent: 'complaint', best: 'empathetic', mean: 0.8, pulls: 13 },
    ]);
  });

  it('every day of the window, quiet days included', () => {
    expect(windowDays(stats)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('acceptance = inserted + edited + copied over events, per day and per strategy', () => {
    const rows = acceptanceRows(stats);
    expect(rows.map((r) => r.rate)).toEqual([null, 4 / 6, null]);
    expect(rows[1]!.byStrategy).toMatchObject({ technical: 0.5, empathetic: 1, compensation: null });
  });

  it("the judge's means per day, weighted by the drafts each strategy judged", () => {
    const row = judgeRows(stats)[1]!;
    expect(row.judged).toBe(5);
    expect(row.npsExpected).toBeCloseTo((6 * 4 + 9) / 5, 10);
    expect(judgeRows(stats)[0]!.npsExpected).toBeNull();
  });

  it('lead corrections per day', () => {
    expect(leadCorrectionRows(stats).at(-1)).toEqual({ day: '2026-03-02', events: 2, stageCorrected: 1, priorityCorrected: 1 });
  });

  it('exports a chart as CSV that parses back, nested fields flattened', () => {
    const csv = chartCsv(acceptanceRows(stats));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['day', 'events', 'accepted', 'rate', ...['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'].map((s) => `byStrategy.${s}`)]);
    expect(rows[2]!.slice(0, 4)).toEqual(['2026-03-01', '6', '4', '0.6667']);
  });
});
