import type { SessionContext } from './session-context';

/** What a session observes: the region of the page it reads, found again before each read. */
export interface RegionWatch {
  /**
   * Looks for the region again and observes it if the page swapped it (call before each read):
   * cheap when nothing moved. Until the region is found, the whole body is observed.
   */
  retarget(): void;
  disconnect(): void;
}

/** Attributes of the region's ancestors that can hide, show or swap it (a cached view made active, a pane hidden). */
const AROUND_ATTRIBUTES = ['hidden', 'style', 'class', 'aria-hidden'];

/**
 * Observes the narrowest part of the page a session reads — the record, the open chat or ticket,
 * the list table (`find`, from the site's adapter) — instead of the whole body, so a page that
 * churns elsewhere (a live feed, a clock, ads) costs Pulso nothing. Its subtree is observed with
 * `init`; each of its ancestors only for its own children and visibility, so the SPA removing,
 * replacing or hiding the region (or anything above it) still calls `onChange`, and the next
 * `retarget()` follows it. With no region (not rendered yet, or a site that reads the whole page) the body is
 * observed. Pulso's own hosts and badges never count as a change. Uses the page's own
 * MutationObserver (a test DOM brings its own).
 */
export function watchRegion(doc: Document, find: () => Element | null | undefined, init: MutationObserverInit, onChange: () => void): RegionWatch {
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  let target: Element | undefined;
  const inside = new Observer((records) => {
    if (pageChanged(records)) onChange();
  });
  // Above the region only two things matter: it left the page (its branch was removed or
  // replaced), or an ancestor's visibility changed. Children added up there are not the region.
  const around = new Observer((records) => {
    if (!target?.isConnected || records.some((record) => record.type === 'attributes')) onChange();
  });
  const retarget = () => {
    const found = find();
    const next = found && found.isConnected ? found : doc.body;
    if (next === target) return;
    inside.disconnect();
    around.disconnect();
    target = next;
    inside.observe(next, init);
    if (next === doc.body) return;
    for (let node = next.parentElement; node; node = node.parentElement) {
      around.observe(node, { childList: true, attributes: true, attributeFilter: AROUND_ATTRIBUTES });
    }
  };
  retarget();
  return {
    retarget,
    disconnect() {
      inside.disconnect();
      around.disconnect();
      target = undefined;
    },
  };
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
    // Indexed reads, no arrays: this runs for every batch of a page that mutates every frame.
    const { addedNodes, removedNodes } = record;
    if (addedNodes.length + removedNodes.length === 0) return false;
    for (let i = 0; i < addedNodes.length; i++) if (!isPulsoElement(addedNodes[i]!)) return false;
    for (let i = 0; i < removedNodes.length; i++) if (!isPulsoElement(removedNodes[i]!)) return false;
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
    last = now();
    quiet = quietMs;
    maxWait = maxWaitMs;
    // Called for every batch of a churning page: while armed it only notes the time. `isInvalid`
    // asks the extension runtime, so it is checked when a timer is set, not on every call.
    if (armed || ctx.isInvalid) return;
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
