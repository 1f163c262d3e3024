import type { Language } from '../../text/language';
import type { Topic } from './context';
import type { PolicyTopic } from './knowledge';

/**
 * The words of the rules drafts, Spanish (tú; usted comes from toFormal) and English. Every
 * sentence is a fixed phrase with slots filled from the conversation, the triage and the
 * profile — never a number or a fact of its own.
 */
const TOPIC_ES: Record<Topic, string> = {
  order: 'tu pedido',
  delivery: 'la entrega',
  billing: 'el cobro',
  product: 'el producto',
  account: 'tu cuenta',
  service: 'la atención recibida',
};
const TOPIC_EN: Record<Topic, string> = {
  order: 'your order',
  delivery: 'the delivery',
  billing: 'the charge',
  product: 'the product',
  account: 'your account',
  service: 'the service you received',
};
const POLICY_ES: Record<PolicyTopic, string> = { returns: 'devoluciones', warranty: 'garantía', shipping: 'envíos', payment: 'pagos' };
const POLICY_EN: Record<PolicyTopic, string> = { returns: 'returns', warranty: 'warranty', shipping: 'shipping', payment: 'payment' };

export type Department = 'sales' | 'accounting' | 'support' | 'hr' | 'human';
const DEPT_ES: Record<Department, string> = {
  sales: 'nuestro equipo comercial',
  accounting: 'nuestro equipo de contabilidad',
  support: 'nuestro equipo de soporte técnico',
  hr: 'nuestro equipo de selección',
  human: 'una persona de nuestro equipo',
};
const DEPT_EN: Record<Department, string> = {
  sales: 'our sales team',
  accounting: 'our accounting team',
  support: 'our technical support team',
  hr: 'our recruiting team',
  human: 'a member of our team',
};

/** "las próximas 4 horas" / "4 hours". */
export function slaPhrase(hours: number, lang: Language): string {
  if (hours < 1) {
    const m = Math.max(5, Math.round(hours * 60));
    return lang === 'es' ? `los próximos ${m} minutos` : `${m} minutes`;
  }
  if (hours === 1) return lang === 'es' ? 'la próxima hora' : '1 hour';
  if (hours < 48) {
    const h = Math.round(hours);
    return lang === 'es' ? `las próximas ${h} horas` : `${h} hours`;
  }
  const d = Math.round(hours / 24);
  return lang === 'es' ? `los próximos ${d} días` : `${d} days`;
}

