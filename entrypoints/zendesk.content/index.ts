import { mountListBadges } from '@/components/badges/mount-list-badges';
import { mountConversationPanel } from '@/components/conversation/mount-conversation-panel';
import { zendeskAdapter } from '@/lib/sites/zendesk';

// The agent workspace: tickets (the support panel) and views (priority badges per row).
export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await Promise.all([mountConversationPanel(ctx, zendeskAdapter), mountListBadges(ctx, zendeskAdapter)]);
  },
});
