import { prepareComposer } from '@/lib/content/ckeditor-bridge';
import { composerInUi } from '../content-ui/load';
import { streamCampaign } from '@/lib/messaging';
import { defineSiteFeature } from '../site-feature';
import { startCampaignSession } from './session';
import { createCampaignStore } from './store';

/** The *Campaign* action on CRM record pages: a personalised email from the record, its steps shown as they happen. */
export const campaignPanel = defineSiteFeature({
  name: 'pulso-campaign',
  start({ ctx, adapter }) {
    const store = createCampaignStore();
    const session = startCampaignSession({ ctx, adapter, store, draft: streamCampaign, prepareComposer, ...composerInUi });
    return {
      props: { store, onRun: session.run, onInsert: session.insert },
      onRoute: session.onRoute,
      stop: session.stop,
    };
  },
  shows: 'record',
  view: 'campaign-panel',
});
