import type { CompanyProfile, Conversation, ConversationTriage, ReplyDraft } from '../../contracts';
import { cleanText, normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';
import { execAll } from '../../text/regex';
import { profileKnowledgeTexts } from './knowledge';
import { countWords, numberReadings, sameAmount, splitSentences } from './text';

/**
 * The safety check every draft goes through — rules drafts and LLM drafts alike (the model's
 * own opinion is never trusted). Each rule has a stable name; an issue reads
 * "<rule>: <what is wrong>" so the panel can show it and tests can name it.
 */
export const SAFETY_RULES = [
  'no_blame',
  'apology',
  'short_apology',
  'next_step',
  'no_impossible_promises',
  'compensation_cap',
  'no_internal_notes',
  'no_foreign_contact',
  'grounded_prices',
  'grounded_stock',
  'max_words',
  'empty',
] as const;
export type SafetyRule = (typeof SAFETY_RULES)[number];

export interface SafetyIssue {
  rule: SafetyRule;
  message: string;
}

export interface SafetyInput {
  conversation: Conversation;
  profile: CompanyProfile;
  /** Decides whether an apology is due (complaint or negative sentiment). */
  triage?: Pick<ConversationTriage, 'intent' | 'sentiment'>;
}

const BLAME = compileAny([
  'es tu culpa', 'es su culpa', 'fue tu culpa', 'fue su culpa', 'por tu culpa', 'por su culpa', 'culpa tuya', 'culpa suya',
  'debiste', 'debio usted', 'deberias haber', 'deberia haber', 'tendrias que haber', 'tendria que haber', 'no leiste', 'no leyo',
  'no seguiste', 'no siguio las', 'como ya te dijimos', 'como ya le dijimos', 'como ya te explicamos', 'como ya le explicamos',
  'error tuyo', 'error suyo', 'usaste mal', 'lo usaste mal', 'lo rompiste', 'no es nuestro problema', 'no es nuestra culpa',
  'no es nuestra responsabilidad', 'si hubieras', 'si hubiera leido',
  'your fault', 'you should have', 'you should ve', 'you failed to', 'you didn t read', 'you did not read', 'you didn t follow',
  'you did not follow', 'as we already told you', 'as we told you', 'as already explained', 'user error', 'you broke',
  'not our problem', 'not our fault', 'not our responsibility', 'if you had read', 'you must have', 'you clearly',
]);
const APOLOGY = compileAny([
  'lo siento', 'siento mucho', 'sentimos', 'lamento', 'lamentamos', 'disculpa*', 'disculpe*', 'perdon', 'perdona*', 'perdone*',
  'sorry', 'apolog*', 'regret*',
]);
export const NEXT_STEP = compileAny([
  'en las proximas', 'en la proxima hora', 'en los proximos', 'en menos de', 'antes de', 'vamos a', 'se pondra*', 'nos pondremos',
  'te escrib*', 'le escrib*', 'te confirm*', 'le confirm*', 'te envia*', 'le envia*', 'te contact*', 'le contact*', 'te llam*',
  'le llam*', 'te avis*', 'le avis*', 'te ayudamos', 'le ayudamos', 'te atendemos', 'le atendemos', 'responde a este mensaje',
  'responda a este mensaje', 'proximo paso', 'siguiente paso',
  'we ll', 'we will', 'i ll', 'i will', 'within', 'next step', 'will contact', 'will get back', 'reply to this message',
  'let us know', 'you ll receive', 'you will receive', 'they will',
]);
const PROMISE = compileAny([
  'garantizad*', 'garantizamos', 'garantizo', 'te garantiz*', 'le garantiz*', 'sin falta', 'cien por cien', 'cien por ciento',
  'nunca mas', 'no volvera a pasar', 'no volvera a ocurrir', 'no volvera a suceder', 'jamas volvera', 'te lo prometo',
  'se lo prometo', 'le prometo', 'prometemos', 'prometo', 'te aseguro que', 'le aseguro que', 'hoy mismo sin falta',
  'guarantee', 'guaranteed', 'guarantees', 'we promise', 'i promise', 'without fail', 'never happen again', 'will never happen',
  'won t happen again', 'will not happen again', 'i assure you', 'we assure you', '100 percent', 'one hundred percent',
  '/100\\s?%/',
]);
const COMPENSATION = compileAny([
  'cupon*', 'descuento*', 'reembols*', 'compensacion*', 'compensar*', 'credito', 'bono', 'vale de', 'abono*', 'regalo',
  'coupon*', 'discount*', 'refund*', 'compensation', 'compensate*', 'credit', 'voucher*', 'gift card', 'store credit',
]);
const OFFER = compileAny([
  'ofrecemos', 'podemos ofrecerte un*', 'podemos ofrecerle un*', 'te damos', 'le damos', 'te regalamos', 'le regalamos', 'recibiras', 'recibira',
  'te devolvemos', 'le devolvemos', 'te aplicamos', 'le aplicamos', 'te enviamos', 'le enviamos',
  'we offer', 'we d like to offer', 'we would like to offer', 'we can offer', 'we ll give', 'we will give', 'you ll receive',
  'you will receive', 'we ll refund', 'we will refund', 'we re giving', 'we are giving', 'offer you',
]);
const CURRENCY_AFTER = /^\s?(?:€|eur\b|euros?\b|usd\b|d[oó]lares\b|dollars?\b|mxn\b|pesos?\b|cop\b|ars\b|clp\b|soles?\b|£|gbp\b)/i;
const CURRENCY_BEFORE = /(?:€|\$|£|\beur|\busd|\bmxn|\bus\$)\s?$/i;
const PRICE_WORDS = /(?:precio|cuesta|cuestan|vale|valen|coste|costo|tarifa|price|priced|costs?|for only|por solo|a solo|for just|at)\s+(?:de\s+|es\s+|is\s+|of\s+)?$/i;
const STOCK_AFTER = /^\s?(?:unidades|unidad|uds\.?|units?|pieces|piezas|items|art[ií]culos|en stock|in stock|disponibles|available|left)\b/i;
const STOCK_BEFORE = /(?:tenemos|quedan|hay|we have|only|solo|s[oó]lo)\s+$/i;
const NUMBER = /\d[\d.,]*\d|\d/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+\s?)?\d[\d\s().-]{5,}\d/g;

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The sentences of a text as written (line breaks too). */
function sentencesOf(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => splitSentences(line.trim()));
}

