/**
 * The selectors the readers use: the extension's built-in chains, each replaced by the chain of
 * the same name in an accepted pack. A pack cannot add names the readers do not know (they are
 * listed, and ignored), and a site or key it leaves out keeps the built-in chain — so a pack that
 * fixes one HubSpot chain leaves every other chain as shipped.
 */
import { SELECTOR_PACK_SITES, type SelectorPack, type SelectorPackSite } from '../contracts';

export interface SiteSelectorSet {
  readonly chains: Readonly<Record<string, readonly string[]>>;
  readonly labels: Readonly<Record<string, readonly string[]>>;
}

export type SiteSelectorSets = { readonly [site in SelectorPackSite]: SiteSelectorSet };

export interface ActiveSelectors<Sets extends SiteSelectorSets = SiteSelectorSets> {
  readonly sites: Sets;
  /** The accepted pack's version, or the built-in one's. */
  readonly version: string;
  readonly builtIn: boolean;
  /** "hubspot.chains.NEW_THING": names in the pack this extension does not read. */
  readonly ignored: readonly string[];
}

export function applySelectorPack<Sets extends SiteSelectorSets>(builtIn: Sets, builtInVersion: string, pack?: SelectorPack): ActiveSelectors<Sets> {
  if (!pack) return { sites: builtIn, version: builtInVersion, builtIn: true, ignored: [] };
  const ignored: string[] = [];
  const sites = {} as Record<SelectorPackSite, SiteSelectorSet>;
  for (const site of SELECTOR_PACK_SITES) sites[site] = applySitePatch(site, builtIn[site], pack, ignored);
  return { sites: sites as unknown as Sets, version: pack.version, builtIn: false, ignored };
}

/**
 * One site's selectors with `pack` applied: each chain or label list of the same name replaced,
 * the rest as built in. Names the site does not know are added to `ignored` (when given).
 */
export function applySitePatch<Set extends SiteSelectorSet>(site: SelectorPackSite, base: Set, pack: SelectorPack, ignored: string[] = []): Set {
  const patch = pack.sites[site];
  if (!patch) return base;
  const chains: Record<string, readonly string[]> = { ...base.chains };
  for (const [key, chain] of Object.entries(patch.chains)) {
    if (key in base.chains) chains[key] = chain;
    else ignored.push(`${site}.chains.${key}`);
  }
  const labels: Record<string, readonly string[]> = { ...base.labels };
  for (const [key, list] of Object.entries(patch.labels)) {
    if (key in base.labels) labels[key] = list;
    else ignored.push(`${site}.labels.${key}`);
  }
  return { chains, labels } as unknown as Set;
}
