import type { SiteAdapter } from '../types';
import { hubSpotPageKind, isHubSpotUrl } from './match';
import { readHubSpotContact } from './record';

/** HubSpot: contact record pages on every regional host (app, app-eu1, app-na2, app-ap1 …). */
export const hubspotAdapter: SiteAdapter = {
  crm: 'hubspot',
  matches: isHubSpotUrl,
  pageKind: hubSpotPageKind,
  scrape(doc, url) {
    return readHubSpotContact(doc, url);
  },
};

export { readHubSpotContact } from './record';
export { hubSpotPageKind, isHubSpotUrl, parseHubSpotContactUrl } from './match';
