import type { Scores } from '@/lib/contracts';
import { Card } from './Card';
import { useTranslate } from './use-translate';

const SCORE_KEYS = ['fit', 'urgency', 'opportunity', 'dataQuality'] as const;

export function ScoresCard({ scores }: { scores: Scores }) {
  const t = useTranslate();
  return (
    <Card title={t('panel.scores')} id="pulso-scores">
      <dl className="space-y-2">
        {SCORE_KEYS.map((key) => (
          <div key={key}>
            <div className="flex justify-between text-sm">
              <dt>{t(`score.${key}`)}</dt>
              <dd className="font-semibold tabular-nums" data-testid={`pulso-score-${key}`}>
                {scores[key]}
              </dd>
            </div>
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
          </div>
        ))}
      </dl>
    </Card>
  );
}
