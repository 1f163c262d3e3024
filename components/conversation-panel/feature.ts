import { createStore } from '@/lib/content/store';
import { requestDraft, requestTriage } from '@/lib/messaging';
import { defineSiteFeature } from '../site-feature';
import { createConversationStore, startConversationSession } from './session';

/** The support agent's panel on a chat or ticket (WhatsApp Web, Zendesk): triage and a reply draft to insert. */
export const conversationPanel = defineSiteFeature({
  name: 'pulso-conversation-panel',
  start({ ctx, adapter }) {
    const store = createConversationStore();
    const collapsed = createStore(false);
    const session = startConversationSession({ ctx, adapter, store, triage: requestTriage, draft: requestDraft });
    return {
      props: {
        store,
        collapsed,
        onRefresh: session.refresh,
        onBillingLevel: session.setBillingLevel,
        onStrategy: session.chooseStrategy,
        onTone: session.applyTone,
        onInsert: session.insert,
        reportStructure: session.reportStructure,
      },
      onRoute: session.onRoute,
      stop: session.stop,
      toggle: () => collapsed.update((was) => !was),
    };
  },
  shows: 'conversation',
  view: 'conversation-panel',
});
