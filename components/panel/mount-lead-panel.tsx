import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPanelStore } from '@/lib/content/panel-store';
import { startLeadRecordSession } from '@/lib/content/lead-record-session';
import { resolveUiLanguage, type UiLanguage } from '@/lib/i18n';
import { LeadPartialMessageSchema, onMessage, requestLeadResult } from '@/lib/messaging';
import { readSettings, watchSettings, type SiteKey } from '@/lib/settings';
import type { SiteAdapter } from '@/lib/sites/types';
import { mountReactShadowUi } from '../shadow-ui';
import { LeadPanel } from './LeadPanel';
import { UiLanguageContext } from './use-translate';

/**
 * Wires a site adapter to the side panel for one tab. Content scripts call only this.
 * The panel exists only while the site is turned on in the options (checked at start and
 * on every change) and speaks the language the options chose.
 */
export async function mountLeadPanel(ctx: ContentScriptContext, adapter: SiteAdapter) {
  const site = adapter.crm as SiteKey;
  const settings = await readSettings();
  let lang: UiLanguage = resolveUiLanguage(settings.language, navigator.language);
  let active: { stop(): void; onRoute(url?: string): void; render(): void; toggle(): void } | undefined;

  async function start() {
    const store = createPanelStore();
    let unsubscribePartials: (() => void) | undefined;
    const session = startLeadRecordSession({
      ctx,
      adapter,
      store,
      request: requestLeadResult,
      subscribePartials: (handler) =>
        (unsubscribePartials = onMessage('leadPartial', ({ data }) => {
          const partial = LeadPartialMessageSchema.safeParse(data);
          if (partial.success) handler(partial.data);
        })),
    });
    let root: Root | undefined;
    const render = () =>
      root?.render(
        <UiLanguageContext.Provider value={lang}>
          <LeadPanel store={store} onRefresh={session.refresh} />
        </UiLanguageContext.Provider>,
      );
    const instance = {
      stop() {
        session.stop();
        unsubscribePartials?.();
        ui.remove();
      },
      onRoute: session.onRoute,
      render,
      toggle: store.toggleCollapsed,
    };
    active = instance;
    const ui = await mountReactShadowUi(ctx, 'pulso-panel', (r) => {
      root = r;
      render();
    });
    if (active !== instance) {
      instance.stop(); // turned off while mounting
      return;
    }
    session.onRoute();
  }

  const unwatch = watchSettings((next) => {
    const nextLang = resolveUiLanguage(next.language, navigator.language);
    if (nextLang !== lang) {
      lang = nextLang;
      active?.render();
    }
    if (next.sites[site] && !active) void start();
    else if (!next.sites[site] && active) {
      const current = active;
      active = undefined;
      current.stop();
    }
  });
  ctx.onInvalidated(unwatch);

  // The toggle-panel keyboard command (wxt.config.ts `commands`), relayed by the background to this tab.
  ctx.onInvalidated(onMessage('togglePanel', () => active?.toggle()));

  ctx.addEventListener(window, 'wxt:locationchange', (event) => active?.onRoute(event.newUrl.href));
  if (settings.sites[site]) await start();
}
