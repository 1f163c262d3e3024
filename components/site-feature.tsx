import type { ComponentType, ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type Store } from '@/lib/content/store';
import { resolveUiLanguage, type UiLanguage } from '@/lib/i18n/translate';
import { onMessage } from '@/lib/messaging';
import { readSettings, watchSettings } from '@/lib/settings';
import type { SiteAdapter } from '@/lib/sites/types';
import { mountReactShadowUi } from './ui/shadow-ui';
import { UiLanguageContext } from './ui/use-translate';
import { useStore } from './ui/use-store';

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

export interface SiteFeature<Props = unknown> {
  /** The custom element its shadow root is mounted in (one per feature on a page). */
  name: string;
  /** Starts the session (no React); called each time the site is turned on. */
  start(context: FeatureContext): RunningFeature<Props>;
  /**
   * Loads the React view. Written as `() => import('./View').then((m) => m.View)`, so the view can
   * become its own chunk, loaded only when there is something to show.
   */
  view(): Promise<ComponentType<Props>>;
}

/** One page feature (the lead panel, the conversation panel, the list badges): Refined GitHub's one-feature-one-file. */
export function defineSiteFeature<Props>(feature: SiteFeature<Props>): SiteFeature<Props> {
  return feature;
}

/**
 * Runs a content script's features while its site is turned on in the options (checked at
 * start and on every change), in the chosen language, following SPA routes, answering the
 * toggle-panel command, torn down with the content script. A feature turned off while it
 * is still mounting is stopped as soon as it is up (each launch has its own generation).
 */
// Each feature has its own props type; the runner only passes a feature's props to its own view.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySiteFeature = SiteFeature<any>;

export async function runSiteFeatures(ctx: ContentScriptContext, adapter: SiteAdapter, features: readonly AnySiteFeature[]): Promise<void> {
  const settings = await readSettings();
  const language = createStore(resolveUiLanguage(settings.language, navigator.language));
  const runners = features.map((feature) => featureRunner(ctx, adapter, language, feature));
  const launchAll = () => Promise.all(runners.map((runner) => runner.launch()));

  const unwatch = watchSettings((next) => {
    language.set(resolveUiLanguage(next.language, navigator.language));
    if (!next.sites[adapter.crm]) for (const runner of runners) runner.shutDown();
    else void launchAll();
  });
  ctx.onInvalidated(unwatch);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => runners.forEach((runner) => runner.running?.onRoute(event.newUrl.href)));
  // The toggle-panel command, relayed by the background, goes to whichever panel is up.
  ctx.onInvalidated(onMessage('togglePanel', () => runners.forEach((runner) => runner.running?.toggle?.())));
  if (settings.sites[adapter.crm]) await launchAll();
}

function featureRunner<Props>(ctx: ContentScriptContext, adapter: SiteAdapter, language: Store<UiLanguage>, feature: SiteFeature<Props>) {
  let generation = 0;
  const runner = {
    running: undefined as RunningFeature<Props> | undefined,
    remove: undefined as (() => void) | undefined,
    /** A newer launch, or a shut-down, supersedes one still mounting: the latest wins. */
    async launch() {
      if (runner.running) return;
      const mine = ++generation;
      const running = feature.start({ ctx, adapter, language });
      const View = await feature.view();
      const ui = await mountReactShadowUi(ctx, feature.name, (root: Root) =>
        root.render(
          <LanguageRoot language={language}>
            <View {...(running.props as Props & object)} />
          </LanguageRoot>,
        ),
      );
      if (mine !== generation) {
        running.stop();
        ui.remove();
        return;
      }
      runner.running = running;
      runner.remove = () => ui.remove();
      running.onRoute();
    },
    shutDown() {
      generation++;
      runner.running?.stop();
      runner.remove?.();
      runner.running = undefined;
      runner.remove = undefined;
    },
  };
  return runner;
}

/** Provides the current UI language to a feature's view, and re-renders it when the options change it. */
function LanguageRoot({ language, children }: { language: Store<UiLanguage>; children: ReactNode }) {
  return <UiLanguageContext.Provider value={useStore(language)}>{children}</UiLanguageContext.Provider>;
}
