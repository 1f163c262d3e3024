import type { Site } from '../types';
import { hubspotAdapter } from '.';

/** Every regional host (app, app-eu1, app-na2, app-ap1 …) is under hubspot.com. */
export const hubspot: Site = { key: 'hubspot', label: 'HubSpot', shortLabel: 'HubSpot', hosts: ['https://*.hubspot.com/*'], adapter: hubspotAdapter };
