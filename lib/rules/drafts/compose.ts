import {
  DRAFT_TONE_ACTIONS,
  type CompanyProfile,
  type Conversation,
  type ConversationTriage,
  type DraftStrategy,
  type Priority,
  type ReplyDraft,
} from '../../contracts';
import { detectLanguage, languageOf, type Language } from '../../text/language';
import { cleanText, normalize } from '../../text/normalize';
import { triageConversationByRules } from '../conversation/index';
import { buildDraftContext, policyFormal, policyLanguage, type DraftContext } from './context';
import { detectAsks, matchCatalog, matchFaq, topicsOf, type PolicyTopic } from './knowledge';
import { checkDraftSafety } from './safety';
import { phrases, slaPhrase, type Department, type FactKind, type Phrases } from './templates';
import { countWords, formatPrice } from './text';
import { friendlier, shorten, toFormal, truncateWords } from './tone';

export type DraftToneAction = (typeof DRAFT_TONE_ACTIONS)[number];

export interface DraftOptions {
  /** The strategy to use; default: picked from the triage (pickStrategy). */
  strategy?: DraftStrategy;
  /** A tone action on `previousText` (or on a fresh template when there is none). */
  tone?: DraftToneAction;
  /** The draft the agent has now (to apply a tone action to, or to re-check). */
  previousText?: string;
  /** The triage when the caller already has it; default: triageConversationByRules. */
  triage?: ConversationTriage;
  /** Force the reply language (default: the policy's fixed language, else the customer's). */
  language?: Language;
}

/** Which slot a sentence fills; `keep` orders what a length limit drops first (low first). */
export interface Part {
  text: string;
  keep: number;
}

const INFO_INTENTS = new Set(['inventory', 'quote', 'offers', 'account_status', 'order_status', 'store_info', 'jobs']);

/** Negative enough that an apology is due (also used by the safety check). */
export function apologyDue(triage: Pick<ConversationTriage, 'intent' | 'sentiment'> | undefined): boolean {
  return !!triage && (triage.intent === 'complaint' || triage.sentiment <= -0.25);
}

/**
 * The default strategy from the triage: escalation → escalate; a quiet customer (our message
 * is the last) → follow_up; complaint or negative sentiment with low conformity → compensation
 * when the policy allows compensation and the customer is worth retaining (billing high /
 * quadrant retain), else empathetic; an information question → technical.
 */
export function pickStrategy(
  conversation: Conversation,
  triage: ConversationTriage,
  profile: CompanyProfile,
  ctx: DraftContext = buildDraftContext(conversation, triage),
): DraftStrategy {
  if (triage.escalate || triage.intent === 'human') return 'escalate';
  if (ctx.quiet) return 'follow_up';
  const negative = apologyDue(triage);
  if (negative && triage.conformity === 'low') {
    const worthRetaining = conversation.billingLevel === 'high' || triage.retention?.quadrant === 'retain';
    return profile.replyPolicy.maxCompensation > 0 && worthRetaining ? 'compensation' : 'empathetic';
  }
  if (negative) return 'empathetic';
  if (INFO_INTENTS.has(triage.intent)) return 'technical';
  return 'technical';
}

const DEFAULT_PRIORITY: Record<DraftStrategy, Priority> = {
  escalate: 'P2',
  compensation: 'P2',
  empathetic: 'P2',
  technical: 'P3',
  follow_up: 'P3',
};

/** The compensation a rules draft offers: the cap for customers worth retaining, half of it otherwise. */
export function compensationAmount(profile: CompanyProfile, conversation: Conversation, triage?: ConversationTriage): number {
  const cap = profile.replyPolicy.maxCompensation;
  if (cap <= 0) return 0;
  const full = conversation.billingLevel === 'high' || triage?.retention?.quadrant === 'retain';
  const amount = full ? cap : Math.floor(cap / 2) || cap;
  return Math.min(cap, Math.floor(amount));
}

/**
 * The currency the profile's prices are in: what its own words say ("Precios en pesos dominicanos
 * (RD$)", "All prices in pounds sterling", a "€" in an FAQ answer), else the currency of the
 * country it is in (its location). '' when nothing says.
 */
