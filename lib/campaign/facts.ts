import {
  LEAD_FIELDS,
  TimelineItemSchema,
  type CampaignContextInput,
  type CompanyProfile,
  type Lead,
  type LeadClassification,
  type LeadField,
  type TimelineItem,
} from '../contracts';
import { classifyLeadByRules, detectNeeds, findInjection, sanitizeLead } from '../rules/index';
import { policyLanguage } from '../rules/drafts/index';
import { detectLanguage, type Language } from '../text/language';
import { cleanText, normalize, tokenize } from '../text/normalize';

/**
 * Steps 1 and 2 of a campaign — read and enrich — as facts, each traceable to the page or the
 * profile: the Lead fields the record shows (cleaned, instructions removed), the timeline items
 * used, the deal stage, the lead's classification (the one the rep sees, else the rules') and
 * the detected needs. Nothing here is inferred beyond what those say.
 */
export interface CampaignInput {
  lead: Lead;
  /** What else the page shows (timeline, deal stage); each item is checked here, a malformed one skipped. */
  context?: CampaignContextInput;
  /** The classification the rep is looking at, when there is one (else the rules classify the lead). */
  classification?: LeadClassification;
}

export type DealPhase = 'open' | 'won' | 'lost';

export interface CampaignFacts {
  /** The lead as read: plain bounded text, injection sentences removed. */
  lead: Lead;
  fieldsRead: LeadField[];
  fieldsMissing: LeadField[];
  /** The timeline items used (most recent first as the page lists them), screened and bounded. */
  timeline: TimelineItem[];
  /** How many items the page showed (the campaign uses at most MAX_TIMELINE_ITEMS). */
  timelineTotal: number;
  dealStage?: string;
  dealPhase?: DealPhase;
  classification: LeadClassification;
  classificationSource: 'page' | 'rules';
  /** Needs detected in the description and the timeline, in the campaign's language. */
  needs: string[];
  language: Language;
  /** Some text on the record read like instructions to the model and was left out. */
  injection: boolean;
}

export const MAX_TIMELINE_ITEMS = 5;
const TIMELINE_TEXT_MAX = 600;

const hasValue = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : typeof v === 'number');

/** A deal stage as the CRM words it ("Closed won", "closedlost", "Cerrada ganada") → open, won or lost. */
export function dealPhaseOf(stage: string | undefined): DealPhase | undefined {
  const s = normalize(stage).replace(/[^a-z ]/g, ' ');
  if (!s.trim()) return undefined;
  if (/\b(?:closed ?won|won|ganad[ao]|cerrad[ao] ganad[ao])\b/.test(s)) return 'won';
  if (/\b(?:closed ?lost|lost|perdid[ao]|cerrad[ao] perdid[ao])\b/.test(s)) return 'lost';
  return 'open';
}

/** Country-code domains of Spanish-speaking countries: the language hint of a record with no text. */
const SPANISH_TLDS = /\.(?:es|mx|ar|co|cl|pe|ve|ec|gt|cu|bo|do|hn|py|sv|ni|cr|pa|uy)$/i;

/**
 * The campaign's language: the reply policy's when it fixes one; else the contact's text (lead
 * fields and timeline); else the email's country domain; else the profile's own language.
 */
export function campaignLanguage(lead: Lead, timeline: readonly TimelineItem[], profile: CompanyProfile): Language {
  const fixed = policyLanguage(profile);
  if (fixed) return fixed;
  const text = [lead.description, lead.jobTitle, lead.industry, lead.location, lead.status, ...timeline.map((t) => t.text)]
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join('\n');
  if (tokenize(text).length >= 3) return detectLanguage(text);
  const domain = typeof lead.email === 'string' ? lead.email.split('@')[1]?.trim() ?? '' : '';
  if (domain) return SPANISH_TLDS.test(domain) ? 'es' : 'en';
  return profile.description.trim() ? detectLanguage(profile.description) : 'en';
}

function screenTimeline(items: readonly unknown[]): { items: TimelineItem[]; injection: boolean } {
  let injection = false;
  const out: TimelineItem[] = [];
  for (const raw of items.slice(0, 50)) {
    const parsed = TimelineItemSchema.safeParse(raw);
    if (!parsed.success) continue;
    const screened = findInjection(cleanText(parsed.data.text).slice(0, TIMELINE_TEXT_MAX * 4));
    if (screened.flagged) injection = true;
    const text = screened.cleaned.replace(/\s+/g, ' ').trim().slice(0, TIMELINE_TEXT_MAX);
    if (!text) continue;
    out.push({ kind: parsed.data.kind, date: cleanText(parsed.data.date).slice(0, 40), text });
    if (out.length === MAX_TIMELINE_ITEMS) break;
  }
  return { items: out, injection };
}

export function gatherCampaignFacts(input: CampaignInput, profile: CompanyProfile): CampaignFacts {
  const { lead, injection: leadInjection } = sanitizeLead(input.lead);
  const fieldsRead = LEAD_FIELDS.filter((f) => hasValue(lead[f]));
  const fieldsMissing = LEAD_FIELDS.filter((f) => !hasValue(lead[f]));
  const timelineRaw = Array.isArray(input.context?.timeline) ? input.context.timeline : [];
  const timeline = screenTimeline(timelineRaw);
  const dealStage = cleanText(input.context?.dealStage ?? '').slice(0, 100) || undefined;
  const classification = input.classification ?? classifyLeadByRules(input.lead, profile);
  const language = campaignLanguage(lead, timeline.items, profile);
  const needText = [lead.description ?? '', ...timeline.items.map((t) => t.text)].join('\n');
  const detected = detectNeeds(needText, language);
  // The lexicon's labels come in the campaign's language; the classification's (maybe the LLM's, in
  // another language) are the fallback when the lexicon finds nothing.
  const needs = (detected.length ? detected : classification.detectedNeeds.map((n) => cleanText(n).slice(0, 100)).filter(Boolean)).slice(0, 10);
  return {
    lead,
    fieldsRead,
    fieldsMissing,
    timeline: timeline.items,
    timelineTotal: timelineRaw.length,
    dealStage,
    dealPhase: dealPhaseOf(dealStage),
    classification,
    classificationSource: input.classification ? 'page' : 'rules',
    needs,
    language,
    injection: leadInjection || timeline.injection || classification.flags.includes('possible_injection'),
  };
}