/** Removes the profile's own words (an FAQ answer, the hours) so quoting them is never an issue. */
function withoutProfileText(text: string, profile: CompanyProfile): string {
  let out = text;
  for (const known of profileKnowledgeTexts(profile)) {
    const k = cleanText(known).replace(/\s+/g, ' ').trim();
    if (k.length >= 8) out = out.split(k).join(' ');
  }
  return out;
}

function numbersIn(text: string): { raw: string; index: number; values: number[] }[] {
  const out: { raw: string; index: number; values: number[] }[] = [];
  for (const m of execAll(NUMBER, text)) out.push({ raw: m[0], index: m.index ?? 0, values: numberReadings(m[0]) });
  return out;
}

function customerNumbers(conversation: Conversation): number[] {
  const values: number[] = [];
  for (const m of conversation.messages) {
    if (m.direction !== 'in') continue;
    for (const n of numbersIn(cleanText(m.text))) values.push(...n.values);
  }
  return values;
}

/** Long runs of words from internal notes found in the draft (runs the customer or the profile also wrote don't count). */
function quotedNote(draftNorm: string, conversation: Conversation, profile: CompanyProfile): string | undefined {
  const notes = conversation.messages.filter((m) => m.direction === 'note');
  if (notes.length === 0) return undefined;
  const draftWords = ` ${(draftNorm.match(/[a-z0-9]+/g) ?? []).join(' ')} `;
  const publicText = ` ${(normalize([...conversation.messages.filter((m) => m.direction !== 'note').map((m) => m.text), ...profileKnowledgeTexts(profile)].join(' ')).match(/[a-z0-9]+/g) ?? []).join(' ')} `;
  for (const note of notes) {
    const words = normalize(note.text).match(/[a-z0-9]+/g) ?? [];
    const n = Math.min(5, words.length);
    if (n < 3) continue;
    for (let i = 0; i + n <= words.length; i++) {
      const gram = ` ${words.slice(i, i + n).join(' ')} `;
      if (draftWords.includes(gram) && !publicText.includes(gram)) return gram.trim();
    }
  }
  return undefined;
}

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`;
}

/** Every rule, with the issues found (empty = safe). */
export function findSafetyIssues(text: string, input: SafetyInput): SafetyIssue[] {
  const { conversation, profile, triage } = input;
  const issues: SafetyIssue[] = [];
  const add = (rule: SafetyRule, message: string) => issues.push({ rule, message: `${rule}: ${message}` });
  const trimmed = (text ?? '').trim();
  if (!trimmed) {
    add('empty', 'the draft is empty');
    return issues;
  }
  const norm = normalize(trimmed);
  const own = withoutProfileText(trimmed, profile);
  const ownNorm = normalize(own);
  const sentences = sentencesOf(trimmed);

  const blame = BLAME.exec(ownNorm);
  if (blame) add('no_blame', `blames the customer (${quote(blame[0])})`);

  const apologies = sentences.filter((s) => APOLOGY.test(normalize(s))).length;
  const due = !!triage && (triage.intent === 'complaint' || triage.sentiment <= -0.25);
  if (due && apologies === 0) add('apology', 'the customer is unhappy: apologise briefly (e.g. "Siento mucho…" / "I\'m sorry…")');
  if (apologies > 2) add('short_apology', `${apologies} apologies: keep it to one short apology`);

  if (!NEXT_STEP.test(norm) && !trimmed.includes('?')) add('next_step', 'no clear next step (who does what, and when)');

  const promise = PROMISE.exec(ownNorm);
  if (promise) add('no_impossible_promises', `promises what cannot be guaranteed (${quote(promise[0])})`);

  // Compensation within the policy's cap.
  const cap = profile.replyPolicy.maxCompensation;
  const compensationSentences = new Set<string>();
  for (const sentence of sentencesOf(own)) {
    const sn = normalize(sentence);
    if (!COMPENSATION.test(sn)) continue;
    compensationSentences.add(sentence);
    const amounts = numbersIn(sentence).filter((n) => {
      const after = sentence.slice(n.index + n.raw.length);
      return !/^\s?(?:%|por ?ciento|percent|h\b|horas?|hours?|d[ií]as?|days?|minutos?|minutes?)/i.test(after);
    });
    const over = amounts.find((n) => n.values.every((v) => v > cap + 0.005));
    if (over) add('compensation_cap', `offers ${over.raw}, above the maximum compensation of ${cap}`);
    else if (cap <= 0 && OFFER.test(sn)) add('compensation_cap', 'offers compensation, but the reply policy allows none (maxCompensation 0)');
  }

  const noteQuote = quotedNote(norm, conversation, profile);
  if (noteQuote) add('no_internal_notes', `quotes an internal note (${quote(noteQuote)})`);

  // Contact details: only the company's (profile text) and this customer's own.
  const allowedEmails = new Set<string>();
  const allowedPhones = new Set<string>();
  const allowSource = (s: string) => {
    for (const e of s.match(EMAIL) ?? []) allowedEmails.add(e.toLowerCase());
    for (const p of s.match(PHONE) ?? []) if (digitsOf(p).length >= 7) allowedPhones.add(digitsOf(p));
  };
  allowSource(profileKnowledgeTexts(profile).join('\n'));
  allowSource(`${conversation.contact.email} ${conversation.contact.phone}`);
  if (conversation.contact.email) allowedEmails.add(conversation.contact.email.toLowerCase().trim());
  if (digitsOf(conversation.contact.phone).length >= 7) allowedPhones.add(digitsOf(conversation.contact.phone));
  // Numbers the customer wrote (an order number) are theirs to see again.
  for (const m of conversation.messages) if (m.direction === 'in') for (const p of m.text.match(/\d{7,}/g) ?? []) allowedPhones.add(p);
  const draftNoEmails = trimmed.replace(EMAIL, ' ');
  for (const e of trimmed.match(EMAIL) ?? []) {
    if (!allowedEmails.has(e.toLowerCase())) add('no_foreign_contact', `contains an email that is neither the company's nor this customer's (${e})`);
  }
  for (const p of draftNoEmails.match(PHONE) ?? []) {
    const d = digitsOf(p);
    if (d.length < 7) continue;
    const allowed = [...allowedPhones].some((a) => a === d || (d.length >= 7 && (a.endsWith(d) || d.endsWith(a))));
    if (!allowed) add('no_foreign_contact', `contains a phone number that is neither the company's nor this customer's (${p.trim()})`);
  }

  // Prices and stock levels: only the catalog's (or the profile's own text, or the customer's own figures).
  const prices = profile.catalog.map((i) => i.price).filter((p): p is number => p !== undefined);
  const stocks = profile.catalog.map((i) => i.stock).filter((s): s is number => s !== undefined);
  const theirs = customerNumbers(conversation);
  const known = (values: number[], set: number[]) => values.some((v) => set.some((k) => sameAmount(v, k)) || theirs.some((k) => sameAmount(v, k)));
  for (const sentence of sentencesOf(own.replace(EMAIL, ' '))) {
    if (compensationSentences.has(sentence)) continue;
    for (const n of numbersIn(sentence)) {
      const before = sentence.slice(0, n.index);
      const after = sentence.slice(n.index + n.raw.length);
      const isPrice = CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before) || PRICE_WORDS.test(before);
      const isStock = STOCK_AFTER.test(after) || (STOCK_BEFORE.test(before) && !isPrice && !/^\s?(?:h\b|horas?|hours?|d[ií]as?|days?|minutos?|minutes?|%|a[ñn]os?|years?)/i.test(after));
      if (isPrice && !known(n.values, prices)) add('grounded_prices', `the price ${n.raw} is not in the catalog`);
      else if (isStock && !isPrice && !known(n.values, stocks)) add('grounded_stock', `the stock level ${n.raw} is not in the catalog`);
    }
  }

  const words = countWords(trimmed);
  if (words > profile.replyPolicy.maxWords) add('max_words', `${words} words, above the policy's ${profile.replyPolicy.maxWords}`);
  return issues.slice(0, 20);
}

/** `{ ok, issues[] }` for ReplyDraft.safety. */
export function checkDraftSafety(text: string, input: SafetyInput): ReplyDraft['safety'] {
  const issues = findSafetyIssues(text, input);
  return { ok: issues.length === 0, issues: issues.map((i) => i.message.slice(0, 500)) };
}
