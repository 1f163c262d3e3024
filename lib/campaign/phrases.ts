import type { CampaignSegment, LeadField, TimelineItem } from '../contracts';
import type { Language } from '../text/language';
import type { DealPhase } from './facts';
import type { ProductChoice } from './product';
import type { SegmentWhy } from './segment';

/**
 * The words of a campaign's glass box (steps, rationale) and the neutral wording of slots the
 * record leaves empty, Spanish and English. Facts are quoted from the record or the profile.
 */
export interface CampaignPhrases {
  fieldNames: Record<LeadField, string>;
  read(fields: string[], missing: string[]): string;
  readNothing: string;
  timeline(items: string[], total: number): string;
  noTimeline: string;
  dealStage(stage: string, phase: DealPhase): string;
  classification(stage: string, priority: string, source: 'page' | 'rules' | 'model'): string;
  needs(needs: string[]): string;
  noNeeds: string;
  injection: string;
  segment(segment: CampaignSegment, why: SegmentWhy, missing: string[]): string;
  product(choice: ProductChoice): string;
  productReplaced(named: string, choice: ProductChoice): string;
  write(template: string, words: number, maxWords: number, tone: string, formal: boolean): string;
  modelWrote(words: number, maxWords: number): string;
  truncated(maxWords: number): string;
  fallback: { company: string; product: string; need: string; industry: string; missingAny: string };
  missingPiece: Partial<Record<LeadField, string>>;
  greeting(firstName: string): string;
  followUp(kind: TimelineItem['kind']): string;
  and: string;
}

