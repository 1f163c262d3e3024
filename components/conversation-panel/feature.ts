import { prepareComposer } from '@/lib/content/ckeditor-bridge';
import { composerInUi } from '../content-ui/load';
import { createStore } from '@/lib/content/store';
import { requestDraft, requestTriage, sendFeedback } from '@/lib/messaging';
import { defineSiteFeature } from '../site-feature';
import { createDraftFeedback } from './draft-feedback';
import { conversationGlance } from './glance';
import { createConversationStore, startConversationSession } from './session';

/** The support agent's panel on a chat or ticket (WhatsApp Web, Zendesk): triage and a reply draft to insert. */
export const conversationPanel = defineSiteFeature({
  name: 'pulso-conversation-panel',
  start({ ctx, adapter }) {
    const store = createConversationStore();
    const collapsed = createStore(false);
    // What the agent does with each draft goes to the background, which queues and delivers it (offline too).
    const feedback = createDraftFeedback({ send: (events) => void sendFeedback({ events }).catch(() => {}) });
    const session = startConversationSession({ ctx, adapter, store, triage: requestTriage, draft: requestDraft, feedback, prepareComposer, insertDraft: composerInUi.insertDraft });
    // Closing or leaving the page ends the drafts' stories with what the composer held.
    const onPageHide = () => feedback.left();
    window.addEventListener('pagehide', onPageHide);
    return {
      props: {
        store,
        collapsed,
        onRefresh: session.refresh,
        onBillingLevel: session.setBillingLevel,
        onStrategy: session.chooseStrategy,
        onTone: session.applyTone,
        onInsert: session.insert,
        onCopied: session.copied,
        onRate: session.rate,
        reportStructure: session.reportStructure,
      },
      onRoute: session.onRoute,
      stop() {
        window.removeEventListener('pagehide', onPageHide);
        session.stop();
      },
      toggle: () => collapsed.update((was) => !was),
    };
  },
  shows: 'conversation',
  view: 'conversation-panel',
  glance: ({ store, collapsed }) => ({ stores: [store, collapsed], read: (language) => conversationGlance(store.get(), collapsed.get(), language) }),
});
