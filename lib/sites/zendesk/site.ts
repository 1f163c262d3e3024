import type { Site } from '../types';
import { zendeskAdapter } from '.';
import { ZENDESK_HOSTS } from './hosts';

export const zendesk: Site = { key: 'zendesk', label: 'Zendesk', shortLabel: 'Zendesk', hosts: ZENDESK_HOSTS, adapter: zendeskAdapter };
