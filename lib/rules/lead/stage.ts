import type { ContactProfile, Priority, Stage } from '../../contracts';

/** Thresholds of the source's stage rules (brief, rule 8). */
export const THRESHOLDS = {
  /** Fit A/B. */
  goodFit: 55,
  /** Fit C: acceptable. Below it, disqualified. */
  acceptableFit: 35,
  highUrgency: 60,
  /** SQL with urgency at least this high is P1. */
  veryHighUrgency: 80,
  mediumUrgency: 30,
  bigOpportunity: 60,
} as const;

export interface StageInput {
  fit: number;
  urgency: number;
  opportunity: number;
  decisionPower: ContactProfile['decisionPower'];
  poorData: boolean;
  enoughInformation: boolean;
  /** v2: a student, a job seeker or a vendor pitching us: not a buyer, so Disqualified. */
  notABuyer?: boolean;
  /** v3: an explicit audience constraint is broken (a country not served, a size far outside): not the ICP. */
  outsideAudience?: boolean;
}

/**
 * Source: "SQL = fit A/B + high urgency + decision maker; MQL = good fit, medium
 * urgency; Nurture = acceptable fit, no urgency; Disqualified = low fit or poor
 * data; Review = not enough information". Poor (junk) data is checked before
 * missing information, so a junk record is disqualified, not reviewed. A lead is
 * never SQL without a HIGH decision power and a fit of at least B.
 */
export function decideStage(input: StageInput): Stage {
  if (input.poorData || input.notABuyer || input.outsideAudience) return 'Disqualified';
  if (!input.enoughInformation) return 'Review';
  if (input.fit < THRESHOLDS.acceptableFit) return 'Disqualified';
  const goodFit = input.fit >= THRESHOLDS.goodFit;
  if (goodFit && input.urgency >= THRESHOLDS.highUrgency && input.decisionPower === 'HIGH') return 'SQL';
  if (goodFit && input.urgency >= THRESHOLDS.mediumUrgency) return 'MQL';
  return 'Nurture';
}

/** What decides priority inside a stage (rule 8b). */
export interface PriorityInput {
  urgency: number;
  opportunity: number;
  /** Something is broken now (outage, breach, data loss, production stopped). */
  incident?: boolean;
  /** An enterprise account on its own: ≥ 1,000 employees or ≥ 50 M revenue. */
  enterprise?: boolean;
  /** v3: critical urgency (an incident, an explicit urgency word, a date within days): the source's "urgencia CRÍTICA → P1". */
  critical?: boolean;
}

export const ENTERPRISE = { employees: 1_000, revenue: 50e6, budget: 100_000 } as const;

/** True when the opportunity is big: a high opportunity score or an enterprise account. */
export function isBigOpportunity(input: Pick<PriorityInput, 'opportunity' | 'enterprise'>): boolean {
  return input.opportunity >= THRESHOLDS.bigOpportunity || input.enterprise === true;
}

/**
 * P1 = SQL with an incident in progress, critical urgency or a big opportunity; other SQL P2.
 * MQL P2 when urgent or big, else P3. Nurture P3 when big, else P4. Disqualified P4.
 * Decision: Review is P3 — someone should look within a day, but it is not a hot lead.
 * v2: an incident (something broken now) makes an SQL P1 — the 1-hour SLA exists for it;
 * an enterprise account (≥ 1,000 employees or ≥ 50 M revenue) counts as big on its own.
 */
export function decidePriority(stage: Stage, urgencyOrInput: number | PriorityInput, opportunity = 0): Priority {
  const input: PriorityInput = typeof urgencyOrInput === 'number' ? { urgency: urgencyOrInput, opportunity } : urgencyOrInput;
  const big = isBigOpportunity(input);
  switch (stage) {
    case 'SQL':
      return input.urgency >= THRESHOLDS.veryHighUrgency || big || input.incident === true || input.critical === true ? 'P1' : 'P2';
    case 'MQL':
      return input.urgency >= THRESHOLDS.highUrgency || big ? 'P2' : 'P3';
    case 'Nurture':
      return big ? 'P3' : 'P4';
    case 'Review':
      return 'P3';
    default:
      return 'P4';
  }
}
