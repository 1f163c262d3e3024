/**
 * Which selectors a scrape uses, and whether it is traced. The extension ships the built-in
 * selectors of every site (each lib/sites/<crm>/selectors.ts); a signed pack accepted by the
 * background replaces chains by name (`useSelectorPack`). A scrape reads with the options it is
 * given, else the ones set around it (`withScrapeOptions`, for the CLI and the tests going through
 * `scrapePage`), else the active pack.
 */
import { compareSelectorPackVersions, type Crm, type SelectorPack } from '../contracts';
import { applySelectorPack, type ActiveSelectors } from '../selector-pack';
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

let active: Selectors = applySelectorPack(BUILT_IN_SELECTORS, BUILT_IN_SELECTORS_VERSION);
let around: ScrapeOptions | undefined;

/** A pack replaces the built-in selectors only when it is newer: an extension updated since the pack was published ships fresher chains. */
export function isNewerThanBuiltIn(pack: SelectorPack): boolean {
  return compareSelectorPackVersions(pack.version, BUILT_IN_SELECTORS_VERSION) > 0;
}

/**
 * Read with `pack` (already verified) from now on, or with the built-in selectors when it is
 * undefined or not newer than them (`isNewerThanBuiltIn`).
 */
export function useSelectorPack(pack?: SelectorPack): Selectors {
  active = applySelectorPack(BUILT_IN_SELECTORS, BUILT_IN_SELECTORS_VERSION, pack && isNewerThanBuiltIn(pack) ? pack : undefined);
  return active;
}

export function activeSelectors(): Selectors {
  return active;
}

/** The built-in selectors with `pack` applied, without changing what the page reads with. */
export function selectorsWith(pack?: SelectorPack): Selectors {
  return applySelectorPack(BUILT_IN_SELECTORS, BUILT_IN_SELECTORS_VERSION, pack);
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

/** One site's query for one scrape. */
export function siteQuery<C extends Crm>(site: C, options?: ScrapeOptions, isShown?: (el: Element) => boolean): SiteQuery<BuiltInSelectorSets[C]> {
  const selectors = options?.selectors ?? around?.selectors ?? active;
  const trace = options?.trace ?? around?.trace;
  return new SiteQuery(site, selectors.sites[site], trace, isShown);
}
