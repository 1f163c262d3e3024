import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettler, observeBody, pageChanged } from './dom-watch';
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
    const observer = observeBody(document as unknown as Document, { childList: true, subtree: true, attributes: true }, (records) => seen.push(pageChanged(records)));
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
