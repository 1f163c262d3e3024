import type { CompanyProfile } from '../../contracts';
import { normalize, stem, STOPWORDS } from '../../text/normalize';
import { canonicalWord, PHRASES } from './synonyms';

type CatalogItem = CompanyProfile['catalog'][number];

/**
 * Catalog items a customer names, in any language (issue 14, item 5): words are read through
 * the bilingual product synonyms ("portable speaker" = "bocina portátil"), stemmed, and weighed by
 * how rare they are in this catalog, so a distinctive word ("Splash", "Lisboa", "BT-500") finds
 * its item alone while a common one ("cable", "blanco") needs company. The SKU as a whole word
 * always matches. One index per catalog, built once.
 */
interface IndexedItem {
  item: CatalogItem;
  index: number;
  sku: string;
  /** Meaning keys of the name, each with its weight (rarity in this catalog). */
  keys: Map<string, number>;
  total: number;
}

interface CatalogIndex {
  items: IndexedItem[];
}

const NON_PRODUCT = new Set(['para', 'con', 'sin', 'for', 'with', 'and', 'the', 'de', 'del', 'la', 'el', 'kit', 'set', 'pack', 'unidad', 'unit', 'mm', 'cm', 'm', 'kg', 'g', 'ml', 'qt', 'cu', 'ft', 'in']);

/** Meaning keys of a normalised text: multi-word synonyms first, then each word's canonical stem; numbers kept as they are. */
export function meaningKeys(norm: string): Set<string> {
  let text = ` ${norm.replace(/[^a-z0-9]+/g, ' ')} `;
  const keys = new Set<string>();
  for (const [phrase, canon] of PHRASES) {
    if (text.includes(` ${phrase} `)) {
      keys.add(`w:${canon}`);
      text = text.split(` ${phrase} `).join(' ');
    }
  }
  for (const word of text.split(' ')) {
    if (!word || STOPWORDS.has(word) || NON_PRODUCT.has(word)) continue;
    if (/^\d+$/.test(word)) {
      keys.add(`n:${word}`);
      continue;
    }
    if (word.length < 2) continue;
    const canon = canonicalWord(word);
    keys.add(canon ? `w:${canon}` : `s:${stem(word)}`);
  }
  return keys;
}

const cache = new WeakMap<readonly CatalogItem[], CatalogIndex>();

function indexOf(catalog: readonly CatalogItem[]): CatalogIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const named = catalog.slice(0, 5_000).map((item, index) => ({ item, index, sku: normalize(item.sku).trim(), raw: meaningKeys(normalize(item.name)) }));
  const df = new Map<string, number>();
  for (const n of named) for (const k of n.raw) df.set(k, (df.get(k) ?? 0) + 1);
  const size = Math.max(1, named.length);
  const items = named.map((n) => {
    const keys = new Map<string, number>();
    // Rarer words weigh more; numbers weigh less (sizes repeat across items).
    for (const k of n.raw) keys.set(k, (k.startsWith('n:') ? 0.5 : 1) * (1 + Math.log(size / (df.get(k) ?? 1))));
    return { item: n.item, index: n.index, sku: n.sku, keys, total: [...keys.values()].reduce((a, b) => a + b, 0) };
  });
  const index = { items };
  cache.set(catalog, index);
  return index;
}

const skuRe = (sku: string) => new RegExp(`(?<![a-z0-9])${sku.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s]?')}(?![a-z0-9])`);

/**
 * Items the text names, best first (at most `limit`). A name matches when the text covers at
 * least half of its weight, or names a word only that item has (its rarest word, not a number).
 */
export function matchCatalog(norm: string, catalog: readonly CatalogItem[], limit = 3): CatalogItem[] {
  if (!norm || catalog.length === 0) return [];
  const { items } = indexOf(catalog);
  const asked = meaningKeys(norm);
  const scored: Array<{ item: CatalogItem; score: number; index: number }> = [];
  for (const it of items) {
    if (it.sku.length >= 3 && skuRe(it.sku).test(norm)) {
      scored.push({ item: it.item, score: 2, index: it.index });
      continue;
    }
    let hit = 0;
    let hits = 0;
    let distinctive = false;
    const maxWeight = Math.max(...it.keys.values());
    for (const [k, w] of it.keys) {
      if (!asked.has(k)) continue;
      hit += w;
      hits++;
      if (!k.startsWith('n:') && w >= maxWeight && w > 1.5) distinctive = true;
    }
    const share = it.total > 0 ? hit / it.total : 0;
    if (share >= 0.5 || (distinctive && hits >= 1 && share >= 0.25)) scored.push({ item: it.item, score: share + (distinctive ? 0.3 : 0), index: it.index });
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  if (scored.length > 1 && scored[0]!.score >= 1 && scored[1]!.score < scored[0]!.score * 0.6) return [scored[0]!.item];
  return scored.slice(0, limit).map((s) => s.item);
}
