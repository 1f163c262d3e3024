import type { SessionContext } from './session-context';

/** Observes the page's body with the page's own MutationObserver (a test DOM brings its own). */
export function observeBody(doc: Document, init: MutationObserverInit, callback: MutationCallback): MutationObserver {
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const observer = new Observer(callback);
  observer.observe(doc.body, init);
  return observer;
}

/** Everything Pulso draws in a page is a `pulso-*` custom element (panel hosts, the list toolbar, badges). */
export function isPulsoElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('pulso-');
}

/**
 * A mutation Pulso made itself: attaching or removing one of its hosts, or changing one's
 * attributes. What happens inside their shadow roots never reaches a page observer.
 */
export function isOwnMutation(record: MutationRecord): boolean {
  if (record.type === 'childList') {
    const { addedNodes, removedNodes } = record;
    if (addedNodes.length + removedNodes.length === 0) return false;
    for (const node of Array.from(addedNodes)) if (!isPulsoElement(node)) return false;
    for (const node of Array.from(removedNodes)) if (!isPulsoElement(node)) return false;
    return true;
  }
  return isPulsoElement(record.target);
}

/** Whether a batch of mutations holds any change of the page's own (so drawing never feeds itself). */
export function pageChanged(records: readonly MutationRecord[]): boolean {
  for (const record of records) if (!isOwnMutation(record)) return true;
  return false;
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

/**
 * Runs once the page has been quiet for `quietMs` since the last request, or `maxWaitMs` after
 * the first one if it never goes quiet: a page that churns without end (a live feed) gets a
 * re-read every `maxWaitMs`, not one per burst. One timer at a time, through `ctx`.
 */
export function createSettler(ctx: SessionContext, run: () => void, now: () => number = Date.now) {
  let armed = false;
  let first = 0;
  let last = 0;
  let quiet = 0;
  let maxWait = Infinity;
  const fire = () => {
    const wait = Math.min(last + quiet, first + maxWait) - now();
    if (wait > 0 && !ctx.isInvalid) {
      ctx.setTimeout(fire, wait);
      return;
    }
    armed = false;
    if (!ctx.isInvalid) run();
  };
  return (quietMs: number, maxWaitMs = Infinity) => {
    if (ctx.isInvalid) return;
    last = now();
    quiet = quietMs;
    maxWait = maxWaitMs;
    if (armed) return;
    armed = true;
    first = last;
    ctx.setTimeout(fire, quietMs);
  };
}

/**
 * Gives the main thread back to the page between slices of work: `scheduler.yield()` where the
 * browser has it (the work resumes ahead of other tasks), else a zero timeout through `ctx`.
 */
export function yieldToPage(ctx: SessionContext): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => ctx.setTimeout(resolve, 0));
}
