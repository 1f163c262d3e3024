import { CRM_HOSTS } from '../hosts';
import type { Site } from '../types';
import { zendeskAdapter } from '.';

/** The agent workspace of every Zendesk account (`<account>.zendesk.com/agent/…`). */
export const zendesk: Site = { key: 'zendesk', label: 'Zendesk', shortLabel: 'Zendesk', hosts: CRM_HOSTS.zendesk, adapter: zendeskAdapter };
