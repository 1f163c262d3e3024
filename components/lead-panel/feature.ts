import { streamLeadResult } from '@/lib/messaging';
import { defineSiteFeature } from '../site-feature';
import { startLeadRecordSession } from './session';
import { createPanelStore } from './store';

/** The lead side panel on CRM record pages: the rules preview at once, then the backend's answer. */
export const leadPanel = defineSiteFeature({
  name: 'pulso-panel',
  start({ ctx, adapter }) {
    const store = createPanelStore();
    const session = startLeadRecordSession({ ctx, adapter, store, classify: streamLeadResult });
    return {
      props: { store, onRefresh: session.refresh, reportStructure: session.reportStructure },
      onRoute: session.onRoute,
      stop: session.stop,
      toggle: () => store.collapsed.update((was) => !was),
    };
  },
  shows: 'record',
  view: 'lead-panel',
});
