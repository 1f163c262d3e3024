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
  contact: { seniority: string; decisionPower: string; title: string; emailType: string };
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

/** "Fit 78 (A): industry 'Manufacturing' +35, …; Urgency 85: 'pérdida de datos' +40 …; Contact: CTO (C_LEVEL, HIGH) → SQL, P1, SLA 1 h". */
export function buildRationale(input: ExplainInput): string {
  const r = PHRASES[input.language].rationale;
  const sections = [
    section(input.language, r.fit, `${input.fit.score} (${input.fit.grade})`, input.fit.contributions),
    section(input.language, r.urgency, String(input.urgency.score), input.urgency.contributions),
    section(input.language, r.opportunity, String(input.opportunity.score), input.opportunity.contributions),
    section(input.language, r.dataQuality, String(input.dataQuality.score), input.dataQuality.contributions),
  ];
  const title = input.contact.title ? `${input.contact.title.slice(0, MAX_DETAIL)} ` : '';
  sections.push(
    `${r.contact}: ${title}(${input.contact.seniority}, ${input.contact.decisionPower}, ${input.contact.emailType}) → ${input.stage}, ${input.priority}, ${r.hours(input.slaHours)}`,
  );
  if (input.injection) sections.push(r.injection);
  return sections.join('; ').slice(0, 4_000);
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

export function recommendOwner(language: Language, stage: Stage, priority: Priority): string {
  const o = PHRASES[language].owner;
  switch (stage) {
    case 'SQL':
      return priority === 'P1' ? o.senior : o.ae;
    case 'MQL':
      return o.sdr;
    case 'Nurture':
      return o.nurture;
    case 'Disqualified':
      return o.cleanup;
    default:
      return o.review;
  }
}
