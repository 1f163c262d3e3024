import type { LeadClassification } from '@/lib/contracts';
import { useTranslate } from '../ui/use-translate';

const PRIORITY_COLORS: Record<LeadClassification['priority'], string> = {
  P1: 'bg-red-600 text-white',
  P2: 'bg-orange-700 text-white',
  P3: 'bg-sky-700 text-white',
  P4: 'bg-slate-600 text-white',
};

export function StageCard({ result }: { result: LeadClassification }) {
  const t = useTranslate();
  return (
    <div className="grid grid-cols-3 gap-2 text-center" data-testid="pulso-stage-card">
      <div className="rounded-lg bg-slate-100 p-2">
        <div className="text-xs text-slate-700">{t('panel.stage')}</div>
        <div className="text-lg font-bold text-slate-900" data-testid="pulso-stage">
          {result.stage}
        </div>
      </div>
      <div className={`rounded-lg p-2 ${PRIORITY_COLORS[result.priority]}`}>
        <div className="text-xs">{t('panel.priority')}</div>
        <div className="text-lg font-bold" data-testid="pulso-priority">
          {result.priority}
        </div>
      </div>
      <div className="rounded-lg bg-slate-100 p-2">
        <div className="text-xs text-slate-700">{t('panel.sla')}</div>
        <div className="text-lg font-bold text-slate-900" data-testid="pulso-sla">
          {t('panel.slaHours', { hours: result.slaHours })}
        </div>
      </div>
    </div>
  );
}
