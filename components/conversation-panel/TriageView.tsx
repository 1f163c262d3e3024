import type { ConversationTriage } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { useTranslate } from '../ui/use-translate';
import { CopyButton } from '../ui/CopyButton';

export interface TriageViewProps {
  triage: ConversationTriage;
  billingKnown: boolean;
  onBillingLevel: (level: 'high' | 'low') => void;
}

/** What the customer wants, whether a human must take it, and how at risk they are. */
export function TriageView({ triage, billingKnown, onBillingLevel }: TriageViewProps) {
  const t = useTranslate();
  const sentimentPercent = Math.round(((triage.sentiment + 1) / 2) * 100);
  return (
    <div className="space-y-3">
      {triage.escalate && (
        <div role="alert" data-testid="pulso-escalation" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">{t('conv.escalate')}</p>
          <p>{triage.escalationReason}</p>
          {triage.department && <p>{t('conv.department', { department: triage.department })}</p>}
          <label className="block text-xs font-semibold text-red-800" htmlFor="pulso-handoff">
            {t('conv.handoff')}
          </label>
          <textarea id="pulso-handoff" readOnly value={triage.handoffSummary} rows={4} data-testid="pulso-handoff" className="w-full rounded border border-red-200 bg-white p-2 text-sm text-slate-900" />
          <CopyButton text={triage.handoffSummary} testId="pulso-copy-handoff" />
        </div>
      )}
      {triage.flags.length > 0 && (
        <ul role="alert" data-testid="pulso-conv-flags" className="list-disc rounded-lg border border-amber-300 bg-amber-50 p-2 pl-6 text-sm text-amber-900">
          {triage.flags.map((flag) => (
            <li key={flag}>{t(`conv.flag.${flag}`)}</li>
          ))}
        </ul>
      )}
      <Card title={t('conv.intent')} id="pulso-intent">
        <p className="text-lg font-bold" data-testid="pulso-intent" data-intent={triage.intent}>
          {t(`intent.${triage.intent}`)}
        </p>
        <p className="text-xs text-slate-500">{t('conv.confidence', { percent: Math.round(triage.confidence * 100) })}</p>
        <div className="mt-2 flex items-center justify-between text-sm">
          <span>{t('conv.sentiment')}</span>
          <span className="tabular-nums">{triage.sentiment.toFixed(2)}</span>
        </div>
        <div role="meter" aria-label={t('conv.sentiment')} aria-valuemin={-1} aria-valuemax={1} aria-valuenow={triage.sentiment} className="mt-1 h-1.5 rounded-full bg-slate-200">
          <div className="h-1.5 rounded-full bg-indigo-500" style={{ width: `${sentimentPercent}%` }} />
        </div>
        <p className="mt-2 text-sm">
          {t('conv.conformity')}: <strong>{t(`conv.conformity.${triage.conformity}`)}</strong>
        </p>
      </Card>
      {triage.clarifyingQuestion && (
        <Card title={t('conv.clarify')} id="pulso-clarify">
          <p className="text-sm" data-testid="pulso-clarify-text">
            {triage.clarifyingQuestion}
          </p>
        </Card>
      )}
      <Card title={t('conv.retention')} id="pulso-retention">
        {triage.retention ? (
          <>
            <p className="font-semibold" data-testid="pulso-retention" data-quadrant={triage.retention.quadrant}>
              {t(`retention.${triage.retention.quadrant}`)}
            </p>
            <ul className="mt-1 list-disc pl-4 text-sm">
              {triage.retention.actions.map((action, i) => (
                <li key={i}>{action}</li>
              ))}
            </ul>
          </>
        ) : null}
        {!billingKnown && (
          <label className="mt-2 flex items-center gap-2 text-sm">
            <span>{t('conv.billing')}</span>
            <select
              data-testid="pulso-billing"
              defaultValue=""
              onChange={(e) => e.target.value && onBillingLevel(e.target.value as 'high' | 'low')}
              className="flex-1 rounded border border-slate-300 px-1 py-0.5"
            >
              <option value="" disabled>
                {t('conv.billing.unknown')}
              </option>
              <option value="high">{t('conv.billing.high')}</option>
              <option value="low">{t('conv.billing.low')}</option>
            </select>
          </label>
        )}
      </Card>
    </div>
  );
}
