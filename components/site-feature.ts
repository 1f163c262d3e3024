import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type Store } from '@/lib/content/store';
import { resolveUiLanguage, type UiLanguage } from '@/lib/i18n/translate';
import { onMessage } from '@/lib/messaging';
import { followSelectorPack } from '@/lib/content/selector-pack';
import { readSettings, watchSettings } from '@/lib/settings';
import type { PageKind, SiteAdapter } from '@/lib/sites/types';
import { loadContentUi } from './content-ui/load';
import type { ViewName, ViewProps } from './content-ui/views';

// This file runs at page load in every CRM tab, so it stays free of React: a feature's
// session (reading the page, asking the background) starts at once, and its view comes
// from the UI chunk, loaded only when the page is one the feature shows something on.

/** What a feature gets when its site is on: the content script's lifetime, the site, the UI language. */
export interface FeatureContext {
  ctx: ContentScriptContext;
  adapter: SiteAdapter;
  /** The language the options chose (or the browser's); it changes while the feature runs. */
  language: Store<UiLanguage>;
}

/** A feature while it runs: its session follows the page, its view renders `props`. */
export interface RunningFeature<Props> {
  /** What the view is rendered with (stores and callbacks): made once, the stores carry the changes. */
  props: Props;
  /** Call on start and on every SPA navigation, with the new URL (see lib/content/session-context.ts). */
  onRoute(url?: string): void;
  /** Stops observing and listening, and takes away what the feature drew in the page itself. */
  stop(): void;
  /** The toggle-panel keyboard command, for features that are a panel. */
  toggle?(): void;
}

export interface SiteFeature<View extends ViewName = ViewName> {
  /** The custom element its shadow root is mounted in (one per feature on a page). */
  name: string;
  /** The kind of page it shows something on: its view is loaded the first time the tab is on one. */
  shows: PageKind['kind'];
  /** Starts the session (no React); called each time the site is turned on. */
  start(context: FeatureContext): RunningFeature<ViewProps<View>>;
  /** Its view in the UI chunk (components/content-ui/views.ts). */
  view: View;
}

/** One page feature (the lead panel, the conversation panel, the list badges): Refined GitHub's one-feature-one-file. */
export function defineSiteFeature<View extends ViewName>(feature: SiteFeature<View>): SiteFeature<View> {
  return feature;
}

/**
 * Runs a content script's features while its site is turned on in the options (checked at
 * start and on every change), in the chosen language, following SPA routes, answering the
 * toggle-panel command, torn down with the content script. A feature turned off while its
 * view is still loading takes it away as soon as it is up (each launch has its own generation).
 */
export async function runSiteFeatures(ctx: ContentScriptContext, adapter: SiteAdapter, features: readonly SiteFeature[]): Promise<void> {
  // On a page a feature shows something on, the UI chunk starts loading now: the browser fetches
  // and compiles it while the settings are read and the page is scraped, off the critical path.
  const kind = adapter.pageKind(location.href)?.kind;
  if (features.some((feature) => feature.shows === kind)) loadContentUi().catch(() => undefined);
  // The selector pack the background accepted, before the first scrape (the built-in selectors otherwise).
  const [settings] = await Promise.all([readSettings(), followSelectorPack(ctx)]);
  const language = createStore(resolveUiLanguage(settings.language, navigator.language));
  const runners = features.map((feature) => featureRunner(ctx, adapter, language, feature));
  const launchAll = () => runners.forEach((runner) => runner.launch());

  const unwatch = watchSettings((next) => {
    language.set(resolveUiLanguage(next.language, navigator.language));
    if (!next.sites[adapter.crm]) for (const runner of runners) runner.shutDown();
    else launchAll();
  });
  ctx.onInvalidated(unwatch);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => runners.forEach((runner) => runner.onRoute(event.newUrl.href)));
  // The toggle-panel command, relayed by the background, goes to whichever panel is up.
  ctx.onInvalidated(onMessage('togglePanel', () => runners.forEach((runner) => runner.running?.toggle?.())));
  if (settings.sites[adapter.crm]) launchAll();
}

function featureRunner(ctx: ContentScriptContext, adapter: SiteAdapter, language: Store<UiLanguage>, feature: SiteFeature) {
  let generation = 0;
  const runner = {
    running: undefined as RunningFeature<unknown> | undefined,
    remove: undefined as (() => void) | undefined,
    mounting: false,
    /** Starts the session at once; the view follows when the page is one the feature shows something on. */
    launch() {
      if (runner.running) return;
      generation++;
      runner.running = feature.start({ ctx, adapter, language });
      runner.onRoute();
    },
    onRoute(url?: string) {
      if (!runner.running) return;
      // The view's chunk is asked for before the session reads the page, so the two overlap.
      if (!runner.remove && !runner.mounting && adapter.pageKind(url ?? location.href)?.kind === feature.shows) void runner.mount();
      runner.running.onRoute(url);
    },
    /** Loads the UI chunk (once per tab) and mounts the view; a shut-down meanwhile takes it away again. */
    async mount() {
      const mine = generation;
      runner.mounting = true;
      try {
        const ui = await loadContentUi();
        if (mine !== generation || !runner.running) return;
        const mounted = await ui.mountFeatureView(ctx, feature.name, feature.view, runner.running.props as never, language);
        if (mine !== generation || !runner.running) mounted.remove();
        else runner.remove = () => mounted.remove();
      } finally {
        if (mine === generation) runner.mounting = false;
      }
    },
    shutDown() {
      generation++;
      runner.mounting = false;
      runner.running?.stop();
      runner.remove?.();
      runner.running = undefined;
      runner.remove = undefined;
    },
  };
  return runner;
}
