// First: asks storage for the settings and selector pack while the rest of the script evaluates.
import '@/lib/content/start-read';
import '@/lib/zod-jitless';
import { conversationPanel } from '@/components/conversation-panel/feature';
import { listBadges } from '@/components/list-badges/feature';
import { runSiteFeatures } from '@/components/site-feature';
import { zendesk } from '@/lib/sites/zendesk/site';

// The agent workspace: tickets (the support panel) and views (priority badges per row).
export default defineContentScript({
  matches: [...zendesk.hosts],
  runAt: 'document_end',
  main: (ctx) => runSiteFeatures(ctx, zendesk.adapter, [conversationPanel, listBadges]),
});
