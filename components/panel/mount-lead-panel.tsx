import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPanelStore } from '@/lib/content/panel-store';
import { startLeadRecordSession } from '@/lib/content/lead-record-session';
import { uiLanguageFrom } from '@/lib/i18n';
import { LeadPartialMessageSchema, onMessage, requestLeadResult } from '@/lib/messaging';
import type { SiteAdapter } from '@/lib/sites/types';
import { mountReactShadowUi } from '../shadow-ui';
import { LeadPanel } from './LeadPanel';
import { UiLanguageContext } from './use-translate';

/** Wires a site adapter to the side panel for one tab. Content scripts call only this. */
export async function mountLeadPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const store = createPanelStore();
  const session = startLeadRecordSession({
    ctx,
    adapter,
    store,
    request: requestLeadResult,
    subscribePartials: (handler) =>
      onMessage('leadPartial', ({ data }) => {
        const partial = LeadPartialMessageSchema.safeParse(data);
        if (partial.success) handler(partial.data);
      }),
  });
  const lang = uiLanguageFrom(navigator.language);

  await mountReactShadowUi(ctx, 'pulso-panel', (root) =>
    root.render(
      <UiLanguageContext.Provider value={lang}>
        <LeadPanel store={store} onRefresh={session.refresh} />
      </UiLanguageContext.Provider>,
    ),
  );

  ctx.addEventListener(window, 'wxt:locationchange', (event) => session.onRoute(event.newUrl.href));
  session.onRoute();
}
