import { mountListBadges } from '@/components/badges/mount-list-badges';
import { mountLeadPanel } from '@/components/panel/mount-lead-panel';
import { salesforceAdapter } from '@/lib/sites/salesforce';

// Lightning is a single-page app (records open as console tabs too); the sessions
// follow its routes and read only the active, visible record or list.
export default defineContentScript({
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await Promise.all([mountLeadPanel(ctx, salesforceAdapter), mountListBadges(ctx, salesforceAdapter)]);
  },
});
