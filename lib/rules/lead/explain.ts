import type { Priority, Stage } from '../../contracts';
import type { Language } from '../../text/language';
import { PHRASES } from './phrases';
import type { Contribution } from './types';

export interface ExplainInput {
  language: Language;
  stage: Stage;
  priority: Priority;
  slaHours: number;
  fit: { score: number; grade: string; contributions: Contribution[] };
  urgency: { score: number; contributions: Contribution[] };
  opportunity: { score: number; contributions: Contribution[] };
  dataQuality: { score: number; contributions: Contribution[] };
  contact: { seniority: string; roleType: string; decisionPower: string; title: string; emailType: string };
  /** v2: what decided stage and priority, for the "Stage" line of the rationale. */
  incident: boolean;
  big: boolean;
  enterprise: boolean;
  poorData: boolean;
  junkFields: string[];
  enoughInformation: boolean;
  buyer: { notABuyer: boolean; reason: '' | 'student' | 'job_seeker' | 'vendor' | 'consumer'; evidence: string };
  needs: string[];
  matchedServices: string[];
  missing: string[];
  injection: boolean;
  freeEmailDecisionMaker: boolean;
  invalidEmail: boolean;
  who: string;
  company: string;
}

const MAX_DETAIL = 60;

function signed(points: number): string {
  return points >= 0 ? `+${points}` : String(points);
}

function part(language: Language, c: Contribution): string {
  const label = PHRASES[language].rationale.labels[c.key] ?? c.key;
  const detail = c.detail.length > MAX_DETAIL ? `${c.detail.slice(0, MAX_DETAIL)}…` : c.detail;
  const evidence = detail ? (label ? `${label} '${detail}'` : `'${detail}'`) : label;
  return `${evidence} ${signed(c.points)}`;
}

function section(language: Language, name: string, score: string, contributions: Contribution[]): string {
  const parts = contributions.map((c) => part(language, c));
  return `${name} ${score}: ${parts.length ? parts.join(', ') : PHRASES[language].rationale.none}`;
}

/**
 * One line per rule group, newline-separated (the panel renders line breaks):
 *   Fit 78 (A): industry 'Manufacturing' +35, service match 'Cloud migration' +30, …
 *   Urgency 85: 'pérdida de datos' +40, …
 *   Opportunity 56: employees '250' +30, …
 *   Data quality 90: name +15, corporate email 'acme.es' +20, …
 *   Contact: CTO → C_LEVEL, TECH_DECISION_MAKER, decision power HIGH; email CORPORATE
 *   Stage SQL: fit A/B (78 ≥ 55) + high urgency (85 ≥ 60) + decision maker → P1 (incident in progress), SLA 1 h
 *   Owner: … (why)
 */
export function buildRationale(input: ExplainInput): string {
  const r = PHRASES[input.language].rationale;
  const lines = [
    section(input.language, r.fit, `${input.fit.score} (${input.fit.grade})`, input.fit.contributions),
    section(input.language, r.urgency, String(input.urgency.score), input.urgency.contributions),
    section(input.language, r.opportunity, String(input.opportunity.score), input.opportunity.contributions),
    section(input.language, r.dataQuality, String(input.dataQuality.score), input.dataQuality.contributions),
  ];
  const title = input.contact.title ? `${input.contact.title.slice(0, MAX_DETAIL)} → ` : '';
  lines.push(
    `${r.contact}: ${title}${input.contact.seniority}, ${input.contact.roleType}, ${r.decisionPower} ${input.contact.decisionPower}; ${r.email} ${input.contact.emailType}${input.freeEmailDecisionMaker ? ` (${r.labels.dq_free_email_dm})` : ''}`,
  );
  lines.push(`${r.stage} ${input.stage}: ${stageReason(input)} → ${input.priority} (${priorityReason(input)}), ${r.hours(input.slaHours)}`);
  if (input.injection) lines.push(r.injection);
  return lines.join('\n').slice(0, 4_000);
}

const HIGH_URGENCY = 60;
const MEDIUM_URGENCY = 30;
const GOOD_FIT = 55;
const ACCEPTABLE_FIT = 35;

