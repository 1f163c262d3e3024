import { sendFeedback, streamLeadResult } from '@/lib/messaging';
import { leadCorrectionEvent, type LeadCorrection } from './correction';
import { defineSiteFeature } from '../site-feature';
import { leadGlance } from './glance';
import { startLeadRecordSession } from './session';
import { createPanelStore } from './store';

/** The lead side panel on CRM record pages: the rules preview at once, then the backend's answer. */
export const leadPanel = defineSiteFeature({
  name: 'pulso-panel',
  start({ ctx, adapter }) {
    const store = createPanelStore();
    const session = startLeadRecordSession({ ctx, adapter, store, classify: streamLeadResult });
    // The rep's correction goes to the background, which queues and delivers it (offline too).
    const onCorrect = async (correction: LeadCorrection) => {
      const state = store.get();
      if (state.status !== 'ready') return false;
      const event = leadCorrectionEvent(correction, state.reply.result, state.scrape.crm);
      if (!event) return false;
      await sendFeedback({ events: [event] });
      return true;
    };
    return {
      props: { store, onRefresh: session.refresh, onCorrect, reportStructure: session.reportStructure },
      onRoute: session.onRoute,
      stop: session.stop,
      toggle: () => store.collapsed.update((was) => !was),
    };
  },
  shows: 'record',
  view: 'lead-panel',
  glance: ({ store }) => ({ stores: [store, store.collapsed], read: (language) => leadGlance(store.get(), store.collapsed.get(), language) }),
});
