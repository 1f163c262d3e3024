import {
  DEFAULT_SLA_HOURS,
  LEAD_FIELDS,
  type CompanyProfile,
  type Lead,
  type LeadClassification,
  type LeadFlag,
} from '../../contracts';
import { detectLanguage, type Language } from '../../text/language';
import { cleanText, normalize, normalizedWords, tokenize } from '../../text/normalize';
import { classifyEmail } from '../contact/email-type';
import { classifyJobTitle } from '../contact/job-title';
import { findInjection } from '../safety/injection';
import { checkBuyer } from './buyer';
import { scoreDataQuality } from './data-quality';
import { buildNextSteps, buildRationale, buildSummary, recommendOwner, type ExplainInput } from './explain';
import { scoreFit, type FitResult } from './fit';
import { PHRASES } from './phrases';
import { detectNeeds } from './needs';
import { scoreOpportunity } from './opportunity';
import { ENTERPRISE, decidePriority, decideStage, isBigOpportunity } from './stage';
import { scoreUrgency } from './urgency';

const MAX_FIELD = 8_000;
/**
 * v2: the scoring rules read at most this much of the description (the need and its
 * urgency come first in what people write); injection screening still reads it all.
 * Keeps a 7,500-character description well under a millisecond.
 */
export const SCORED_DESCRIPTION_MAX = 1_500;

/** A copy of the lead with every field as plain bounded text (or a number), and injection sentences removed. */
export function sanitizeLead(lead: Lead): { lead: Lead; injection: boolean } {
  const out: Record<string, string | number> = {};
  let injection = false;
  const source = (lead ?? {}) as Record<string, unknown>;
  for (const field of LEAD_FIELDS) {
    const value = source[field];
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[field] = value;
      continue;
    }
    if (typeof value !== 'string') continue;
    const text = cleanText(value.length > MAX_FIELD * 2 ? value.slice(0, MAX_FIELD * 2) : value).slice(0, MAX_FIELD);
    const screened = findInjection(text);
    if (screened.flagged) injection = true;
    if (screened.cleaned) out[field] = screened.cleaned;
  }
  return { lead: out as Lead, injection };
}

const hasText = (v: unknown) => (typeof v === 'string' ? v.trim().length > 0 : typeof v === 'number');

/** The fields a rep should complete, in CONTRACTS.md order. */
function missingFields(lead: Lead): string[] {
  const missing: string[] = [];
  for (const field of ['jobTitle', 'company', 'description', 'industry', 'location', 'companySize'] as const) {
    if (!hasText(lead[field])) missing.push(field);
  }
  if (!hasText(lead.email) && !hasText(lead.phone)) missing.push('email');
  return missing.slice(0, 4);
}

/** The rules engine's classification of one lead against one company profile (rules 1–9 of the brief). */
export function classifyLeadByRules(lead: Lead, profile: CompanyProfile): LeadClassification {
  return readLeadByRules(lead).classify(profile);
}

/** The lead as the scoring rules read it: sanitised, the description cut to SCORED_DESCRIPTION_MAX, and its language. */
interface ScoredLead {
  lead: Lead;
  injection: boolean;
  language: Language;
}

function scoredLead(rawLead: Lead): ScoredLead {
  const sanitized = sanitizeLead(rawLead);
  const lead: Lead = { ...sanitized.lead };
  if (typeof lead.description === 'string' && lead.description.length > SCORED_DESCRIPTION_MAX) {
    lead.description = lead.description.slice(0, SCORED_DESCRIPTION_MAX);
  }
  return { lead, injection: sanitized.injection, language: detectLanguage(`${lead.description ?? ''} ${lead.jobTitle ?? ''}`) };
}

/**
 * The `language` of classifyLeadByRules(lead), without the scoring: what the LLM prompt needs
 * before the upstream call goes out (the rest of the rules result is computed while it runs).
 */
export function leadLanguageByRules(rawLead: Lead): Language {
  return readLeadByRules(rawLead).language;
}

/** One lead as the rules read it: the language at once, the classification when asked. */
export interface LeadRulesReading {
  /** leadLanguageByRules(lead). */
  language: Language;
  /** classifyLeadByRules(lead, profile). */
  classify(profile: CompanyProfile): LeadClassification;
}

/**
 * leadLanguageByRules and classifyLeadByRules from one reading of the lead: the LLM path needs the
 * language before the upstream call goes out and the classification while the model works, and
 * sanitising the lead (the injection screen of every field) and detecting its language is a
 * quarter of the classification's work, which would otherwise be done twice per request.
 */
export function readLeadByRules(rawLead: Lead): LeadRulesReading {
  let scored: ScoredLead | undefined;
  let error: unknown;
  try {
    scored = scoredLead(rawLead);
  } catch (e) {
    error = e;
  }
  return {
    language: scored?.language ?? FALLBACK_LANGUAGE,
    classify(profile) {
      // Last line of defence: a hostile record must never take the panel down. Tests that must
      // prove the real path ran use classifyLeadStrict, which lets the error through.
      if (!scored) return fallback(profile, error);
      try {
        return classifyScored(scored, profile);
      } catch (e) {
        return fallback(profile, e);
      }
    },
  };
}

