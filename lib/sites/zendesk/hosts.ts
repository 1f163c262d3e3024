/** The agent workspace of every Zendesk account (`<account>.zendesk.com/agent/…`). On its own: the CKEditor bridge matches it without the adapter. */
export const ZENDESK_HOSTS = ['https://*.zendesk.com/*'];
