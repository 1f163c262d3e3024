// First: asks storage for the settings and selector pack while the rest of the script evaluates.
import '@/lib/content/start-read';
import '@/lib/zod-jitless';
import { conversationPanel } from '@/components/conversation-panel/feature';
import { runSiteFeatures } from '@/components/site-feature';
import { whatsapp } from '@/lib/sites/whatsapp/site';

// WhatsApp Web keeps one URL for every chat: the session follows chat switches from
// the DOM, and shows nothing on the QR/login screen.
export default defineContentScript({
  matches: [...whatsapp.hosts],
  runAt: 'document_end',
  main: (ctx) => runSiteFeatures(ctx, whatsapp.adapter, [conversationPanel]),
});
