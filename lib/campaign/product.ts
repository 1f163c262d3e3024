import type { CompanyProfile } from '../contracts';
import { coverage, textKeys, type Keys } from '../rules/lead/concepts';
import { profileMatchers, SERVICE_MATCHER, serviceLabelKeys } from '../rules/lead/profile-matchers';
import { cleanText, normalize } from '../text/normalize';
import type { CampaignFacts } from './facts';

/**
 * Step 3b — the product, and why: always one of the profile's services or catalog items, never
 * invented. The classification's matched service first, else the best match of the needs, the
 * description or the timeline against the profile's offer, else the first one the profile lists
 * (said plainly). A product the LLM names that the profile does not have is replaced by the
 * best profile match, and flagged.
 */
export type ProductBasis = 'classification' | 'need' | 'description' | 'timeline' | 'model' | 'first_listed' | 'none';

export interface ProductChoice {
  /** Exactly as the profile writes it ('' when the profile lists nothing). */
  name: string;
  kind: 'service' | 'catalog' | 'none';
  basis: ProductBasis;
  /** The words of the record (or the model) it matched, for the glass box. */
  evidence: string;
}

interface Candidate {
  name: string;
  kind: 'service' | 'catalog';
  sku: string;
  keys: Keys;
}

/** A match covers at least half of what the product's name says. */
const MATCH_SHARE = 0.5;
const CATALOG_LIMIT = 500;
const cache = new WeakMap<CompanyProfile, Candidate[]>();

function candidatesOf(profile: CompanyProfile): Candidate[] {
  let list = cache.get(profile);
  if (!list) {
    list = [
      ...profileMatchers(profile).services.map((s) => ({ name: s.name, kind: 'service' as const, sku: '', keys: s.keys })),
      ...profile.catalog
        .slice(0, CATALOG_LIMIT)
        .filter((item) => item.name.trim())
        .map((item) => ({ name: item.name, kind: 'catalog' as const, sku: item.sku, keys: serviceLabelKeys(item.name) }))
        .filter((c) => c.keys.size > 0),
    ];
    cache.set(profile, list);
  }
  return list;
}

/** The candidate whose name the text covers best (services before catalog items on a tie), if any covers half of it. */
export function bestProductMatch(text: string, profile: CompanyProfile): Candidate | undefined {
  const keys = textKeys(normalize(text), SERVICE_MATCHER);
  if (keys.size === 0) return undefined;
  let best: Candidate | undefined;
  let bestShare = 0;
  for (const candidate of candidatesOf(profile)) {
    const share = coverage(candidate.keys, keys).share;
    if (share >= MATCH_SHARE && share > bestShare) {
      best = candidate;
      bestShare = share;
    }
  }
  return best;
}

const snippet = (text: string, max = 80) => {
  const t = cleanText(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function suggestProduct(facts: CampaignFacts, profile: CompanyProfile): ProductChoice {
  const services = new Map(profile.services.map((s) => [normalize(s), s]));
  for (const matched of facts.classification.matchedServices) {
    const name = services.get(normalize(matched));
    if (name) return { name, kind: 'service', basis: 'classification', evidence: facts.needs[0] ?? '' };
  }
  const sources: Array<[ProductBasis, string, string]> = [
    ...facts.needs.map((n): [ProductBasis, string, string] => ['need', n, n]),
    ['description', facts.lead.description ?? '', snippet(facts.lead.description ?? '')],
    ...facts.timeline.map((t): [ProductBasis, string, string] => ['timeline', t.text, `${t.kind}${t.date ? ` ${t.date}` : ''}: ${snippet(t.text, 60)}`]),
  ];
  for (const [basis, text, evidence] of sources) {
    const match = text ? bestProductMatch(text, profile) : undefined;
    if (match) return { name: match.name, kind: match.kind, basis, evidence };
  }
  const first = profile.services.find((s) => s.trim()) ?? profile.catalog.find((c) => c.name.trim())?.name;
  if (first) return { name: first, kind: profile.services.includes(first) ? 'service' : 'catalog', basis: 'first_listed', evidence: '' };
  return { name: '', kind: 'none', basis: 'none', evidence: '' };
}

/** The profile's own spelling of a product named by someone else (the model), if the profile has it. */
export function profileProduct(name: string, profile: CompanyProfile): { name: string; kind: 'service' | 'catalog' } | undefined {
  const n = normalize(name);
  if (!n) return undefined;
  const service = profile.services.find((s) => normalize(s) === n);
  if (service) return { name: service, kind: 'service' };
  const item = profile.catalog.find((c) => normalize(c.name) === n || (c.sku && normalize(c.sku) === n));
  return item ? { name: item.name, kind: 'catalog' } : undefined;
}

/**
 * A product named by the model, checked against the profile: kept (in the profile's spelling)
 * when the profile has it; else replaced by the profile item its words match best, else by the
 * rules' suggestion — `replaced` says so, for the campaign's flags.
 */
export function reconcileProduct(named: string, facts: CampaignFacts, profile: CompanyProfile): { choice: ProductChoice; replaced: boolean } {
  const own = profileProduct(named, profile);
  if (own) return { choice: { ...own, basis: 'model', evidence: '' }, replaced: false };
  const match = bestProductMatch(named, profile);
  if (match) return { choice: { name: match.name, kind: match.kind, basis: 'model', evidence: snippet(named) }, replaced: true };
  return { choice: suggestProduct(facts, profile), replaced: true };
}
