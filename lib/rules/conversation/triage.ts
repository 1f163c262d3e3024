import {
  INTENTS,
  type CompanyProfile,
  type Conversation,
  type ConversationTriage,
  type Intent,
  type Message,
  type RetentionQuadrant,
} from '../../contracts';
import { detectLanguage, type Language } from '../../text/language';
import { cleanText, normalize, tokenize } from '../../text/normalize';
import { compileAny, compileAnyGlobal } from '../../text/patterns';
import { matchCatalog } from '../catalog/match';
import {
  ACTION_DEMAND,
  BACK_OFFICE_QUOTE,
  BILLING_DISPUTE,
  GOODS_PROBLEM,
  COURTESY_WORDS,
  FILLER_WORDS,
  INTENT_TERMS,
  MILD_COMPLAINT,
  NEGATIVE,
  REFUND_STATUS,
  POSITIVE,
  STRONG_COMPLAINT,
  type WeightedTerms,
} from './lexicon';
import { triagePhrases, type Department, type TriagePhrases } from './phrases';
import { retentionQuadrant } from './retention';
import { hasCustomerNumber, isOtherCustomerDataRequest, screenMessage } from './safety';

export { retentionQuadrant };

type Flag = ConversationTriage['flags'][number];
type ScoredIntent = Exclude<Intent, 'other'>;

/** How many of the latest customer messages the intent reads, and the weight decay per step back. */
export const INTENT_WINDOW = 6;
export const DECAY = 0.5;
/** Below this confidence the conversation goes to a human (rule "low confidence"). */
export const LOW_CONFIDENCE = 0.5;
/** Each message is read up to this many characters (its start): bounded time per message. */
const MESSAGE_MAX = 2_000;

/** Tie order: the more consequential intent wins an exact tie. */
const TIE_ORDER: readonly ScoredIntent[] = ['human', 'complaint', 'account_status', 'quote', 'order_status', 'inventory', 'offers', 'store_info', 'jobs'];

