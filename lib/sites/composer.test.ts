import { describe, expect, it } from 'vitest';
import { fixtureDocument } from './saved-page';
import { whatsappAdapter } from './whatsapp';
import { zendeskAdapter } from './zendesk';

describe('findComposer', () => {
  it('finds the open WhatsApp chat’s Lexical composer', () => {
    const doc = fixtureDocument('whatsapp/chat-individual.html');
    const composer = whatsappAdapter.findComposer!(doc, 'https://web.whatsapp.com/');
    expect(composer?.getAttribute('data-lexical-editor')).toBe('true');
    expect(composer?.closest('footer')).not.toBeNull();
  });

  it('finds nothing on the QR screen', () => {
    expect(whatsappAdapter.findComposer!(fixtureDocument('whatsapp/qr-login.html'), 'https://web.whatsapp.com/')).toBeNull();
  });

  it('finds the active Zendesk ticket’s CKEditor editable, never a hidden tab’s', () => {
    const doc = fixtureDocument('zendesk/ticket-4821.html');
    const active = zendeskAdapter.findComposer!(doc, 'https://nubeandina.zendesk.com/agent/tickets/4821');
    expect(active?.classList.contains('ck-editor__editable')).toBe(true);
    expect(active?.textContent).toContain('Hola Sofía');
    expect(zendeskAdapter.findComposer!(doc, 'https://nubeandina.zendesk.com/agent/tickets/4799')).toBeNull();
  });
});
