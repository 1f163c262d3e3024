import type { LeadClassification, ScrapeResult } from '@/lib/contracts';
import type { LeadResultReply } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { ContactCard } from './ContactCard';
import { CorrectionCard, type CorrectionCardProps } from './CorrectionCard';
import { FieldsCard } from './FieldsCard';
import { leadHeadline } from './headline';
import { ListCard } from './ListCard';
import { ScoresCard } from './ScoresCard';
import { SourceBadge } from '../ui/SourceBadge';
import { StageCard } from './StageCard';
import { useTranslate } from '../ui/use-translate';

export interface LeadResultViewProps {
  reply: LeadResultReply;
  scrape: ScrapeResult;
  pending: boolean;
  partial?: Pick<LeadClassification, 'stage' | 'priority' | 'slaHours'>;
  /** The rep's correction of the stage or priority (feedback); absent: no correction control. */
  onCorrect?: CorrectionCardProps['onCorrect'];
  /** The page's anonymised structure, for "report page structure" when a field could not be read. */
  reportStructure?: () => string;
}

export function LeadResultView({ reply, scrape, pending, partial, onCorrect, reportStructure }: LeadResultViewProps) {
  const t = useTranslate();
  const { result } = reply;
  const headline = { ...result, ...leadHeadline(result, pending, partial) };
  return (
    <div className="space-y-3" data-testid="pulso-result" data-record-id={scrape.recordId}>
      <SourceBadge reply={{ ...reply, source: result.source }} pending={pending} partial={Boolean(pending && partial)} />
      <StageCard result={headline} />
      {onCorrect && !pending && <CorrectionCard key={`${scrape.recordId}:${result.stage}:${result.priority}`} result={result} onCorrect={onCorrect} />}
      {result.flags.length > 0 && (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="pulso-flags">
          <strong>{t('panel.flags')}:</strong>
          <ul className="list-disc pl-4">
            {result.flags.map((flag) => (
              <li key={flag}>{t(`flag.${flag}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <Card title={t('panel.summary')} id="pulso-summary">
        <p className="text-sm" data-testid="pulso-summary-text">
          {result.summary}
        </p>
        <p className="mt-2 text-sm">
          <span className="text-slate-500">{t('panel.owner')}: </span>
          <span className="font-medium">{result.recommendedOwner}</span>
        </p>
      </Card>
      <ScoresCard scores={result.scores} />
      <ContactCard contact={result.contact} />
      <ListCard title={t('panel.nextSteps')} id="pulso-next-steps" items={result.nextSteps} ordered />
      <ListCard title={t('panel.needs')} id="pulso-needs" items={result.detectedNeeds} />
      <ListCard title={t('panel.services')} id="pulso-services" items={result.matchedServices} />
      <Card title={t('panel.rationale')} id="pulso-rationale">
        <p className="text-sm whitespace-pre-line" data-testid="pulso-rationale-text">
          {result.rationale}
        </p>
      </Card>
      <FieldsCard scrape={scrape} reportStructure={reportStructure} />
    </div>
  );
}
