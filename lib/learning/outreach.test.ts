import { describe, expect, it } from 'vitest';
import { OutreachCandidateSchema, type OutreachCandidate } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { SHOP } from '../rules/drafts/test-fixtures';
import { describeOutreachReason, OUTREACH_INTENT, outreachMessage, rankOutreach, scoreOutreach } from './outreach';
import { feedbackDelta, PolicyModel } from './policy';

const c = (id: string, extra: Partial<OutreachCandidate> = {}): OutreachCandidate => OutreachCandidateSchema.parse({ id, ...extra });

describe('outreach ranking', () => {
  it('puts a valuable unhappy customer with open issues and a long silence first, a happy recent one last', () => {
    const ranked = rankOutreach([
      c('happy-recent', { billingLevel: 'high', conformity: 'high', daysSinceContact: 3, openIssues: 0 }),
      c('at-risk', { billingLevel: 'high', conformity: 'low', daysSinceContact: 90, openIssues: 2 }),
      c('low-value-at-risk', { billingLevel: 'low', conformity: 'low', daysSinceContact: 90, openIssues: 2 }),
      c('unknown'),
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['at-risk', 'low-value-at-risk', 'unknown', 'happy-recent']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    for (const r of ranked) expect(r.score >= 0 && r.score <= 100).toBe(true);
  });

  it('each factor raises the score on its own', () => {
    const base = c('x', { billingLevel: 'low', conformity: 'high', daysSinceContact: 5, openIssues: 0 });
    const s = (extra: Partial<OutreachCandidate>) => scoreOutreach({ ...base, ...extra }).score;
    expect(s({ daysSinceContact: 60 })).toBeGreaterThan(s({}));
    expect(s({ openIssues: 1 })).toBeGreaterThan(s({}));
    expect(s({ openIssues: 3 })).toBeGreaterThan(s({ openIssues: 1 }));
    expect(s({ billingLevel: 'high' })).toBeGreaterThan(s({}));
    expect(s({ conformity: 'low' })).toBeGreaterThan(s({}));
  });

  it('counts what the page does not show as middling risk, never as safe', () => {
    expect(scoreOutreach(c('x')).score).toBeGreaterThan(scoreOutreach(c('y', { daysSinceContact: 0, conformity: 'high', billingLevel: 'low' })).score);
  });

  it('says why, the strongest reason first', () => {
    const r = scoreOutreach(c('x', { billingLevel: 'high', conformity: 'low', daysSinceContact: 120, openIssues: 3 }));
    expect(r.segment).toBe('retain');
    expect(r.reasons[0]).toEqual({ code: 'open_issues', count: 3 });
    expect(r.reasons).toContainEqual({ code: 'silence', days: 120 });
    expect(r.reasons).toContainEqual({ code: 'segment', segment: 'retain' });
    expect(r.reasons.at(-1)).toEqual({ code: 'billing_high' });
    expect(scoreOutreach(c('y')).reasons).toContainEqual({ code: 'silence_unknown' });
    expect(scoreOutreach(c('z', { openIssues: 0, daysSinceContact: 1, conformity: 'high' })).reasons.some((x) => x.code === 'open_issues')).toBe(false);
  });

  it('reads the reasons out in Spanish and English', () => {
    const r = scoreOutreach(c('x', { billingLevel: 'high', conformity: 'low', daysSinceContact: 120, openIssues: 3 }));
    expect(r.reasons.map((x) => describeOutreachReason(x, 'es'))).toEqual([
      'Incidencias abiertas: 3',
      'Segmento: Retener',
      '120 días desde el último contacto',
      'Nivel de facturación alto',
    ]);
    expect(describeOutreachReason({ code: 'segment', segment: 'unhappy' }, 'en')).toBe('Segment: Unhappy (billing unknown)');
  });

  it('is stable for ties (by id)', () => {
    expect(rankOutreach([c('b'), c('a'), c('c')]).map((r) => r.candidate.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('outreach message', () => {
  const candidate = c('x', { name: 'Laura Pérez', billingLevel: 'high', conformity: 'low', daysSinceContact: 45, openIssues: 2, language: 'es' });

  it("uses the strategy the policy prefers for the customer's segment", () => {
    const model = new PolicyModel();
    for (let i = 0; i < 30; i++) {
      model.add(feedbackDelta({ kind: 'draft', eventId: `e-empathetic-${i}`, segment: 'retain', intent: OUTREACH_INTENT, strategy: 'escalate', outcome: 'inserted' })!);
      model.add(feedbackDelta({ kind: 'draft', eventId: `e-follow-${i}`, segment: 'retain', intent: OUTREACH_INTENT, strategy: 'follow_up', outcome: 'discarded' })!);
    }
    const out = outreachMessage(candidate, DEMO_PROFILE, model);
    expect(out).toMatchObject({ strategy: 'escalate', segment: 'retain' });
    expect(out.draft.strategy).toBe('escalate');
    expect(out.draft.text).toMatch(/^Hola Laura,/);
    expect(out.draft.text).toMatch(/2 incidencias abiertas/);
    expect(out.draft.safety.ok).toBe(true);
  });

  it('never picks compensation when the policy allows none', () => {
    const model = new PolicyModel();
    for (let i = 0; i < 30; i++) model.add(feedbackDelta({ kind: 'draft', eventId: `e-comp-${i}`, segment: 'retain', intent: OUTREACH_INTENT, strategy: 'compensation', outcome: 'inserted' })!);
    expect(outreachMessage(candidate, DEMO_PROFILE, model).strategy).toBe('compensation');
    const noCoupons = { ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxCompensation: 0 } };
    expect(outreachMessage(candidate, noCoupons, model).strategy).not.toBe('compensation');
  });
});
