import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type Store } from '@/lib/content/store';
import { resolveUiLanguage, type UiLanguage } from '@/lib/i18n/translate';
import { onMessage } from '@/lib/messaging';
import { yieldToPage } from '@/lib/content/dom-watch';
import { followSelectorPack } from '@/lib/content/selector-pack';
import { readStartState } from '@/lib/content/start-read';
import { selectorPackStateFrom } from '@/lib/selector-pack/stored';
import { settingsFrom, watchSettings } from '@/lib/settings';
import type { PageKind, SiteAdapter } from '@/lib/sites/types';
import { loadContentUi } from './content-ui/load';
import type { ViewName, ViewProps } from './content-ui/views';
import { createGlance, type GlanceContent } from './glance/glance';

// This file runs at page load in every CRM tab, so it stays free of React: a feature's
// session (reading the page, asking the background) starts at once, its glance paints the
// answer's headline in plain DOM, and its view comes from the UI chunk, loaded only when the
// page is one the feature shows something on, once the glance's first answer is on screen.

/** How long the UI chunk waits for a glance to show something before it loads anyway. */
const GLANCE_WAIT_MS = 1_500;
/** How long the UI chunk waits for an idle main thread on a page without a glance (a list). */
const IDLE_WAIT_MS = 2_000;

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
  /**
   * Its answer at a glance (components/glance/glance.ts), painted while the view loads: the
   * stores it reads (repainted on every change) and what it shows in a language (null: nothing).
   */
  glance?(props: ViewProps<View>): { stores: readonly Store<unknown>[]; read(language: UiLanguage): GlanceContent | null };
  /**
   * For a feature without a glance that draws in the page itself (the list's badges): the store
   * its session sets once that drawing is done. On its pages the UI chunk waits for that first
   * change (at most IDLE_WAIT_MS), then for an idle main thread: the chunk is not compiled
   * while the session waits on the background, and so never delays the drawing.
   */
  drawnWithoutView?(props: ViewProps<View>): Store<unknown>;
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
  // Evaluating the script is a task of its own: the storage read began at document_start has
  // usually answered by now, so no wait would split the evaluation from what follows.
  await yieldToPage(ctx);
  // The selector pack the background accepted, before the first scrape (the built-in selectors otherwise).
  const reading = readStartState();
  // Storage answers over IPC while the page's thread waits: the first parse of the settings and
  // of the selector pack (zod's one-time setup of every schema it walks, V8 compiling that path)
  // is done in that wait instead of after it. The defaults stand for settings never saved.
  const defaults = settingsFrom(undefined);
  selectorPackStateFrom(undefined);
  const start = await reading;
  const settings = start.settings === undefined ? defaults : settingsFrom(start.settings);
  await followSelectorPack(ctx, { stored: start.selectorPack });
  const language = createStore(resolveUiLanguage(settings.language, navigator.language));
  const gate = createUiGate(ctx);
  const runners: FeatureRunner[] = [];
  // The chunk waits for a glance only where a running feature with one shows something.
  const glanceOnPage = (url: string) => runners.some((runner) => runner.glancing(url));
  runners.push(...features.map((feature) => featureRunner(ctx, adapter, language, feature, gate, glanceOnPage)));
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

/**
 * When the UI chunk may load: compiling it is the largest piece of work Pulso does in a CRM's
 * page, so it never competes with the first answers. Where a glance paints the first answer,
 * the chunk starts after that frame is on screen (or GLANCE_WAIT_MS without one); elsewhere (a
 * list, whose badges are painted in slices) once the page's main thread is idle, at most
 * IDLE_WAIT_MS later.
 */
function createUiGate(ctx: ContentScriptContext) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waiting = false;
  return {
    /** A glance shows more than "waiting": once it is painted, the chunk may come. */
    shown() {
      ctx.requestAnimationFrame(() => ctx.setTimeout(open, 0));
    },
    wait(forGlance: boolean): Promise<void> {
      if (!waiting) {
        waiting = true;
        if (forGlance) ctx.setTimeout(open, GLANCE_WAIT_MS);
        else if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(open, { timeout: IDLE_WAIT_MS });
        else ctx.setTimeout(open, 0);
      }
      return opened;
    },
  };
}
type UiGate = ReturnType<typeof createUiGate>;