interface CompiledGroup {
  weight: number;
  re: RegExp;
}
const compileGroups = (groups: readonly WeightedTerms[]): CompiledGroup[] => groups.map((g) => ({ weight: g.weight, re: compileAnyGlobal(g.terms) }));
const INTENT_RES: Record<ScoredIntent, CompiledGroup[]> = Object.fromEntries(
  TIE_ORDER.map((intent) => [intent, compileGroups(INTENT_TERMS[intent])]),
) as Record<ScoredIntent, CompiledGroup[]>;
const POSITIVE_RES = compileGroups(POSITIVE);
const NEGATIVE_RES = compileGroups(NEGATIVE);
const BILLING_DISPUTE_RE = compileAny(BILLING_DISPUTE);
const STRONG_COMPLAINT_RE = compileAny(STRONG_COMPLAINT);
const MILD_COMPLAINT_RE = compileAny(MILD_COMPLAINT);
const GOODS_PROBLEM_RE = compileAny(GOODS_PROBLEM);
const ACTION_DEMAND_RE = compileAny(ACTION_DEMAND);
const REFUND_STATUS_RE = compileAny(REFUND_STATUS);
const BACK_OFFICE_QUOTE_RE = compileAny(BACK_OFFICE_QUOTE);
const FOLLOW_UP = /^(?:\W*)(?:y|e|and|what about|how about|que tal|o|or|also|tambien|la|el|los|las|en|in|and the|y el|y la|y los|y las)\b/;
const ORDER_NUMBER = /(?:#\s*[a-z0-9-]{3,}|\b[a-z]{0,3}-?\d{3,}\b)/;

function weightedCount(norm: string, groups: readonly CompiledGroup[]): number {
  let score = 0;
  for (const g of groups) {
    g.re.lastIndex = 0;
    const hits = norm.match(g.re)?.length ?? 0;
    score += g.weight * Math.min(hits, 2);
  }
  return score;
}

/** A customer message as the rules read it: cleaned, injection sentences removed, normalised. */
export interface CustomerText {
  index: number;
  display: string;
  norm: string;
  injection: boolean;
  otherCustomer: boolean;
}

/** The customer's ("in") messages, screened. Notes and our own messages are never customer text. */
export function customerTexts(messages: readonly Message[]): CustomerText[] {
  const out: CustomerText[] = [];
  messages.forEach((m, index) => {
    if (m.direction !== 'in') return;
    const raw = cleanText(m.text.length > MESSAGE_MAX * 2 ? m.text.slice(0, MESSAGE_MAX * 2) : m.text).slice(0, MESSAGE_MAX);
    if (!raw) return;
    const screened = screenMessage(raw);
    out.push({
      index,
      display: screened.cleaned,
      norm: normalize(screened.cleaned),
      injection: screened.flagged,
      otherCustomer: isOtherCustomerDataRequest(raw),
    });
  });
  return out;
}

export type IntentScores = Record<ScoredIntent, number>;

/** Keyword scores of one normalised text, billing disputes counted for account_status. */
export function scoreIntents(norm: string): IntentScores {
  const scores = {} as IntentScores;
  for (const intent of TIE_ORDER) scores[intent] = weightedCount(norm, INTENT_RES[intent]);
  if (BILLING_DISPUTE_RE.test(norm)) scores.account_status += 3;
  return scores;
}

/** True when a text is only greetings / thanks (or empty). */
export function isCourtesyOnly(norm: string): boolean {
  const words = tokenize(norm);
  return words.every((w) => COURTESY_WORDS.has(w));
}

export interface IntentDecision {
  intent: Intent;
  confidence: number;
  scores: IntentScores;
  /** The latest customer message said nothing new, so the previous intent was kept. */
  followUp: boolean;
  courtesyOnly: boolean;
}

/**
 * Rule "intent": keyword scores of the latest customer messages, the latest weighing most
 * (×0.5 per message back, 6 at most). A short follow-up with no intent words of its own
 * ("¿y en azul?") keeps the previous intent. An explicit request for a person in the latest
 * message wins outright.
 */
export function decideIntent(texts: readonly CustomerText[]): IntentDecision {
  const window = texts.slice(-INTENT_WINDOW);
  const total = Object.fromEntries(TIE_ORDER.map((i) => [i, 0])) as IntentScores;
  let latest: IntentScores | undefined;
  let weight = 1;
  for (let k = window.length - 1; k >= 0; k--) {
    const s = scoreIntents(window[k]!.norm);
    if (k === window.length - 1) latest = s;
    for (const i of TIE_ORDER) total[i] += s[i] * weight;
    weight *= DECAY;
  }
  const courtesyOnly = window.every((t) => isCourtesyOnly(t.norm));
  if (!latest) return { intent: 'other', confidence: 0.3, scores: total, followUp: false, courtesyOnly: true };
  if (latest.human >= 4) return { intent: 'human', confidence: 0.95, scores: total, followUp: false, courtesyOnly: false };

  const ranked = [...TIE_ORDER].sort((a, b) => total[b] - total[a] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
  const top = ranked[0]!;
  const best = total[top];
  const second = total[ranked[1]!];
  if (best <= 0) return { intent: 'other', confidence: courtesyOnly ? 0.7 : 0.3, scores: total, followUp: false, courtesyOnly };
  const latestBest = Math.max(...TIE_ORDER.map((i) => latest![i]));
  const lastNorm = window[window.length - 1]!.norm;
  const followUp = latestBest === 0 && window.length > 1;
  let confidence = 0.35 + 0.3 * (1 - Math.exp(-best / 1.5)) + 0.3 * ((best - second) / best);
  if (followUp) confidence *= FOLLOW_UP.test(lastNorm) || tokenize(lastNorm).length <= 6 ? 0.9 : 0.7;
  return { intent: top, confidence: round2(Math.min(0.95, confidence)), scores: total, followUp, courtesyOnly: false };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Rule "sentiment": −1…1 from positive and negative words of the latest 3 customer messages (latest weighs most). */
export function scoreSentiment(texts: readonly CustomerText[]): number {
  const window = texts.slice(-3);
  let sum = 0;
  let weights = 0;
  let w = 1;
  for (let k = window.length - 1; k >= 0; k--) {
    const norm = window[k]!.norm;
    const pos = weightedCount(norm, POSITIVE_RES);
    let neg = weightedCount(norm, NEGATIVE_RES);
    if (neg > 0 && /!{2,}/.test(window[k]!.display)) neg += 1;
    if (neg > 0 && MILD_COMPLAINT_RE.test(norm)) neg *= 0.5;
    const s = pos + neg > 0 ? (pos - neg) / (pos + neg + 0.5) : 0;
    sum += s * w;
    weights += w;
    w *= 0.5;
  }
  return weights ? Math.max(-1, Math.min(1, round2(sum / weights))) : 0;
}

/** Rule "strong complaint": anger, threats or demands in the latest 2 customer messages, not softened. */
export function isStrongComplaint(texts: readonly CustomerText[]): boolean {
  return texts.slice(-2).some((t) => (STRONG_COMPLAINT_RE.test(t.norm) || /!{3,}/.test(t.display)) && !MILD_COMPLAINT_RE.test(t.norm));
}

/** Rule "billing dispute": charged twice, a charge not recognised… in the latest 2 customer messages. */
export function isBillingDispute(texts: readonly CustomerText[]): boolean {
  return texts.slice(-2).some((t) => BILLING_DISPUTE_RE.test(t.norm));
}

/**
 * Rule "complaint that needs a person" (v3): goods that never arrived, arrived damaged, are
 * defective or wrong, or a demand for money back or a replacement, in the latest 2 customer
 * messages, not softened ("no pasa nada, solo para que lo sepan").
 */
export function needsAction(texts: readonly CustomerText[]): boolean {
  const demand = (norm: string) => GOODS_PROBLEM_RE.test(norm) || (ACTION_DEMAND_RE.test(norm) && !REFUND_STATUS_RE.test(norm));
  return texts.slice(-2).some((t) => demand(t.norm) && !MILD_COMPLAINT_RE.test(t.norm));
}

/**
 * Rule "quote the catalog answers" (v3): a price question about an item the catalog has, with its
 * price, is answered in the draft; volume, wholesale, formal or company quotations and items the
 * catalog lacks go to the sales back office (the source: "Cotización → ticket, back office").
 */
export function quoteAnswerable(texts: readonly CustomerText[], profile: CompanyProfile): boolean {
  const recent = texts.slice(-3).map((t) => t.norm).join(' ');
  if (BACK_OFFICE_QUOTE_RE.test(texts.slice(-2).map((t) => t.norm).join(' '))) return false;
  const items = matchCatalog(recent, profile.catalog ?? []);
  return items.length > 0 && items.some((i) => i.price !== undefined);
}

/** Content words of the customer's text that are not intent vocabulary or filler: the product, if any. */
function productWords(norm: string): string[] {
  return tokenize(norm).filter((w) => w.length >= 3 && !FILLER_WORDS.has(w) && !/^\d{1,2}$/.test(w));
}

function mentionsCatalogItem(norm: string, profile: CompanyProfile): boolean {
  return matchCatalog(norm, profile.catalog ?? [], 1).length > 0;
}

function customerLanguage(texts: readonly CustomerText[], profile: CompanyProfile): Language {
  const text = texts.slice(-5).map((t) => t.display).join('\n');
  if (text.trim()) return detectLanguage(text);
  return profile.replyPolicy.language === 'es' ? 'es' : 'en';
}

function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

interface Escalation {
  escalate: boolean;
  reasons: string[];
  department: Department | '';
}

/**
 * Rule "escalation", first match gives the department: another customer's data → supervisor;
 * explicit human request → customer service; billing dispute → accounting; quote → sales back
 * office; strong complaint → customer service; low confidence (not a mere greeting) → customer service.
 */
function decideEscalation(
  decision: IntentDecision,
  texts: readonly CustomerText[],
  flags: readonly Flag[],
  profile: CompanyProfile,
  p: TriagePhrases,
): Escalation {
  const reasons: string[] = [];
  let department: Department | '' = '';
  const add = (reason: string, dept: Department) => {
    reasons.push(reason);
    if (!department) department = dept;
  };
  const recent = texts.slice(-3);
  if (flags.includes('other_customer_data_request')) add(p.reasons.otherCustomerData, 'supervisor');
  if (decision.intent === 'human' || recent.some((t) => scoreIntents(t.norm).human >= 4)) add(p.reasons.human, 'service');
  if (isBillingDispute(texts)) add(p.reasons.billingDispute, 'accounting');
  // v3: a quote goes to the back office only when the catalog cannot answer it; an item not named yet gets a question.
  if (decision.intent === 'quote' && !quoteAnswerable(texts, profile) && (productNamed(texts, profile) || BACK_OFFICE_QUOTE_RE.test(texts.slice(-2).map((t) => t.norm).join(' ')))) add(p.reasons.quote, 'sales');
  if (isStrongComplaint(texts)) add(p.reasons.strongComplaint, 'service');
  else if (decision.intent === 'complaint' && needsAction(texts)) add(p.reasons.complaintAction, 'service');
  // v3: low confidence asks a clarifying question first (the source: "solicitar aclaraciones"); it does not hand over by itself.
  return { escalate: reasons.length > 0, reasons, department };
}

/** The customer named some product (a catalog item, or words that are not intent vocabulary). */
function productNamed(texts: readonly CustomerText[], profile: CompanyProfile): boolean {
  const relevant = texts.slice(-3).map((t) => t.norm).join(' ');
  return mentionsCatalogItem(relevant, profile) || productWords(texts.at(-1)?.norm ?? '').length > 0;
}

function clarifyingQuestion(
  decision: IntentDecision,
  texts: readonly CustomerText[],
  flags: readonly Flag[],
  profile: CompanyProfile,
  p: TriagePhrases,
): string {
  if (flags.includes('other_customer_data_request')) return p.questions.otherCustomerData;
  if (flags.includes('unverified_account_request')) return p.questions.customerNumber;
  const relevant = texts.slice(-3).map((t) => t.norm).join(' ');
  switch (decision.intent) {
    case 'inventory':
    case 'quote':
      if (!mentionsCatalogItem(relevant, profile) && productWords(relevant).length === 0) return p.questions.product;
      return '';
    case 'order_status':
      return ORDER_NUMBER.test(relevant) ? '' : p.questions.orderNumber;
    case 'other':
      return decision.courtesyOnly ? p.questions.howCanWeHelp : p.questions.tellMeMore;
    default:
      return '';
  }
}

function handoffSummary(
  conversation: Conversation,
  texts: readonly CustomerText[],
  decision: IntentDecision,
  sentiment: number,
  escalation: Escalation,
  flags: readonly Flag[],
  p: TriagePhrases,
): string {
  const s = p.summary;
  const c = conversation.contact;
  const contact = [c.phone, c.email].filter(Boolean).join(', ');
  const who = `${c.name || s.customer}${contact ? ` (${contact})` : ''}`;
  const lastIn = [...texts].reverse().find((t) => t.display && !t.otherCustomer) ?? texts[texts.length - 1];
  const lastOut = [...conversation.messages].reverse().find((m) => m.direction === 'out' && cleanText(m.text));
  const mood = sentiment <= -0.25 ? s.sentimentWords.negative : sentiment >= 0.25 ? s.sentimentWords.positive : s.sentimentWords.neutral;
  const parts = [
    `${who}. ${s.wants}: ${p.intents[decision.intent]}.`,
    `${s.said}: "${lastIn ? truncate(lastIn.display, 140) : s.nothingSaid}".`,
  ];
  if (lastOut) parts.push(`${s.weSaid}: "${truncate(cleanText(lastOut.text), 100)}".`);
  parts.push(`${s.sentiment}: ${mood} (${sentiment.toFixed(2)}).`);
  parts.push(escalation.escalate ? `${s.escalated} ${p.departments[escalation.department as Department]}: ${escalation.reasons.join(' ')}` : `${s.notEscalated}.`);
  if (flags.length) parts.push(`${s.flags}: ${flags.map((f) => s.flagNames[f]).join('; ')}.`);
  return truncate(parts.join(' '), 2_000);
}

/**
 * Triage of one conversation by rules: intent, escalation, clarifying question, sentiment,
 * conformity, retention quadrant and hand-off summary, in the customer's language. Pure.
 */
export function triageConversationByRules(conversation: Conversation, profile: CompanyProfile): ConversationTriage {
  const messages = Array.isArray(conversation?.messages) ? conversation.messages : [];
  const texts = customerTexts(messages);
  const language = customerLanguage(texts, profile);
  const p = triagePhrases(language);
  const decision = decideIntent(texts);

  const flags: Flag[] = [];
  if (texts.some((t) => t.injection)) flags.push('possible_injection');
  const otherCustomer = texts.some((t) => t.otherCustomer);
  if (decision.intent === 'account_status' && (otherCustomer || !hasCustomerNumber(messages))) flags.push('unverified_account_request');
  if (otherCustomer) flags.push('other_customer_data_request');

  const sentiment = scoreSentiment(texts);
  const lowConformity = sentiment <= -0.25 || (decision.intent === 'complaint' && !MILD_COMPLAINT_RE.test(texts.at(-1)?.norm ?? '')) || isBillingDispute(texts) || isStrongComplaint(texts);
  const conformity = lowConformity ? 'low' : 'high';
  const escalation = decideEscalation(decision, texts, flags, profile, p);
  const billing = conversation?.billingLevel;
  const quadrant = billing ? retentionQuadrant(conformity, billing) : undefined;

  return {
    intent: INTENTS.includes(decision.intent) ? decision.intent : 'other',
    confidence: decision.confidence,
    escalate: escalation.escalate,
    escalationReason: escalation.reasons.join(' '),
    department: escalation.department ? p.departments[escalation.department] : '',
    clarifyingQuestion: clarifyingQuestion(decision, texts, flags, profile, p),
    sentiment,
    conformity,
    ...(quadrant ? { retention: { quadrant, actions: [...p.retention[quadrant].actions] } } : {}),
    handoffSummary: handoffSummary(conversation, texts, decision, sentiment, escalation, flags, p),
    source: 'rules',
    flags,
    language,
  };
}
