import type { CampaignSegment, LeadField } from '../contracts';
import { tokenize } from '../text/normalize';
import type { CampaignFacts } from './facts';

/**
 * Step 3a — the segment, and why, from the classification and the deal stage (never from
 * anything the record does not say). A record that says too little gets `needs_info`: its
 * campaign asks for the missing pieces instead of guessing them.
 */
export interface SegmentDecision {
  segment: CampaignSegment;
  why: SegmentWhy;
  /** What the record lacks for a specific campaign, in the order the campaign asks for it. */
  missing: LeadField[];
}

export type SegmentWhy =
  | { code: 'deal_lost' | 'deal_won'; dealStage: string }
  | { code: 'stage'; stage: string; priority: string }
  | { code: 'review' }
  | { code: 'no_need' }
  | { code: 'poor_data'; dataQuality: number };

/** The pieces a specific campaign needs, asked for in this order (the need first). */
const ASKABLE: readonly LeadField[] = ['description', 'company', 'industry', 'jobTitle'];
/** Below this data-quality score a disqualified record is treated as incomplete, not as a poor fit. */
const POOR_DATA = 40;

/** The record states a need: a detected need, a matched service, a described one, or a timeline to go on. */
export function statesNeed(facts: CampaignFacts): boolean {
  return facts.needs.length > 0 || facts.classification.matchedServices.length > 0 || tokenize(facts.lead.description).length >= 6 || facts.timeline.length > 0;
}

function missingPieces(facts: CampaignFacts): LeadField[] {
  return ASKABLE.filter((f) => (f === 'description' ? !statesNeed(facts) : facts.fieldsMissing.includes(f)));
}

export function decideCampaignSegment(facts: CampaignFacts): SegmentDecision {
  const c = facts.classification;
  const missing = missingPieces(facts);
  if (facts.dealPhase === 'lost') return { segment: 'win_back', why: { code: 'deal_lost', dealStage: facts.dealStage! }, missing };
  if (facts.dealPhase === 'won') return { segment: 'customer', why: { code: 'deal_won', dealStage: facts.dealStage! }, missing };
  if (c.stage === 'Review') return { segment: 'needs_info', why: { code: 'review' }, missing: missing.length ? missing : ['description'] };
  if (!statesNeed(facts)) return { segment: 'needs_info', why: { code: 'no_need' }, missing };
  if (c.stage === 'Disqualified' && c.scores.dataQuality < POOR_DATA) {
    return { segment: 'needs_info', why: { code: 'poor_data', dataQuality: c.scores.dataQuality }, missing: missing.length ? missing : ['description'] };
  }
  const stage = { code: 'stage', stage: c.stage, priority: c.priority } as const;
  if (c.stage === 'SQL') return { segment: 'hot', why: stage, missing };
  if (c.stage === 'MQL') return { segment: 'evaluating', why: stage, missing };
  return { segment: 'nurture', why: stage, missing };
}
