import { describe, expect, it } from 'vitest';
import { JudgeScoreSchema, type Conversation, type ConversationTriage, type DraftStrategy } from '../contracts';
import { draftReplyByRules } from '../rules/drafts/index';
import { SHOP, conv, triage as makeTriage } from '../rules/drafts/test-fixtures';
import { judgeDraftByRules, safetyRulesOf, situationOf } from './judge';
import { judgeReward } from './reward';

function judge(c: Conversation, t: ConversationTriage, strategy: DraftStrategy, text?: string) {
  const draft = draftReplyByRules(c, SHOP, { strategy, triage: t, ...(text ? { previousText: text } : {}) });
  return judgeDraftByRules({ draft, triage: t, conversation: c, profile: SHOP });
}

const COMPLAINT = conv([['in', 'Mi pedido llegó roto y nadie me responde. Estoy muy enfadada.']], { billingLevel: 'high' });
const ANGRY = makeTriage({ intent: 'complaint', sentiment: -0.7, conformity: 'low', language: 'es', retention: { quadrant: 'retain', actions: [] } });
const QUESTION = conv([['in', 'Hi! Do you have the Router WiFi 6 in stock?']]);
const ASKING = makeTriage({ intent: 'inventory', sentiment: 0.2, conformity: 'high', language: 'en' });

describe('rules judge', () => {
  it('answers the JudgeScore contract, in the conversation language, deterministically', () => {
    const a = judge(COMPLAINT, ANGRY, 'compensation');
    expect(JudgeScoreSchema.parse(a)).toEqual(a);
    expect(a.source).toBe('rules');
    expect(a.rationale).toMatch(/^Compensación encaja con un cliente insatisfecho; sin problemas de seguridad\.$/);
    expect(judge(COMPLAINT, ANGRY, 'compensation')).toEqual(a);
    expect(judge(QUESTION, ASKING, 'technical').rationale).toBe("Technical fits a customer's question; no safety issues.");
  });

  it('scores a strategy that fits the situation above one that does not', () => {
    expect(judge(COMPLAINT, ANGRY, 'compensation').npsExpected).toBeGreaterThan(judge(COMPLAINT, ANGRY, 'follow_up').npsExpected);
    expect(judge(COMPLAINT, ANGRY, 'empathetic').npsExpected).toBeGreaterThan(judge(COMPLAINT, ANGRY, 'technical').npsExpected);
    expect(judge(QUESTION, ASKING, 'technical').npsExpected).toBeGreaterThan(judge(QUESTION, ASKING, 'compensation').npsExpected);
    const human = makeTriage({ intent: 'human', escalate: true, language: 'en' });
    const wantsPerson = conv([['in', 'I want to talk to a person now']]);
    expect(judgeReward(judge(wantsPerson, human, 'escalate'))).toBeGreaterThan(judgeReward(judge(wantsPerson, human, 'technical')));
    expect(judge(wantsPerson, human, 'follow_up').rationale).toMatch(/poor fit for a conversation that needs a person/);
  });

  it('an unhappy customer is more likely to churn than a happy one', () => {
    expect(judge(COMPLAINT, ANGRY, 'empathetic').churnProb).toBeGreaterThan(judge(QUESTION, ASKING, 'technical').churnProb);
  });

  it('each safety issue costs: a draft that blames and over-promises scores lower and says why', () => {
    const clean = judge(QUESTION, ASKING, 'technical');
    const bad = judge(QUESTION, ASKING, 'technical', 'Hi, it is your fault, you should have read the manual. We guarantee it will never happen again.');
    expect(bad.npsExpected).toBeLessThan(clean.npsExpected - 2);
    expect(bad.churnProb).toBeGreaterThan(clean.churnProb);
    expect(bad.rationale).toMatch(/safety issues \(.*no_blame.*no_impossible_promises.*\)/);
  });

  it('keeps every figure in range, even for an empty draft to an angry customer', () => {
    const empty = judgeDraftByRules({
      draft: { strategy: 'follow_up', text: '', safety: { ok: false, issues: ['empty: the draft is empty', 'next_step: no next step', 'apology: none'] } },
      triage: makeTriage({ intent: 'complaint', sentiment: -1, conformity: 'low' }),
      conversation: COMPLAINT,
      profile: SHOP,
    });
    expect(JudgeScoreSchema.safeParse(empty).success).toBe(true);
    expect(empty.npsExpected).toBe(0);
  });

  it('reads the situation: escalation, quiet customer, unhappy, question', () => {
    expect(situationOf(makeTriage({ escalate: true }), QUESTION)).toBe('escalation');
    expect(situationOf(ASKING, conv([['in', 'Where is my order?'], ['out', 'It ships tomorrow.']]))).toBe('quiet');
    expect(situationOf(ANGRY, COMPLAINT)).toBe('unhappy');
    expect(situationOf(ASKING, QUESTION)).toBe('question');
    expect(safetyRulesOf(['no_blame: x', 'made_up: y', 'max_words: z'])).toEqual(['no_blame', 'max_words']);
  });
});
