import { CampaignSchema, LEAD_FIELDS, type Campaign, type CampaignStep, type CampaignTemplates, type CompanyProfile, type LeadField } from '../contracts';
import { countWords, firstNameOf, policyFormal, toFormal, truncateWords } from '../rules/drafts/index';
import { phrases as draftPhrases } from '../rules/drafts/templates';
import { cleanText } from '../text/normalize';
import { gatherCampaignFacts, type CampaignFacts, type CampaignInput } from './facts';
import { renderCampaignHtml } from './html';
import { campaignPhrases, joinList, type CampaignPhrases } from './phrases';
import { suggestProduct, type ProductChoice } from './product';
import { decideCampaignSegment, type SegmentDecision } from './segment';
import { campaignTemplate, fillTemplate, type SlotValues } from './templates';

/**
 * The rules campaign: read → enrich → reason → write, each step a line of the glass box whose
 * facts come from the page or the profile. Used directly in rules mode, and as the rescue when
 * the LLM fails (`rescue`), so the rep always gets a campaign. Pure and fast (no I/O).
 */
export interface CampaignOptions {
  /** The admin's templates (defaults where they leave a segment or language out); default: the profile's `campaignTemplates`. */
  templates?: CampaignTemplates;
  /** This campaign rescues a failed LLM call; the reason goes into the flags (`rescue:<reason>`). */
  rescue?: { reason: string };
}

