import type { Crm, LeadClassification, LeadFields, RecordType } from '../contracts';
import type { HistoryKind, HistoryOrigin, NewHistoryEntry } from './schema';

export interface HistoryFacts {
  crm: Crm;
  kind: HistoryKind;
  recordId: string;
  url: string;
  recordType: RecordType;
  input: LeadFields;
  result: LeadClassification;
  origin: HistoryOrigin;
  latencyMs: number;
  createdAt: number;
}

/** A history entry from what the lead service knows when it has a final result. */
export function historyEntryFrom(facts: HistoryFacts): NewHistoryEntry {
  return {
    createdAt: facts.createdAt,
    crm: facts.crm,
    kind: facts.kind,
    recordType: facts.recordType,
    recordId: facts.recordId,
    url: facts.url,
    input: facts.input,
    result: facts.result,
    source: facts.result.source,
    origin: facts.origin,
    latencyMs: facts.latencyMs,
    priority: facts.result.priority,
    stage: facts.result.stage,
  };
}