function classify(rawLead: Lead, profile: CompanyProfile): LeadClassification {
  return classifyScored(scoredLead(rawLead), profile);
}

function classifyScored({ lead, injection, language }: ScoredLead, profile: CompanyProfile): LeadClassification {
  const title = classifyJobTitle(lead.jobTitle);
  const email = classifyEmail(lead.email);
  const freeEmailDecisionMaker = email.type === 'FREE' && title.decisionPower === 'HIGH';

  const fit = scoreFit(lead, profile);
  const urgency = scoreUrgency(lead);
  const opportunity = scoreOpportunity(lead);
  const dataQuality = scoreDataQuality(lead, { freeEmailDecisionMaker, email });
  const buyer = checkBuyer(lead);
  const needs = detectNeeds(lead.description ?? '', language);

  // v3: a judgement needs a stated need: ≥ 2 words that name a need, a service, a date or a buying
  // signal. A title, a company and an email say who, not whether they are buying now.
  // v5: what is wanted must be said somewhere. A price or a call asked for with no object ("info
  // precios", "llamadme cuando podáis"), from someone the record does not describe (no title,
  // industry or size), is too little to judge however many words it takes: Review, not Nurture P4.
  const descriptionWords = normalizedWords(normalize(lead.description)).length;
  const statesWhat =
    fit.known.need ||
    fit.matchedServices.length > 0 ||
    urgency.contributions.some((c) => c.key === 'urgency_incident' || c.key === 'urgency_word' || c.key === 'urgency_time') ||
    urgency.buying.some((b) => b.key !== 'meeting_requested' && b.key !== 'proposal_requested');
  const saysWho = hasText(lead.jobTitle) || hasText(lead.industry) || hasText(lead.companySize);
  const asksSomething = needs.length > 0 || urgency.buying.some((b) => b.key !== 'meeting_requested');
  const enoughInformation = (descriptionWords >= 2 && (statesWhat || (saysWho && asksSomething))) || (descriptionWords >= 6 && saysWho);

  const stage = decideStage({
    fit: fit.score,
    urgency: urgency.score,
    opportunity: opportunity.score,
    decisionPower: title.decisionPower,
    poorData: dataQuality.poor,
    enoughInformation,
    notABuyer: buyer.notABuyer,
    outsideAudience: fit.outsideAudience,
  });
  const enterprise =
    (opportunity.employees ?? 0) >= ENTERPRISE.employees ||
    (opportunity.revenue ?? 0) >= ENTERPRISE.revenue ||
    (fit.scope.employees ?? 0) >= ENTERPRISE.employees ||
    opportunity.bigScope ||
    (opportunity.budget ?? 0) >= ENTERPRISE.budget;
  const priorityInput = { urgency: urgency.score, opportunity: opportunity.score, incident: urgency.incident, enterprise, critical: urgency.critical };
  const priority = decidePriority(stage, priorityInput);
  const slaHours = profile?.slaHours?.[priority] ?? DEFAULT_SLA_HOURS[priority];

  const limited = stage === 'Review' ? limitedEvidenceReasons(language, lead, fit.known) : [];
  const flags: LeadFlag[] = [];
  if (injection) flags.push('possible_injection');
  if (freeEmailDecisionMaker) flags.push('free_email_decision_maker');
  if (stage === 'Review') flags.push('not_enough_information');
  if (limited.length) flags.push('limited_evidence');

  const explain: ExplainInput = {
    language,
    stage,
    priority,
    slaHours,
    fit,
    urgency,
    opportunity,
    dataQuality,
    contact: { seniority: title.seniority, roleType: title.roleType, decisionPower: title.decisionPower, title: lead.jobTitle ?? '', emailType: email.type },
    incident: urgency.incident,
    big: isBigOpportunity(priorityInput),
    enterprise,
    poorData: dataQuality.poor,
    junkFields: dataQuality.junkFields,
    enoughInformation,
    buyer,
    needs,
    matchedServices: fit.matchedServices,
    missing: missingFields(lead),
    injection,
    freeEmailDecisionMaker,
    invalidEmail: email.type === 'INVALID',
    who: [lead.fullName, lead.jobTitle].filter(hasText).join(', ').slice(0, 200),
    company: (lead.company ?? '').slice(0, 200),
  };

  return {
    stage,
    priority,
    slaHours,
    scores: { fit: fit.score, urgency: urgency.score, opportunity: opportunity.score, dataQuality: dataQuality.score },
    contact: { seniority: title.seniority, roleType: title.roleType, decisionPower: title.decisionPower, emailType: email.type },
    summary: buildSummary(explain),
    detectedNeeds: needs.map((n) => n.slice(0, 300)),
    matchedServices: fit.matchedServices.slice(0, 20).map((s) => s.slice(0, 300)),
    nextSteps: buildNextSteps(explain).map((s) => s.slice(0, 500)),
    recommendedOwner: recommendOwner(language, stage, priority, title.roleType),
    rationale: buildRationale(explain),
    source: 'rules',
    flags,
    language,
    confidence: confidenceOf({ stage, fit, urgency: urgency.score, title: title.seniority !== 'UNKNOWN', buyerOrData: buyer.notABuyer || dataQuality.poor }),
    ...(limited.length ? { limitedEvidence: { reasons: limited } } : {}),
    evidence: evidenceOf(fit, urgency, buyer, title.matched),
  };
}

