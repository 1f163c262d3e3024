import type { CompanyProfile, Conversation, ConversationTriage, DraftStrategy, JudgeScore, ReplyDraft } from '../contracts';
import { apologyDue, buildDraftContext, countWords, pickStrategy, SAFETY_RULES, type SafetyRule } from '../rules/drafts/index';
import type { Language } from '../text/language';
import { clip01 } from './reward';

/**
 * The rules judge: how a customer would likely take a draft — expected NPS answer (0–10),
 * engagement and churn probability, one line of why — from the triage (sentiment, conformity,
 * intent, escalation), how well the strategy fits the situation, and the safety check's issues.
 * Deterministic and instant; the LLM judge replaces it when one is configured.
 */
export interface JudgeInput {
  draft: Pick<ReplyDraft, 'strategy' | 'text' | 'safety'>;
  triage: ConversationTriage;
  conversation: Conversation;
  profile: CompanyProfile;
  /** The rationale's language (default: the triage's, else English). */
  language?: Language;
}

export type Situation = 'escalation' | 'unhappy' | 'quiet' | 'question' | 'other';

/** What the conversation needs, in the order the rules' default strategy weighs it. */
export function situationOf(triage: ConversationTriage, conversation: Conversation): Situation {
  if (triage.escalate || triage.intent === 'human') return 'escalation';
  if (buildDraftContext(conversation, triage).quiet) return 'quiet';
  if (apologyDue(triage) || triage.conformity === 'low') return 'unhappy';
  if (triage.intent !== 'other') return 'question';
  return 'other';
}

/**
 * NPS points a strategy gains or loses in a situation, on top of the +1.5 for the rules'
 * default strategy. Why: a customer who asked for a person resents being kept by a template;
 * an unhappy one wants acknowledgement before facts; a question wants its answer.
 */
const AFFINITY: Record<Situation, Record<DraftStrategy, number>> = {
  escalation: { escalate: 1, empathetic: -0.5, technical: -1, compensation: -0.5, follow_up: -2 },
  unhappy: { empathetic: 0.8, compensation: 0.8, escalate: 0.2, technical: -0.8, follow_up: -1.5 },
  quiet: { follow_up: 1, technical: 0, empathetic: 0, compensation: -0.5, escalate: -1 },
  question: { technical: 1, empathetic: -0.2, escalate: -0.5, compensation: -0.8, follow_up: -1 },
  other: { technical: 0.3, empathetic: 0.3, follow_up: 0, escalate: -0.5, compensation: -0.8 },
};

/** NPS points each safety issue costs: blaming or quoting internal notes hurts most. */
const SAFETY_COST: Record<SafetyRule, number> = {
  no_blame: 2.5,
  apology: 1,
  short_apology: 0.4,
  next_step: 1,
  no_impossible_promises: 1.2,
  compensation_cap: 1.5,
  no_internal_notes: 2.5,
  no_foreign_contact: 1.5,
  grounded_prices: 1.5,
  grounded_stock: 1.2,
  max_words: 0.5,
  empty: 6,
};

/** The safety rules named in a draft's issues ("<rule>: …"). */
export function safetyRulesOf(issues: readonly string[]): SafetyRule[] {
  const rules: SafetyRule[] = [];
  for (const issue of issues) {
    const rule = issue.split(':')[0]!.trim() as SafetyRule;
    if ((SAFETY_RULES as readonly string[]).includes(rule)) rules.push(rule);
  }
  return rules;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function judgeDraftByRules(input: JudgeInput): JudgeScore {
  const { draft, triage, conversation, profile } = input;
  const language: Language = input.language ?? triage.language ?? 'en';
  const situation = situationOf(triage, conversation);
  const recommended = pickStrategy(conversation, triage, profile);
  const fit = (draft.strategy === recommended ? 1.5 : 0) + AFFINITY[situation][draft.strategy];
  const issues = safetyRulesOf(draft.safety.issues);
  const safetyCost = issues.reduce((sum, rule) => sum + SAFETY_COST[rule], 0);
  const words = countWords(draft.text);

  let nps = 6.5 + 2 * triage.sentiment - (triage.conformity === 'low' ? 0.5 : 0) + fit - safetyCost;
  if (words > 0 && words < 8) nps -= 0.5; // a curt reply reads as a brush-off
  nps = Math.min(10, Math.max(0, nps));

  const asksSomething = /\?\s*$/m.test(draft.text);
  const engagement = clip01(0.1 + 0.075 * nps + (asksSomething ? 0.08 : 0) - (situation === 'escalation' && draft.strategy !== 'escalate' ? 0.1 : 0));

  const atRisk = triage.conformity === 'low';
  const churn = clip01((atRisk ? 0.35 : 0.1) + 0.15 * Math.max(0, -triage.sentiment) - 0.05 * fit + 0.05 * safetyCost);

  return {
    npsExpected: round(nps, 1),
    engagementProb: round(engagement, 2),
    churnProb: round(churn, 2),
    rationale: rationale(language, draft.strategy, situation, fit, issues),
    source: 'rules',
  };
}

const STRATEGY_NAMES: Record<Language, Record<DraftStrategy, string>> = {
  en: { empathetic: 'Empathetic', technical: 'Technical', compensation: 'Compensation', escalate: 'Escalate', follow_up: 'Follow-up' },
  es: { empathetic: 'Empático', technical: 'Técnico', compensation: 'Compensación', escalate: 'Escalar', follow_up: 'Seguimiento' },
};
const SITUATIONS: Record<Language, Record<Situation, string>> = {
  en: {
    escalation: 'a conversation that needs a person',
    unhappy: 'an unhappy customer',
    quiet: 'a customer who went quiet',
    question: "a customer's question",
    other: 'this conversation',
  },
  es: {
    escalation: 'una conversación que necesita a una persona',
    unhappy: 'un cliente insatisfecho',
    quiet: 'un cliente que dejó de responder',
    question: 'una consulta del cliente',
    other: 'esta conversación',
  },
};

function rationale(language: Language, strategy: DraftStrategy, situation: Situation, fit: number, issues: SafetyRule[]): string {
  const name = STRATEGY_NAMES[language][strategy];
  const where = SITUATIONS[language][situation];
  const es = language === 'es';
  const fitText =
    fit >= 1 ? (es ? `${name} encaja con ${where}` : `${name} fits ${where}`) : fit >= 0 ? (es ? `${name} es aceptable para ${where}` : `${name} is acceptable for ${where}`) : es ? `${name} encaja mal con ${where}` : `${name} is a poor fit for ${where}`;
  const unique = [...new Set(issues)];
  const safetyText = unique.length
    ? es
      ? `${unique.length === 1 ? 'un problema' : `${unique.length} problemas`} de seguridad (${unique.join(', ')})`
      : `${unique.length === 1 ? 'one safety issue' : `${unique.length} safety issues`} (${unique.join(', ')})`
    : es
      ? 'sin problemas de seguridad'
      : 'no safety issues';
  return `${fitText}; ${safetyText}.`;
}
