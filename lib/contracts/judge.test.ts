import { describe, expect, it } from 'vitest';
import { DraftFeedbackSchema, ReplyDraftSchema } from './index';

const DRAFT = { strategy: 'technical', language: 'en', text: 'Hello', safety: { ok: true, issues: [] }, source: 'llm' } as const;
const JUDGE = { npsExpected: 8, engagementProb: 0.6, churnProb: 0.1, rationale: 'Clear next step.' };

describe('one judge scale (NPS 0–10) in every contract', () => {
  it('a draft keeps a judge on 0–10, with or without who judged', () => {
    expect(ReplyDraftSchema.parse({ ...DRAFT, judge: JUDGE }).judge).toEqual(JUDGE);
    expect(ReplyDraftSchema.parse({ ...DRAFT, judge: { ...JUDGE, source: 'rules' } }).judge?.source).toBe('rules');
  });

  it('a judge off the scale (an older self-judge said -100…100) is dropped, the draft kept', () => {
    for (const npsExpected of [40, -20, 10.5]) {
      const parsed = ReplyDraftSchema.safeParse({ ...DRAFT, judge: { ...JUDGE, npsExpected } });
      expect(parsed.success).toBe(true);
      expect(parsed.data?.judge).toBeUndefined();
      expect(parsed.data?.text).toBe('Hello');
    }
  });

  it('feedback carrying a reading off the scale is refused, naming the field', () => {
    const event = { kind: 'draft', eventId: 'evt-judge-0001', strategy: 'technical', intent: 'other', segment: 'unknown', outcome: 'inserted' };
    expect(DraftFeedbackSchema.safeParse({ ...event, judge: { npsExpected: 8, engagementProb: 0.5, churnProb: 0.2, source: 'llm' } }).success).toBe(true);
    const bad = DraftFeedbackSchema.safeParse({ ...event, judge: { npsExpected: 40, engagementProb: 0.5, churnProb: 0.2, source: 'llm' } });
    expect(bad.error?.issues[0]?.path).toEqual(['judge', 'npsExpected']);
  });
});
