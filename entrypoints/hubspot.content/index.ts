import { mountLeadPanel } from '@/components/panel/mount-lead-panel';
import { hubspotAdapter } from '@/lib/sites/hubspot';

// Every HubSpot page: the SPA reaches a contact record without a full load, so the
// session decides per route whether there is a record to classify.
export default defineContentScript({
  matches: ['https://*.hubspot.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await mountLeadPanel(ctx, hubspotAdapter);
  },
});
