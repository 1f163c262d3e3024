import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createConversationStore, startConversationSession } from '@/lib/content/conversation-session';
import { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import { composerText } from '@/lib/composer/selection';
import { translate, type UiLanguage } from '@/lib/i18n';
import { requestDraft, requestTriage } from '@/lib/messaging';
import type { SiteKey } from '@/lib/settings';
import type { SiteAdapter } from '@/lib/sites/types';
import { UiLanguageContext } from '../panel/use-translate';
import { mountReactShadowUi } from '../shadow-ui';
import { listenForPanelToggle, runWhileSiteEnabled, type SiteFeature } from '../site-switch';
import { ConversationPanel } from './ConversationPanel';
import type { InsertResult } from './DraftCard';

/** Wires a conversation site (WhatsApp Web, Zendesk tickets) to the support panel for one tab. */
export async function mountConversationPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  let panel: SiteFeature | undefined;
  listenForPanelToggle(ctx, () => panel?.toggle?.());
  await runWhileSiteEnabled(ctx, adapter.crm as SiteKey, async (initialLang, isCurrent) => {
    let lang: UiLanguage = initialLang;
    let collapsed = false;
    const store = createConversationStore();
    const session = startConversationSession({ ctx, adapter, store, triage: requestTriage, draft: requestDraft });

    // The agent always sends: Pulso only fills the composer, and asks before touching their text.
    async function insert(text: string, mode: 'ask' | 'append' | 'replace'): Promise<InsertResult> {
      const composer = adapter.findComposer?.(document, location.href);
      if (!composer) return { ok: false, reason: translate(lang, 'conv.noComposer') };
      if (mode === 'ask' && composerText(composer)) return { needsConfirmation: true };
      const outcome = await insertIntoComposer(composer, text, mode === 'replace' ? 'replace' : 'append');
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.tried.join(', ') || 'no strategy applies' };
    }

    let root: Root | undefined;
    const render = () =>
      root?.render(
        <UiLanguageContext.Provider value={lang}>
          <ConversationPanel
            store={store}
            collapsed={collapsed}
            onCollapsedChange={(next) => {
              collapsed = next;
              render();
            }}
            onRefresh={session.refresh}
            onBillingLevel={session.setBillingLevel}
            onStrategy={session.chooseStrategy}
            onTone={session.applyTone}
            onInsert={insert}
          />
        </UiLanguageContext.Provider>,
      );
    const ui = await mountReactShadowUi(ctx, 'pulso-conversation-panel', (r) => {
      root = r;
      render();
    });
    const feature: SiteFeature = {
      stop() {
        session.stop();
        ui.remove();
        if (panel === feature) panel = undefined;
      },
      onRoute: session.onRoute,
      setLanguage(next) {
        lang = next;
        render();
      },
      toggle() {
        collapsed = !collapsed;
        render();
      },
    };
    if (isCurrent()) {
      panel = feature;
      session.onRoute();
    }
    return feature;
  });
}
