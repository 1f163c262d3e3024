import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TeamDataReply } from '@/lib/contracts';
import { acceptanceRows, bestRows, judgeRows, leadCorrectionRows, posteriorRows } from '@/lib/learning/team-report';
import { usePageTranslate } from '../ui/use-page-translate';
import { BestStrategyGrid } from './BestStrategyGrid';
import { ChartSection, type Download } from './ChartSection';
import { AcceptanceChart, CorrectionsChart, JudgeChart, PosteriorChart } from './charts';

export interface TeamPageProps {
  /** The team's data for the last `days` days (the background asks the backend). */
  load: (days: number) => Promise<TeamDataReply>;
  download: Download;
  /** Data already loaded (tests); the page loads it otherwise. */
  initial?: TeamDataReply;
  /** Charts this wide instead of the container's (tests: a DOM without layout). */
  chartWidth?: number;
}

export const TEAM_WINDOWS = [7, 30, 90] as const;

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

type Load = { status: 'loading' } | { status: 'ready'; data: TeamDataReply } | { status: 'error'; message: string };

/** For the team lead: what the team's feedback has taught the reply-strategy policy, in charts, each exportable. */
export function TeamPage({ load, download, initial, chartWidth }: TeamPageProps) {
  const t = usePageTranslate();
  const [days, setDays] = useState<number>(30);
  const [state, setState] = useState<Load>(initial ? { status: 'ready', data: initial } : { status: 'loading' });
  const [context, setContext] = useState<string>('');

  const reload = useCallback(
    (window: number) => {
      setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
      load(window).then(
        (data) => setState({ status: 'ready', data }),
        (err: Error) => setState({ status: 'error', message: err.message }),
      );
    },
    [load],
  );
  useEffect(() => {
    if (!initial) reload(days);
  }, [initial, reload, days]);

  const data = state.status === 'ready' ? state.data : undefined;
  const posterior = useMemo(() => (data ? posteriorRows(data.policy) : []), [data]);
  const best = useMemo(() => (data ? bestRows(data.policy) : []), [data]);
  const acceptance = useMemo(() => (data ? acceptanceRows(data.stats) : []), [data]);
  const judge = useMemo(() => (data ? judgeRows(data.stats) : []), [data]);
  const corrections = useMemo(() => (data ? leadCorrectionRows(data.stats) : []), [data]);

  // The context the interval chart shows: the one chosen, else the one with the most feedback.
  const contextKey = (r: { segment: string; intent: string }) => `${r.segment}|${r.intent}`;
  const busiest = [...best].sort((a, b) => b.pulls - a.pulls)[0];
  const shownContext = context && best.some((r) => contextKey(r) === context) ? context : busiest ? contextKey(busiest) : '';
  const contextRows = posterior.filter((r) => contextKey(r) === shownContext);
  const contextLabel = (r: { segment: string; intent: string }) =>
    `${t(`segment.${r.segment}` as 'segment.unknown')} × ${t(`intent.${r.intent}` as 'intent.other')}`;

  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6 font-sans text-slate-900" data-testid="team-page" data-state={state.status}>
      <header className="space-y-2">
        <h1 className="text-xl font-bold">{t('team.heading')}</h1>
        <p className="text-sm text-slate-600">{t('team.intro')}</p>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 text-sm">
            <span>{t('team.window')}</span>
            <select data-testid="team-window" className={control} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {TEAM_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t('team.days', { days: w })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="team-refresh" className={`${control} hover:bg-slate-100`} onClick={() => reload(days)}>
            {t('team.refresh')}
          </button>
          {data && (
            <span className="text-xs text-slate-500" data-testid="team-updated">
              {data.stats.drafts.length || data.policy.contexts.length ? t('team.updated', { time: new Date(data.policy.updatedAt).toLocaleString() }) : t('team.neverUpdated')}
            </span>
          )}
        </div>
        {data && data.pendingFeedback > 0 && (
          <p role="status" className="text-sm text-amber-700" data-testid="team-pending">
            {t('team.pending', { count: data.pendingFeedback })}
          </p>
        )}
      </header>

      {state.status === 'loading' && <p className="text-sm text-slate-500">{t('team.loading')}</p>}
      {state.status === 'error' && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="team-error">
          <p>{t('team.error', { message: state.message })}</p>
          <p>{t('team.errorHint')}</p>
        </div>
      )}

      {data && (
        <>
          <ChartSection id="best" title={t('team.best.title')} caption={t('team.best.caption')} rows={best} download={download}>
            <BestStrategyGrid rows={best} />
          </ChartSection>

          <ChartSection id="posterior" title={t('team.posterior.title')} caption={t('team.posterior.caption')} rows={posterior} download={download}>
            <label className="flex items-center gap-2 text-sm">
              <span>{t('team.posterior.context')}</span>
              <select data-testid="team-context" className={control} value={shownContext} onChange={(e) => setContext(e.target.value)}>
                {best.map((r) => (
                  <option key={contextKey(r)} value={contextKey(r)}>
                    {contextLabel(r)} ({r.pulls})
                  </option>
                ))}
              </select>
            </label>
            <div data-testid="team-posterior-chart" data-context={shownContext} data-bars={contextRows.length}>
              <PosteriorChart rows={contextRows} width={chartWidth} />
            </div>
          </ChartSection>

          <ChartSection
            id="acceptance"
            title={t('team.acceptance.title')}
            caption={t('team.acceptance.caption')}
            rows={acceptance}
            empty={acceptance.every((r) => r.events === 0)}
            download={download}
          >
            <AcceptanceChart rows={acceptance} width={chartWidth} />
          </ChartSection>

          <ChartSection id="judge" title={t('team.judge.title')} caption={t('team.judge.caption')} rows={judge} empty={judge.every((r) => r.judged === 0)} download={download}>
            <JudgeChart rows={judge} width={chartWidth} />
          </ChartSection>

          <ChartSection
            id="corrections"
            title={t('team.leads.title')}
            caption={t('team.leads.caption')}
            rows={corrections}
            empty={corrections.every((r) => r.events === 0)}
            download={download}
          >
            <CorrectionsChart rows={corrections} width={chartWidth} />
          </ChartSection>
        </>
      )}
    </main>
  );
}
