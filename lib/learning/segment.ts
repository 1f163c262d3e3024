import { POLICY_SEGMENTS, type ConversationTriage, type PolicySegment, type RetentionQuadrant } from '../contracts';
import { retentionQuadrant } from '../rules/conversation/retention';

/**
 * The customer segment of a reply-strategy context: the retention quadrant (conformity ×
 * billing level) when the billing level is known; the conformity alone ("unhappy" /
 * "satisfied") when it is not; "unknown" when neither is.
 */
export function segmentOf(input: {
  quadrant?: RetentionQuadrant;
  billingLevel?: 'high' | 'low';
  conformity?: 'high' | 'low';
}): PolicySegment {
  if (input.quadrant) return input.quadrant;
  if (input.conformity && input.billingLevel) return retentionQuadrant(input.conformity, input.billingLevel);
  if (input.conformity) return input.conformity === 'low' ? 'unhappy' : 'satisfied';
  return 'unknown';
}

/** The segment of a triaged conversation (the triage's quadrant, else its conformity and the billing level). */
export function segmentOfTriage(triage: Pick<ConversationTriage, 'conformity' | 'retention'>, billingLevel?: 'high' | 'low'): PolicySegment {
  return segmentOf({ quadrant: triage.retention?.quadrant, billingLevel, conformity: triage.conformity });
}

/** A segment string from outside (a feedback event): one of the known segments, else "unknown". */
export function normalizeSegment(segment: string): PolicySegment {
  return (POLICY_SEGMENTS as readonly string[]).includes(segment) ? (segment as PolicySegment) : 'unknown';
}
