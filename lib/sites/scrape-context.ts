/**
 * Which selectors a scrape uses, and whether it is traced. The extension ships the built-in
 * selectors of every site (each lib/sites/<crm>/selectors.ts); a signed pack accepted by the
 * background replaces chains by name (`useSelectorPack`). A scrape reads with the options it is
 * given, else the ones set around it (`withScrapeOptions`, for the CLI and the tests going through
 * `scrapePage`), else the active pack applied to the built-in selectors its reader passes: so a
 * content script, which reads one site, carries and patches that site's selectors only.
 */
import { compareSelectorPackVersions, type Crm, type SelectorPack } from '../contracts';
import { applySelectorPack, applySitePatch, type ActiveSelectors, type SiteSelectorSet } from '../selector-pack/merge';
import { HUBSPOT_SELECTORS } from './hubspot/selectors';
import { SiteQuery, type ScrapeTrace } from './query';
import { SALESFORCE_SELECTORS } from './salesforce/selectors';
import { WHATSAPP_SELECTORS } from './whatsapp/selectors';
import { ZENDESK_SELECTORS } from './zendesk/selectors';

/** Chains and label lists by name, as a site's readers use them (a pack may have replaced any). */
type Shape<T extends { chains: object; labels: object }> = {
  readonly chains: { readonly [K in keyof T['chains']]: readonly string[] };
  readonly labels: { readonly [K in keyof T['labels']]: readonly string[] };
};

export type BuiltInSelectorSets = {
  readonly hubspot: Shape<typeof HUBSPOT_SELECTORS>;
  readonly salesforce: Shape<typeof SALESFORCE_SELECTORS>;
  readonly zendesk: Shape<typeof ZENDESK_SELECTORS>;
  readonly whatsapp: Shape<typeof WHATSAPP_SELECTORS>;
};

export const BUILT_IN_SELECTORS: BuiltInSelectorSets = {
  hubspot: HUBSPOT_SELECTORS,
  salesforce: SALESFORCE_SELECTORS,
  zendesk: ZENDESK_SELECTORS,
  whatsapp: WHATSAPP_SELECTORS,
};

/** The built-in pack's version: a pack from the backend must be newer to replace it. */
export const BUILT_IN_SELECTORS_VERSION = '2026.12.14';

export type Selectors = ActiveSelectors<BuiltInSelectorSets>;

export interface ScrapeOptions {
  selectors?: Selectors;
  trace?: ScrapeTrace;
}

/** The accepted pack the page reads with (newer than the built-in selectors), if any. */
let activePack: SelectorPack | undefined;
/** Each site's selectors with `activePack` applied, made on a site's first read. */
let activeSites = new Map<Crm, SiteSelectorSet>();
let around: ScrapeOptions | undefined;

/** A pack replaces the built-in selectors only when it is newer: an extension updated since the pack was published ships fresher chains. */
export function isNewerThanBuiltIn(pack: SelectorPack): boolean {
  return compareSelectorPackVersions(pack.version, BUILT_IN_SELECTORS_VERSION) > 0;
}

/** Which selectors the page reads with: the accepted pack's version, or the built-in one's. */
export interface ActiveSelectorsVersion {
  readonly version: string;
  readonly builtIn: boolean;
}

/**
 * Read with `pack` (already verified) from now on, or with the built-in selectors when it is
 * undefined or not newer than them (`isNewerThanBuiltIn`).
 */
export function useSelectorPack(pack?: SelectorPack): ActiveSelectorsVersion {
  activePack = pack && isNewerThanBuiltIn(pack) ? pack : undefined;
  activeSites = new Map();
  return activeSelectors();
}

export function activeSelectors(): ActiveSelectorsVersion {
  return activePack ? { version: activePack.version, builtIn: false } : { version: BUILT_IN_SELECTORS_VERSION, builtIn: true };
}

/** The built-in selectors with `pack` applied, without changing what the page reads with. */
export function selectorsWith(pack?: SelectorPack): Selectors {
  return applySelectorPack(BUILT_IN_SELECTORS, BUILT_IN_SELECTORS_VERSION, pack);
}

function activeSiteSelectors<C extends Crm>(site: C, builtIn: BuiltInSelectorSets[C]): BuiltInSelectorSets[C] {
  if (!activePack) return builtIn;
  let patched = activeSites.get(site);
  if (!patched) activeSites.set(site, (patched = applySitePatch(site, builtIn, activePack)));
  return patched as BuiltInSelectorSets[C];
}

/** Run `scrape` with these options for every reader it calls (synchronous: scrapes are). */
export function withScrapeOptions<T>(options: ScrapeOptions, scrape: () => T): T {
  const previous = around;
  around = options;
  try {
    return scrape();
  } finally {
    around = previous;
  }
}

/**
 * One site's query for one scrape. `builtIn` is the site's own selectors (its selectors.ts), which
 * the reader passes so that only the sites a bundle reads are in it.
 */
export function siteQuery<C extends Crm>(
  site: C,
  builtIn: BuiltInSelectorSets[C],
  options?: ScrapeOptions,
  isShown?: (el: Element) => boolean,
): SiteQuery<BuiltInSelectorSets[C]> {
  const selectors = options?.selectors ?? around?.selectors;
  const trace = options?.trace ?? around?.trace;
  return new SiteQuery(site, selectors ? selectors.sites[site] : activeSiteSelectors(site, builtIn), trace, isShown);
}