const STEP_MAX = 2_000;
const bound = (text: string, max = STEP_MAX) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const short = (text: string, max: number) => {
  const t = cleanText(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Fields whose value the read step repeats (short, and useful to see); the others are named only. */
const SHOWN_VALUES = new Set<LeadField>(['fullName', 'jobTitle', 'company', 'industry', 'location', 'companySize', 'annualRevenue', 'status', 'source']);

export function readStep(facts: CampaignFacts, p: CampaignPhrases = campaignPhrases(facts.language)): CampaignStep {
  if (!facts.fieldsRead.length) return { name: 'read', detail: p.readNothing };
  const fields = facts.fieldsRead.map((f) => {
    const value = facts.lead[f];
    if (f === 'description') return `${p.fieldNames[f]} (${countWords(String(value))} ${facts.language === 'es' ? 'palabras' : 'words'})`;
    return SHOWN_VALUES.has(f) && value !== undefined ? `${p.fieldNames[f]} (${short(String(value), 40)})` : p.fieldNames[f];
  });
  const missing = facts.fieldsMissing.filter((f) => f !== 'owner' && f !== 'source' && f !== 'status').map((f) => p.fieldNames[f]);
  return { name: 'read', detail: bound(p.read(fields, missing)) };
}

export function enrichStep(facts: CampaignFacts, p: CampaignPhrases = campaignPhrases(facts.language)): CampaignStep {
  const parts = [
    facts.timeline.length
      ? p.timeline(
          facts.timeline.map((t) => {
            const text = short(t.text, 70).replace(/[.;:,]+$/, '');
            return `${t.kind}${t.date ? ` ${t.date}` : ''}: ${facts.language === 'es' ? `«${text}»` : `"${text}"`}`;
          }),
          facts.timelineTotal,
        )
      : p.noTimeline,
    ...(facts.dealStage && facts.dealPhase ? [p.dealStage(facts.dealStage, facts.dealPhase)] : []),
    p.classification(facts.classification.stage, facts.classification.priority, facts.classificationSource),
    facts.needs.length ? p.needs(facts.needs) : p.noNeeds,
    ...(facts.injection ? [p.injection] : []),
  ];
  return { name: 'enrich', detail: bound(parts.join(' ')) };
}

export function reasonStep(facts: CampaignFacts, decision: SegmentDecision, product: ProductChoice, extra: string[] = []): CampaignStep {
  const p = campaignPhrases(facts.language);
  const missing = decision.missing.map((f) => p.missingPiece[f] ?? p.fieldNames[f]);
  return { name: 'reason', detail: bound([p.segment(decision.segment, decision.why, missing), p.product(product), ...extra].join(' ')) };
}

/** Mid-sentence form of a need label ("Migración a la nube" → "migración a la nube"; "ERP / CRM" stays). */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The slot values of a campaign: from the record and the profile, a neutral wording where the record is silent. */
export function slotValues(facts: CampaignFacts, decision: SegmentDecision, product: ProductChoice, profile: CompanyProfile, options: { followUp?: boolean } = {}): SlotValues {
  const p = campaignPhrases(facts.language);
  const firstName = firstNameOf(facts.lead.fullName ?? '');
  const company = short(facts.lead.company ?? '', 80);
  const industry = short(facts.lead.industry ?? '', 60);
  const missing = decision.missing.map((f) => p.missingPiece[f]).filter((x): x is string => !!x);
  const last = facts.timeline[0];
  const sender = short(profile.name, 100);
  return {
    greeting: p.greeting(firstName),
    firstName,
    company: company || p.fallback.company,
    product: product.name || p.fallback.product,
    need: facts.needs[0] ? inSentence(facts.needs[0]) : p.fallback.need,
    industry: industry || p.fallback.industry,
    sender,
    signature: short(profile.replyPolicy.signature, 300) || draftPhrases(facts.language).signature(sender),
    missing: missing.length ? joinList(missing, facts.language) : p.fallback.missingAny,
    followUp: options.followUp === false || !last ? '' : p.followUp(last.kind),
  };
}

/** The four texts of a campaign, in the policy's tone, within its maxWords (dropping the follow-up sentence first, then cutting). */
export function writeCampaignText(facts: CampaignFacts, decision: SegmentDecision, product: ProductChoice, profile: CompanyProfile, templates?: CampaignTemplates) {
  const template = campaignTemplate(decision.segment, facts.language, templates);
  const formal = policyFormal(profile);
  const render = (followUp: boolean) => {
    const values = slotValues(facts, decision, product, profile, { followUp });
    const fill = (text: string) => {
      const filled = fillTemplate(text, values);
      return formal ? toFormal(filled, facts.language) : filled;
    };
    return { subject: fill(template.subject), preheader: fill(template.preheader), message: fill(template.body), callToAction: fill(template.callToAction) };
  };
  const maxWords = profile.replyPolicy.maxWords;
  let text = render(true);
  if (countWords(text.message) > maxWords) text = render(false);
  const truncated = countWords(text.message) > maxWords;
  if (truncated) text = { ...text, message: truncateWords(text.message, maxWords) };
  return { ...text, formal, truncated, templateKey: `${decision.segment}/${facts.language}` };
}

/** What the record lacked: the pieces the campaign asks for, and the name when the greeting had to do without. */
export function missingOf(facts: CampaignFacts, decision: SegmentDecision): string[] {
  const missing: string[] = [...decision.missing];
  if (!firstNameOf(facts.lead.fullName ?? '')) missing.push('fullName');
  return [...new Set(missing)].filter((f) => (LEAD_FIELDS as readonly string[]).includes(f)).slice(0, 20);
}

export function generateCampaignByRules(input: CampaignInput, profile: CompanyProfile, options: CampaignOptions = {}): Campaign {
  const facts = gatherCampaignFacts(input, profile);
  return campaignFromFacts(facts, profile, options);
}

/** The rules campaign from facts already gathered (the LLM path gathers them once for the prompt and the rescue). */
export function campaignFromFacts(facts: CampaignFacts, profile: CompanyProfile, options: CampaignOptions = {}): Campaign {
  const p = campaignPhrases(facts.language);
  const decision = decideCampaignSegment(facts);
  const product = suggestProduct(facts, profile);
  const text = writeCampaignText(facts, decision, product, profile, options.templates ?? profile.campaignTemplates);
  const reason = reasonStep(facts, decision, product);
  const words = countWords(text.message);
  const write: CampaignStep = {
    name: 'write',
    detail: bound([p.write(text.templateKey, Math.min(words, profile.replyPolicy.maxWords), profile.replyPolicy.maxWords, profile.replyPolicy.tone, text.formal), ...(text.truncated ? [p.truncated(profile.replyPolicy.maxWords)] : [])].join(' ')),
  };
  const flags = [
    ...(options.rescue ? [`rescue:${options.rescue.reason}`.slice(0, 100)] : []),
    ...(facts.injection ? ['possible_injection'] : []),
    ...(product.basis === 'first_listed' ? ['product_first_listed'] : []),
    ...(product.kind === 'none' ? ['no_product_in_profile'] : []),
    ...(text.truncated ? ['truncated_to_max_words'] : []),
  ];
  const campaign: Campaign = {
    segment: decision.segment,
    suggestedProduct: product.name,
    subject: short(text.subject, 300),
    preheader: short(text.preheader, 300),
    message: text.message.slice(0, 8_000),
    html: renderCampaignHtml({ ...text, language: facts.language }),
    callToAction: short(text.callToAction, 300),
    rationale: bound(reason.detail),
    steps: [readStep(facts, p), enrichStep(facts, p), reason, write],
    language: facts.language,
    source: 'rules',
    ...(options.rescue ? { rescue: true } : {}),
    missing: missingOf(facts, decision),
    flags,
  };
  return CampaignSchema.parse(campaign);
}
