import type { SessionContext } from './session-context';

/** Observes the page's body with the page's own MutationObserver (a test DOM brings its own). */
export function observeBody(doc: Document, init: MutationObserverInit, callback: MutationCallback): MutationObserver {
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const observer = new Observer(callback);
  observer.observe(doc.body, init);
  return observer;
}

/**
 * Coalesces bursts of mutations into one run: while a run is scheduled, further
 * requests are dropped. Timers go through `ctx` so they die with the content script.
 */
export function createCoalescer(ctx: SessionContext, run: () => void) {
  let scheduled = false;
  return (delay: number) => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      run();
    }, delay);
  };
}
