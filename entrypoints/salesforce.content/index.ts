// First: asks storage for the settings and selector pack while the rest of the script evaluates.
import '@/lib/content/start-read';
import '@/lib/zod-jitless';
import { campaignPanel } from '@/components/campaign-panel/feature';
import { leadPanel } from '@/components/lead-panel/feature';
import { listBadges } from '@/components/list-badges/feature';
import { runSiteFeatures } from '@/components/site-feature';
import { salesforce } from '@/lib/sites/salesforce/site';

// Lightning is a single-page app (records open as console tabs too); the features
// follow its routes and read only the active, visible record or list.
export default defineContentScript({
  matches: [...salesforce.hosts],
  runAt: 'document_end',
  main: (ctx) => runSiteFeatures(ctx, salesforce.adapter, [leadPanel, listBadges, campaignPanel]),
});
