import { firstVisible } from '../dom';
import type { SiteAdapter } from '../types';
import { WHATSAPP_SELECTORS } from './selectors';
import { findChatPanel, readWhatsAppChat } from './chat';
import { isWhatsAppUrl, whatsAppPageKind } from './match';

/** WhatsApp Web: the open chat (individual or group) as a conversation; the QR / login screen reads as empty. */
export const whatsappAdapter: SiteAdapter = {
  crm: 'whatsapp',
  matches: isWhatsAppUrl,
  pageKind: whatsAppPageKind,
  scrape: readWhatsAppChat,
  readScope: (doc) => findChatPanel(doc),
  // The composer chain as shipped (a selector pack does not move where a draft is inserted).
  findComposer: (doc) => (firstVisible(doc, WHATSAPP_SELECTORS.chains.COMPOSER_EDITABLE) as HTMLElement | undefined) ?? null,
};

export { readWhatsAppChat, readWhatsAppMessages, parseWhatsAppMessageId, titleRecordId, WHATSAPP_MESSAGES_MAX } from './chat';
export { isWhatsAppUrl, whatsAppPageKind } from './match';
