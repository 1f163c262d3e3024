import { LeadSchema, type ScrapeResult } from '../contracts';
import type { ClassifyLeadMessage, LeadPartialMessage, LeadResultReply } from '../messaging';
import { hasRecordContent } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { stableStringify } from '../stable-hash';
import { createCoalescer, observeBody } from './dom-watch';
import type { PanelStore } from './panel-store';

/** The part of WXT's ContentScriptContext the session needs (so tests can pass a fake). */
export interface SessionContext {
  isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface LeadRecordSessionOptions {
  ctx: SessionContext;
  adapter: SiteAdapter;
  store: PanelStore;
  request: (message: ClassifyLeadMessage) => Promise<LeadResultReply>;
  /** Early stage/priority pushed by the background while the model still writes. */
  subscribePartials?: (handler: (partial: LeadPartialMessage) => void) => () => void;
  doc?: Document;
  currentUrl?: () => string;
  /** How long the page must be quiet before a changed record is classified again. */
  settleMs?: number;
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
  const { ctx, adapter, store } = options;

  let generation = 0;
  let observer: MutationObserver | undefined;
  let route: { url: string; recordId: string } | undefined;
  let classifiedFingerprint: string | undefined;
  // During SPA navigation the URL changes before the DOM does: the previous record's
  // fields must not be read as the new record's.
  let staleFingerprint: string | undefined;
  let lastScrape: ScrapeResult | undefined;

  const stopObserving = () => {
    observer?.disconnect();
    observer = undefined;
  };
  ctx.onInvalidated(stopObserving);

  let currentRequestId: string | undefined;
  const unsubscribe = options.subscribePartials?.(({ requestId, ...partial }) => {
    const state = store.get();
    if (requestId !== currentRequestId || state.status !== 'ready' || !state.pending) return;
    store.set({ ...state, partial });
  });
  if (unsubscribe) ctx.onInvalidated(unsubscribe);

  const scheduleCheck = createCoalescer(ctx, () => check());

  function check() {
    if (!route || ctx.isInvalid) return;
    let scrape: ScrapeResult;
    try {
      scrape = adapter.scrape(doc, route.url);
    } catch {
      return; // the page is mid-render; the next mutation tries again
    }
    if (!hasRecordContent(scrape)) return;
    const fingerprint = stableStringify(scrape.fields);
    if (fingerprint === staleFingerprint || fingerprint === classifiedFingerprint) return;
    staleFingerprint = undefined;
    classifiedFingerprint = fingerprint;
    void classify(scrape, false);
  }

  async function classify(scrape: ScrapeResult, refresh: boolean) {
    const lead = LeadSchema.safeParse(scrape.fields);
    if (!lead.success) return;
    const mine = ++generation;
    const requestId = `${mine}-${Math.random().toString(36).slice(2, 10)}`;
    currentRequestId = requestId;
    lastScrape = scrape;
    const page = { crm: scrape.crm, recordId: scrape.recordId, url: scrape.url };
    const current = () => mine === generation && !ctx.isInvalid;
    try {
      const preview = await options.request({ lead: lead.data, phase: 'preview', page });
      if (!current()) return;
      store.set({ status: 'ready', recordId: scrape.recordId, scrape, reply: preview, pending: true });
      const final = await options.request({ lead: lead.data, phase: 'final', page, refresh, requestId });
      if (!current()) return;
      store.set({ status: 'ready', recordId: scrape.recordId, scrape, reply: final, pending: false });
    } catch (err) {
      if (current()) store.set({ status: 'error', recordId: scrape.recordId, message: (err as Error).message });
    }
  }

  function onRoute(nextUrl?: string) {
    if (ctx.isInvalid) return;
    const url = nextUrl ?? currentUrl();
    if (route?.url === url) return;
    stopObserving();
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
    store.set({ status: 'waiting', recordId: page.recordId });
    observer = observeBody(
      doc,
      { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'hidden', 'aria-hidden', 'style'] },
      () => scheduleCheck(classifiedFingerprint ? settleMs : 16),
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
    stop: stopObserving,
  };
}
