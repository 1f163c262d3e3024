import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveUiLanguage, type UiLanguage } from '@/lib/i18n';
import { onMessage } from '@/lib/messaging';
import { readSettings, watchSettings, type SiteKey } from '@/lib/settings';

/** One running piece of Pulso UI on a CRM page (a panel, the list badges). */
export interface SiteFeature {
  stop(): void;
  onRoute(url?: string): void;
  setLanguage(lang: UiLanguage): void;
  /** The toggle-panel keyboard command, for features that are a panel. */
  toggle?(): void;
}

/**
 * Runs a feature only while its site is turned on in the options — checked at start
 * and on every change — in the language the options chose, following SPA routes.
 * A feature turned off while still mounting is stopped as soon as it is up.
 */
export async function runWhileSiteEnabled(
  ctx: ContentScriptContext,
  site: SiteKey,
  start: (lang: UiLanguage, isCurrent: () => boolean) => Promise<SiteFeature>,
): Promise<void> {
  const settings = await readSettings();
  let lang = resolveUiLanguage(settings.language, navigator.language);
  let active: SiteFeature | undefined;
  let generation = 0;

  async function launch() {
    const mine = ++generation;
    const feature = await start(lang, () => mine === generation);
    if (mine !== generation) feature.stop();
    else active = feature;
  }
  function shutDown() {
    generation++;
    active?.stop();
    active = undefined;
  }

  const unwatch = watchSettings((next) => {
    const nextLang = resolveUiLanguage(next.language, navigator.language);
    const langChanged = nextLang !== lang;
    lang = nextLang;
    if (!next.sites[site]) shutDown();
    else if (!active) void launch();
    else if (langChanged) active.setLanguage(lang);
  });
  ctx.onInvalidated(unwatch);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => active?.onRoute(event.newUrl.href));
  if (settings.sites[site]) await launch();
}

/** The toggle-panel command, relayed by the background, goes to whichever panel is up. */
export function listenForPanelToggle(ctx: ContentScriptContext, toggle: () => void) {
  ctx.onInvalidated(onMessage('togglePanel', toggle));
}
