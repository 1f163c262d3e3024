import { LeadSchema, type ClassifyLeadMessage, type LeadPortEvent, type ScrapeResult } from '@/lib/contracts';
import { createSettler, watchRegion, type RegionWatch } from '@/lib/content/dom-watch';
import { pageRefOf, type SessionContext } from '@/lib/content/session-context';
import { hasRecordContent } from '@/lib/sites/page-content';
import { structureReport } from '@/lib/sites/page-skeleton';
import { activeSelectors } from '@/lib/sites/scrape-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { stableStringify } from '@/lib/stable-hash';
import type { PanelStore } from './store';

export interface LeadRecordSessionOptions {
  ctx: SessionContext;
  adapter: SiteAdapter;
  store: PanelStore;
  /**
   * One request per lead (lib/messaging.ts streamLeadResult): the preview, the model's
   * early fields and the final answer arrive as events. Returns a function that stops listening.
   */
  classify: (message: ClassifyLeadMessage, onEvent: (event: LeadPortEvent) => void) => () => void;
  doc?: Document;
  currentUrl?: () => string;
  /** How long the page must be quiet before a changed record is classified again. */
  settleMs?: number;
  /** How long a record page may render without any field Pulso reads before the panel says it could not read it. */
  unreadableAfterMs?: number;
  /**
   * The longest a classified record goes unread while the page never goes quiet (a live
   * activity feed): one re-read per this many ms, not one per burst of the page's mutations.
   */
  maxSettleMs?: number;
}

/**
 * Follows one tab: on each route it waits for the record to render (observing, not
 * polling), paints the rules preview, then the final answer. Every answer is tagged
 * with a generation so a late answer for an earlier record is dropped, never shown
 * on the next one.
 */
export function startLeadRecordSession(options: LeadRecordSessionOptions) {
  const doc = options.doc ?? document;
  const currentUrl = options.currentUrl ?? (() => location.href);
  const settleMs = options.settleMs ?? 250;
  const unreadableAfterMs = options.unreadableAfterMs ?? 5_000;
  const maxSettleMs = options.maxSettleMs ?? 2000;
  const { ctx, adapter, store } = options;

  let generation = 0;
  let watch: RegionWatch | undefined;
  let route: { url: string; recordId: string } | undefined;
  let classifiedFingerprint: string | undefined;
  // During SPA navigation the URL changes before the DOM does: the previous record's
  // fields must not be read as the new record's.
  let staleFingerprint: string | undefined;
  let lastScrape: ScrapeResult | undefined;
  // The latest read of the page, with or without a record in it: what "report page structure" describes.
  let lastRead: ScrapeResult | undefined;
  let routeGeneration = 0;
  // The request in flight: a newer one, a route change or the end of the session stops listening to it.
  let stopListening: (() => void) | undefined;

  const stopObserving = () => {
    watch?.disconnect();
    watch = undefined;
  };
  const stop = () => {
    stopObserving();
    stopListening?.();
    stopListening = undefined;
  };
  ctx.onInvalidated(stop);

  const scheduleCheck = createSettler(ctx, () => check());

  function check() {
    if (!route || ctx.isInvalid) return;
    // The SPA may have swapped the record's region since the last read: observe the one shown now.
    watch?.retarget();
    let scrape: ScrapeResult;
    try {
      scrape = adapter.scrape(doc, route.url);
    } catch {
      return; // the page is mid-render; the next mutation tries again
    }
    lastRead = scrape;
    if (!hasRecordContent(scrape)) {
      const state = store.get();
      if (state.status === 'unreadable') store.set({ ...state, missing: scrape.missing });
      return;
    }
    const fingerprint = stableStringify(scrape.fields);
    if (fingerprint === staleFingerprint || fingerprint === classifiedFingerprint) return;
    staleFingerprint = undefined;
    classifiedFingerprint = fingerprint;
    void classify(scrape, false);
  }

  function classify(scrape: ScrapeResult, refresh: boolean) {
    // The page is hostile input: the lead is validated here, once, before it leaves the tab.
    const lead = LeadSchema.safeParse(scrape.fields);
    if (!lead.success) return;
    const mine = ++generation;
    lastScrape = scrape;
    const { recordId } = scrape;
    const current = () => mine === generation && !ctx.isInvalid;
    stopListening?.();
    stopListening = options.classify({ lead: lead.data, page: pageRefOf(scrape), refresh }, (event) => {
      if (!current()) return;
      const state = store.get();
      if (event.type === 'preview') store.set({ status: 'ready', recordId, scrape, reply: event.reply, pending: true });
      else if (event.type === 'final') store.set({ status: 'ready', recordId, scrape, reply: event.reply, pending: false });
      else if (event.type === 'error') store.set({ status: 'error', recordId, message: event.message });
      else if (state.status === 'ready' && state.pending) {
        const { type: _partial, ...early } = event;
        store.set({ ...state, partial: early });
      }
    });
  }

  function onRoute(nextUrl?: string) {
    if (ctx.isInvalid) return;
    const url = nextUrl ?? currentUrl();
    if (route?.url === url) return;
    stop();
    generation++;
    staleFingerprint = classifiedFingerprint ?? staleFingerprint;
    classifiedFingerprint = undefined;
    lastScrape = undefined;
    const page = adapter.pageKind(url);
    if (!page || page.kind !== 'record') {
      route = undefined;
      store.set({ status: 'idle' });
      return;
    }
    route = { url, recordId: page.recordId };
    lastRead = undefined;
    store.set({ status: 'waiting', recordId: page.recordId });
    const mine = ++routeGeneration;
    ctx.setTimeout(() => {
      // Still nothing to classify on this route: say so (the observer keeps watching; a record that renders later replaces this).
      const state = store.get();
      if (mine !== routeGeneration || ctx.isInvalid || state.status !== 'waiting') return;
      check();
      if (store.get().status === 'waiting' && (!lastRead || !hasRecordContent(lastRead))) {
        store.set({ status: 'unreadable', recordId: state.recordId, missing: lastRead?.missing ?? [] });
      }
    }, unreadableAfterMs);
    // Only the record's region (and what could swap it) is observed: the page's churn elsewhere costs nothing.
    watch = watchRegion(
      doc,
      () => adapter.readScope?.(doc, url),
      { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'hidden', 'aria-hidden', 'style'] },
      () => {
        // Until the record is read, look again every frame; then at most one read per settle.
        if (classifiedFingerprint) scheduleCheck(settleMs, maxSettleMs);
        else scheduleCheck(16, 16);
      },
    );
    check();
  }

  return {
    /**
     * Call on start and on every `wxt:locationchange`, passing the event's new URL:
     * WXT fires it from the Navigation API's "navigate" event, before `location`
     * has changed.
     */
    onRoute,
    /** "Report page structure": the page's anonymised skeleton with what could not be read (no text). */
    reportStructure(): string {
      return structureReport(doc.body, { url: route?.url ?? currentUrl(), scrape: lastRead, selectorsVersion: activeSelectors().version });
    },
    /** The panel's refresh: classify the record as the page shows it now, skipping caches. */
    refresh() {
      if (!route) return;
      const scrape = (() => {
        try {
          return adapter.scrape(doc, route.url);
        } catch {
          return lastScrape;
        }
      })();
      if (scrape && hasRecordContent(scrape)) {
        classifiedFingerprint = stableStringify(scrape.fields);
        void classify(scrape, true);
      }
    },
    stop,
  };
}
