import type { Scores } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { useTranslate } from '../ui/use-translate';

const SCORE_KEYS = ['fit', 'urgency', 'opportunity', 'dataQuality'] as const;

export function ScoresCard({ scores }: { scores: Scores }) {
  const t = useTranslate();
  return (
    <Card title={t('panel.scores')} id="pulso-scores">
      <dl className="space-y-2">
        {SCORE_KEYS.map((key) => (
          <div key={key} className="grid grid-cols-[1fr_auto] items-center gap-x-2 text-sm">
            <dt>{t(`score.${key}`)}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`pulso-score-${key}`}>
              {scores[key]}
            </dd>
            <dd className="col-span-2">
              <div
                role="meter"
                aria-label={t(`score.${key}`)}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={scores[key]}
                className="mt-1 h-1.5 rounded-full bg-slate-200"
              >
                <div className="h-1.5 rounded-full bg-indigo-500" style={{ width: `${scores[key]}%` }} />
              </div>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
