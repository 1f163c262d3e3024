import type { Site } from '../types';
import { whatsappAdapter } from '.';

export const whatsapp: Site = { key: 'whatsapp', label: 'WhatsApp Web', shortLabel: 'WhatsApp', hosts: ['https://web.whatsapp.com/*'], adapter: whatsappAdapter };