const end = (s: string) => (/[.!?…:]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** A fact of the profile a draft may quote. */
export type FactKind = 'hours' | 'location' | 'faq';

export interface Phrases {
  greeting(name: string, friendly: boolean): string;
  apology(topic?: Topic): string;
  understanding: string;
  thanksQuestion: string;
  thanksContact: string;
  reviewing: string;
  updateWithin(sla: string): string;
  patience: string;
  confirmPendingWithin(sla: string): string;
  replyInDetailWithin(sla: string): string;
  anythingElse: string;
  couponOffer(amount: string): string;
  compensationReview: string;
  couponWithin(sla: string, hasAmount: boolean): string;
  handedTo(dept: Department): string;
  contactWithin(sla: string): string;
  noNeedToRepeat: string;
  checkIn(topic?: Topic): string;
  noNeedToReply: string;
  replyAndWeAnswerWithin(sla: string): string;
  goodDay: string;
  thanksTrust: string;
  signature(company: string): string;
  // grounding
  price(name: string, sku: string, price: string): string;
  priceCheck(name: string): string;
  inStock(name: string, stock: number): string;
  outOfStock(name: string): string;
  stockCheck(name: string): string;
  unknownProduct(price: boolean, stock: boolean): string;
  hours(text: string): string;
  hoursCheck: string;
  location(text: string): string;
  locationCheck: string;
  policyCheck(topic: PolicyTopic): string;
  privacy: string;
  customerNumber: string;
  /** A note for the agent, never sent: a profile fact quoted in another language. */
  untranslated(what: FactKind, its: Language): string;
}

const ES: Phrases = {
  greeting: (name, friendly) => (friendly ? `¡Hola${name ? ` ${name}` : ''}!` : `Hola${name ? ` ${name}` : ''},`),
  apology: (topic) => (topic ? `Siento mucho el problema con ${TOPIC_ES[topic]}.` : 'Siento mucho lo ocurrido.'),
  understanding: 'Entiendo lo frustrante que es y quiero ayudarte a resolverlo cuanto antes.',
  thanksQuestion: 'Gracias por tu consulta.',
  thanksContact: 'Gracias por escribirnos.',
  reviewing: 'Ya estoy revisando tu caso con el equipo.',
  updateWithin: (sla) => `Te escribo con novedades en ${sla}.`,
  patience: 'Gracias por tu paciencia.',
  confirmPendingWithin: (sla) => `Te confirmamos lo pendiente en ${sla}.`,
  replyInDetailWithin: (sla) => `Te respondemos en detalle en ${sla}.`,
  anythingElse: 'Si necesitas algo más, responde a este mensaje y te ayudamos.',
  couponOffer: (amount) => `Como compensación, te ofrecemos un cupón de ${amount} para tu próxima compra.`,
  compensationReview: 'Vamos a revisar qué compensación podemos ofrecerte.',
  couponWithin: (sla, has) => `Te enviamos ${has ? 'el cupón' : 'una respuesta'} en ${sla}.`,
  handedTo: (dept) => `He pasado tu caso a ${DEPT_ES[dept]}, que se encargará personalmente.`,
  contactWithin: (sla) => `Se pondrán en contacto contigo en ${sla}.`,
  noNeedToRepeat: 'No hace falta que repitas nada: tendrán todo el historial de la conversación.',
  checkIn: (topic) =>
    topic ? `Te escribimos para saber si ya está todo resuelto con ${TOPIC_ES[topic]}.` : 'Te escribimos para saber si pudimos ayudarte con tu consulta.',
  noNeedToReply: 'Si todo está en orden, no hace falta que respondas.',
  replyAndWeAnswerWithin: (sla) => `Si necesitas algo más, responde a este mensaje y te atendemos en ${sla}.`,
  goodDay: '¡Que tengas un buen día!',
  thanksTrust: '¡Gracias por confiar en nosotros!',
  signature: (company) => `Equipo ${company}`,
  price: (name, sku, price) => `El precio de ${name}${sku ? ` (${sku})` : ''} es ${price}.`,
  priceCheck: (name) => `Lo consultamos y te confirmamos el precio de ${name}.`,
  inStock: (name, stock) => `Tenemos ${stock} ${stock === 1 ? 'unidad disponible' : 'unidades disponibles'} de ${name}.`,
  outOfStock: (name) => `Ahora mismo no nos quedan unidades de ${name}.`,
  stockCheck: (name) => `Lo consultamos y te confirmamos la disponibilidad de ${name}.`,
  unknownProduct: (price, stock) =>
    `Lo consultamos y te confirmamos ${price && stock ? 'el precio y la disponibilidad' : price ? 'el precio' : 'la disponibilidad'} del producto que mencionas.`,
  hours: (text) => end(`Nuestro horario es: ${text}`),
  hoursCheck: 'Lo consultamos y te confirmamos el horario.',
  location: (text) => end(`Nos encuentras en ${text}`),
  locationCheck: 'Lo consultamos y te confirmamos la dirección.',
  policyCheck: (topic) => `Lo consultamos y te confirmamos nuestra política de ${POLICY_ES[topic]}.`,
  privacy: 'Por privacidad, no podemos compartir información de otros clientes.',
  customerNumber: 'Para revisar tu cuenta, ¿podrías indicarnos tu número de cliente?',
  untranslated: (what, its) =>
    `${what === 'hours' ? 'El horario' : what === 'location' ? 'La dirección' : 'La respuesta de las preguntas frecuentes'} solo está en ${its === 'en' ? 'inglés' : 'español'} en el perfil: va tal cual; tradúcela antes de enviar.`,
};

const EN: Phrases = {
  greeting: (name, friendly) => (friendly ? `Hi${name ? ` ${name}` : ''}!` : `Hi${name ? ` ${name}` : ''},`),
  apology: (topic) => (topic ? `I'm really sorry about the problem with ${TOPIC_EN[topic]}.` : "I'm really sorry about what happened."),
  understanding: 'I understand how frustrating this is, and I want to help you sort it out as soon as possible.',
  thanksQuestion: 'Thanks for your question.',
  thanksContact: 'Thanks for getting in touch.',
  reviewing: "I'm already looking into your case with the team.",
  updateWithin: (sla) => `I'll get back to you with an update within ${sla}.`,
  patience: 'Thank you for your patience.',
  confirmPendingWithin: (sla) => `We'll confirm the pending details within ${sla}.`,
  replyInDetailWithin: (sla) => `We'll reply in detail within ${sla}.`,
  anythingElse: "If you need anything else, just reply to this message and we'll help.",
  couponOffer: (amount) => `As an apology, we'd like to offer you a ${amount} coupon for your next purchase.`,
  compensationReview: "We'll look into what we can do to make this right.",
  couponWithin: (sla, has) => `You'll receive ${has ? 'the coupon' : 'our answer'} within ${sla}.`,
  handedTo: (dept) => `I've passed your case to ${DEPT_EN[dept]}, who will take care of it personally.`,
  contactWithin: (sla) => `They will contact you within ${sla}.`,
  noNeedToRepeat: "There's no need to repeat anything: they'll have the full conversation history.",
  checkIn: (topic) =>
    topic ? `Just checking in to see whether everything is now sorted with ${TOPIC_EN[topic]}.` : 'Just checking in to see whether we were able to help with your question.',
  noNeedToReply: "If everything is fine, there's no need to reply.",
  replyAndWeAnswerWithin: (sla) => `If you need anything else, reply to this message and we'll get back to you within ${sla}.`,
  goodDay: 'Have a great day!',
  thanksTrust: 'Thanks so much for trusting us!',
  signature: (company) => `The ${company} team`,
  price: (name, sku, price) => `The price of ${name}${sku ? ` (${sku})` : ''} is ${price}.`,
  priceCheck: (name) => `We'll check the price of ${name} and get back to you.`,
  inStock: (name, stock) => `We have ${stock} ${stock === 1 ? 'unit' : 'units'} of ${name} in stock.`,
  outOfStock: (name) => `${name} is currently out of stock.`,
  stockCheck: (name) => `We'll check the availability of ${name} and get back to you.`,
  unknownProduct: (price, stock) =>
    `We'll check the ${price && stock ? 'price and availability' : price ? 'price' : 'availability'} of the product you mention and get back to you.`,
  hours: (text) => end(`Our opening hours: ${text}`),
  hoursCheck: "We'll check our opening hours and get back to you.",
  location: (text) => end(`You can find us at ${text}`),
  locationCheck: "We'll check the address and get back to you.",
  policyCheck: (topic) => `We'll check our ${POLICY_EN[topic]} policy and get back to you.`,
  privacy: "For privacy reasons, we can't share information about other customers.",
  customerNumber: 'To look into your account, could you tell us your customer number?',
  untranslated: (what, its) =>
    `The ${what === 'hours' ? 'opening hours are' : what === 'location' ? 'address is' : 'FAQ answer is'} only in ${its === 'es' ? 'Spanish' : 'English'} in the profile: quoted as written; translate it before sending.`,
};

export function phrases(lang: Language): Phrases {
  return lang === 'es' ? ES : EN;
}
