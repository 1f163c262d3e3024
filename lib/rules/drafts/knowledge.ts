import type { CompanyProfile } from '../../contracts';
import { contentStems, normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';

type CatalogItem = CompanyProfile['catalog'][number];
type FaqEntry = CompanyProfile['faq'][number];

/** What the customer asks about, read from the normalised text. */
export interface Asks {
  price: boolean;
  stock: boolean;
  hours: boolean;
  location: boolean;
  /** Policy topics asked about (returns, warranty, shipping…), as keys of POLICY_TOPICS. */
  policies: PolicyTopic[];
}

export type PolicyTopic = 'returns' | 'warranty' | 'shipping' | 'payment';

const PRICE = compileAny(['precio*', 'cuanto cuesta*', 'cuanto vale*', 'cuanto sale*', 'cuanto cobran', 'cuestan', 'cuesta', 'coste', 'costes', 'costo', 'costos', 'tarifa*', 'price*', 'pricing', 'cost', 'costs', 'how much', 'quote', 'cotizacion*', 'presupuesto*']);
const STOCK = compileAny(['stock', 'disponib*', 'existencia*', 'inventario', 'tienen', 'tienes', 'quedan', 'hay unidades', 'agotad*', 'in stock', 'available', 'availability', 'do you have', 'out of stock', 'sold out']);
const HOURS = compileAny(['horario*', 'a que hora*', 'abren', 'abierto*', 'cierran', 'cerrado*', 'hours', 'opening', 'open', 'close', 'closing', 'what time']);
const LOCATION = compileAny(['donde estan', 'donde quedan', 'donde queda la tienda', 'donde queda el local', 'donde se encuentran', 'ubicacion', 'ubicados', 'ubicada la tienda', 'direccion de la tienda', 'direccion del local', 'su direccion', 'vuestra direccion', 'cual es la direccion', 'como llego', 'como llegar', 'where are you', 'where is your', 'where s your', 'your address', 'store address', 'location', 'located', 'find you', 'how do i get there']);
export const POLICY_TOPICS: Record<PolicyTopic, RegExp> = {
  returns: compileAny(['devolucion*', 'devolver', 'devuelvo', 'devolverlo', 'devolverla', 'devolvais', 'devuelvan', 'reembolso*', 'cambiar el producto', 'cambio', 'cambiarlo', 'return', 'returns', 'returned', 'refund*', 'exchange', 'money back', 'mi dinero', 'regresen']),
  warranty: compileAny(['garantia*', 'warranty', 'guarantee*', 'defecto* de fabrica', 'manufacturing defect*']),
  shipping: compileAny(['envio*', 'envian', 'enviais', 'enviamos', 'gastos de envio', 'entrega*', 'entregamos', 'a domicilio', 'shipping', 'ship', 'ships', 'delivery', 'deliver*', 'tarda*', 'how long', 'cuanto tarda*', 'llega*', 'arrive*', 'dispatch*']),
  payment: compileAny(['formas de pago', 'metodos de pago', 'pagar', 'pago', 'pagos', 'tarjeta', 'transferencia', 'payment*', 'pay', 'card', 'installments', 'cuotas', 'plazos', 'a plazos', 'financiar', 'financiacion', 'financing', 'efectivo', 'cash', 'bizum', 'spei', 'pix', 'credito']),
};

export function detectAsks(norm: string): Asks {
  return {
    price: PRICE.test(norm),
    stock: STOCK.test(norm),
    hours: HOURS.test(norm),
    location: LOCATION.test(norm),
    policies: (Object.keys(POLICY_TOPICS) as PolicyTopic[]).filter((k) => POLICY_TOPICS[k].test(norm)),
  };
}

/** Catalog items the customer names, in any language: one matcher for triage and drafts (lib/rules/catalog). */
export { matchCatalog } from '../catalog/match';

/** Policy topics a text is about (returns, warranty, shipping, payment). */
export function topicsOf(norm: string): Set<PolicyTopic> {
  return new Set((Object.keys(POLICY_TOPICS) as PolicyTopic[]).filter((k) => POLICY_TOPICS[k].test(norm)));
}

/**
 * The FAQ entry closest to what the customer asks: first by policy topic (a refund question meets
 * the returns answer in any wording or language), then by shared words of the question. `prefer`
 * orders the topics when several apply (a damaged-goods complaint: returns before shipping).
 */
export function matchFaq(text: string, faq: readonly FaqEntry[], prefer: readonly PolicyTopic[] = []): FaqEntry | undefined {
  if (!text || faq.length === 0) return undefined;
  const norm = normalize(text);
  const asked = contentStems(text);
  const askedTopics = topicsOf(norm);
  let best: { entry: FaqEntry; score: number } | undefined;
  for (const entry of faq) {
    const q = contentStems(entry.q);
    let overlap = 0;
    for (const s of q) if (asked.has(s)) overlap++;
    const wordScore = q.size ? overlap / q.size : 0;
    const wordsEnough = q.size <= 2 ? overlap >= 1 && wordScore >= 0.5 : overlap >= 2 && wordScore >= 0.5;
    const entryTopics = topicsOf(normalize(entry.q));
    let topicScore = 0;
    for (const t of entryTopics) {
      if (!askedTopics.has(t)) continue;
      const rank = prefer.indexOf(t);
      topicScore = Math.max(topicScore, rank >= 0 ? 2 - rank * 0.1 : 1);
    }
    if (topicScore === 0 && !wordsEnough) continue;
    const score = topicScore + wordScore;
    if (!best || score > best.score) best = { entry, score };
  }
  return best?.entry;
}

/** The profile's own words a draft may repeat verbatim (FAQ answers, hours, location, signature…). */
export function profileKnowledgeTexts(profile: CompanyProfile): string[] {
  return [
    profile.hours,
    profile.location,
    profile.description,
    profile.replyPolicy.signature,
    profile.name,
    ...profile.faq.map((f) => f.a),
  ].filter((t) => t && t.trim().length > 0);
}
