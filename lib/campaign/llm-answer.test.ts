import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CampaignSchema, type CampaignStep } from '../contracts';
import { CampaignStreamReader, type CampaignModelEvent } from '../llm/campaign-prompt';
import { gatherCampaignFacts } from './facts';
import { campaignFromLlmAnswer, campaignPromptInput, rescueCampaign, RESCUE_REASONS, stepsBeforeModel, streamedStep } from './llm-answer';
import { createCampaignHtmlSanitizer } from './sanitize-html';
import { EN_EVALUATING, IT_PROFILE, RICH_ES } from './test-fixtures';

const sanitize = createCampaignHtmlSanitizer(new JSDOM('').window as never);
const facts = gatherCampaignFacts(EN_EVALUATING, IT_PROFILE);

const ANSWER = {
  segment: 'evaluating',
  segmentReason: 'John is comparing providers and must decide this month.',
  suggestedProduct: 'Cloud migration',
  productReason: 'He wants to move the servers to the cloud.',
  subject: 'Your cloud move, decided this month',
  preheader: 'A plan for Northwind Retail',
  message: 'Hi John,\n\nYou told us Northwind Retail is choosing a partner to move its servers to the cloud this month. Our Cloud migration team can walk you through a plan built around your setup.\n\nWould a short call this week help?\n\nEquipo Nube Segura IT',
  callToAction: 'Book a call',
  html: '<p onclick="steal()">Hi John,</p><p>Our <strong>Cloud migration</strong> team can help.</p><img src="https://tracker.example/open.gif"><script>alert(1)</script>',
};