export function currencyOf(profile: CompanyProfile): string {
  const text = [profile.description, profile.location, profile.hours, ...profile.faq.map((f) => `${f.q} ${f.a}`)].join(' ');
  if (/RD\$|\bDOP\b|pesos? dominicanos?/i.test(text)) return 'RD$';
  if (/£|\bGBP\b|\bpounds?(?: sterling)?\b|\blibras? esterlinas?\b/i.test(text)) return '£';
  if (/€|\bEUR\b|\beuros?\b/i.test(text)) return '€';
  if (/\bMXN\b|pesos? mexicanos?/i.test(text)) return '$';
  if (/\$|\bUSD\b|\bd[oó]lares\b|\bdollars?\b/i.test(text)) return '$';
  const place = normalize(profile.location);
  if (/\b(?:espana|spain|madrid|barcelona|valencia|sevilla|france|francia|germany|alemania|italia|italy|portugal|ireland|irlanda)\b/.test(place)) return '€';
  if (/\b(?:uk|united kingdom|reino unido|england|london|londres|bristol|manchester|scotland|wales)\b/.test(place)) return '£';
  if (/\b(?:republica dominicana|dominican republic|santo domingo|santiago de los caballeros)\b/.test(place)) return 'RD$';
  if (/\b(?:mexico|usa|united states|estados unidos|oregon|california|texas|florida|colombia|chile|argentina)\b/.test(place)) return '$';
  return '';
}

export function money(amount: number, currency: string, lang: Language): string {
  const n = formatPrice(amount);
  if (currency === '€') return lang === 'es' ? `${n} €` : `€${n}`;
  if (currency) return `${currency}${n}`;
  return n;
}

function departmentOf(triage: ConversationTriage): Department {
  const d = normalize(`${triage.department} ${triage.intent}`);
  if (/accounting|contab|billing|factur|finan|cobro/.test(d)) return 'accounting';
  if (/sales|venta|comercial|quote|back office/.test(d)) return 'sales';
  if (/support|soporte|tecnic|technical/.test(d)) return 'support';
  if (/\bhr\b|rrhh|recursos humanos|human resources|recruit|seleccion|jobs/.test(d)) return 'hr';
  return 'human';
}

