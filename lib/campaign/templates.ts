import {
  CampaignTemplatesSchema,
  type CampaignSegment,
  type CampaignTemplate,
  type CampaignTemplates,
  type CampaignTemplatesInput,
} from '../contracts';
import type { Language } from '../text/language';

/**
 * The pre-approved campaign templates per segment, Spanish (tú; usted comes from the reply
 * policy's tone) and English. Rules mode fills them, and so does the rescue when the LLM fails.
 * The admin can replace any of them (CampaignTemplatesSchema); what they leave out stays as here.
 * Every sentence states only what a slot brings from the record or the profile.
 */
export const DEFAULT_CAMPAIGN_TEMPLATES: Record<CampaignSegment, Record<Language, CampaignTemplate>> = {
  hot: {
    es: {
      subject: '{product} para {company}: ¿hablamos esta semana?',
      preheader: 'Una propuesta concreta para {need}.',
      body: '{greeting}\n\n{followUp}Por lo que nos contaste, buscas ayuda con {need}. Con {product} podemos ayudarte a resolverlo desde el primer día.\n\nTe propongo una llamada de 30 minutos esta semana para revisar tu caso y darte una propuesta concreta.\n\n{signature}',
      callToAction: 'Reservar una llamada de 30 minutos',
    },
    en: {
      subject: '{product} for {company}: shall we talk this week?',
      preheader: 'A concrete proposal for {need}.',
      body: "{greeting}\n\n{followUp}From what you told us, you're looking for help with {need}. With {product} we can help you solve it from day one.\n\nI suggest a 30-minute call this week to go through your case and give you a concrete proposal.\n\n{signature}",
      callToAction: 'Book a 30-minute call',
    },
  },
  evaluating: {
    es: {
      subject: 'Cómo {product} puede ayudar a {company}',
      preheader: 'Lo que necesitas saber para decidir sobre {need}.',
      body: '{greeting}\n\n{followUp}Sabemos que estás valorando opciones para {need}. {product} es una de nuestras especialidades y podemos enseñarte cómo funcionaría en un caso como el tuyo.\n\n¿Te viene bien una demostración breve? La preparamos a partir de lo que ya nos has contado.\n\n{signature}',
      callToAction: 'Pedir una demostración',
    },
    en: {
      subject: 'How {product} can help {company}',
      preheader: 'What you need to know to decide on {need}.',
      body: "{greeting}\n\n{followUp}We know you're weighing options for {need}. {product} is one of our specialities, and we can show you how it would work in a case like yours.\n\nWould a short demo suit you? We'll build it around what you've already told us.\n\n{signature}",
      callToAction: 'Request a demo',
    },
  },
  nurture: {
    es: {
      subject: 'Ideas sobre {need} para {company}',
      preheader: 'Sin compromiso: lo que vemos que funciona en {industry}.',
      body: '{greeting}\n\n{followUp}Te escribimos porque ofrecemos {product} a empresas de {industry}. Si {need} está en tus planes para los próximos meses, podemos compartir contigo lo que vemos que funciona.\n\nSi te interesa, responde a este correo y te enviamos más información.\n\n{signature}',
      callToAction: 'Quiero más información',
    },
    en: {
      subject: 'Ideas on {need} for {company}',
      preheader: 'No strings attached: what we see working in {industry}.',
      body: "{greeting}\n\n{followUp}We're writing because we provide {product} to companies in {industry}. If {need} is in your plans for the coming months, we're happy to share what we see working.\n\nIf that sounds useful, reply to this email and we'll send you more information.\n\n{signature}",
      callToAction: 'Send me more information',
    },
  },
  customer: {
    es: {
      subject: '{company}: el siguiente paso con {product}',
      preheader: 'Una idea para sacar más partido de tu trabajo con {sender}.',
      body: '{greeting}\n\n{followUp}Gracias por confiar en {sender}. Pensando en {need}, creemos que {product} puede ser un buen siguiente paso para {company}.\n\nSi te parece, lo vemos juntos en una llamada corta.\n\n{signature}',
      callToAction: 'Agendar una llamada',
    },
    en: {
      subject: '{company}: the next step with {product}',
      preheader: 'An idea to get more out of your work with {sender}.',
      body: '{greeting}\n\n{followUp}Thank you for trusting {sender}. With {need} in mind, we think {product} could be a good next step for {company}.\n\nIf you agree, we can look at it together on a short call.\n\n{signature}',
      callToAction: 'Schedule a call',
    },
  },
  win_back: {
    es: {
      subject: '¿Retomamos la conversación sobre {need}?',
      preheader: 'Sin compromiso: una propuesta de {product} a tu medida.',
      body: '{greeting}\n\n{followUp}Hace un tiempo hablamos sobre {need} y entonces no fue el momento. Si la situación de {company} ha cambiado, nos encantaría preparar una propuesta de {product} ajustada a lo que necesitas hoy.\n\nBasta con que respondas a este correo.\n\n{signature}',
      callToAction: 'Retomar la conversación',
    },
    en: {
      subject: 'Shall we pick up the conversation about {need}?',
      preheader: 'No strings attached: a {product} proposal that fits.',
      body: "{greeting}\n\n{followUp}A while ago we talked about {need}, and the timing wasn't right then. If things have changed at {company}, we'd love to prepare a {product} proposal fitted to what you need today.\n\nJust reply to this email.\n\n{signature}",
      callToAction: 'Pick up the conversation',
    },
  },
  needs_info: {
    es: {
      subject: '{sender}: ¿en qué podemos ayudarte?',
      preheader: 'Cuéntanos un poco más para preparar algo útil.',
      body: '{greeting}\n\nGracias por tu interés en {sender}. Para prepararte una propuesta útil, nos falta saber {missing}.\n\n¿Nos lo cuentas respondiendo a este correo? Con eso te enviamos una propuesta a tu medida.\n\n{signature}',
      callToAction: 'Responder con esos datos',
    },
    en: {
      subject: '{sender}: how can we help?',
      preheader: 'Tell us a little more so we can prepare something useful.',
      body: "{greeting}\n\nThanks for your interest in {sender}. To prepare a useful proposal, we still need to know {missing}.\n\nCould you tell us by replying to this email? With that, we'll send you a proposal made for you.\n\n{signature}",
      callToAction: 'Reply with those details',
    },
  },
};

/** The template for a segment and language: the admin's when they set it, else the default. */
export function campaignTemplate(segment: CampaignSegment, language: Language, templates?: CampaignTemplates): CampaignTemplate {
  return templates?.segments[segment]?.[language] ?? DEFAULT_CAMPAIGN_TEMPLATES[segment][language];
}

/** The admin's templates, validated (zod: known segments and slots only); a bad structure is refused with the field named. */
export function parseCampaignTemplates(input: CampaignTemplatesInput | unknown) {
  return CampaignTemplatesSchema.safeParse(input);
}

export type SlotValues = Record<string, string>;

/**
 * Fills `{slot}`s in one pass, so a value that itself contains "{product}" stays text; then
 * tidies what an empty slot leaves (double spaces, a space before punctuation).
 */
export function fillTemplate(text: string, values: SlotValues): string {
  return text
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name]! : whole))
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
