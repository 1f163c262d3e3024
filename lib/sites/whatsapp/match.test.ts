import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '..';
import { isWhatsAppUrl, whatsAppPageKind } from './match';

describe('WhatsApp Web URLs', () => {
  it.each(['https://web.whatsapp.com/', 'https://web.whatsapp.com', 'https://WEB.WhatsApp.com/send?phone=34600111222', 'https://web.whatsapp.com./'])(
    '%s is the chat view (recordId filled by the scraper)',
    (url) => {
      expect(isWhatsAppUrl(url)).toBe(true);
      expect(adapterForUrl(url)?.crm).toBe('whatsapp');
      expect(whatsAppPageKind(url)).toEqual({ kind: 'conversation', recordType: 'chat', recordId: '' });
    },
  );

  it.each([
    'http://web.whatsapp.com/',
    'https://web.whatsapp.com.evil.io/',
    'https://evil-web.whatsapp.com/',
    'https://whatsapp.com/',
    'https://www.whatsapp.com/',
    'https://web.whatsapp.com@evil.io/',
    'https://evil.io/?u=https://web.whatsapp.com/',
    'not a url',
  ])('%s is not WhatsApp Web', (url) => {
    expect(isWhatsAppUrl(url)).toBe(false);
    expect(whatsAppPageKind(url)).toBeUndefined();
    expect(adapterForUrl(url)?.crm).not.toBe('whatsapp');
  });
});
