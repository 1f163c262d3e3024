import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createConversationStore, startConversationSession } from '@/lib/content/conversation-session';
import { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import { composerText } from '@/lib/composer/selection';
import { translate, uiLanguageFrom } from '@/lib/i18n';
import { requestDraft, requestTriage } from '@/lib/messaging';
import type { SiteAdapter } from '@/lib/sites/types';
import { UiLanguageContext } from '../panel/use-translate';
import { mountReactShadowUi } from '../shadow-ui';
import { ConversationPanel } from './ConversationPanel';
import type { InsertResult } from './DraftCard';

/** Wires a conversation site (WhatsApp Web, Zendesk) to the support panel for one tab. */
export async function mountConversationPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const store = createConversationStore();
  const session = startConversationSession({ ctx, adapter, store, triage: requestTriage, draft: requestDraft });
  const lang = uiLanguageFrom(navigator.language);

  // The agent always sends: Pulso only fills the composer, and asks before touching their text.
  async function insert(text: string, mode: 'ask' | 'append' | 'replace'): Promise<InsertResult> {
    const composer = adapter.findComposer?.(document, location.href);
    if (!composer) return { ok: false, reason: translate(lang, 'conv.noComposer') };
    if (mode === 'ask' && composerText(composer)) return { needsConfirmation: true };
    const outcome = await insertIntoComposer(composer, text, mode === 'replace' ? 'replace' : 'append');
    return outcome.ok ? { ok: true } : { ok: false, reason: outcome.tried.join(', ') || 'no strategy applies' };
  }

  await mountReactShadowUi(ctx, 'pulso-conversation-panel', (root) =>
    root.render(
      <UiLanguageContext.Provider value={lang}>
        <ConversationPanel
          store={store}
          onRefresh={session.refresh}
          onBillingLevel={session.setBillingLevel}
          onStrategy={session.chooseStrategy}
          onTone={session.applyTone}
          onInsert={insert}
        />
      </UiLanguageContext.Provider>,
    ),
  );

  ctx.addEventListener(window, 'wxt:locationchange', (event) => session.onRoute(event.newUrl.href));
  session.onRoute();
}
