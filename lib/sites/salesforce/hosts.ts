/** Lightning runs on the org's lightning.force.com host; classic-domain orgs redirect through my.salesforce.com. On its own: the CKEditor bridge matches it without the adapter. */
export const SALESFORCE_HOSTS = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];
