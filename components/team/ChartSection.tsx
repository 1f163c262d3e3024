import type { ReactNode } from 'react';
import { chartCsv, chartJson } from '@/lib/learning/team-report';
import { usePageTranslate } from '../ui/use-page-translate';

export type Download = (fileName: string, mimeType: string, text: string) => void;

const button =
  'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** One chart of the team page: its title, what it shows, the chart, and the data behind it as CSV or JSON. */
export function ChartSection(props: {
  id: string;
  title: string;
  caption: string;
  /** The rows the chart draws: what the export buttons save. */
  rows: readonly object[];
  download: Download;
  /** Nothing to draw (default: no rows). */
  empty?: boolean;
  children: ReactNode;
}) {
  const t = usePageTranslate();
  const file = `pulso-${props.id}`;
  return (
    <section aria-labelledby={`${props.id}-title`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`team-${props.id}`} data-rows={props.rows.length}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${props.id}-title`} className="text-base font-semibold">
            {props.title}
          </h2>
          <p className="text-sm text-slate-600">{props.caption}</p>
        </div>
        <div role="group" aria-label={t('team.export.label', { chart: props.title })} className="flex gap-1">
          <button type="button" className={button} data-testid={`team-${props.id}-csv`} onClick={() => props.download(`${file}.csv`, 'text/csv', chartCsv(props.rows))}>
            {t('team.export.csv')}
          </button>
          <button
            type="button"
            className={button}
            data-testid={`team-${props.id}-json`}
            onClick={() => props.download(`${file}.json`, 'application/json', chartJson(props.rows))}
          >
            {t('team.export.json')}
          </button>
        </div>
      </div>
      {(props.empty ?? props.rows.length === 0) ? <p className="text-sm text-slate-500">{t('team.noData')}</p> : props.children}
    </section>
  );
}