function clean(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** Topics a complaint's reply draws on, most useful first: what to do about money back or a bad item, then delivery. */
const COMPLAINT_TOPICS: readonly PolicyTopic[] = ['returns', 'warranty', 'shipping'];

/**
 * The grounded sentences (issue 14, item 5), chosen by what the customer asked and only from the
 * profile: the catalog item matched by name in any language (price with currency, stock or "out
 * of stock"), the FAQ answer closest to the question, the hours and the address; otherwise "we'll
 * check" (never invented). A complaint gets the policy that answers it, never a price or a stock
 * level. A profile fact written only in another language is kept as written and noted for the agent.
 */
export function groundedParts(ctx: DraftContext, profile: CompanyProfile, lang: Language, triage?: ConversationTriage): { parts: Part[]; unknowns: number; facts: number; notes: string[] } {
  const p = phrases(lang);
  const parts: Part[] = [];
  const notes: string[] = [];
  let unknowns = 0;
  let facts = 0;
  const add = (text: string, keep: number, unknown = false) => {
    parts.push({ text, keep });
    if (unknown) unknowns++;
    else facts++;
  };
  /** A fact from the profile, as written; noted for the agent when it is in another language. */
  const fact = (text: string, what: FactKind) => {
    const written = clean(text);
    const its = languageOf(written);
    if (its && its !== lang) notes.push(p.untranslated(what, its));
    return written;
  };
  const complaint = triage?.intent === 'complaint';
  const norm = ctx.recentNorm;
  const asks = detectAsks(norm);
  // A follow-up ("¿y cuánto cuesta el rollo?") names the item in an earlier message: look a few back.
  // Prices and stock answer a product question only: not a complaint, not a question about a policy.
  const productQuestion = asks.price || asks.stock || triage?.intent === 'inventory' || triage?.intent === 'quote' || (!triage && asks.policies.length === 0);
  const items = complaint || !productQuestion ? [] : matchCatalog(normalize(ctx.customer.slice(-3).join('\n')), profile.catalog);
  const faq = matchFaq(ctx.recent, profile.faq, complaint ? COMPLAINT_TOPICS : []);
  const currency = currencyOf(profile);
  for (const item of items) {
    const name = clean(item.name) || clean(item.sku);
    const sku = clean(item.sku);
    const wantPrice = asks.price || !asks.stock;
    const wantStock = asks.stock || !asks.price || item.stock === 0;
    if (wantPrice) {
      if (item.price !== undefined) add(p.price(name, sku, money(item.price, currency, lang)), 86);
      else if (asks.price) add(p.priceCheck(name), 85, true);
    }
    if (wantStock) {
      if (item.stock !== undefined) add(item.stock > 0 ? p.inStock(name, item.stock) : p.outOfStock(name), 86);
      else if (asks.stock) add(p.stockCheck(name), 85, true);
    }
  }
  const otherAsk = asks.hours || asks.location || asks.policies.length > 0 || !!faq;
  if (!complaint && items.length === 0 && (asks.price || (asks.stock && !otherAsk))) add(p.unknownProduct(asks.price, asks.stock && !otherAsk), 85, true);
  if (asks.hours) profile.hours.trim() ? add(p.hours(fact(profile.hours, 'hours')), 86) : add(p.hoursCheck, 85, true);
  if (asks.location) profile.location.trim() ? add(p.location(fact(profile.location, 'location')), 86) : add(p.locationCheck, 85, true);
  const covered = new Set<PolicyTopic>();
  if (faq) {
    const answer = fact(faq.a, 'faq');
    if (answer && !parts.some((x) => x.text.includes(answer))) add(/[.!?]$/.test(answer) ? answer : `${answer}.`, 86);
    for (const topic of topicsOf(normalize(`${faq.q} ${faq.a}`))) covered.add(topic);
  }
  for (const topic of asks.policies) if (!covered.has(topic) && !complaint) add(p.policyCheck(topic), 84, true);
  if (triage?.flags?.includes('other_customer_data_request')) add(p.privacy, 89);
  if (triage?.flags?.includes('unverified_account_request')) {
    const q = clean(triage.clarifyingQuestion ?? '');
    add(q && q.includes('?') && detectLanguage(q) === lang ? q : p.customerNumber, 88);
  }
  return { parts, unknowns, facts, notes };
}

export interface Style {
  formal: boolean;
  friendly: boolean;
  warm: boolean;
  short: boolean;
}

function templateParts(strategy: DraftStrategy, ctx: DraftContext, profile: CompanyProfile, conversation: Conversation, triage: ConversationTriage, lang: Language, sla: string): Part[] {
  const p: Phrases = phrases(lang);
  // A follow-up answers nothing new: what the customer asked was answered before they went quiet.
  const grounded = strategy === 'follow_up' ? { parts: [], unknowns: 0, facts: 0 } : groundedParts(ctx, profile, lang, triage);
  const negative = apologyDue(triage);
  const clarify = clean(triage.clarifyingQuestion ?? '');
  const question: Part[] =
    clarify && clarify.includes('?') && detectLanguage(clarify) === lang && grounded.facts === 0 && !grounded.parts.some((x) => x.text === clarify)
      ? [{ text: clarify, keep: 88 }]
      : [];
  switch (strategy) {
    case 'empathetic':
      return [
        { text: p.apology(ctx.topic), keep: 96 },
        { text: p.understanding, keep: 20 },
        ...grounded.parts,
        ...question,
        { text: p.reviewing, keep: 60 },
        { text: p.updateWithin(sla), keep: 97 },
        { text: p.patience, keep: 25 },
      ];
    case 'technical': {
      const ack = grounded.parts.length || question.length ? p.thanksQuestion : p.thanksContact;
      const next = grounded.unknowns > 0 ? p.confirmPendingWithin(sla) : grounded.facts === 0 && !question.length ? p.replyInDetailWithin(sla) : p.anythingElse;
      return [
        ...(negative ? [{ text: p.apology(ctx.topic), keep: 96 }] : [{ text: ack, keep: 40 }]),
        ...grounded.parts,
        ...question,
        { text: next, keep: 97 },
      ];
    }
    case 'compensation': {
      const amount = compensationAmount(profile, conversation, triage);
      const offer = amount > 0 ? p.couponOffer(money(amount, currencyOf(profile), lang)) : p.compensationReview;
      return [
        { text: p.apology(ctx.topic), keep: 96 },
        { text: p.understanding, keep: 20 },
        ...grounded.parts,
        { text: offer, keep: 95 },
        { text: p.couponWithin(sla, amount > 0), keep: 97 },
        { text: p.patience, keep: 25 },
      ];
    }
    case 'escalate':
      return [
        { text: negative ? p.apology(ctx.topic) : p.thanksContact, keep: negative ? 96 : 40 },
        { text: p.handedTo(departmentOf(triage)), keep: 95 },
        ...grounded.parts.map((x) => ({ ...x, keep: x.keep - 30 })),
        { text: p.contactWithin(sla), keep: 97 },
        { text: p.noNeedToRepeat, keep: 22 },
      ];
    case 'follow_up':
      return [
        ...(negative ? [{ text: p.apology(ctx.topic), keep: 80 }] : []),
        { text: p.checkIn(ctx.topic), keep: 96 },
        { text: p.noNeedToReply, keep: 21 },
        { text: p.replyAndWeAnswerWithin(sla), keep: 97 },
      ];
  }
}

/** Greeting, body, signature; drops the lowest-`keep` sentences until the text fits maxWords. */
export function assemble(greeting: string, body: Part[], signature: string, maxWords: number, style: Style, lang: Language): string {
  const render = (parts: Part[], withGreeting = true) => {
    const text = [withGreeting ? greeting : '', parts.map((x) => x.text).join(' '), signature].filter(Boolean).join('\n\n');
    return style.formal ? toFormal(text, lang) : text;
  };
  let parts = style.short ? body.filter((x) => x.keep >= 50) : [...body];
  let withGreeting = true;
  while (countWords(render(parts, withGreeting)) > maxWords) {
    if (parts.length <= 1) {
      if (withGreeting) {
        withGreeting = false;
        continue;
      }
      break;
    }
    let drop = 0;
    parts.forEach((x, i) => {
      if (x.keep <= parts[drop]!.keep) drop = i;
    });
    parts = parts.filter((_, i) => i !== drop);
  }
  return truncateWords(render(parts, withGreeting), maxWords);
}

/** The SLA phrase of a draft's next step ("las próximas 4 horas" / "4 hours"): the conversation's priority, else the strategy's. */
export function draftSla(conversation: Conversation, profile: CompanyProfile, strategy: DraftStrategy, triage: ConversationTriage | undefined, lang: Language): string {
  const ctx = buildDraftContext(conversation, triage);
  return slaPhrase(profile.slaHours[ctx.conversationPriority ?? DEFAULT_PRIORITY[strategy]], lang);
}

/** Renders a strategy's template (no tone action on existing text). */
export function renderTemplate(
  strategy: DraftStrategy,
  conversation: Conversation,
  profile: CompanyProfile,
  triage: ConversationTriage,
  lang: Language,
  style: Style,
  ctx: DraftContext = buildDraftContext(conversation, triage),
): string {
  const p = phrases(lang);
  const priority = ctx.conversationPriority ?? DEFAULT_PRIORITY[strategy];
  const sla = slaPhrase(profile.slaHours[priority], lang);
  const body = templateParts(strategy, ctx, profile, conversation, triage, lang, sla);
  if (style.warm) body.push({ text: style.friendly ? `${p.thanksTrust} 😊` : p.goodDay, keep: 30 });
  const signature = clean(profile.replyPolicy.signature) || p.signature(clean(profile.name));
  return assemble(p.greeting(ctx.firstName, style.friendly), body, signature, profile.replyPolicy.maxWords, style, lang);
}

/**
 * The rules reply draft: the strategy (given, else from the triage), in the reply language,
 * grounded in the profile, within maxWords, with its safety check. A tone action applies to
 * `previousText` when given (translate re-renders the template in the customer's language),
 * else to a fresh template. `previousText` without a tone is re-checked as it is.
 */
export function draftReplyByRules(conversation: Conversation, profile: CompanyProfile, options: DraftOptions = {}): ReplyDraft {
  const triage = options.triage ?? triageConversationByRules(conversation, profile);
  const ctx = buildDraftContext(conversation, triage);
  const strategy = options.strategy ?? pickStrategy(conversation, triage, profile, ctx);
  const maxWords = profile.replyPolicy.maxWords;
  const tone = options.tone;
  const previous = typeof options.previousText === 'string' ? options.previousText.trim() : '';
  const policyTone = normalize(profile.replyPolicy.tone);
  const style: Style = {
    formal: policyFormal(profile) || tone === 'more_formal',
    friendly: tone === 'friendlier',
    warm: tone === 'friendlier' || /friendl|amable|cercan|warm|calid/.test(policyTone),
    short: tone === 'shorter',
  };

  let language: Language;
  let text: string;
  if (previous && tone && tone !== 'translate') {
    language = detectLanguage(previous);
    text =
      tone === 'shorter' ? shorten(previous, maxWords) : tone === 'more_formal' ? truncateWords(toFormal(previous, language), maxWords) : friendlier(previous, language, maxWords);
  } else if (previous && !tone) {
    language = detectLanguage(previous);
    text = previous;
  } else {
    language = options.language ?? (tone === 'translate' ? ctx.customerLanguage : policyLanguage(profile) ?? ctx.customerLanguage);
    if (tone === 'translate' && previous && !options.language && detectLanguage(previous) === ctx.customerLanguage) {
      // Already in the customer's language: translating means the other one only when forced.
      language = ctx.customerLanguage;
    }
    text = renderTemplate(strategy, conversation, profile, triage, language, style, ctx);
  }
  const safety = checkDraftSafety(text, { conversation, profile, triage });
  const notes = previous ? [] : strategy === 'follow_up' ? [] : groundedParts(ctx, profile, language, triage).notes;
  return { strategy, language, text, safety, source: 'rules', ...(notes.length ? { notes: [...new Set(notes)] } : {}) };
}
