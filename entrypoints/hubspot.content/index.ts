import { mountListBadges } from '@/components/badges/mount-list-badges';
import { mountLeadPanel } from '@/components/panel/mount-lead-panel';
import { hubspotAdapter } from '@/lib/sites/hubspot';

// Every HubSpot page: the SPA moves between records and lists without a full load,
// so each session decides per route whether it has something to show.
export default defineContentScript({
  matches: ['https://*.hubspot.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await Promise.all([mountLeadPanel(ctx, hubspotAdapter), mountListBadges(ctx, hubspotAdapter)]);
  },
});
