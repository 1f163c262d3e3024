import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createPanelStore } from '@/lib/content/panel-store';
import { startLeadRecordSession } from '@/lib/content/lead-record-session';
import { uiLanguageFrom } from '@/lib/i18n';
import { requestLeadResult } from '@/lib/messaging';
import type { SiteAdapter } from '@/lib/sites/types';
import { LeadPanel } from './LeadPanel';
import panelCss from './panel.css?inline';
import { cssForShadowRoot } from './shadow-css';
import { UiLanguageContext } from './use-translate';

/** Wires a site adapter to the side panel for one tab. Content scripts call only this. */
export async function mountLeadPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const store = createPanelStore();
  const session = startLeadRecordSession({ ctx, adapter, store, request: requestLeadResult });
  const lang = uiLanguageFrom(navigator.language);

  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'pulso-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: cssForShadowRoot(panelCss),
    // Keystrokes typed in the panel must not trigger the CRM's keyboard shortcuts.
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      root.render(
        <UiLanguageContext.Provider value={lang}>
          <LeadPanel store={store} onRefresh={session.refresh} />
        </UiLanguageContext.Provider>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();

  ctx.addEventListener(window, 'wxt:locationchange', (event) => session.onRoute(event.newUrl.href));
  session.onRoute();
}
