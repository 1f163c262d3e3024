import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettler, pageChanged, watchRegion } from './dom-watch';
import type { SessionContext } from './session-context';

const ctx: SessionContext = { isInvalid: false, onInvalidated: () => () => {}, setTimeout: (h, t) => setTimeout(h, t) as unknown as number };

// Timers and Date on a fake clock: no real time passes, so the load of the machine cannot matter.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSettler', () => {
  it('runs once the page has been quiet for the settle time', async () => {
    const run = vi.fn();
    const settle = createSettler(ctx, run);
    settle(250);
    await vi.advanceTimersByTimeAsync(200);
    settle(250); // another mutation: the quiet time starts again
    await vi.advanceTimersByTimeAsync(200);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a page that never goes quiet gets one run per longest wait, not one per burst', async () => {
    const run = vi.fn();
    const settle = createSettler(ctx, run);
    // 60 bursts a second for 5 seconds (a feed that changes every frame): runs at about 2 s and 4 s.
    for (let frame = 0; frame < 300; frame++) {
      settle(250, 2000);
      await vi.advanceTimersByTimeAsync(1000 / 60);
    }
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('asks whether the content script is still valid per timer, not per call (it costs a runtime call)', async () => {
    let asked = 0;
    const counting: SessionContext = { ...ctx, get isInvalid() { asked++; return false; } };
    const run = vi.fn();
    const settle = createSettler(counting, run);
    // 150 bursts in 2.5 s: one run (at 2 s), a handful of timers, never one question per burst.
    for (let frame = 0; frame < 150; frame++) {
      settle(250, 2000);
      await vi.advanceTimersByTimeAsync(1000 / 60);
    }
    expect(run).toHaveBeenCalledTimes(1);
    expect(asked).toBeLessThan(30);
  });

  it('runs nothing once the content script is invalidated', async () => {
    const run = vi.fn();
    const dying = { ...ctx };
    const settle = createSettler(dying, run);
    settle(50);
    dying.isInvalid = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('pageChanged', () => {
  it("skips Pulso's own hosts and badges, and sees any change of the page's", async () => {
    const { document } = parseHTML('<html><body><main><ul id="feed"></ul><span id="name">Ana</span></main></body></html>');
    const seen: boolean[] = [];
    const observer = new document.defaultView!.MutationObserver((records: MutationRecord[]) => seen.push(pageChanged(records)));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    const flush = () => vi.advanceTimersByTimeAsync(0);

    document.body.append(document.createElement('pulso-panel'));
    await flush();
    document.getElementById('name')!.append(document.createElement('pulso-badge'));
    await flush();
    document.querySelector('pulso-badge')!.setAttribute('data-status', 'ready');
    await flush();
    expect(seen).toEqual([false, false, false]);

    document.getElementById('feed')!.append(document.createElement('li'));
    await flush();
    document.getElementById('name')!.setAttribute('title', 'Ana Pérez');
    await flush();
    expect(seen).toEqual([false, false, false, true, true]);
    observer.disconnect();
  });
});

describe('watchRegion', () => {
  // jsdom: its MutationObserver follows the DOM standard (records per real target, characterData).
  function page() {
    const { window } = new JSDOM(
      '<body><div id="app"><section id="feed"></section><div id="slot"><div id="record"><span id="name">Ana</span></div></div></div></body>',
    );
    const doc = window.document;
    const changes = { count: 0 };
    const flush = () => vi.advanceTimersByTimeAsync(0);
    const churn = () => {
      const feed = doc.getElementById('feed')!;
      for (let i = 0; i < 40; i++) feed.append(doc.createElement('div'));
      feed.firstElementChild!.remove();
      feed.firstElementChild!.textContent = 'Activity';
    };
    const init = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'style'] };
    const watch = watchRegion(doc, () => doc.getElementById('record') ?? undefined, init, () => changes.count++);
    return { doc, changes, flush, churn, watch, init };
  }

  it('the page churning outside the region calls nothing; a change inside it does', async () => {
    const { doc, changes, flush, churn, watch } = page();
    for (let frame = 0; frame < 10; frame++) {
      churn();
      await flush();
    }
    expect(changes.count).toBe(0);
    doc.getElementById('name')!.firstChild!.textContent = 'Ana Pérez';
    await flush();
    expect(changes.count).toBe(1);
    watch.disconnect();
  });

  it('follows the region when the SPA swaps it, and stops hearing the old one', async () => {
    const { doc, changes, flush, watch } = page();
    const old = doc.getElementById('record')!;
    const next = doc.createElement('div');
    next.id = 'record';
    next.textContent = 'Bea';
    old.replaceWith(next);
    await flush();
    expect(changes.count).toBe(1); // the swap, seen on the region's parent
    watch.retarget();
    old.textContent = 'gone';
    await flush();
    expect(changes.count).toBe(1);
    next.textContent = 'Bea Ruiz';
    await flush();
    expect(changes.count).toBe(2);
    watch.disconnect();
  });

  it('sees an ancestor hiding the region, and any ancestor being replaced; not children added above it', async () => {
    const { doc, changes, flush, watch } = page();
    doc.body.append(doc.createElement('div'));
    doc.getElementById('app')!.prepend(doc.createElement('aside'));
    await flush();
    expect(changes.count).toBe(0);
    doc.getElementById('slot')!.setAttribute('hidden', '');
    await flush();
    expect(changes.count).toBe(1);
    doc.getElementById('app')!.replaceWith(doc.createElement('main'));
    await flush();
    expect(changes.count).toBe(2);
    watch.disconnect();
  });

  it('without a region watches the whole body (skipping Pulso\'s hosts), then narrows once the region renders', async () => {
    const { doc, changes, flush, churn, init, watch: first } = page();
    first.disconnect();
    const record = doc.getElementById('record')!;
    record.remove();
    const watch = watchRegion(doc, () => doc.getElementById('record') ?? undefined, init, () => changes.count++);
    doc.body.append(doc.createElement('pulso-panel'));
    await flush();
    expect(changes.count).toBe(0);
    churn();
    await flush();
    expect(changes.count).toBe(1);
    doc.getElementById('slot')!.append(record);
    await flush();
    expect(changes.count).toBe(2);
    watch.retarget();
    churn();
    await flush();
    expect(changes.count).toBe(2);
    watch.disconnect();
  });
});
