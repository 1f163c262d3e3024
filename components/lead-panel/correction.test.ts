import { describe, expect, it } from 'vitest';
import { LeadFeedbackSchema } from '@/lib/contracts';
import { leadCorrectionEvent } from './correction';

const fixed = { newId: () => 'abc-123', now: () => new Date('2026-03-02T10:00:00Z') };

describe('leadCorrectionEvent', () => {
  it('records what the rep says beside what Pulso said', () => {
    const event = leadCorrectionEvent({ stage: 'SQL', priority: 'P1', reason: ' asked for a quote ' }, { stage: 'MQL', priority: 'P3' }, 'hubspot', fixed);
    expect(LeadFeedbackSchema.parse(event)).toEqual({
      kind: 'lead',
      eventId: 'lead-abc-123',
      stage: 'SQL',
      priority: 'P1',
      predictedStage: 'MQL',
      predictedPriority: 'P3',
      reason: 'asked for a quote',
      crm: 'hubspot',
      at: '2026-03-02T10:00:00.000Z',
    });
  });

  it('only what differs is a correction; nothing differing sends nothing', () => {
    expect(leadCorrectionEvent({ stage: 'MQL', priority: 'P2' }, { stage: 'MQL', priority: 'P3' }, 'salesforce', fixed)).toMatchObject({ priority: 'P2' });
    expect(leadCorrectionEvent({ stage: 'MQL', priority: 'P2' }, { stage: 'MQL', priority: 'P3' }, 'salesforce', fixed)).not.toHaveProperty('stage');
    expect(leadCorrectionEvent({ stage: 'MQL', priority: 'P3' }, { stage: 'MQL', priority: 'P3' }, 'salesforce', fixed)).toBeUndefined();
    expect(leadCorrectionEvent({}, { stage: 'MQL', priority: 'P3' }, 'salesforce', fixed)).toBeUndefined();
  });
});
