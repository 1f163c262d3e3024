import type { CampaignStep } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { useTranslate } from '../ui/use-translate';

/** The glass box: each step with what it used — the fields read, the timeline items, the segment and product and why, what was written. */
export function CampaignSteps({ steps, running }: { steps: CampaignStep[]; running: boolean }) {
  const t = useTranslate();
  return (
    <Card title={t('campaign.steps')} id="pulso-campaign-steps">
      <ol className="space-y-2 text-sm" data-testid="pulso-campaign-steps">
        {steps.map((step, i) => (
          <li key={i} data-testid="pulso-campaign-step" data-step={step.name} className="rounded border border-slate-200 bg-slate-50 p-2">
            <span className="mr-1 text-xs font-semibold tracking-wide text-indigo-700 uppercase">{t(`campaign.step.${step.name}`)}</span>
            <span className="break-words">{step.detail}</span>
          </li>
        ))}
      </ol>
      {running && (
        <p className="mt-2 text-sm text-slate-500" data-testid="pulso-campaign-working">
          {t('campaign.working')}
        </p>
      )}
    </Card>
  );
}
