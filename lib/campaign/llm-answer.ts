import { CampaignSchema, type Campaign, type CampaignStep, type CampaignTemplates, type CompanyProfile } from '../contracts';
import { CampaignLlmAnswerSchema, type CampaignPromptInput, type CampaignModelEvent } from '../llm/campaign-prompt';
import { countWords, truncateWords } from '../rules/drafts/index';
import { detectLanguage } from '../text/language';
import { cleanText } from '../text/normalize';
import type { CampaignFacts } from './facts';
import { campaignFromFacts, enrichStep, missingOf, readStep } from './generate';
import { renderCampaignHtml } from './html';
import { campaignPhrases } from './phrases';
import { reconcileProduct, suggestProduct } from './product';
import type { HtmlSanitizer } from './sanitize-html';
import { decideCampaignSegment } from './segment';

/**
 * The LLM path's pure pieces (the gateway calls the model between them): what the prompt is
 * given, the steps shown before and while the model writes, the model's answer checked and
 * turned into a Campaign, and the rescue when anything fails.
 */

/** The user message's input: the facts, and the rules' segment and product as a grounded baseline. */
export function campaignPromptInput(facts: CampaignFacts, profile: CompanyProfile): CampaignPromptInput {
  return {
    lead: facts.lead,
    timeline: facts.timeline,
    dealStage: facts.dealStage,
    classification: facts.classification,
    language: facts.language,
    baseline: { segment: decideCampaignSegment(facts).segment, product: suggestProduct(facts, profile).name },
  };
}

/** The steps known before the model answers (read, enrich): the panel shows them at once. */
export function stepsBeforeModel(facts: CampaignFacts): CampaignStep[] {
  return [readStep(facts), enrichStep(facts)];
}

const label = (language: 'es' | 'en', es: string, en: string) => (language === 'es' ? es : en);

/** A streamed event as the glass-box step the panel shows (the product already checked against the profile). */
export function streamedStep(event: CampaignModelEvent, facts: CampaignFacts, profile: CompanyProfile): CampaignStep {
  const lang = facts.language;
  switch (event.kind) {
    case 'segment':
      return { name: 'reason', detail: `${label(lang, 'Segmento', 'Segment')}: ${cleanText(event.segment).slice(0, 40)} — ${cleanText(event.reason).slice(0, 400)}` };
    case 'product': {
      const { choice, replaced } = reconcileProduct(event.product, facts, profile);
      const p = campaignPhrases(lang);
      return {
        name: 'reason',
        detail: `${label(lang, 'Producto', 'Product')}: ${choice.name} — ${cleanText(event.reason).slice(0, 400)}${replaced ? ` ${p.productReplaced(cleanText(event.product).slice(0, 100), choice)}` : ''}`,
      };
    }
    case 'subject':
      return { name: 'write', detail: `${label(lang, 'Asunto', 'Subject')}: ${cleanText(event.subject).slice(0, 200)}` };
  }
}

export type LlmCampaignOutcome = { ok: true; campaign: Campaign } | { ok: false; reason: 'invalid_answer' | 'wrong_language'; detail: string };

const oneLine = (text: string, max: number) => cleanText(text).replace(/\s+/g, ' ').trim().slice(0, max);
const numbersIn = (text: string) => new Set(text.match(/\d+(?:[.,]\d+)?/g) ?? []);

/**
 * The model's HTML, sanitised — or the message rendered by Pulso's own template when there is
 * none, no sanitiser, nothing left after sanitising, or a number in it the text does not have
 * (the HTML must be the same email, not a second one with its own facts).
 */
function campaignHtml(answerHtml: string, text: { subject: string; preheader: string; message: string; callToAction: string; language: 'es' | 'en' }, sanitize: HtmlSanitizer | undefined): { html: string; flags: string[] } {
  const rendered = renderCampaignHtml(text);
  if (!answerHtml.trim()) return { html: rendered, flags: [] };
  if (!sanitize) return { html: rendered, flags: ['html_rendered'] };
  const clean = sanitize(answerHtml);
  const visible = cleanText(clean.html);
  const known = numbersIn(`${text.subject} ${text.preheader} ${text.message} ${text.callToAction}`);
  const foreignNumber = [...numbersIn(visible)].some((n) => !known.has(n));
  if (!visible.trim() || clean.html.length > 50_000 || foreignNumber) return { html: rendered, flags: ['html_rendered'] };
  return { html: clean.html, flags: clean.removed.length ? ['html_sanitized', `html_removed:${clean.removed.slice(0, 6).join(',')}`.slice(0, 100)] : [] };
}

