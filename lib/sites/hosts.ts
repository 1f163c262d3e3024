import type { Crm } from '../contracts';

/**
 * The host patterns of every CRM (each site's `hosts`, lib/sites/registry.ts), apart from the
 * sites' adapters: the script that starts reading storage at document_start
 * (entrypoints/start-read.content.ts) matches them all and carries no site code.
 */
export const CRM_HOSTS = {
  /** Every regional host (app, app-eu1, app-na2, app-ap1 …) is under hubspot.com. */
  hubspot: ['https://*.hubspot.com/*'],
  /** Lightning runs on the org's lightning.force.com host; classic-domain orgs redirect through my.salesforce.com. */
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  zendesk: ['https://*.zendesk.com/*'],
  whatsapp: ['https://web.whatsapp.com/*'],
} as const satisfies Record<Crm, readonly string[]>;

/** Every CRM host pattern. */
export const ALL_CRM_HOSTS: readonly string[] = Object.values(CRM_HOSTS).flat();