/** Which of the source's stage rules decided the stage, with the numbers. */
export function stageReason(input: ExplainInput): string {
  const why = PHRASES[input.language].rationale.why;
  const fit = input.fit.score;
  const urgency = input.urgency.score;
  switch (input.stage) {
    case 'SQL':
      return why.sql(fit, urgency);
    case 'MQL':
      return urgency >= HIGH_URGENCY && input.contact.decisionPower !== 'HIGH' ? why.mqlNoDm(fit, urgency) : why.mql(fit, urgency);
    case 'Nurture':
      return fit < GOOD_FIT ? why.nurtureFit(fit) : urgency < MEDIUM_URGENCY ? why.nurtureUrgency(urgency) : why.nurtureFit(fit);
    case 'Disqualified':
      if (input.buyer.notABuyer) return why.notABuyer(input.buyer.reason, input.buyer.evidence);
      if (input.poorData) return why.poorData(input.junkFields.join(', '), input.contact.emailType);
      return why.lowFit(fit, ACCEPTABLE_FIT);
    default:
      return why.review;
  }
}

function priorityReason(input: ExplainInput): string {
  const why = PHRASES[input.language].rationale.why;
  const reasons: string[] = [];
  if (input.stage === 'SQL' && input.incident) reasons.push(why.incident);
  if (input.stage !== 'Disqualified' && input.stage !== 'Review' && input.big) reasons.push(input.enterprise ? why.enterprise : why.bigOpportunity(input.opportunity.score));
  if ((input.stage === 'SQL' || input.stage === 'MQL') && input.urgency.score >= (input.stage === 'SQL' ? 80 : HIGH_URGENCY)) reasons.push(why.urgency(input.urgency.score));
  if (reasons.length === 0) reasons.push(why.stageDefault(input.stage));
  return reasons.join(', ');
}

export function buildSummary(input: ExplainInput): string {
  const p = PHRASES[input.language];
  const needs = input.needs.length ? input.needs.slice(0, 3).join(', ') : p.noNeed;
  return p.summary({
    who: input.who || p.someone,
    company: input.company || p.unknownCompany,
    stage: input.stage,
    priority: input.priority,
    needs,
    slaHours: input.slaHours,
  }).slice(0, 2_000);
}

/** 2–4 concrete actions, by stage, priority, SLA and what is missing (rule 9). */
export function buildNextSteps(input: ExplainInput): string[] {
  const s = PHRASES[input.language].steps;
  const fields = PHRASES[input.language].fields;
  const services = input.matchedServices.slice(0, 2).join(', ');
  const needs = input.needs.slice(0, 2).join(', ') || services;
  const missing = input.missing.map((f) => fields[f] ?? f).join(', ');
  const steps: string[] = [];
  if (input.injection) steps.push(s.reviewInjection);
  switch (input.stage) {
    case 'SQL':
      steps.push(s.callWithin(input.slaHours, services), s.proposal);
      break;
    case 'MQL':
      steps.push(s.qualifyCall(input.slaHours));
      steps.push(input.contact.decisionPower === 'HIGH' ? s.discovery(input.slaHours) : s.findDecisionMaker);
      if (needs) steps.push(s.sendContent(needs));
      break;
    case 'Nurture':
      steps.push(s.nurtureSequence);
      if (needs) steps.push(s.sendContent(needs));
      break;
    case 'Disqualified':
      steps.push(s.discard);
      break;
    case 'Review':
      steps.push(s.reviewByHand, s.enrich);
      break;
  }
  if (input.invalidEmail) steps.push(s.verifyEmail);
  else if (input.freeEmailDecisionMaker) steps.push(s.askCorporateEmail);
  if (missing && input.stage !== 'Disqualified') steps.push(s.completeData(missing));
  if (steps.length < 2) steps.push(s.reviewByHand);
  return steps.slice(0, 4);
}

/**
 * Recommended owner (rule 9): a senior AE for SQL P1, an AE for other SQL — with technical
 * pre-sales when the contact is a technical decision maker (CTO, CIO, CISO, IT director);
 * SDR qualifies MQL; marketing nurtures; sales ops cleans up disqualified records and
 * reviews leads without enough information. In the lead's language.
 */
export function recommendOwner(language: Language, stage: Stage, priority: Priority, roleType = 'UNKNOWN'): string {
  const o = PHRASES[language].owner;
  const tech = roleType === 'TECH_DECISION_MAKER';
  switch (stage) {
    case 'SQL':
      if (priority === 'P1') return tech ? o.seniorPresales : o.senior;
      return tech ? o.aePresales : o.ae;
    case 'MQL':
      return tech ? o.sdrPresales : o.sdr;
    case 'Nurture':
      return o.nurture;
    case 'Disqualified':
      return o.cleanup;
    default:
      return o.review;
  }
}
