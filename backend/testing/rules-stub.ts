// TEMPORARY: stands in for lib/rules/index.ts in tests until the rules engine lands.
import type { CompanyProfile, Lead, LeadClassification } from '../../lib/contracts';

const INJECTION = /ignore (all )?previous instructions|system prompt|admin mode/i;

export function findInjection(text: string): { flagged: boolean; cleaned: string } {
  const flagged = INJECTION.test(text);
  return { flagged, cleaned: flagged ? text.replace(new RegExp(INJECTION.source, 'gi'), '[removed]') : text };
}

export function classifyLeadByRules(lead: Lead, profile: CompanyProfile): LeadClassification {
  const injected = Object.values(lead).some((v) => typeof v === 'string' && findInjection(v).flagged);
  const priority = injected ? 'P4' : 'P2';
  return {
    stage: injected ? 'Review' : 'MQL',
    priority,
    slaHours: profile.slaHours[priority],
    scores: { fit: 50, urgency: 50, opportunity: 50, dataQuality: 50 },
    contact: { seniority: 'UNKNOWN', roleType: 'UNKNOWN', decisionPower: 'LOW', emailType: 'CORPORATE' },
    summary: 'rules',
    detectedNeeds: [],
    matchedServices: [],
    nextSteps: [],
    recommendedOwner: 'SDR',
    rationale: 'rules',
    source: 'rules',
    flags: injected ? ['possible_injection'] : [],
    language: 'en',
  };
}
