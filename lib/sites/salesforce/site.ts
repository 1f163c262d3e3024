import type { Site } from '../types';
import { salesforceAdapter } from '.';

/** Lightning runs on the org's lightning.force.com host; classic-domain orgs redirect through my.salesforce.com. */
export const salesforce: Site = {
  key: 'salesforce',
  label: 'Salesforce',
  shortLabel: 'Salesforce',
  hosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  adapter: salesforceAdapter,
};
