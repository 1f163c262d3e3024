// First: asks storage for the settings and selector pack while the rest of the script evaluates.
import '@/lib/content/start-read';
import '@/lib/zod-jitless';
import { campaignPanel } from '@/components/campaign-panel/feature';
import { leadPanel } from '@/components/lead-panel/feature';
import { listBadges } from '@/components/list-badges/feature';
import { runSiteFeatures } from '@/components/site-feature';
import { hubspot } from '@/lib/sites/hubspot/site';

// Every HubSpot page: the SPA moves between records and lists without a full load,
// so each feature decides per route whether it has something to show.
export default defineContentScript({
  matches: [...hubspot.hosts],
  runAt: 'document_end',
  main: (ctx) => runSiteFeatures(ctx, hubspot.adapter, [leadPanel, listBadges, campaignPanel]),
});
