import type { LeadClassification } from '../contracts';
import type { NewHistoryEntry } from './schema';

/** Test data for the history specs. */
export const sampleResult: LeadClassification = {
  stage: 'SQL',
  priority: 'P1',
  slaHours: 1,
  scores: { fit: 80, urgency: 90, opportunity: 60, dataQuality: 85 },
  contact: { seniority: 'C_LEVEL', roleType: 'TECH_DECISION_MAKER', decisionPower: 'HIGH', emailType: 'CORPORATE' },
  summary: 'Hot lead',
  detectedNeeds: [],
  matchedServices: [],
  nextSteps: [],
  recommendedOwner: 'AE',
  rationale: 'r',
  source: 'llm',
  flags: [],
};

export function sampleEntry(overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  const result = { ...sampleResult, ...overrides.result };
  return {
    createdAt: 1_000,
    crm: 'hubspot',
    kind: 'record',
    recordType: 'contact',
    recordId: '101',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/101',
    input: { fullName: 'María González', company: 'Metalúrgica Andina', email: 'maria@andina.com.ar' },
    source: result.source,
    origin: 'backend',
    latencyMs: 420,
    priority: result.priority,
    stage: result.stage,
    ...overrides,
    result,
  };
}
