import { INTENTS, POLICY_SEGMENTS, type Intent, type PolicySegment } from '@/lib/contracts';
import type { BestRow } from '@/lib/learning/team-report';
import { usePageTranslate } from '../ui/use-page-translate';
import { STRATEGY_COLORS } from './charts';

/** The best strategy now in every context with data: segments down, requests across, one colour per strategy. */
export function BestStrategyGrid({ rows }: { rows: BestRow[] }) {
  const t = usePageTranslate();
  const segments = POLICY_SEGMENTS.filter((s) => rows.some((r) => r.segment === s));
  const intents = INTENTS.filter((i) => rows.some((r) => r.intent === i));
  const cell = (segment: PolicySegment, intent: Intent) => rows.find((r) => r.segment === segment && r.intent === intent);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-sm" data-testid="team-best-grid">
        <thead>
          <tr>
            <th scope="col" className="p-1 text-left text-xs font-semibold text-slate-500">
              {t('team.best.segment')} \ {t('team.best.intent')}
            </th>
            {intents.map((intent) => (
              <th key={intent} scope="col" className="p-1 text-left text-xs font-semibold text-slate-600">
                {t(`intent.${intent}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr key={segment}>
              <th scope="row" className="p-1 text-left text-xs font-semibold text-slate-600">
                {t(`segment.${segment}`)}
              </th>
              {intents.map((intent) => {
                const row = cell(segment, intent);
                return (
                  <td key={intent} className="p-1" data-segment={segment} data-intent={intent} data-best={row?.best ?? ''}>
                    {row && (
                      <span className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold text-white" style={{ backgroundColor: STRATEGY_COLORS[row.best] }}>
                        {t('team.best.cell', { strategy: t(`strategy.${row.best}`), mean: row.mean.toFixed(2), pulls: row.pulls })}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
