/**
 * WhatsApp Web URLs. The whole app lives at https://web.whatsapp.com/ (the
 * open chat is not in the URL; `/send?phone=…` deep links land on the same
 * app), so every page of the host is a conversation page: the URL alone cannot
 * name the chat, and the scraper fills `recordId` from the DOM (chat.ts).
 */
import type { PageKind } from '../types';
import { hostOf, parseHttpsUrl } from '../url';

/** Exactly web.whatsapp.com over https — never `web.whatsapp.com.evil.io`, `evil-web.whatsapp.com` or whatsapp.com itself. */
export function isWhatsAppUrl(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  return parsed !== undefined && hostOf(parsed) === 'web.whatsapp.com';
}

/** Every WhatsApp Web page is the chat view; which chat is open only the DOM says. */
export function whatsAppPageKind(url: string): PageKind | undefined {
  return isWhatsAppUrl(url) ? { kind: 'conversation', recordType: 'chat', recordId: '' } : undefined;
}
