import type { Site } from '../types';
import { salesforceAdapter } from '.';
import { SALESFORCE_HOSTS } from './hosts';

export const salesforce: Site = {
  key: 'salesforce',
  label: 'Salesforce',
  shortLabel: 'Salesforce',
  hosts: SALESFORCE_HOSTS,
  adapter: salesforceAdapter,
};