/**
 * How sure the rules are, 0–1: how many of the parts stage and priority rest on the record shows
 * (title, need, industry, size, place), less when a score sits on a threshold. Disqualifying
 * evidence (a vendor pitch, junk data, outside the audience) is clear on its own.
 */
export function confidenceOf(input: { stage: string; fit: { score: number; known: Record<string, boolean>; outsideAudience: boolean }; urgency: number; title: boolean; buyerOrData: boolean }): number {
  if (input.buyerOrData || input.fit.outsideAudience) return 0.85;
  if (input.stage === 'Review') return 0.3;
  const known = [input.title, ...Object.values(input.fit.known)].filter(Boolean).length;
  let c = 0.35 + 0.11 * known;
  const near = (x: number, t: number) => Math.abs(x - t) < 6;
  if (near(input.fit.score, 55) || near(input.fit.score, 35) || near(input.urgency, 60) || near(input.urgency, 30)) c -= 0.1;
  return Math.round(Math.max(0.2, Math.min(0.95, c)) * 100) / 100;
}

/** Why a lead is Review, in the lead's language: what the record lacks and how to score it. */
function limitedEvidenceReasons(language: Language, lead: Lead, known: Record<string, boolean>): string[] {
  const r = PHRASES[language].limited;
  const reasons: string[] = [];
  if (!hasText(lead.description) || tokenize(lead.description).length < 2) reasons.push(r.noNeed);
  else reasons.push(r.vagueNeed);
  if (!hasText(lead.jobTitle)) reasons.push(r.noTitle);
  if (!known.industry && !known.size) reasons.push(r.noCompanyContext);
  reasons.push(r.howToScore);
  return reasons.slice(0, 6);
}

/** The lead's words behind each signal, for the panel. */
function evidenceOf(fit: FitResult, urgency: ReturnType<typeof scoreUrgency>, buyer: ReturnType<typeof checkBuyer>, titleWords: string): Array<{ signal: string; quote: string }> {
  const out: Array<{ signal: string; quote: string }> = [];
  for (const c of urgency.contributions) if (c.detail) out.push({ signal: c.key, quote: c.detail.slice(0, 200) });
  for (const c of fit.contributions) if (c.detail && (c.key === 'service' || c.key === 'industry' || c.key.startsWith('size') || c.key.startsWith('location'))) out.push({ signal: `fit_${c.key}`, quote: c.detail.slice(0, 200) });
  if (buyer.notABuyer) out.push({ signal: `not_a_buyer_${buyer.reason}`, quote: buyer.evidence.slice(0, 200) });
  if (titleWords) out.push({ signal: 'title', quote: titleWords.slice(0, 200) });
  return out.slice(0, 20);
}

/** The rules classification without the safety net: throws what the engine throws (for tests and the eval). */
export function classifyLeadStrict(lead: Lead, profile: CompanyProfile): LeadClassification {
  return classify(lead, profile);
}

/** The language of the answer to a record the rules could not read. */
const FALLBACK_LANGUAGE: Language = 'en';

function fallback(profile: CompanyProfile, _error: unknown): LeadClassification {
  const slaHours = profile?.slaHours?.P3 ?? DEFAULT_SLA_HOURS.P3;
  return {
    stage: 'Review',
    priority: 'P3',
    slaHours,
    scores: { fit: 0, urgency: 0, opportunity: 0, dataQuality: 0 },
    contact: { seniority: 'UNKNOWN', roleType: 'UNKNOWN', decisionPower: 'LOW', emailType: 'MISSING' },
    summary: 'The lead could not be read by the rules engine.',
    detectedNeeds: [],
    matchedServices: [],
    nextSteps: ['Review the lead by hand.', 'Check the record for malformed fields.'],
    recommendedOwner: 'Sales Ops (review)',
    rationale: 'Rules engine error: the record could not be scored.',
    source: 'rules',
    flags: ['not_enough_information', 'limited_evidence'],
    language: FALLBACK_LANGUAGE,
    confidence: 0,
    limitedEvidence: { reasons: ['The rules engine could not read this record.'] },
  };
}
