import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DRAFT_STRATEGIES, type DraftStrategy } from '@/lib/contracts';
import type { AcceptanceRow, JudgeRow, LeadCorrectionRow, PosteriorRow } from '@/lib/learning/team-report';
import { usePageTranslate } from '../ui/use-page-translate';

/** One colour per strategy, the same in every chart and in the best-strategy grid (distinct for colour-blind readers too). */
export const STRATEGY_COLORS: Record<DraftStrategy, string> = {
  empathetic: '#c2410c',
  technical: '#1d4ed8',
  compensation: '#15803d',
  escalate: '#7e22ce',
  follow_up: '#a16207',
};

const HEIGHT = 280;

/** Fixed width when given (tests), else the container's. */
function Frame({ width, children }: { width?: number; children: ReactElement }) {
  if (width) return <div style={{ width, height: HEIGHT }}>{children}</div>;
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      {children}
    </ResponsiveContainer>
  );
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
const sized = (width?: number) => (width ? { width, height: HEIGHT } : {});

/** Posterior mean and 90 % interval of each strategy in one context. */
export function PosteriorChart({ rows, width }: { rows: PosteriorRow[]; width?: number }) {
  const t = usePageTranslate();
  const data = rows.map((r) => ({ ...r, name: t(`strategy.${r.strategy}`), interval: [r.mean - r.low, r.high - r.mean] as [number, number] }));
  return (
    <Frame width={width}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} {...sized(width)}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis domain={[0, 1]} tickFormatter={(v: number) => v.toFixed(1)} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))} />
        <Bar dataKey="mean" name={t('team.posterior.mean')} isAnimationActive={false} fill="#4f46e5">
          <ErrorBar dataKey="interval" width={8} stroke="#0f172a" />
        </Bar>
      </BarChart>
    </Frame>
  );
}

/** Share of drafts accepted per day: all strategies, and each strategy's line. */
export function AcceptanceChart({ rows, width }: { rows: AcceptanceRow[]; width?: number }) {
  const t = usePageTranslate();
  const data = rows.map((r) => ({ day: r.day, all: r.rate, ...r.byStrategy }));
  return (
    <Frame width={width}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} {...sized(width)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis domain={[0, 1]} tickFormatter={percent} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
        <Legend />
        <Line dataKey="all" name={t('team.acceptance.all')} stroke="#0f172a" strokeWidth={3} connectNulls={false} isAnimationActive={false} />
        {DRAFT_STRATEGIES.map((strategy) => (
          <Line key={strategy} dataKey={strategy} name={t(`strategy.${strategy}`)} stroke={STRATEGY_COLORS[strategy]} strokeDasharray="4 2" isAnimationActive={false} />
        ))}
      </LineChart>
    </Frame>
  );
}

/** The judge's means per day: expected NPS on its 0–10 axis, engagement and churn in % on the other. */
export function JudgeChart({ rows, width }: { rows: JudgeRow[]; width?: number }) {
  const t = usePageTranslate();
  const data = rows.map((r) => ({
    day: r.day,
    nps: r.npsExpected,
    engagement: r.engagementProb === null ? null : r.engagementProb * 100,
    churn: r.churnProb === null ? null : r.churnProb * 100,
  }));
  return (
    <Frame width={width}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} {...sized(width)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis yAxisId="nps" domain={[0, 10]} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(1) : String(value))} />
        <Legend />
        <Line yAxisId="nps" dataKey="nps" name={t('team.judge.nps')} stroke="#4f46e5" strokeWidth={3} isAnimationActive={false} />
        <Line yAxisId="pct" dataKey="engagement" name={t('team.judge.engagement')} stroke="#15803d" isAnimationActive={false} />
        <Line yAxisId="pct" dataKey="churn" name={t('team.judge.churn')} stroke="#b91c1c" isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

/** Reps' corrections of stage and priority per day. */
export function CorrectionsChart({ rows, width }: { rows: LeadCorrectionRow[]; width?: number }) {
  const t = usePageTranslate();
  return (
    <Frame width={width}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} {...sized(width)}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="stageCorrected" name={t('team.leads.stage')} fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey="priorityCorrected" name={t('team.leads.priority')} fill="#c2410c" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