/**
 * The model's answer as a Campaign (source "llm"), or why it cannot be used (the caller then
 * sends the rescue): the schema, the language, the product (replaced by the best profile match
 * and flagged when the profile does not have it), the length, the HTML (sanitised).
 */
export function campaignFromLlmAnswer(answer: unknown, facts: CampaignFacts, profile: CompanyProfile, options: { sanitize?: HtmlSanitizer } = {}): LlmCampaignOutcome {
  const parsed = CampaignLlmAnswerSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, reason: 'invalid_answer', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300) };
  const a = parsed.data;
  const lang = facts.language;
  let message = cleanText(a.message).replace(/[ \t]+\n/g, '\n').trim();
  if (countWords(message) >= 20 && detectLanguage(message) !== lang) return { ok: false, reason: 'wrong_language', detail: `expected ${lang}` };
  const maxWords = profile.replyPolicy.maxWords;
  const truncated = countWords(message) > maxWords;
  if (truncated) message = truncateWords(message, maxWords);
  const text = { subject: oneLine(a.subject, 300), preheader: oneLine(a.preheader, 300), message, callToAction: oneLine(a.callToAction, 300), language: lang };
  const { choice, replaced } = reconcileProduct(a.suggestedProduct, facts, profile);
  const html = campaignHtml(a.html, text, options.sanitize);
  const p = campaignPhrases(lang);
  const segmentReason = oneLine(a.segmentReason, 400);
  const productReason = oneLine(a.productReason, 400);
  const reason: CampaignStep = {
    name: 'reason',
    detail: [
      `${label(lang, 'Segmento', 'Segment')}: ${a.segment} — ${segmentReason}`,
      `${label(lang, 'Producto', 'Product')}: ${choice.name} — ${productReason}`,
      ...(replaced ? [p.productReplaced(oneLine(a.suggestedProduct, 100), choice)] : []),
    ].join(' '),
  };
  const write: CampaignStep = { name: 'write', detail: [p.modelWrote(Math.min(countWords(message), maxWords), maxWords), ...(truncated ? [p.truncated(maxWords)] : [])].join(' ') };
  const decision = decideCampaignSegment(facts);
  const campaign: Campaign = {
    segment: a.segment,
    suggestedProduct: choice.name,
    ...text,
    html: html.html,
    rationale: `${segmentReason} ${productReason}${replaced ? ` ${p.productReplaced(oneLine(a.suggestedProduct, 100), choice)}` : ''}`.trim().slice(0, 2_000),
    steps: [readStep(facts), enrichStep(facts), reason, write],
    source: 'llm',
    missing: missingOf(facts, { ...decision, missing: a.segment === 'needs_info' ? decision.missing : [] }),
    flags: [
      ...(facts.injection ? ['possible_injection'] : []),
      ...(replaced ? ['product_replaced'] : []),
      ...(truncated ? ['truncated_to_max_words'] : []),
      ...html.flags,
    ],
  };
  const checked = CampaignSchema.safeParse(campaign);
  return checked.success ? { ok: true, campaign: checked.data } : { ok: false, reason: 'invalid_answer', detail: checked.error.issues[0]?.message ?? 'invalid campaign' };
}

/**
 * Why a campaign is a rescue: the model was unreachable or refused (429, 5xx), too slow, or
 * answered something unusable. The rep gets the pre-approved template at once, labelled.
 */
export const RESCUE_REASONS = ['unavailable', 'rate_limited', 'timeout', 'invalid_answer', 'wrong_language', 'aborted'] as const;
export type RescueReason = (typeof RESCUE_REASONS)[number];

export function rescueCampaign(facts: CampaignFacts, profile: CompanyProfile, reason: RescueReason, templates?: CampaignTemplates): Campaign {
  return campaignFromFacts(facts, profile, { rescue: { reason }, templates });
}
