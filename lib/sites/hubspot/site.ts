import { CRM_HOSTS } from '../hosts';
import type { Site } from '../types';
import { hubspotAdapter } from '.';

export const hubspot: Site = { key: 'hubspot', label: 'HubSpot', shortLabel: 'HubSpot', hosts: CRM_HOSTS.hubspot, adapter: hubspotAdapter };
