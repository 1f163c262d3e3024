import { ConversationSchema, type CompanyProfile, type Conversation, type ConversationTriage, type DraftStrategy, type ReplyDraft } from '../../contracts';
import { type Language } from '../../text/language';
import { cleanText, normalize } from '../../text/normalize';
import { retentionQuadrant } from '../conversation/index';
import { assemble, compensationAmount, currencyOf, money, type Part, type Style } from './compose';
import { firstNameOf, policyFormal, policyLanguage } from './context';
import { checkDraftSafety } from './safety';
import { phrases, slaPhrase } from './templates';

/**
 * One-shot outreach to a customer who never writes, with each of the five strategies: the
 * reply templates assume a message to answer ("thanks for writing"), so outreach has its own
 * sentences, and shares the greeting, signature, length limit, formality and safety check.
 * The only facts it states are the ones it is given (open issues, days since contact).
 */
export interface OutreachFacts {
  name?: string;
  billingLevel?: 'high' | 'low';
  conformity?: 'high' | 'low';
  daysSinceContact?: number;
  openIssues?: number;
  /** The message language (default: the policy's fixed language, else Spanish when the profile writes Spanish, else English). */
  language?: Language;
}

interface OutreachPhrases {
  openIssues(n: number): string;
  howAreWeDoing: string;
  reviewingIssues(n: number, sla: string): string;
  replyAndWeAnswerWithin(sla: string): string;
  getTheMost: string;
  thanksCoupon(amount: string): string;
  thanksReview: string;
  couponWithin(sla: string, hasAmount: boolean): string;
  personalCall(sla: string): string;
  sinceWeTalked(days: number | undefined): string;
  noNeedToReply: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const ES: OutreachPhrases = {
  openIssues: (n) => `Hemos visto que tienes ${n} ${plural(n, 'incidencia abierta', 'incidencias abiertas')} y queremos asegurarnos de que se resuelva${n === 1 ? '' : 'n'} cuanto antes.`,
  howAreWeDoing: 'Queremos saber cómo te va con nosotros y si hay algo que podamos mejorar.',
  reviewingIssues: (n, sla) => `Estamos revisando ${plural(n, 'tu incidencia abierta', `tus ${n} incidencias abiertas`)} y te confirmamos su estado en ${sla}.`,
  replyAndWeAnswerWithin: (sla) => `Si necesitas algo, responde a este mensaje y te atendemos en ${sla}.`,
  getTheMost: 'Te escribimos para ayudarte a sacar el máximo partido de lo que ya tienes con nosotros.',
  thanksCoupon: (amount) => `Como agradecimiento por tu confianza, te ofrecemos un cupón de ${amount} para tu próxima compra.`,
  thanksReview: 'Queremos agradecerte tu confianza y ver qué podemos hacer por ti.',
  couponWithin: (sla, has) => `Te enviamos ${has ? 'el cupón' : 'una propuesta'} en ${sla}.`,
  personalCall: (sla) => `Una persona de nuestro equipo se pondrá en contacto contigo en ${sla} para revisar tu cuenta personalmente.`,
  sinceWeTalked: (days) =>
    days !== undefined && days >= 14 ? `Hace ${days} días que no hablamos y queremos saber si todo va bien.` : 'Queremos saber si todo va bien.',
  noNeedToReply: 'Si todo está en orden, no hace falta que respondas.',
};

const EN: OutreachPhrases = {
  openIssues: (n) => `We noticed you have ${n} open ${plural(n, 'issue', 'issues')} and want to make sure ${n === 1 ? 'it is' : 'they are'} resolved as soon as possible.`,
  howAreWeDoing: "We'd like to know how things are going with us and whether there is anything we could do better.",
  reviewingIssues: (n, sla) => `We're reviewing your ${plural(n, 'open issue', `${n} open issues`)} and will confirm where ${n === 1 ? 'it stands' : 'they stand'} within ${sla}.`,
  replyAndWeAnswerWithin: (sla) => `If you need anything, reply to this message and we'll get back to you within ${sla}.`,
  getTheMost: "We're writing to help you get the most out of what you already have with us.",
  thanksCoupon: (amount) => `As a thank-you for your trust, we'd like to offer you a ${amount} coupon for your next purchase.`,
  thanksReview: "We'd like to thank you for your trust and see what we can do for you.",
  couponWithin: (sla, has) => `You'll receive ${has ? 'the coupon' : 'our proposal'} within ${sla}.`,
  personalCall: (sla) => `A member of our team will contact you within ${sla} to review your account personally.`,
  sinceWeTalked: (days) =>
    days !== undefined && days >= 14 ? `It's been ${days} days since we last talked, and we wanted to check that everything is going well.` : 'We wanted to check that everything is going well.',
  noNeedToReply: "If everything is fine, there's no need to reply.",
};

/** The conversation the safety check and the compensation rules read: the customer, and nothing said yet. */
function outreachConversation(facts: OutreachFacts): Conversation {
  return ConversationSchema.parse({ contact: { name: cleanText(facts.name ?? '').slice(0, 200) }, billingLevel: facts.billingLevel, messages: [] });
}

function outreachTriage(facts: OutreachFacts, language: Language): ConversationTriage {
  const conformity = facts.conformity ?? 'high';
  const quadrant = facts.billingLevel ? retentionQuadrant(conformity, facts.billingLevel) : undefined;
  return {
    intent: 'other',
    confidence: 1,
    escalate: false,
    escalationReason: '',
    department: '',
    clarifyingQuestion: '',
    sentiment: 0,
    conformity,
    ...(quadrant ? { retention: { quadrant, actions: [] } } : {}),
    handoffSummary: '',
    source: 'rules',
    flags: [],
    language,
  };
}

/** The outreach message with one strategy, as a ReplyDraft (safety-checked, within maxWords). */
export function draftOutreachByRules(facts: OutreachFacts, profile: CompanyProfile, strategy: DraftStrategy): ReplyDraft {
  const language: Language = facts.language ?? policyLanguage(profile) ?? 'en';
  const o = language === 'es' ? ES : EN;
  const p = phrases(language);
  const conversation = outreachConversation(facts);
  const triage = outreachTriage(facts, language);
  const issues = Math.max(0, Math.floor(facts.openIssues ?? 0));
  const fast = slaPhrase(profile.slaHours.P2, language);
  const normal = slaPhrase(profile.slaHours.P3, language);
  const issuesPart: Part[] = issues > 0 ? [{ text: o.openIssues(issues), keep: 90 }] : [];
  let body: Part[];
  switch (strategy) {
    case 'empathetic':
      body = [...(issuesPart.length ? issuesPart : [{ text: o.howAreWeDoing, keep: 90 }]), { text: o.replyAndWeAnswerWithin(fast), keep: 97 }];
      break;
    case 'technical':
      body = [{ text: o.getTheMost, keep: 90 }, { text: issues > 0 ? o.reviewingIssues(issues, normal) : o.replyAndWeAnswerWithin(normal), keep: 97 }];
      break;
    case 'compensation': {
      const amount = compensationAmount(profile, conversation, triage);
      body = [
        { text: amount > 0 ? o.thanksCoupon(money(amount, currencyOf(profile), language)) : o.thanksReview, keep: 95 },
        ...issuesPart,
        { text: o.couponWithin(fast, amount > 0), keep: 97 },
      ];
      break;
    }
    case 'escalate':
      body = [...issuesPart, { text: o.personalCall(fast), keep: 97 }];
      break;
    case 'follow_up':
      // "No need to reply" only when nothing is open.
      body = [
        { text: o.sinceWeTalked(facts.daysSinceContact), keep: 96 },
        ...(issuesPart.length ? issuesPart : [{ text: o.noNeedToReply, keep: 21 }]),
        { text: o.replyAndWeAnswerWithin(normal), keep: 97 },
      ];
      break;
  }
  const warm = /friendl|amable|cercan|warm|calid/.test(normalize(profile.replyPolicy.tone));
  if (warm) body.push({ text: p.goodDay, keep: 30 });
  const style: Style = { formal: policyFormal(profile), friendly: false, warm, short: false };
  const signature = cleanText(profile.replyPolicy.signature).replace(/\s+/g, ' ').trim() || p.signature(cleanText(profile.name));
  const text = assemble(p.greeting(firstNameOf(facts.name ?? ''), false), body, signature, profile.replyPolicy.maxWords, style, language);
  return { strategy, language, text, safety: checkDraftSafety(text, { conversation, profile, triage }), source: 'rules' };
}
