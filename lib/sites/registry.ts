import type { Crm } from '../contracts';
import { hubspot } from './hubspot/site';
import { salesforce } from './salesforce/site';
import type { Site } from './types';
import { whatsapp } from './whatsapp/site';
import { zendesk } from './zendesk/site';

/**
 * Every CRM Pulso runs on, one line each (docs/adding-a-site.md); the order is the options
 * page's. The content scripts' `matches`, the manifest's host permissions, the options'
 * site list and the names pages show all derive from here.
 */
export const SITES = [hubspot, salesforce, zendesk, whatsapp] as const satisfies readonly Site[];

// Every CRM of the contract has its site: a compile error otherwise (registry.test.ts checks the rest).
type Listed = (typeof SITES)[number]['key'];
const everyCrmListed: Exclude<Crm, Listed> extends never ? true : never = true;
void everyCrmListed;

/** The CRM host patterns the manifest asks for (wxt.config.ts). */
export const SITE_HOSTS: readonly string[] = SITES.flatMap((site) => site.hosts);

const byKey = new Map<Crm, Site>(SITES.map((site) => [site.key, site]));

/** The site of a CRM key (every key of CRMS has one). */
export function siteOf(crm: Crm): Site {
  return byKey.get(crm)!;
}
