import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPanelStore } from '@/lib/content/panel-store';
import { startLeadRecordSession } from '@/lib/content/lead-record-session';
import type { UiLanguage } from '@/lib/i18n';
import { streamLeadResult } from '@/lib/messaging';
import type { SiteKey } from '@/lib/settings';
import type { SiteAdapter } from '@/lib/sites/types';
import { mountReactShadowUi } from '../shadow-ui';
import { listenForPanelToggle, runWhileSiteEnabled, type SiteFeature } from '../site-switch';
import { LeadPanel } from './LeadPanel';
import { UiLanguageContext } from './use-translate';

/** Wires a site adapter to the lead side panel for one tab. Content scripts call only this. */
export async function mountLeadPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  let panel: SiteFeature | undefined;
  listenForPanelToggle(ctx, () => panel?.toggle?.());
  await runWhileSiteEnabled(ctx, adapter.crm as SiteKey, async (initialLang, isCurrent) => {
    let lang: UiLanguage = initialLang;
    const store = createPanelStore();
    const session = startLeadRecordSession({ ctx, adapter, store, classify: streamLeadResult });
    let root: Root | undefined;
    const render = () =>
      root?.render(
        <UiLanguageContext.Provider value={lang}>
          <LeadPanel store={store} onRefresh={session.refresh} />
        </UiLanguageContext.Provider>,
      );
    const ui = await mountReactShadowUi(ctx, 'pulso-panel', (r) => {
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
      toggle: () => store.collapsed.update((was) => !was),
    };
    if (isCurrent()) {
      panel = feature;
      session.onRoute();
    }
    return feature;
  });
}
