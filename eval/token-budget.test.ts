import { describe, expect, it } from 'vitest';
import {
  JUDGE_BUDGET,
  LEAD_BUDGET,
  MEASURED_ANSWER_TOKENS,
  REASONING_ALLOWANCE_TOKENS,
  TRIAGE_BUDGET,
  campaignBudget,
  draftBudget,
} from '../lib/llm/output-budget';
import { loadProfile } from './dataset';
import { countTokens, measureCampaignTask, measureDraftTask, measureJudgeTask, measureLeadTask, measureTriageTask } from './token-budget';

// The caps in lib/llm/output-budget.ts quote these measurements: a prompt or schema change that
// makes answers longer than what was measured must update them (and docs/llm.md) — this fails until it does.
describe('output caps follow the measured answers', () => {
  const profile = loadProfile();

  it('counts with gpt-oss\'s tokenizer (o200k), page text with special-token spellings included', () => {
    expect(countTokens('{"stage":"SQL","priority":"P1"}')).toBe(10);
    expect(countTokens('<|im_start|>system')).toBeGreaterThan(3);
  });

  it('lead: the measured answers are what the cap was derived from, and fit twice in it after the analysis', () => {
    const lead = measureLeadTask(profile);
    expect(lead.answer.max).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.lead.max);
    expect(LEAD_BUDGET.maxTokens - REASONING_ALLOWANCE_TOKENS).toBeGreaterThanOrEqual(2 * lead.answer.max);
    expect(lead.prompt.max + LEAD_BUDGET.maxTokens).toBeLessThan(131_072);
  });

  it('triage: likewise', () => {
    const triage = measureTriageTask(profile);
    expect(triage.answer.max).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.triage.max);
    expect(TRIAGE_BUDGET.maxTokens - REASONING_ALLOWANCE_TOKENS).toBeGreaterThanOrEqual(2 * triage.answer.max);
  });

  it('draft: tokens per word and the rest of the answer within what the cap assumes, for the policy\'s maxWords', () => {
    const draft = measureDraftTask(profile);
    expect(draft.tokensPerWord.max).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.draftTokensPerWord.max);
    expect(draft.overhead.max).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.draftOverhead.max);
    const words = profile.replyPolicy.maxWords;
    expect(draftBudget(words).maxTokens - REASONING_ALLOWANCE_TOKENS).toBeGreaterThanOrEqual(Math.ceil(words * draft.tokensPerWord.max) + draft.overhead.max);
    expect(draftBudget(2 * words).maxTokens).toBeGreaterThan(draftBudget(words).maxTokens);
  });

  it('judge: the measured answers and the longest the schema admits fit twice in the cap after the analysis', () => {
    const judge = measureJudgeTask(profile);
    expect(judge.answer.max).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.judge.max);
    expect(judge.schemaMax).toBeLessThanOrEqual(MEASURED_ANSWER_TOKENS.judge.max);
    expect(JUDGE_BUDGET.maxTokens - REASONING_ALLOWANCE_TOKENS).toBeGreaterThanOrEqual(2 * Math.max(judge.answer.max, judge.schemaMax));
  });

  it('campaign: message tokens per word, the html markup and the rest of the answer within what the cap assumes', () => {
    const campaign = measureCampaignTask(profile);
    const m = MEASURED_ANSWER_TOKENS;
    expect(campaign.tokensPerWord.max).toBeLessThanOrEqual(m.campaignTokensPerWord.max);
    expect(campaign.overhead.max).toBeLessThanOrEqual(m.campaignOverhead.max);
    expect(campaign.htmlMarkup.max).toBeLessThanOrEqual(m.campaignHtmlMarkup.max);
    const words = profile.replyPolicy.maxWords;
    // The message and its html copy at the measured density, and everything else, fit after the analysis.
    expect(campaignBudget(words).maxTokens - REASONING_ALLOWANCE_TOKENS).toBeGreaterThanOrEqual(2 * Math.ceil(words * campaign.tokensPerWord.max) + campaign.htmlMarkup.max + campaign.overhead.max);
    expect(campaignBudget(2 * words).maxTokens).toBeGreaterThan(campaignBudget(words).maxTokens);
  });
});
