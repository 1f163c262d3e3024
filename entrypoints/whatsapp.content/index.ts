import { mountConversationPanel } from '@/components/conversation/mount-conversation-panel';
import { whatsappAdapter } from '@/lib/sites/whatsapp';

// WhatsApp Web keeps one URL for every chat: the session follows chat switches from
// the DOM, and shows nothing on the QR/login screen.
export default defineContentScript({
  matches: ['https://web.whatsapp.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await mountConversationPanel(ctx, whatsappAdapter);
  },
});
