import type { CompanyProfile, Conversation, ConversationTriage, Message, Priority } from '../../contracts';
import { detectLanguage, type Language } from '../../text/language';
import { cleanText, normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';
import { findInjection } from '../safety/injection';

/**
 * What a draft is built from, read once from the conversation: only customer ("in") and agent
 * ("out") messages — internal notes ("note") are never read here, so no template can quote them.
 */
export interface DraftContext {
  /** Customer messages (injection-screened), oldest first. */
  customer: string[];
  /** The customer messages the draft answers: those after our last reply (else the last three). */
  recent: string;
  recentNorm: string;
  /** The customer's language (triage first, else detected). */
  customerLanguage: Language;
  /** The customer's first name, letters only, or "". */
  firstName: string;
  /** True when our message is the last one (the customer has gone quiet) or the customer never wrote. */
  quiet: boolean;
  topic: Topic | undefined;
  /** Priority for the SLA: the conversation's own when set, else by strategy. */
  conversationPriority: Priority | undefined;
}

export type Topic = 'order' | 'delivery' | 'billing' | 'product' | 'account' | 'service';

const TOPICS: [Topic, RegExp][] = [
  ['billing', compileAny(['factura*', 'cobro*', 'cobraron', 'cobrado', 'cargo', 'cargos', 'pago', 'pagos', 'invoice*', 'billing', 'bill', 'charge*', 'charged', 'payment*', 'refund*', 'reembolso*'])],
  ['delivery', compileAny(['entrega*', 'envio*', 'no llego', 'no ha llegado', 'paquete*', 'delivery', 'delivered', 'shipping', 'shipment', 'package', 'parcel', 'arrived', 'not arrived'])],
  ['product', compileAny(['defectuos*', 'roto', 'rota', 'no funciona', 'averia*', 'averiad*', 'falla', 'broken', 'defective', 'faulty', 'does not work', 'doesn t work', 'doesnt work', 'not working', 'stopped working'])],
  ['order', compileAny(['pedido*', 'orden', 'compra', 'order', 'orders', 'purchase'])],
  ['account', compileAny(['cuenta', 'contrasena', 'account', 'password', 'login'])],
  ['service', compileAny(['atencion', 'servicio', 'service', 'support', 'soporte'])],
];

const PRIORITY_WORDS: [Priority, RegExp][] = [
  ['P1', /^(?:urgent|urgente|p1|critical|critica|critico)$/],
  ['P2', /^(?:high|alta|alto|p2)$/],
  ['P3', /^(?:normal|medium|media|medio|p3)$/],
  ['P4', /^(?:low|baja|bajo|p4)$/],
];

function customerText(message: Message): string {
  return findInjection(cleanText(message.text)).cleaned;
}

/**
 * Words a CRM or a chat app puts where a name goes, and honorifics: never a first name to greet
 * ("Hi Requester," / "Hola Cliente,").
 */
const NOT_A_NAME = new Set(
  ('requester requestor customer customers client cliente clientes solicitante usuario usuaria user users contact contacto visitor visitante guest ' +
    'invitado unknown desconocido desconocida anonymous anonimo anonima anon admin administrator administrador bot tester test prueba support soporte ' +
    'team equipo sales ventas info noreply no-reply someone alguien nobody nadie whatsapp zendesk end-user enduser agent agente lead prospect null undefined ' +
    'hacker owner sir madam senor senora caballero dama amigo amiga friend').split(' '),
);
const HONORIFIC = /^(?:sr|sra|srta|sres|don|dona|dr|dra|lic|ing|arq|prof|mr|mrs|ms|miss|mx|dr|sir|madam)\.?$/i;
/** Words that make a "name" a company, not a person ("Constructora Bello SRL", "Hotel Caribe Azul", "Spa Serenity"). */
const COMPANY_WORD = /^(?:s\.?a\.?|s\.?l\.?|srl|sas|sa|sl|llc|ltd|inc|gmbh|corp|co|plc|grupo|group|hotel|hoteles|spa|residencia|constructora|ferreteria|tienda|store|shop|clinica|clinic|hospital|farmacia|restaurante|restaurant|landscaping|company|compania|empresa|inversiones|servicios|services|distribuidora|comercial|industrias|consulting|asociados|associates)$/i;

/**
 * The customer's first name to greet them by, or "" (no name beats a wrong one). The page is
 * hostile input: letters only, at most 30 characters; a field label, a company, an honorific
 * with a surname only, or anything that reads like an instruction is not a name.
 */
export function firstNameOf(name: string): string {
  const raw = cleanText(name);
  if (!raw || raw.length > 60 || findInjection(raw).flagged) return '';
  const words = raw.split(/[\s,;]+/).filter(Boolean);
  if (words.length > 5 || words.some((w) => COMPANY_WORD.test(normalize(w)))) return '';
  let i = 0;
  let honorific = false;
  while (i < words.length && HONORIFIC.test(normalize(words[i]!))) {
    i++;
    honorific = true;
  }
  // "Mrs Patel": an English honorific before a single word is a surname.
  if (honorific && words.length - i === 1 && /^(?:mr|mrs|ms|miss|mx|dr|sir|madam)\.?$/i.test(normalize(words[0]!))) return '';
  const first = words[i] ?? '';
  const letters = first.replace(/[^\p{L}'-]/gu, '');
  if (letters.length < 2 || letters.length > 30 || letters.length < first.length / 2) return '';
  if (NOT_A_NAME.has(normalize(letters))) return '';
  // A lower-case word that is not capitalised anywhere is more likely a label or a word than a name.
  if (letters === letters.toUpperCase() && letters.length > 3 && words.length === 1) return letters.charAt(0) + letters.slice(1).toLowerCase();
  return letters.charAt(0).toUpperCase() + letters.slice(1);
}

export function detectTopic(norm: string): Topic | undefined {
  for (const [topic, re] of TOPICS) if (re.test(norm)) return topic;
  return undefined;
}

export function buildDraftContext(conversation: Conversation, triage: ConversationTriage | undefined): DraftContext {
  const spoken = conversation.messages.filter((m) => m.direction !== 'note');
  const customerMsgs = spoken.filter((m) => m.direction === 'in');
  const customer = customerMsgs.map(customerText).filter(Boolean);
  let lastOut = -1;
  spoken.forEach((m, i) => {
    if (m.direction === 'out') lastOut = i;
  });
  const after = spoken.slice(lastOut + 1).filter((m) => m.direction === 'in').map(customerText).filter(Boolean);
  const recentList = after.length ? after : customer.slice(-3);
  const recent = recentList.join('\n');
  const recentNorm = normalize(recent);
  const allText = customer.slice(-20).join('\n');
  const customerLanguage: Language = triage?.language ?? (allText ? detectLanguage(allText) : 'en');
  const last = spoken.at(-1);
  const quiet = customer.length === 0 || last?.direction === 'out';
  const prio = normalize(conversation.priority).trim();
  const conversationPriority = PRIORITY_WORDS.find(([, re]) => re.test(prio))?.[0];
  return {
    customer,
    recent,
    recentNorm,
    customerLanguage,
    firstName: firstNameOf(conversation.contact?.name ?? ''),
    quiet,
    topic: detectTopic(recentNorm) ?? detectTopic(normalize(allText)),
    conversationPriority,
  };
}

/** The reply language: the policy's when it fixes one ("es", "en", "Spanish"…), else the customer's. */
export function policyLanguage(profile: CompanyProfile): Language | undefined {
  const l = normalize(profile.replyPolicy.language);
  if (/^(?:es|spa|espanol|spanish|castellano)/.test(l)) return 'es';
  if (/^(?:en|eng|ingles|english)/.test(l)) return 'en';
  return undefined;
}

/** Spanish formality from the policy's tone ("formal", "usted"). */
export function policyFormal(profile: CompanyProfile): boolean {
  return /\b(?:formal|usted|profesional|professional)\b/.test(normalize(profile.replyPolicy.tone));
}