const list = (items: string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const quote = (s: string) => `«${s}»`;

const SEGMENT_ES: Record<CampaignSegment, string> = {
  hot: 'listo para comprar',
  evaluating: 'evaluando',
  nurture: 'en maduración',
  customer: 'cliente',
  win_back: 'recuperar',
  needs_info: 'faltan datos',
};
const SEGMENT_EN: Record<CampaignSegment, string> = {
  hot: 'ready to buy',
  evaluating: 'evaluating',
  nurture: 'nurture',
  customer: 'customer',
  win_back: 'win back',
  needs_info: 'needs information',
};

export const ES: CampaignPhrases = {
  fieldNames: {
    fullName: 'nombre',
    jobTitle: 'cargo',
    company: 'empresa',
    email: 'email',
    phone: 'teléfono',
    industry: 'sector',
    location: 'ubicación',
    description: 'descripción',
    companySize: 'tamaño',
    annualRevenue: 'facturación',
    source: 'origen',
    owner: 'propietario',
    status: 'estado',
  },
  read: (fields, missing) => `Leídos del registro ${fields.length} ${fields.length === 1 ? 'campo' : 'campos'}: ${fields.join(', ')}.${missing.length ? ` No aparecen: ${missing.join(', ')}.` : ''}`,
  readNothing: 'El registro no muestra ningún campo útil.',
  timeline: (items, total) => `Historial: ${items.length} de ${total} ${total === 1 ? 'elemento usado' : 'elementos usados'} — ${items.join('; ')}.`,
  noTimeline: 'Historial: la página no muestra actividad.',
  dealStage: (stage, phase) => `Etapa del negocio: ${quote(stage)} (${phase === 'won' ? 'ganado' : phase === 'lost' ? 'perdido' : 'abierto'}).`,
  classification: (stage, priority, source) =>
    `Clasificación ${source === 'page' ? 'mostrada en la página' : source === 'model' ? 'del modelo' : 'de las reglas'}: ${stage}, ${priority}.`,
  needs: (needs) => `Necesidades detectadas: ${needs.join(', ')}.`,
  noNeeds: 'No se detecta ninguna necesidad concreta.',
  injection: 'Se descartó texto del registro que daba instrucciones al asistente.',
  segment: (segment, why, missing) => {
    const name = `Segmento: ${segment} (${SEGMENT_ES[segment]})`;
    switch (why.code) {
      case 'deal_lost':
        return `${name}, porque la etapa del negocio es ${quote(why.dealStage)}.`;
      case 'deal_won':
        return `${name}, porque la etapa del negocio es ${quote(why.dealStage)}: ya es cliente.`;
      case 'stage':
        return `${name}, porque la clasificación es ${why.stage} ${why.priority}.`;
      case 'review':
        return `${name}: la clasificación es Review, no hay información suficiente; se pide ${missing.join(', ')}.`;
      case 'no_need':
        return `${name}: el registro no dice qué necesita; se pide ${missing.join(', ')}.`;
      case 'poor_data':
        return `${name}: los datos del registro son pobres (calidad ${why.dataQuality}/100); se pide ${missing.join(', ')}.`;
    }
  },
  product: (c) =>
    c.kind === 'none'
      ? 'Producto: ninguno, el perfil no tiene servicios ni catálogo.'
      : c.basis === 'classification'
        ? `Producto: ${quote(c.name)}, el servicio del perfil que la clasificación relaciona con la necesidad${c.evidence ? ` ${quote(c.evidence)}` : ''}.`
        : c.basis === 'need'
          ? `Producto: ${quote(c.name)} (${c.kind === 'service' ? 'servicio' : 'catálogo'} del perfil), coincide con la necesidad ${quote(c.evidence)}.`
          : c.basis === 'description'
            ? `Producto: ${quote(c.name)} (${c.kind === 'service' ? 'servicio' : 'catálogo'} del perfil), coincide con la descripción ${quote(c.evidence)}.`
            : c.basis === 'timeline'
              ? `Producto: ${quote(c.name)} (${c.kind === 'service' ? 'servicio' : 'catálogo'} del perfil), coincide con el historial (${c.evidence}).`
              : c.basis === 'model'
                ? `Producto: ${quote(c.name)}, del ${c.kind === 'service' ? 'perfil (servicios)' : 'catálogo del perfil'}.`
                : `Producto: ${quote(c.name)}, el primero que lista el perfil: nada en el registro apunta a otro.`,
  productReplaced: (named, c) => `El modelo propuso ${quote(named)}, que no está en el perfil; se sustituye por ${quote(c.name)}.`,
  write: (template, words, maxWords, tone, formal) =>
    `Redactado con la plantilla aprobada ${quote(template)}: ${words} de ${maxWords} palabras como máximo, tono ${quote(tone)}${formal ? ' (de usted)' : ''}.`,
  modelWrote: (words, maxWords) => `Redactado por el modelo: ${words} de ${maxWords} palabras como máximo; HTML saneado.`,
  truncated: (maxWords) => `El mensaje se recortó a ${maxWords} palabras (política de respuesta).`,
  fallback: { company: 'tu empresa', product: 'nuestros servicios', need: 'tu proyecto', industry: 'tu sector', missingAny: 'un poco más sobre tu proyecto' },
  missingPiece: {
    description: 'qué necesitas resolver',
    company: 'en qué empresa trabajas',
    industry: 'a qué se dedica tu empresa',
    jobTitle: 'cuál es tu función',
  },
  greeting: (name) => (name ? `Hola ${name},` : 'Hola,'),
  followUp: (kind) =>
    kind === 'call' ? 'Gracias por tu tiempo en nuestra última llamada. ' : kind === 'meeting' ? 'Gracias por tu tiempo en nuestra última reunión. ' : kind === 'email' ? 'Retomo nuestro último correo. ' : '',
  and: 'y',
};

export const EN: CampaignPhrases = {
  fieldNames: {
    fullName: 'name',
    jobTitle: 'job title',
    company: 'company',
    email: 'email',
    phone: 'phone',
    industry: 'industry',
    location: 'location',
    description: 'description',
    companySize: 'size',
    annualRevenue: 'revenue',
    source: 'source',
    owner: 'owner',
    status: 'status',
  },
  read: (fields, missing) => `Read ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} from the record: ${fields.join(', ')}.${missing.length ? ` Not shown: ${missing.join(', ')}.` : ''}`,
  readNothing: 'The record shows no usable field.',
  timeline: (items, total) => `Timeline: ${items.length} of ${total} ${total === 1 ? 'item' : 'items'} used — ${items.join('; ')}.`,
  noTimeline: 'Timeline: the page shows no activity.',
  dealStage: (stage, phase) => `Deal stage: "${stage}" (${phase === 'won' ? 'won' : phase === 'lost' ? 'lost' : 'open'}).`,
  classification: (stage, priority, source) => `Classification ${source === 'page' ? 'shown on the page' : source === 'model' ? 'by the model' : 'by the rules'}: ${stage}, ${priority}.`,
  needs: (needs) => `Needs detected: ${needs.join(', ')}.`,
  noNeeds: 'No specific need detected.',
  injection: 'Text on the record that gave the assistant instructions was left out.',
  segment: (segment, why, missing) => {
    const name = `Segment: ${segment} (${SEGMENT_EN[segment]})`;
    switch (why.code) {
      case 'deal_lost':
        return `${name}, because the deal stage is "${why.dealStage}".`;
      case 'deal_won':
        return `${name}, because the deal stage is "${why.dealStage}": already a customer.`;
      case 'stage':
        return `${name}, because the classification is ${why.stage} ${why.priority}.`;
      case 'review':
        return `${name}: the classification is Review, there is not enough information; asking for ${missing.join(', ')}.`;
      case 'no_need':
        return `${name}: the record does not say what they need; asking for ${missing.join(', ')}.`;
      case 'poor_data':
        return `${name}: the record's data is poor (quality ${why.dataQuality}/100); asking for ${missing.join(', ')}.`;
    }
  },
  product: (c) =>
    c.kind === 'none'
      ? 'Product: none, the profile lists no services and no catalog.'
      : c.basis === 'classification'
        ? `Product: "${c.name}", the profile service the classification matched to the need${c.evidence ? ` "${c.evidence}"` : ''}.`
        : c.basis === 'need'
          ? `Product: "${c.name}" (profile ${c.kind === 'service' ? 'service' : 'catalog'}), matching the need "${c.evidence}".`
          : c.basis === 'description'
            ? `Product: "${c.name}" (profile ${c.kind === 'service' ? 'service' : 'catalog'}), matching the description "${c.evidence}".`
            : c.basis === 'timeline'
              ? `Product: "${c.name}" (profile ${c.kind === 'service' ? 'service' : 'catalog'}), matching the timeline (${c.evidence}).`
              : c.basis === 'model'
                ? `Product: "${c.name}", from the profile's ${c.kind === 'service' ? 'services' : 'catalog'}.`
                : `Product: "${c.name}", the first the profile lists: nothing on the record points to another.`,
  productReplaced: (named, c) => `The model proposed "${named}", which is not in the profile; replaced by "${c.name}".`,
  write: (template, words, maxWords, tone, formal) => `Written from the approved template "${template}": ${words} of at most ${maxWords} words, tone "${tone}"${formal ? ' (formal)' : ''}.`,
  modelWrote: (words, maxWords) => `Written by the model: ${words} of at most ${maxWords} words; HTML sanitised.`,
  truncated: (maxWords) => `The message was cut to ${maxWords} words (reply policy).`,
  fallback: { company: 'your company', product: 'our services', need: 'your project', industry: 'your industry', missingAny: 'a little more about your project' },
  missingPiece: {
    description: 'what you need to solve',
    company: 'which company you work for',
    industry: 'what your company does',
    jobTitle: 'what your role is',
  },
  greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
  followUp: (kind) =>
    kind === 'call' ? 'Thanks for your time on our last call. ' : kind === 'meeting' ? 'Thanks for your time at our last meeting. ' : kind === 'email' ? 'Following up on our last email. ' : '',
  and: 'and',
};

export function campaignPhrases(language: Language): CampaignPhrases {
  return language === 'es' ? ES : EN;
}

export function joinList(items: string[], language: Language): string {
  return list(items, campaignPhrases(language).and);
}