describe('the LLM campaign answer', () => {
  it('becomes a Campaign labelled llm: the glass-box steps, the product in the profile, the HTML sanitised', () => {
    const out = campaignFromLlmAnswer(ANSWER, facts, IT_PROFILE, { sanitize });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const c = out.campaign;
    expect(CampaignSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({ source: 'llm', segment: 'evaluating', suggestedProduct: 'Cloud migration', language: 'en' });
    expect(c.steps.map((s) => s.name)).toEqual(['read', 'enrich', 'reason', 'write']);
    expect(c.steps[2]!.detail).toMatch(/^Segment: evaluating — John is comparing/);
    expect(c.html).toBe('<p>Hi John,</p><p>Our <strong>Cloud migration</strong> team can help.</p>');
    expect(c.flags).toContain('html_sanitized');
    expect(c.flags!.find((f) => f.startsWith('html_removed:'))).toMatch(/onclick|script|img:remote/);
  });

  it('a product the profile does not have is replaced by the best profile match, and flagged', () => {
    const out = campaignFromLlmAnswer({ ...ANSWER, suggestedProduct: 'Premium cloud migration package' }, facts, IT_PROFILE, { sanitize });
    expect(out.ok && out.campaign.suggestedProduct).toBe('Cloud migration');
    expect(out.ok && out.campaign.flags).toContain('product_replaced');
    expect(out.ok && out.campaign.steps[2]!.detail).toMatch(/The model proposed "Premium cloud migration package", which is not in the profile; replaced by "Cloud migration"/);
    const invented = campaignFromLlmAnswer({ ...ANSWER, suggestedProduct: 'Quantum ledger audit' }, facts, IT_PROFILE, { sanitize });
    expect(invented.ok && IT_PROFILE.services).toContain(invented.ok && invented.campaign.suggestedProduct);
  });

  it('HTML that states a number the text does not, or no sanitiser at all, gives way to the text rendered by Pulso', () => {
    const foreign = campaignFromLlmAnswer({ ...ANSWER, html: '<p>Hi John, 50% off this week only!</p>' }, facts, IT_PROFILE, { sanitize });
    expect(foreign.ok && foreign.campaign.html).toMatch(/^<div lang="en"/);
    expect(foreign.ok && foreign.campaign.flags).toContain('html_rendered');
    const unsanitised = campaignFromLlmAnswer(ANSWER, facts, IT_PROFILE);
    expect(unsanitised.ok && unsanitised.campaign.html).not.toMatch(/onclick|script|tracker/);
    expect(unsanitised.ok && unsanitised.campaign.flags).toContain('html_rendered');
    const empty = campaignFromLlmAnswer({ ...ANSWER, html: '' }, facts, IT_PROFILE, { sanitize });
    expect(empty.ok && empty.campaign.html).toContain('Our Cloud migration team can walk you through');
  });

  it('too long → cut to maxWords and flagged; wrong language or a broken answer → not used', () => {
    const long = campaignFromLlmAnswer({ ...ANSWER, message: `Hi John,\n\n${'We can help with your cloud migration plan. '.repeat(40)}` }, facts, IT_PROFILE, { sanitize });
    expect(long.ok && long.campaign.flags).toContain('truncated_to_max_words');
    expect(campaignFromLlmAnswer({ ...ANSWER, message: 'Hola John,\n\nSabemos que estás comparando proveedores para migrar tus servidores a la nube este mes y podemos ayudarte con un plan a tu medida.' }, facts, IT_PROFILE)).toMatchObject({ ok: false, reason: 'wrong_language' });
    expect(campaignFromLlmAnswer({ ...ANSWER, segment: 'vip' }, facts, IT_PROFILE)).toMatchObject({ ok: false, reason: 'invalid_answer' });
    expect(campaignFromLlmAnswer({ subject: 'x' }, facts, IT_PROFILE)).toMatchObject({ ok: false, reason: 'invalid_answer' });
    expect(campaignFromLlmAnswer('{"segment":"hot"', facts, IT_PROFILE)).toMatchObject({ ok: false, reason: 'invalid_answer' });
  });

  it('every failure has a rescue: the pre-approved template at once, labelled with why', () => {
    const spanish = gatherCampaignFacts(RICH_ES, IT_PROFILE);
    for (const reason of RESCUE_REASONS) {
      const c = rescueCampaign(spanish, IT_PROFILE, reason);
      expect(CampaignSchema.safeParse(c).success).toBe(true);
      expect(c).toMatchObject({ source: 'rules', rescue: true, language: 'es', segment: 'hot' });
      expect(c.flags).toContain(`rescue:${reason}`);
    }
  });

  it("the prompt's input carries the rules' segment and product as the baseline", () => {
    expect(campaignPromptInput(facts, IT_PROFILE)).toMatchObject({ language: 'en', baseline: { segment: 'evaluating', product: 'Cloud migration' } });
    expect(stepsBeforeModel(facts).map((s) => s.name)).toEqual(['read', 'enrich']);
  });
});

describe('streamed steps', () => {
  it('shows the reasoning and the subject as soon as the model has written them, the product checked', () => {
    const events: CampaignModelEvent[] = [];
    const reader = new CampaignStreamReader((e) => events.push(e));
    const json = JSON.stringify({ ...ANSWER, suggestedProduct: 'cloud migration services' });
    const afterSubject = json.indexOf('"preheader"');
    for (const ch of json.slice(0, afterSubject)) reader.push(ch);
    expect(events.map((e) => e.kind)).toEqual(['segment', 'product', 'subject']);
    for (const ch of json.slice(afterSubject)) reader.push(ch);
    expect(events).toHaveLength(3);
    expect(reader.readable).toBe(true);
    const steps: CampaignStep[] = events.map((e) => streamedStep(e, facts, IT_PROFILE));
    expect(steps.map((s) => s.name)).toEqual(['reason', 'reason', 'write']);
    expect(steps[0]!.detail).toBe('Segment: evaluating — John is comparing providers and must decide this month.');
    expect(steps[1]!.detail).toMatch(/^Product: Cloud migration — He wants to move/);
    expect(steps[2]!.detail).toBe('Subject: Your cloud move, decided this month');
  });

  it('a stream that is not one JSON object reports nothing (the final parse decides)', () => {
    const events: CampaignModelEvent[] = [];
    const reader = new CampaignStreamReader((e) => events.push(e));
    reader.push('Sure! Here is the campaign: {"segment":"hot","segmentReason":"x"}');
    expect(events).toEqual([]);
    expect(reader.readable).toBe(false);
  });
});
