import { CRM_HOSTS } from '../hosts';
import type { Site } from '../types';
import { whatsappAdapter } from '.';

export const whatsapp: Site = { key: 'whatsapp', label: 'WhatsApp Web', shortLabel: 'WhatsApp', hosts: CRM_HOSTS.whatsapp, adapter: whatsappAdapter };