/** Resolves at the store's next change, or after `maxWaitMs` without one. */
function firstChange(ctx: ContentScriptContext, store: Store<unknown>, maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      resolve();
    };
    const unsubscribe = store.subscribe(done);
    ctx.setTimeout(done, maxWaitMs);
  });
}
type FeatureRunner = ReturnType<typeof featureRunner>;

/** Paints a feature's glance from its stores until its view is up (or the feature stops). */
function startGlance(feature: SiteFeature, props: unknown, language: Store<UiLanguage>, gate: UiGate): () => void {
  const source = feature.glance!(props as never);
  const glance = createGlance(document, `${feature.name}-glance`);
  const paint = () => {
    const content = source.read(language.get());
    glance.paint(content);
    if (content && content.state !== 'waiting') gate.shown();
  };
  const unsubscribe = [...source.stores, language].map((store) => store.subscribe(paint));
  paint();
  return () => {
    for (const stop of unsubscribe) stop();
    glance.remove();
  };
}

function featureRunner(ctx: ContentScriptContext, adapter: SiteAdapter, language: Store<UiLanguage>, feature: SiteFeature, gate: UiGate, glanceOnPage: (url: string) => boolean) {
  let generation = 0;
  const runner = {
    running: undefined as RunningFeature<unknown> | undefined,
    remove: undefined as (() => void) | undefined,
    /** Takes the glance away (its view is up, or the feature stopped). */
    stopGlance: undefined as (() => void) | undefined,
    mounting: false,
    /** Starts the session at once; the view follows when the page is one the feature shows something on. */
    launch() {
      if (runner.running) return;
      generation++;
      runner.running = feature.start({ ctx, adapter, language });
      if (feature.glance) runner.stopGlance = startGlance(feature, runner.running.props, language, gate);
      runner.onRoute();
    },
    /** Whether this feature's glance is what a rep sees first on `url`. */
    glancing(url: string) {
      return Boolean(runner.stopGlance) && adapter.pageKind(url)?.kind === feature.shows;
    },
    onRoute(url?: string) {
      if (!runner.running) return;
      // The view's chunk is asked for before the session reads the page, so the two overlap.
      if (!runner.remove && !runner.mounting && adapter.pageKind(url ?? location.href)?.kind === feature.shows) void runner.mount(url ?? location.href);
      runner.running.onRoute(url);
    },
    /** Loads the UI chunk (once per tab) and mounts the view; a shut-down meanwhile takes it away again. */
    async mount(url: string) {
      const mine = generation;
      runner.mounting = true;
      try {
        if (feature.drawnWithoutView) await firstChange(ctx, feature.drawnWithoutView(runner.running!.props as never), IDLE_WAIT_MS);
        await gate.wait(glanceOnPage(url));
        const ui = await loadContentUi();
        // Evaluating the chunk and rendering the view are each a task of their own, not one long one.
        await yieldToPage(ctx);
        if (mine !== generation || !runner.running) return;
        const mounted = await ui.mountFeatureView(ctx, feature.name, feature.view, runner.running.props as never, language);
        if (mine !== generation || !runner.running) mounted.remove();
        else {
          runner.remove = () => mounted.remove();
          // The view has committed in this same task: the glance goes before anything paints both.
          runner.stopGlance?.();
          runner.stopGlance = undefined;
        }
      } finally {
        if (mine === generation) runner.mounting = false;
      }
    },
    shutDown() {
      generation++;
      runner.mounting = false;
      runner.stopGlance?.();
      runner.stopGlance = undefined;
      runner.running?.stop();
      runner.remove?.();
      runner.running = undefined;
      runner.remove = undefined;
    },
  };
  return runner;
}
