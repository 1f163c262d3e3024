import type { Crm, LeadClassification, LeadFeedback, Priority, Stage } from '@/lib/contracts';

export interface LeadCorrection {
  stage?: Stage;
  priority?: Priority;
  reason?: string;
}

/**
 * A rep's correction of the lead Pulso classified, as a feedback event: what the rep says the
 * lead is, beside what Pulso had said. Only what differs is a correction; nothing differing,
 * no event. The record is not named (no id, no name): the team page counts corrections.
 */
export function leadCorrectionEvent(
  correction: LeadCorrection,
  predicted: Pick<LeadClassification, 'stage' | 'priority'>,
  crm: Crm,
  options: { newId?: () => string; now?: () => Date } = {},
): LeadFeedback | undefined {
  const stage = correction.stage && correction.stage !== predicted.stage ? correction.stage : undefined;
  const priority = correction.priority && correction.priority !== predicted.priority ? correction.priority : undefined;
  if (!stage && !priority) return undefined;
  const reason = correction.reason?.trim().slice(0, 500);
  return {
    kind: 'lead',
    eventId: `lead-${(options.newId ?? (() => crypto.randomUUID()))()}`,
    ...(stage ? { stage } : {}),
    ...(priority ? { priority } : {}),
    predictedStage: predicted.stage,
    predictedPriority: predicted.priority,
    ...(reason ? { reason } : {}),
    crm,
    at: (options.now ?? (() => new Date()))().toISOString(),
  };
}
