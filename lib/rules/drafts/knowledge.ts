import type { CompanyProfile } from '../../contracts';
import { contentStems, normalize, STOPWORDS, stem, tokenize } from '../../text/normalize';
import { compileAny, compileTerm } from '../../text/patterns';

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
  returns: compileAny(['devolucion*', 'devolver', 'reembolso*', 'cambiar el producto', 'return', 'returns', 'refund*', 'exchange']),
  warranty: compileAny(['garantia*', 'warranty', 'guarantee']),
  shipping: compileAny(['envio*', 'envian', 'gastos de envio', 'shipping', 'ship', 'delivery time', 'deliver']),
  payment: compileAny(['formas de pago', 'metodos de pago', 'pagar con', 'tarjeta', 'transferencia', 'payment method*', 'pay with', 'card', 'installments', 'cuotas', 'plazos']),
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

/** Significant tokens of a product name: no stopwords, at least two characters. */
function nameTokens(name: string): string[] {
  return tokenize(name).filter((t) => t.length >= 2 && !STOPWORDS.has(t));
}

/**
 * Catalog items the customer names: by SKU (as a whole word), or by name (at least 60 % of the
 * name's significant words, and at least two when the name has two or more, inflection-tolerant).
 * Best matches first, at most `limit`.
 */
export function matchCatalog(norm: string, catalog: readonly CatalogItem[], limit = 3): CatalogItem[] {
  if (!norm || catalog.length === 0) return [];
  const tokens = new Set(norm.match(/[a-z0-9]+/g) ?? []);
  const stems = new Set([...tokens].map(stem));
  const scored: { item: CatalogItem; score: number; index: number }[] = [];
  catalog.forEach((item, index) => {
    const sku = normalize(item.sku).trim();
    if (sku.length >= 3 && compileTerm(sku).test(norm)) {
      scored.push({ item, score: 2, index });
      return;
    }
    const words = nameTokens(item.name);
    if (words.length === 0) return;
    const hits = words.filter((w) => tokens.has(w) || (w.length >= 4 && stems.has(stem(w)))).length;
    const ratio = hits / words.length;
    if (ratio >= 0.6 && hits >= Math.min(2, words.length)) scored.push({ item, score: ratio + hits / 100, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}

/** The FAQ entry whose question best matches the customer's words, if one matches well enough. */
export function matchFaq(text: string, faq: readonly FaqEntry[]): FaqEntry | undefined {
  if (!text || faq.length === 0) return undefined;
  const asked = contentStems(text);
  let best: { entry: FaqEntry; score: number } | undefined;
  for (const entry of faq) {
    const q = contentStems(entry.q);
    if (q.size === 0) continue;
    let overlap = 0;
    for (const s of q) if (asked.has(s)) overlap++;
    const score = overlap / q.size;
    const enough = q.size <= 2 ? overlap >= 1 && score >= 0.5 : overlap >= 2 && score >= 0.5;
    if (enough && (!best || score > best.score)) best = { entry, score };
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
