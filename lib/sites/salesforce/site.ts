import { CRM_HOSTS } from '../hosts';
import type { Site } from '../types';
import { salesforceAdapter } from '.';

export const salesforce: Site = {
  key: 'salesforce',
  label: 'Salesforce',
  shortLabel: 'Salesforce',
  hosts: CRM_HOSTS.salesforce,
  adapter: salesforceAdapter,
};
