import type { LeadClassification } from '@/lib/contracts';

export type LeadHeadline = Pick<LeadClassification, 'stage' | 'priority' | 'slaHours'>;

/** Stage, priority and SLA to show: while the model writes, its early fields replace the preview's as soon as they exist. */
export function leadHeadline(result: LeadClassification, pending: boolean, partial: LeadHeadline | undefined): LeadHeadline {
  const { stage, priority, slaHours } = pending && partial ? { ...result, ...partial } : result;
  return { stage, priority, slaHours };
}
