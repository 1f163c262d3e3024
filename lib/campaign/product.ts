import type { CompanyProfile } from '../contracts';
import { labelKeys, textKeys, type Keys } from '../rules/lead/concepts';
import { compileProfile, SERVICE_MATCHER } from '../rules/profile/compile';
import { cleanText, normalize } from '../text/normalize';
import type { CampaignFacts } from './facts';

/**
 * Step 3b — the product, and why: always one of the profile's services (by its name, the text
 * before ":" or "—" when the profile describes it) or catalog items, never invented. The classification's matched service first, else the best match of the needs, the
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
  /** The name as the company uses it (a service's text before ":" or "—"; a catalog item's name). */
  name: string;
  kind: 'service' | 'catalog';
  keys: Keys;
  /** Weight of the name's own keys: a text covering half of it matches (as the lead rules match services). */
  nameWeight: number;
}

/** A match covers at least half of what the product's name says. */
const MATCH_SHARE = 0.5;
const CATALOG_LIMIT = 500;
const cache = new WeakMap<CompanyProfile, Candidate[]>();

function candidatesOf(profile: CompanyProfile): Candidate[] {
  let list = cache.get(profile);
  if (!list) {
    const catalog = profile.catalog
      .slice(0, CATALOG_LIMIT)
      .filter((item) => item.name.trim())
      .map((item) => {
        const keys = labelKeys(item.name, SERVICE_MATCHER);
        return { name: item.name, kind: 'catalog' as const, keys, nameWeight: [...keys.values()].reduce((a, b) => a + b, 0) };
      })
      .filter((c) => c.keys.size > 0);
    list = [...compileProfile(profile).services.map((s) => ({ name: s.name, kind: 'service' as const, keys: s.keys, nameWeight: s.nameWeight })), ...catalog];
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
    let hit = 0;
    for (const [key, weight] of candidate.keys) if (keys.has(key)) hit += weight;
    const share = candidate.nameWeight > 0 ? Math.min(1, hit / candidate.nameWeight) : 0;
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
  for (const matched of facts.classification.matchedServices) {
    const own = profileProduct(matched, profile);
    if (own?.kind === 'service') return { name: own.name, kind: 'service', basis: 'classification', evidence: facts.needs[0] ?? '' };
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
  const firstService = compileProfile(profile).services[0]?.name ?? profile.services.find((s) => s.trim())?.trim();
  if (firstService) return { name: firstService, kind: 'service', basis: 'first_listed', evidence: '' };
  const firstItem = profile.catalog.find((c) => c.name.trim())?.name;
  if (firstItem) return { name: firstItem, kind: 'catalog', basis: 'first_listed', evidence: '' };
  return { name: '', kind: 'none', basis: 'none', evidence: '' };
}

/** The profile's own spelling of a product named by someone else (the model), if the profile has it. */
export function profileProduct(name: string, profile: CompanyProfile): { name: string; kind: 'service' | 'catalog' } | undefined {
  const n = normalize(name);
  if (!n) return undefined;
  // A service by its name or by the profile's whole string for it ("Name: what it includes").
  const service = compileProfile(profile).services.find((s) => normalize(s.name) === n || normalize(s.label) === n);
  if (service) return { name: service.name, kind: 'service' };
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
